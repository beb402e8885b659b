//! Browser benchmarks (not tests): run by `make bench` through
//! `scripts/bench.sh`, in headless Chromium, built with the page's own
//! `wasm-release` profile so the figures are what a visitor gets.
//! Each figure is printed as one `BENCH {json}` line on the console.
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use aioscope::components::stepper::{StepperProps, StepperView};
use aioscope::model::{Opening, Run};
use aioscope_core::run::Guards;
use aioscope_core::run::{run, Options};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// The flag downloader with N = 1000 (bench/flags.py scales it the same way).
const FLAGS: &str = include_str!("flags_downloader.py");

fn flags(n: u32) -> String {
    assert!(FLAGS.contains("N = 1000\n"));
    FLAGS.replacen("N = 1000\n", &format!("N = {n}\n"), 1)
}

/// 1,000 tasks alive at once, each sleeping three times.
const THOUSAND_TASKS: &str = "\
import asyncio

async def worker(i):
    for k in range(3):
        await asyncio.sleep(1 + (i % 10) / 10)
    return i

async def main():
    tasks = [asyncio.create_task(worker(i)) for i in range(1000)]
    await asyncio.gather(*tasks)

asyncio.run(main())
";

fn now() -> f64 {
    web_sys::window().unwrap().performance().unwrap().now()
}

fn report(key: &str, value: f64) {
    console_log!("BENCH {{\"{key}\": {value:.3}}}");
}

fn options() -> Options {
    Options {
        lines: true,
        instructions: 20_000_000_000,
        guards: Guards {
            max_iterations: 100_000_000,
            ..Guards::default()
        },
        ..Options::default()
    }
}

fn percentile(samples: &mut [f64], p: f64) -> f64 {
    samples.sort_by(f64::total_cmp);
    let rank = ((samples.len() - 1) as f64 * p).round() as usize;
    samples[rank]
}

/// A tiny deterministic generator: the jumps are random but the same in
/// every run.
struct XorShift(u64);

impl XorShift {
    fn below(&mut self, n: u32) -> u32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as u32
    }
}

async fn mount(run: Run, frame: u32) -> web_sys::Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    let handle = yew::Renderer::<StepperView>::with_root_and_props(
        root.clone(),
        StepperProps {
            run,
            opening: Opening::Shown {
                n: frame + 1,
                internals: true,
            },
            on_place: Callback::noop(),
            on_interrupt: None,
        },
    )
    .render();
    // The screen stays mounted for the rest of the benchmark.
    std::mem::forget(handle);
    gloo_timers::future::sleep(Duration::ZERO).await;
    root
}

