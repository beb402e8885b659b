//! Browser tests of the app: mount into a fresh element, yield, read the DOM.
//! The stepping screen is mounted on traces made here by running small
//! programs (and scenarios) on the simulator, then driven through its
//! buttons, as a person would.
//! Run with `wasm-pack test --headless --chrome` (or `--firefox`).
#![cfg(target_arch = "wasm32")]

use std::time::Duration;

use aioscope::components::stepper::{StepperProps, StepperView};
use aioscope::model::{Opening, Run, SCENARIO_BUDGET};
use aioscope::scenarios;
use aioscope::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

/// A new `<div>` appended to the body, so each test starts from an empty root.
fn fresh_root() -> web_sys::Element {
    let document = document();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

/// Lets Yew finish every render and effect it has queued, then gives the
/// browser one turn. Counting turns is not enough: Yew yields to the
/// browser every 16 ms while it renders, so on a slow machine one render
/// (and the key listener its effect adds) can take many turns.
async fn tick() {
    yew::scheduler::flush().await;
    gloo_timers::future::sleep(Duration::ZERO).await;
}

/// Lets the whole app render and run its effects: the views nested in it
/// render (and add their listeners) after work the app starts on a timer.
async fn settle() {
    for _ in 0..3 {
        tick().await;
    }
}

/// The frame counter once it satisfies `ok`, or what it shows after 2 s (a
/// loaded machine may take more than a turn to render a jump).
async fn counter_when(root: &web_sys::Element, ok: impl Fn(&str) -> bool) -> String {
    for _ in 0..100 {
        let c = frame_counter(root);
        if ok(&c) {
            return c;
        }
        gloo_timers::future::sleep(Duration::from_millis(20)).await;
    }
    frame_counter(root)
}

fn scenario_run(id: &str) -> Run {
    let s = scenarios::by_id(id).unwrap();
    Run::new(s.source, s.file, SCENARIO_BUDGET)
}

/// Mounts the whole app on a page whose address has `hash`.
async fn mount_app(hash: &str) -> (web_sys::Element, yew::AppHandle<App>) {
    set_hash(hash);
    let root = fresh_root();
    let handle = yew::Renderer::<App>::with_root(root.clone()).render();
    settle().await;
    (root, handle)
}

/// Mounts the stepping screen on `run` at frame index `frame`, with
/// asyncio's internals shown, so every frame index is a frame on screen.
async fn mount(run: Run, frame: u32) -> (web_sys::Element, yew::AppHandle<StepperView>) {
    let root = fresh_root();
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
    tick().await;
    (root, handle)
}

fn find(root: &web_sys::Element, selector: &str) -> web_sys::Element {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("nothing matches {selector}"))
}

fn all(root: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().dyn_into().unwrap())
        .collect()
}

fn text(el: &web_sys::Element) -> String {
    el.text_content().unwrap_or_default()
}

async fn click(root: &web_sys::Element, label: &str) {
    let b: web_sys::HtmlElement = find(root, &format!("button[aria-label='{label}']"))
        .dyn_into()
        .unwrap();
    b.click();
    tick().await;
}

fn clock(root: &web_sys::Element) -> f64 {
    let t = text(&find(root, "[aria-label='Virtual time']"));
    t.trim_end_matches(" s").parse().unwrap()
}

fn frame_counter(root: &web_sys::Element) -> String {
    text(&find(root, "[aria-label='Frame']"))
}

/// The console's screen lines, as the terminal shows them.
fn console_lines(root: &web_sys::Element) -> Vec<String> {
    all(root, "section[aria-label='Console'] .term__line")
        .iter()
        .map(text)
        .collect()
}

fn set_hash(hash: &str) {
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(hash))
        .unwrap();
}

const SPINNER: &str = "|/-\\";