fn step_forward(root: &web_sys::Element) -> web_sys::HtmlElement {
    root.query_selector("button[aria-label='Step forward']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap()
}

fn frame_counter(root: &web_sys::Element) -> String {
    root.query_selector("[aria-label='Frame']")
        .unwrap()
        .and_then(|e| e.text_content())
        .unwrap_or_default()
}

/// Milliseconds from an input to the frame `want` (0-based) being on the
/// screen and laid out: Yew renders on a microtask, so the wait yields
/// microtasks until the frame counter changes (then timer turns, for a
/// render long enough that Yew yields to the browser), then forces layout.
async fn until_shown(root: &web_sys::Element, want: u32, last: u32, start: f64) -> f64 {
    let expect = format!("{} / {}", want + 1, last + 1);
    for attempt in 0..10_000 {
        if frame_counter(root) == expect {
            let _ = root.get_bounding_client_rect();
            let html: web_sys::HtmlElement = root.clone().dyn_into().unwrap();
            let _ = html.offset_height();
            return now() - start;
        }
        if attempt < 100 {
            let resolved = js_sys::Promise::resolve(&wasm_bindgen::JsValue::NULL);
            let _ = wasm_bindgen_futures::JsFuture::from(resolved).await;
        } else {
            gloo_timers::future::sleep(Duration::ZERO).await;
        }
    }
    panic!("frame {want} never shown: {}", frame_counter(root));
}

#[wasm_bindgen_test]
async fn simulator_throughput() {
    let program = flags(10_000);
    let mut times = Vec::new();
    let mut frames = 0;
    for _ in 0..3 {
        let start = now();
        let trace = run(&program, "flags_10000.py", &options());
        let transcript = trace.transcript();
        times.push(now() - start);
        assert!(transcript.contains("\"exit\": \"ok\""), "{transcript}");
        frames = trace.len();
        gloo_timers::future::sleep(Duration::ZERO).await;
    }
    let median = percentile(&mut times, 0.5);
    report("browser_sim_ms", median);
    report("browser_sim_frames", frames as f64);
}

#[wasm_bindgen_test]
async fn time_travel_jumps() {
    let program = flags(15_000);
    let trace = run(&program, "flags_15000.py", &options());
    assert!(trace.len() >= 100_000, "only {} frames", trace.len());
    let last = trace.len() as u32 - 1;
    let run = Run::from_trace(&program, trace);
    let root = mount(run, 0).await;
    let scrubber: web_sys::HtmlInputElement = root
        .query_selector("input[aria-label='Frames']")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    let mut rng = XorShift(0x9e37_79b9_7f4a_7c15);
    let mut samples = Vec::new();
    for _ in 0..200 {
        let to = rng.below(last + 1);
        if frame_counter(&root) == format!("{} / {}", to + 1, last + 1) {
            continue;
        }
        let start = now();
        scrubber.set_value(&to.to_string());
        // Yew listens on the root for bubbling events.
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        let event = web_sys::Event::new_with_event_init_dict("input", &init).unwrap();
        scrubber.dispatch_event(&event).unwrap();
        samples.push(until_shown(&root, to, last, start).await);
    }
    let forward = step_forward(&root);
    // Stepping in the middle of the long trace, for comparison.
    let mut steps = Vec::new();
    let from = last / 2;
    scrubber.set_value(&from.to_string());
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    scrubber
        .dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
        .unwrap();
    until_shown(&root, from, last, now()).await;
    for k in 1..=20 {
        let start = now();
        forward.click();
        steps.push(until_shown(&root, from + k, last, start).await);
    }
    report("step_100k_median_ms", percentile(&mut steps, 0.5));
    report("jump_frames", (last + 1) as f64);
    report(
        "jump_dom_elements",
        root.query_selector_all("*").unwrap().length() as f64,
    );
    report("jump_median_ms", percentile(&mut samples, 0.5));
    report("jump_p95_ms", percentile(&mut samples, 0.95));
}

#[wasm_bindgen_test]
async fn render_with_a_thousand_tasks() {
    let trace = run(THOUSAND_TASKS, "tasks.py", &options());
    let last = trace.len() as u32 - 1;
    // Start after the first wake-ups (the first sleeps end before t = 2),
    // where all 1,000 tasks exist and none has finished (none ends before
    // t = 3).
    let from = (0..=last)
        .find(|&f| trace.frame(f).is_some_and(|fr| fr.t >= 2.0))
        .expect("a frame at t = 2");
    assert!(from + 100 <= last, "{from} of {last}");
    let run = Run::from_trace(THOUSAND_TASKS, trace);
    let root = mount(run, from).await;
    let forward = step_forward(&root);
    let mut samples = Vec::new();
    for k in 1..=100 {
        let start = now();
        forward.click();
        samples.push(until_shown(&root, from + k, last, start).await);
    }
    report("render_tasks", 1000.0);
    report("render_median_ms", percentile(&mut samples, 0.5));
    report("render_p95_ms", percentile(&mut samples, 0.95));
}

/// The core's part of a jump: the trace queries the panels make for one
/// frame (the rest is Yew and the DOM).
#[wasm_bindgen_test]
async fn jump_queries_breakdown() {
    let trace = run(&flags(15_000), "flags_15000.py", &options());
    let last = trace.len() as u32 - 1;
    let mut rng = XorShift(7);
    let (mut timers, mut tasks, mut sleepers) = (Vec::new(), Vec::new(), Vec::new());
    for _ in 0..50 {
        let at = rng.below(last + 1);
        let s = now();
        let n = trace.timers_at(at).len();
        timers.push(now() - s);
        let s = now();
        let alive = (0..trace.tasks.len() as u32)
            .filter(|t| trace.task_at(*t, at).is_some())
            .count();
        tasks.push(now() - s);
        let s = now();
        let m = aioscope::analysis::sleepers(&trace, at).len();
        sleepers.push(now() - s);
        assert!(n + alive + m < usize::MAX);
    }
    report("q_timers_ms", percentile(&mut timers, 0.5));
    report("q_tasks_pass_ms", percentile(&mut tasks, 0.5));
    report("q_sleepers_ms", percentile(&mut sleepers, 0.5));
}

/// Picking a scenario from the list: its run (the first run of a page
/// also compiles the built-in asyncio module) and the stepper's first
/// render, each scenario in turn on a fresh screen.
#[wasm_bindgen_test]
async fn scenario_switch() {
    use aioscope::model::SCENARIO_BUDGET;
    use aioscope::scenarios::SCENARIOS;
    let document = web_sys::window().unwrap().document().unwrap();
    let (mut runs, mut renders) = (Vec::new(), Vec::new());
    let mut first_run = None;
    for s in SCENARIOS {
        let start = now();
        let run = Run::new(s.source, s.file, SCENARIO_BUDGET);
        let ran = now();
        first_run.get_or_insert(ran - start);
        runs.push(ran - start);
        let root = document.create_element("div").unwrap();
        document.body().unwrap().append_child(&root).unwrap();
        let last = run.last();
        let rendering = now();
        let handle = yew::Renderer::<StepperView>::with_root_and_props(
            root.clone(),
            StepperProps {
                run,
                opening: Opening::default(),
                on_place: Callback::noop(),
                on_interrupt: None,
            },
        )
        .render();
        renders.push(until_shown(&root, 0, last, rendering).await);
        handle.destroy();
        root.remove();
        gloo_timers::future::sleep(Duration::ZERO).await;
    }
    report("scenario_first_run_ms", first_run.unwrap_or_default());
    // The first run paid for compiling asyncio.py and the first render for
    // a cold page; the others are what a switch costs.
    let worst = |xs: &[f64]| xs[1..].iter().cloned().fold(0.0, f64::max);
    report("scenario_run_max_ms", worst(&runs));
    report("scenario_render_max_ms", worst(&renders));
    report(
        "scenario_render_median_ms",
        percentile(&mut renders[1..], 0.5),
    );
}