#[wasm_bindgen_test]
async fn app_shows_its_heading_regions_and_controls() {
    let (root, handle) = mount_app("#").await;

    let h1 = find(&root, "h1");
    assert_eq!(h1.text_content().as_deref(), Some("aioscope"));
    assert!(
        root.query_selector("main").unwrap().is_some(),
        "a <main> landmark"
    );
    for region in [
        "Code",
        "Ready queue",
        "Scheduled timers",
        "Tasks",
        "Console",
        "Timeline",
    ] {
        find(&root, &format!("section[aria-label='{region}']"));
    }
    for button in [
        "Step forward",
        "Step back",
        "Play",
        "Jump to start",
        "Jump to end",
        "Step back a line",
        "Step over",
        "Step into",
        "Step out",
        "Next timer",
        "Next output",
    ] {
        find(&root, &format!("button[aria-label='{button}']"));
    }
    // The scenario menu is labelled "Scenario" and opens on the asyncio spinner.
    assert_eq!(text(&find(&root, "label[for='scenario']")), "Scenario");
    let select: web_sys::HtmlSelectElement = find(&root, "select#scenario").dyn_into().unwrap();
    assert_eq!(select.value(), "spinner_asyncio");
    assert_eq!(frame_counter(&root).split(" / ").next(), Some("1"));
    // The explanation is a live region.
    let live = find(&root, "[aria-live='polite']");
    assert!(text(&live).contains("program starts"));

    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_spinner_shows_another_character_after_one_timer_step() {
    let (root, handle) = mount(scenario_run("spinner_asyncio"), 0).await;
    // Step until the spinner has drawn its first frame.
    let mut first = None;
    for _ in 0..10 {
        click(&root, "Step forward").await;
        let lines = console_lines(&root);
        if let Some(c) = lines.get(1).and_then(|l| l.trim().chars().next()) {
            first = Some(c);
            break;
        }
    }
    let first = first.expect("the spinner drew a frame");
    assert!(SPINNER.contains(first));
    let t0 = clock(&root);
    // The 0.1 s timer fires, then the spinner task wakes and draws again.
    click(&root, "Next timer").await;
    let t1 = clock(&root);
    assert!(
        (t1 - t0 - 0.1).abs() < 1e-6,
        "the clock moved 0.1 s: {t0} -> {t1}"
    );
    click(&root, "Step forward").await;
    let second = console_lines(&root)[1].chars().next().unwrap();
    assert!(SPINNER.contains(second));
    assert_ne!(first, second, "the spinner turned");
    // The terminal shows one frame, not the backspaces: the line is exactly
    // one spinner frame long.
    assert_eq!(
        console_lines(&root)[1].trim_end(),
        format!("{second} thinking!")
    );
    // Back one step: the first character again.
    click(&root, "Step back").await;
    assert_eq!(console_lines(&root)[1].chars().next(), Some(first));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_semaphore_downloader_never_has_more_than_its_limit_in_flight() {
    const LIMIT: usize = 3;
    let run = scenario_run("flags_semaphore");
    let frames = run.trace.len();
    let (root, handle) = mount(run, 0).await;
    let mut most = 0;
    let mut saw_waiter = false;
    for _ in 0..frames {
        // Tasks inside net.get: their await chain shows the library's `get`.
        let in_flight = all(&root, "section[aria-label='Tasks'] .task")
            .iter()
            .filter(|card| {
                all(card, ".stack__entry--lib")
                    .iter()
                    .any(|e| text(e) == "get")
            })
            .count();
        assert!(
            in_flight <= LIMIT,
            "{in_flight} requests in flight at {}",
            frame_counter(&root)
        );
        most = most.max(in_flight);
        // The semaphore panel agrees.
        if let Some(permits) = root.query_selector(".permits").unwrap() {
            let label = permits.get_attribute("aria-label").unwrap();
            let used: usize = label.split(' ').next().unwrap().parse().unwrap();
            assert!(used <= LIMIT, "{label}");
            assert!(
                label.ends_with(&format!("of {LIMIT} permits in use")),
                "{label}"
            );
            saw_waiter |= root.query_selector(".waiters .chip").unwrap().is_some();
        }
        click(&root, "Step forward").await;
    }
    assert_eq!(most, LIMIT, "the limit is reached");
    assert!(saw_waiter, "some task queued on the semaphore");
    assert!(console_lines(&root)
        .iter()
        .any(|l| l.contains("at most 3 requests in flight")));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_cancelled_task_is_shown_cancelled() {
    let src = "\
import asyncio

async def sleeper():
    await asyncio.sleep(10)

async def main():
    t = asyncio.create_task(sleeper(), name='sleeper')
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('sleeper was cancelled')

asyncio.run(main())
";
    let run = Run::new(src, "main.py", 1_000_000);
    let last = run.last();
    let (root, handle) = mount(run, 0).await;
    let card = |root: &web_sys::Element| {
        all(root, "section[aria-label='Tasks'] .task")
            .into_iter()
            .find(|c| text(&find(c, ".task__name")) == "sleeper")
    };
    // Before: waiting on its timer.
    click(&root, "Next timer").await;
    let before = card(&root).expect("the sleeper task is listed");
    assert_eq!(text(&find(&before, ".badge")), "waiting");
    // At the end: cancelled, in the tasks panel and on the timeline.
    click(&root, "Jump to end").await;
    assert_eq!(frame_counter(&root), format!("{} / {}", last + 1, last + 1));
    let after = card(&root).expect("still listed");
    let badge = find(&after, ".badge");
    assert_eq!(text(&badge), "cancelled");
    assert!(badge.class_name().contains("badge--cancelled"));
    assert!(root.query_selector(".mk-cancel").unwrap().is_some());
    assert!(console_lines(&root)
        .iter()
        .any(|l| l == "sleeper was cancelled"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_traceback_shows_at_its_frame_in_the_error_colour_and_its_line_link_moves_the_code() {
    let src = "\
import asyncio

async def fail():
    await asyncio.sleep(0.1)
    raise ValueError('bad value')

async def main():
    t = asyncio.create_task(fail())
    await asyncio.sleep(0.2)
    print('\\033[32mgreen\\033[0m plain')
    del t
    await asyncio.sleep(0.1)
    print('after')

asyncio.run(main())
";
    let run = Run::new(src, "main.py", 1_000_000);
    let (root, handle) = mount(run, 0).await;
    let console = find(&root, "section[aria-label='Console']");
    assert!(all(&console, ".term__err").is_empty());
    click(&root, "Next output").await;
    // The print and the task's death are one step: stdout, then stderr.
    let lines = console_lines(&root);
    assert_eq!(lines[0], "green plain");
    assert_eq!(lines[1], "Task exception was never retrieved");
    assert!(!lines.iter().any(|l| l.contains("after")));
    let err: String = all(&console, ".term__err").iter().map(text).collect();
    assert!(
        err.starts_with("Task exception was never retrieved"),
        "{err:?}"
    );
    assert!(err.contains("ValueError: bad value"), "{err:?}");
    assert!(!err.contains("green"));
    assert_eq!(text(&find(&console, ".ansi-f2")), "green");
    // One step back, nothing of it yet.
    click(&root, "Step back").await;
    assert!(all(&console, ".term__err").is_empty());
    click(&root, "Step forward").await;
    let link: web_sys::HtmlElement = find(&console, "button.term__link").dyn_into().unwrap();
    assert_eq!(text(&link), "File \"main.py\", line 5");
    assert_eq!(
        link.get_attribute("aria-label").as_deref(),
        Some("Show line 5 in the code")
    );
    assert!(root.query_selector(".ln--linked").unwrap().is_none());
    link.click();
    tick().await;
    let marked = find(&root, "section[aria-label='Code'] .ln--linked");
    assert_eq!(text(&find(&marked, ".ln__num")), "5");
    // Moving on clears the mark.
    click(&root, "Step forward").await;
    assert!(root.query_selector(".ln--linked").unwrap().is_none());
    handle.destroy();
}

/// Presses a key on the document, as the transport keys listen there.
fn key(k: &str) {
    let init = web_sys::KeyboardEventInit::new();
    init.set_key(k);
    init.set_bubbles(true);
    init.set_cancelable(true);
    let e = web_sys::KeyboardEvent::new_with_keyboard_event_init_dict("keydown", &init).unwrap();
    document().dispatch_event(&e).unwrap();
}

#[wasm_bindgen_test]
async fn keys_step_and_play_and_a_line_breakpoint_stops_playing() {
    let (root, handle) = mount(scenario_run("spinner_asyncio"), 0).await;
    key("ArrowRight");
    assert!(counter_when(&root, |c| c.starts_with("2 / "))
        .await
        .starts_with("2 / "));
    key("ArrowRight");
    assert!(counter_when(&root, |c| c.starts_with("3 / "))
        .await
        .starts_with("3 / "));
    key("ArrowLeft");
    assert!(counter_when(&root, |c| c.starts_with("2 / "))
        .await
        .starts_with("2 / "));
    key("End");
    let at_end = |c: &str| c.split_once(" / ").is_some_and(|(a, b)| a == b);
    let total = counter_when(&root, at_end).await;
    assert!(at_end(&total), "{total}");
    key("Home");
    assert!(counter_when(&root, |c| c.starts_with("1 / "))
        .await
        .starts_with("1 / "));

    // A breakpoint on line 13 (out.write(frame)): playing stops there.
    let line: web_sys::HtmlElement = find(&root, "button[aria-label='Breakpoint at line 13']")
        .dyn_into()
        .unwrap();
    line.click();
    tick().await;
    assert_eq!(line.get_attribute("aria-pressed").as_deref(), Some("true"));
    key(" ");
    tick().await;
    find(&root, "button[aria-label='Pause']");
    for _ in 0..200 {
        gloo_timers::future::sleep(Duration::from_millis(30)).await;
        if root
            .query_selector("button[aria-label='Play']")
            .unwrap()
            .is_some()
        {
            break;
        }
    }
    find(&root, "button[aria-label='Play']");
    let cur = find(&root, ".ln--cur");
    assert_eq!(text(&find(&cur, ".ln__num")), "13");
    assert!(text(&find(&root, "[aria-live='polite']")).contains("breakpoint on line 13"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_blocking_sleep_is_flagged_at_its_line() {
    let src = "\
import asyncio
import time

async def ticker():
    for i in range(3):
        print('tick', i)
        await asyncio.sleep(0.1)

async def blocker():
    await asyncio.sleep(0.15)
    time.sleep(0.5)

async def main():
    await asyncio.gather(ticker(), blocker())

asyncio.run(main())
";
    let run = Run::new(src, "main.py", 1_000_000);
    let (root, handle) = mount(run, 0).await;
    let mut found = false;
    for _ in 0..40 {
        click(&root, "Step forward").await;
        if let Some(note) = root.query_selector(".ln-note--warn").unwrap() {
            assert!(
                text(&note).contains("time.sleep(0.5) blocks the event loop"),
                "{}",
                text(&note)
            );
            assert!(text(&find(&root, "[aria-live='polite']")).contains("Line 11"));
            found = true;
            break;
        }
    }
    assert!(found, "the warning appeared");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_malformed_link_shows_a_message_and_the_default_scenario() {
    let (root, handle) = mount_app("#c=%%%broken&f=2").await;
    let alert = find(&root, "[role='alert']");
    assert!(
        text(&alert).contains("could not be opened"),
        "{}",
        text(&alert)
    );
    let select: web_sys::HtmlSelectElement = find(&root, "select#scenario").dyn_into().unwrap();
    assert_eq!(select.value(), "spinner_asyncio");
    find(&root, "section[aria-label='Code']");
    handle.destroy();
    set_hash("#");
}

#[wasm_bindgen_test]
async fn a_link_reopens_the_same_frame_and_follows_it() {
    // The link names the frame by the counter's number.
    let (root, handle) = mount_app("#s=event_call_later&n=6").await;
    assert!(frame_counter(&root).starts_with("6 / "));
    let select: web_sys::HtmlSelectElement = find(&root, "select#scenario").dyn_into().unwrap();
    assert_eq!(select.value(), "event_call_later");
    click(&root, "Step forward").await;
    settle().await;
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert_eq!(hash, "#s=event_call_later&n=7");
    handle.destroy();
    set_hash("#");
}

#[wasm_bindgen_test]
async fn sixty_sleepers_draw_a_page_of_rows_and_more_on_request() {
    use aioscope::components::queues::ROWS_SHOWN;
    use aioscope::components::tasks::TASKS_SHOWN;
    let src = "import asyncio\n\nasync def nap(i):\n    await asyncio.sleep(1 + i / 100)\n\nasync def main():\n    await asyncio.gather(*[nap(i) for i in range(60)])\n\nasyncio.run(main())\n";
    let run = Run::new(src, "main.py", 1_000_000);
    // The frame where all 60 naps have started sleeping.
    let trace = run.trace.clone();
    let at = (0..trace.len() as u32)
        .find(|&f| trace.timers_at(f).len() == 60)
        .expect("60 timers at once");
    let (root, _h) = mount(run, at).await;
    let timers = all(&root, "section[aria-label='Scheduled timers'] li");
    assert_eq!(timers.len(), ROWS_SHOWN);
    let more = text(&find(
        &root,
        "section[aria-label='Scheduled timers'] .q__more",
    ));
    assert_eq!(more, format!("+{} more", 60 - ROWS_SHOWN));
    // 61 tasks (main and 60 naps): a page of rows, then one more page; the
    // task that ran this step is drawn too, wherever it is in the list.
    let running = trace.frame(at).and_then(|f| f.task).map(|t| t as usize);
    let extra = |shown: usize| usize::from(running.is_some_and(|t| t >= shown));
    let rows = || all(&root, "section[aria-label='Tasks'] li.task").len();
    assert_eq!(rows(), TASKS_SHOWN + extra(TASKS_SHOWN));
    let button: web_sys::HtmlElement = find(&root, "section[aria-label='Tasks'] .tasks__more")
        .dyn_into()
        .unwrap();
    assert!(text(&button).contains(&format!("{} not shown", 61 - rows())));
    button.click();
    tick().await;
    assert_eq!(rows(), 2 * TASKS_SHOWN + extra(2 * TASKS_SHOWN));
}

#[wasm_bindgen_test]
async fn what_a_task_awaits_links_to_the_semaphore_and_the_timer() {
    let run = scenario_run("flags_semaphore");
    let frames = run.trace.len();
    let (root, handle) = mount(run, 0).await;
    let (mut to_sync, mut to_timer) = (false, false);
    for _ in 0..frames {
        for link in all(&root, "section[aria-label='Tasks'] button.awaits--link") {
            let label = text(&link);
            let target = if label.starts_with("Semaphore #") {
                to_sync = true;
                "section[aria-label='Synchronisation'] li.is-flash"
            } else if label.starts_with("a sleep timer due at") {
                to_timer = true;
                "section[aria-label='Scheduled timers'] li.is-flash"
            } else {
                panic!("a link to what? {label}");
            };
            let link: web_sys::HtmlElement = link.dyn_into().unwrap();
            link.click();
            tick().await;
            let flashed = find(&root, target);
            assert!(
                flashed.id().starts_with("sync-") || flashed.id().starts_with("timer-"),
                "{}",
                flashed.id()
            );
            flashed.class_list().remove_1("is-flash").unwrap();
        }
        if to_sync && to_timer {
            break;
        }
        click(&root, "Step forward").await;
    }
    assert!(to_sync, "a task queued on the semaphore links to it");
    assert!(to_timer, "a sleeping task links to its timer");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_two_spinners_run_side_by_side_on_one_clock() {
    let (root, handle) = mount_app("#s=spinner_asyncio").await;
    let toggle: web_sys::HtmlElement = find(&root, ".intro__compare").dyn_into().unwrap();
    assert_eq!(text(&toggle), "Side by side: threads vs asyncio");
    toggle.click();
    settle().await;
    let view = find(&root, "section[aria-label='Side by side']");
    let threads = find(&view, "[role='group'][aria-label='Spinner with a thread']");
    let tasks = find(&view, "[role='group'][aria-label='Spinner with asyncio']");
    assert!(frame_counter(&view).starts_with("1 / "));
    // Step until the clock passes 0.3 s: both consoles have spun by then.
    let mut steps = 0;
    while clock(&view) <= 0.3 {
        click(&view, "Step forward").await;
        steps += 1;
        assert!(steps < 200, "the clock never passed 0.3 s");
    }
    assert_eq!(
        frame_counter(&view).split(" / ").next().unwrap(),
        (steps + 1).to_string()
    );
    for side in [&threads, &tasks] {
        let console: String = all(side, ".term__line").iter().map(text).collect();
        assert!(
            console.chars().any(|c| SPINNER.contains(c)),
            "a spinner character: {console:?}"
        );
    }
    // Back to one program: the usual stepper.
    toggle.click();
    settle().await;
    assert!(root
        .query_selector("section[aria-label='Side by side']")
        .unwrap()
        .is_none());
    find(&root, "section[aria-label='Timeline']");
    handle.destroy();
}

/// Waits (up to 15 s) until `view` shows its Play button again, that is
/// until playing stopped by itself.
async fn until_paused(view: &web_sys::Element) {
    for _ in 0..750 {
        if view
            .query_selector("button[aria-label='Play']")
            .unwrap()
            .is_some()
        {
            return;
        }
        gloo_timers::future::sleep(Duration::from_millis(20)).await;
    }
    panic!("still playing");
}

#[wasm_bindgen_test]
async fn side_by_side_playing_stops_at_a_line_breakpoint_set_on_one_side() {
    let (root, handle) = mount_app("#s=spinner_asyncio&v=side").await;
    let view = find(&root, "section[aria-label='Side by side']");
    let tasks = find(&view, "[role='group'][aria-label='Spinner with asyncio']");
    // Line 13 of the asyncio spinner: out.write(frame), once a turn.
    let line: web_sys::HtmlElement = find(&tasks, "button[aria-label='Breakpoint at line 13']")
        .dyn_into()
        .unwrap();
    line.click();
    tick().await;
    assert_eq!(line.get_attribute("aria-pressed").as_deref(), Some("true"));
    let threads = find(&view, "[role='group'][aria-label='Spinner with a thread']");
    assert_eq!(
        find(&threads, "button[aria-label='Breakpoint at line 13']")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("false"),
        "each side has its own breakpoints"
    );
    let at = |c: String| -> (u32, u32) {
        let (a, b) = c.split_once(" / ").unwrap();
        (a.parse().unwrap(), b.parse().unwrap())
    };
    let mut last_stop = 1;
    for turn in 0..2 {
        click(&view, "Play").await;
        until_paused(&view).await;
        tick().await;
        let (k, total) = at(frame_counter(&view));
        assert!(
            k > last_stop && k < total,
            "turn {turn}: stopped at {k} of {total}"
        );
        // The side that moved is the asyncio one, and its line 13 ran.
        assert!(
            tasks.class_name().contains("compare__col--moved"),
            "turn {turn}"
        );
        last_stop = k;
    }
    handle.destroy();
    set_hash("#");
}

#[wasm_bindgen_test]
async fn a_link_reopens_the_side_by_side_view_at_its_frame_and_keys_step_it() {
    let (root, handle) = mount_app("#s=spinner_thread&v=side&n=4").await;
    let view = find(&root, "section[aria-label='Side by side']");
    assert!(
        frame_counter(&view).starts_with("4 / "),
        "{}",
        frame_counter(&view)
    );
    key("ArrowRight");
    let c = counter_when(&view, |c| c.starts_with("5 / ")).await;
    assert!(c.starts_with("5 / "), "{c}");
    settle().await;
    let hash = web_sys::window().unwrap().location().hash().unwrap();
    assert_eq!(hash, "#s=spinner_thread&v=side&n=5");
    key("Home");
    let c = counter_when(&view, |c| c.starts_with("1 / ")).await;
    assert!(c.starts_with("1 / "), "{c}");
    key("End");
    let at_end = |c: &str| c.split_once(" / ").is_some_and(|(a, b)| a == b);
    let c = counter_when(&view, at_end).await;
    assert!(at_end(&c), "{c}");
    handle.destroy();
    set_hash("#");
}

/// How many travel animations run on `el` (`Element.getAnimations`; CSS
/// animations have no id).
fn animations(el: &web_sys::Element) -> usize {
    use aioscope::components::travel::TRAVEL_ID;
    let f: js_sys::Function = js_sys::Reflect::get(el, &"getAnimations".into())
        .unwrap()
        .dyn_into()
        .unwrap();
    let list: js_sys::Array = f.call0(el).unwrap().dyn_into().unwrap();
    list.iter()
        .filter(|a| {
            js_sys::Reflect::get(a, &"id".into())
                .ok()
                .and_then(|v| v.as_string())
                .as_deref()
                == Some(TRAVEL_ID)
        })
        .count()
}

#[wasm_bindgen_test]
async fn a_timer_that_comes_due_travels_into_the_ready_queue() {
    let (root, handle) = mount(scenario_run("spinner_asyncio"), 0).await;
    let mut steps = 0;
    let moved = loop {
        click(&root, "Step forward").await;
        steps += 1;
        // The spinner's timers come due one at a time until slow_function's
        // 3 s sleep and spin's 30th tenth of a second end together (frame 92).
        assert!(steps < 150, "no timer came due");
        let due = root
            .query_selector(".panel--ready .q__item--timer")
            .unwrap();
        if let Some(item) = due {
            break item;
        }
    };
    assert!(
        animations(&moved) > 0,
        "the row that came from the timers moves"
    );
    // A jump does not animate.
    click(&root, "Jump to start").await;
    click(&root, "Jump to end").await;
    for item in all(&root, ".panel--ready li") {
        assert_eq!(animations(&item), 0);
    }
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_task_awaiting_gather_links_to_the_tasks_it_gathers() {
    let run = scenario_run("flags_semaphore");
    let frames = run.trace.len();
    let (root, handle) = mount(run, 0).await;
    for _ in 0..frames {
        let main = all(&root, "section[aria-label='Tasks'] li.task")
            .into_iter()
            .find(|t| text(t).contains("gather of"));
        if let Some(main) = main {
            assert!(text(&main).contains("gather of 10:"), "{}", text(&main));
            let chips = all(&main, ".task__row button.chip--link");
            assert_eq!(chips.len(), 8, "the first eight members");
            assert!(text(&main).contains("+2 more"));
            let first: web_sys::HtmlElement = chips[0].clone().dyn_into().unwrap();
            let name = text(&first);
            first.click();
            tick().await;
            let flashed = find(&root, "section[aria-label='Tasks'] li.task--flash");
            assert!(text(&flashed).contains(&name), "{} is shown", name);
            handle.destroy();
            return;
        }
        click(&root, "Step forward").await;
    }
    panic!("main never awaited its gather");
}

/// Mounts the stepping screen as a page opens it: asyncio's internals
/// folded, at the first frame.
async fn mount_folded(run: Run) -> (web_sys::Element, yew::AppHandle<StepperView>) {
    let root = fresh_root();
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
    tick().await;
    (root, handle)
}

fn explanation(root: &web_sys::Element) -> String {
    text(&find(root, ".explain__text"))
}

#[wasm_bindgen_test]
async fn after_a_blocking_sleep_the_clock_never_goes_back_and_the_task_ends_done() {
    let src = "\
import asyncio, time
async def blocker():
    time.sleep(0.6)
    return 1
async def ticker():
    for _ in range(3):
        await asyncio.sleep(0.2)
async def main():
    await asyncio.gather(blocker(), ticker())
asyncio.run(main())
";
    let (root, handle) = mount_folded(Run::new(src, "main.py", 5_000_000)).await;
    let mut last_clock = clock(&root);
    let mut saw_block = false;
    loop {
        let before = frame_counter(&root);
        click(&root, "Step forward").await;
        let now = clock(&root);
        assert!(
            now >= last_clock,
            "the clock went back from {last_clock} to {now}"
        );
        last_clock = now;
        saw_block |= explanation(&root).contains("The loop is blocked for 0.6 s");
        if frame_counter(&root) == before {
            break;
        }
    }
    assert!(saw_block, "the blocking sleep was told");
    // Task-2 (blocker) is done at the end.
    let row = all(&root, "section[aria-label='Tasks'] li")
        .into_iter()
        .find(|li| text(li).contains("Task-2"))
        .expect("Task-2 is listed");
    assert!(text(&row).contains("done"), "{}", text(&row));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_sentence_for_a_cancellation_names_the_line_where_cancelled_error_arrives() {
    let src = "\
import asyncio
async def worker():
    await asyncio.sleep(10)
async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.5)
    t.cancel()
    await asyncio.sleep(0)
asyncio.run(main())
";
    let (root, handle) = mount_folded(Run::new(src, "main.py", 5_000_000)).await;
    let mut found = false;
    for _ in 0..40 {
        if explanation(&root).contains(
            "Task-2 resumes at line 3 (`await asyncio.sleep(10)`): CancelledError is raised there",
        ) {
            found = true;
            break;
        }
        click(&root, "Step forward").await;
    }
    assert!(found, "never said: {}", explanation(&root));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn with_internals_folded_the_spinners_last_frame_is_the_programs_end() {
    let run = scenario_run("spinner_asyncio");
    let frames = run.trace.len();
    let (root, handle) = mount_folded(run).await;
    click(&root, "Jump to end").await;
    assert!(
        explanation(&root).contains("The program has finished"),
        "{}",
        explanation(&root)
    );
    // Fewer frames are counted than the trace holds; one step back lands on
    // the program's last step, not on asyncio.run's clean-up.
    let counter = frame_counter(&root);
    let total: usize = counter.split(" / ").nth(1).unwrap().parse().unwrap();
    assert!(total < frames, "{counter} of {frames}");
    click(&root, "Step back").await;
    let said = explanation(&root);
    assert!(
        !said.contains("shutdown") && !said.contains("run_until_complete"),
        "{said}"
    );
    // Shown, the clean-up steps count again.
    let toggle: web_sys::HtmlElement = find(&root, "input[type='checkbox'].internals")
        .dyn_into()
        .unwrap();
    toggle.click();
    tick().await;
    let all: usize = frame_counter(&root)
        .split(" / ")
        .nth(1)
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(all, frames);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn every_thread_is_listed_with_what_it_does_main_thread_too() {
    let (root, handle) = mount_folded(scenario_run("spinner_thread")).await;
    let mut seen = false;
    for _ in 0..40 {
        click(&root, "Step forward").await;
        let rows: Vec<String> = all(&root, "section[aria-label='Synchronisation'] li.thread")
            .iter()
            .map(text)
            .collect();
        let main = rows.iter().find(|r| r.contains("MainThread"));
        if let Some(main) = main.filter(|m| m.contains("sleeps until t = 3.0 s")) {
            assert!(
                rows.iter().any(|r| r.contains("Thread-1")),
                "the spinner thread is listed too: {rows:?}"
            );
            assert!(main.contains("time.sleep"), "{main}");
            seen = true;
            break;
        }
    }
    assert!(seen, "MainThread was never shown sleeping until t = 3");
    // A program without a loop is told without one.
    assert!(
        !explanation(&root).contains("loop"),
        "{}",
        explanation(&root)
    );
    handle.destroy();
}
