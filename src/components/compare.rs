//! Two runs side by side on one virtual clock: the thread spinner and the
//! asyncio spinner, so preemptive threads and cooperative tasks can be
//! watched doing the same job at the same moments.

use std::rc::Rc;

use aioscope_core::trace::Trace;
use gloo_timers::callback::Timeout;
use yew::prelude::*;

use crate::components::code::CodePanel;
use crate::components::console::Console;
use crate::components::icons::icon;
use crate::components::keys::{use_transport_keys, Transport};
use crate::components::sync::SyncPanel;
use crate::components::tasks::Tasks;
use crate::components::timeline::Timeline;
use crate::i18n::{use_lang, Lang};
use crate::model::{line_hit, toggled, Run, DEFAULT_SPEED, SPEEDS};
use crate::util::clock;

/// Both runs' frames in one order: by virtual time, the left run first on
/// ties. Each entry is (side, frame); the first frames (the programs'
/// starts) are where both sides begin, so they are not entries.
pub fn merged(left: &Trace, right: &Trace) -> Vec<(u8, u32)> {
    let (mut i, mut j) = (1usize, 1usize);
    let mut out = Vec::with_capacity(left.len() + right.len());
    while i < left.len() || j < right.len() {
        let take_left = match (left.frames.get(i), right.frames.get(j)) {
            (Some(a), Some(b)) => a.t <= b.t,
            (Some(_), None) => true,
            _ => false,
        };
        if take_left {
            out.push((0, i as u32));
            i += 1;
        } else {
            out.push((1, j as u32));
            j += 1;
        }
    }
    out
}

/// For each position 0..=len of the merged order, the frame each side
/// shows there.
pub fn positions(order: &[(u8, u32)]) -> Vec<[u32; 2]> {
    let mut at = [0u32; 2];
    let mut out = Vec::with_capacity(order.len() + 1);
    out.push(at);
    for &(side, frame) in order {
        at[side as usize] = frame;
        out.push(at);
    }
    out
}

/// Whether playing stops on reaching merged position `k`: the side that
/// moved there ran a line that has a breakpoint on that side.
pub fn stops_at(order: &[(u8, u32)], traces: [&Trace; 2], bps: [&[u32]; 2], k: u32) -> bool {
    let Some(&(side, f)) = k.checked_sub(1).and_then(|i| order.get(i as usize)) else {
        return false;
    };
    let (trace, bps) = (traces[side as usize], bps[side as usize]);
    trace
        .frame(f)
        .is_some_and(|fr| line_hit(trace, fr.lines_range.0..fr.lines_range.1, bps).is_some())
}

/// What the comparison shows.
#[derive(Properties, PartialEq)]
pub struct CompareProps {
    /// The left run (threads).
    pub left: Run,
    /// Its title: English, Chinese.
    pub left_title: [&'static str; 2],
    /// The right run (asyncio).
    pub right: Run,
    /// Its title: English, Chinese.
    pub right_title: [&'static str; 2],
    /// The merged frame to open at (0: both at their start).
    #[prop_or_default]
    pub frame: u32,
    /// Told the merged frame whenever it changes (for the link).
    #[prop_or_default]
    pub on_frame: Callback<u32>,
}

/// The merged position where side `side` shows its frame `f` (the first
/// one; 0 for the programs' starts).
pub fn position_of(order: &[(u8, u32)], side: u8, f: u32) -> u32 {
    if f == 0 {
        return 0;
    }
    order
        .iter()
        .position(|&(s, g)| s == side && g >= f)
        .map(|i| i as u32 + 1)
        .unwrap_or(order.len() as u32)
}

/// The two runs, one cursor over their merged frames.
#[function_component(CompareView)]
pub fn compare_view(p: &CompareProps) -> Html {
    let lang = use_lang();
    let memo = use_memo((p.left.id, p.right.id), {
        let (l, r) = (p.left.trace.clone(), p.right.trace.clone());
        move |_| {
            let order = merged(&l, &r);
            let pos = positions(&order);
            (order, pos)
        }
    });
    let (order, pos) = (&memo.0, &memo.1);
    let last = order.len() as u32;
    let k = use_state(|| p.frame.min(last));
    let playing = use_state(|| false);
    let speed = use_state(|| DEFAULT_SPEED);
    {
        let on_frame = p.on_frame.clone();
        use_effect_with((*k, *playing), move |(k, playing)| {
            if !*playing {
                on_frame.emit(*k);
            }
        });
    }
    // The same keys as the single stepper.
    {
        let (k, playing) = (k.clone(), playing.clone());
        use_transport_keys(Callback::from(move |t: Transport| {
            let to = match t {
                Transport::TogglePlay => {
                    if !*playing && *k >= last {
                        k.set(0);
                    }
                    playing.set(!*playing);
                    return;
                }
                Transport::Forward => (*k + 1).min(last),
                Transport::Back => k.saturating_sub(1),
                Transport::Start => 0,
                Transport::End => last,
            };
            playing.set(false);
            k.set(to);
        }));
    }
    // Line breakpoints, one set per side: playing stops where a side runs
    // one of its lines.
    let bps = use_state(|| [Rc::new(Vec::<u32>::new()), Rc::new(Vec::new())]);
    let toggle_bp = |side: usize| {
        let bps = bps.clone();
        Callback::from(move |line: u32| {
            let mut both = (*bps).clone();
            both[side] = Rc::new(toggled(&both[side], line));
            bps.set(both);
        })
    };

    // Play: one timer per step, cancelled when anything changes.
    {
        let (k, playing) = (k.clone(), playing.clone());
        let (memo, traces, bps) = (
            memo.clone(),
            [p.left.trace.clone(), p.right.trace.clone()],
            (*bps).clone(),
        );
        let ms = SPEEDS[(*speed).min(SPEEDS.len() - 1)].0;
        use_effect_with((*playing, *k, bps.clone(), ms), move |(on, at, _, ms)| {
            let (on, at) = (*on, *at);
            let timer = on.then(|| {
                Timeout::new(*ms, move || {
                    if at >= last {
                        playing.set(false);
                        return;
                    }
                    k.set(at + 1);
                    let traces = [&*traces[0], &*traces[1]];
                    if stops_at(&memo.0, traces, [&bps[0], &bps[1]], at + 1) {
                        playing.set(false);
                    }
                })
            });
            move || drop(timer)
        });
    }
    let go = |to: u32| {
        let (k, playing) = (k.clone(), playing.clone());
        Callback::from(move |_: MouseEvent| {
            playing.set(false);
            k.set(to.min(last));
        })
    };
    let toggle = {
        let (k, playing) = (k.clone(), playing.clone());
        Callback::from(move |_: MouseEvent| {
            if !*playing && *k >= last {
                k.set(0);
            }
            playing.set(!*playing);
        })
    };
    let on_scrub = {
        let (k, playing) = (k.clone(), playing.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().parse::<u32>() {
                playing.set(false);
                k.set(v.min(last));
            }
        })
    };

    let on_speed = {
        let speed = speed.clone();
        Callback::from(move |e: Event| {
            let sel: web_sys::HtmlSelectElement = e.target_unchecked_into();
            if let Ok(v) = sel.value().parse::<usize>() {
                speed.set(v.min(SPEEDS.len() - 1));
            }
        })
    };
    // A click on a side's timeline: the merged position where that side
    // reaches the frame.
    let seek = |side: u8| {
        let (k, playing, memo) = (k.clone(), playing.clone(), memo.clone());
        Callback::from(move |f: u32| {
            playing.set(false);
            k.set(position_of(&memo.0, side, f));
        })
    };
    let at = pos[*k as usize];
    let runs = [&p.left, &p.right];
    let titles = [p.left_title, p.right_title];
    let t = if *k == 0 {
        0.0
    } else {
        let (side, f) = order[*k as usize - 1];
        runs[side as usize]
            .trace
            .frame(f)
            .map(|f| f.t)
            .unwrap_or(0.0)
    };
    // The sentence: which side just moved, and what it did.
    let moved = (*k > 0).then(|| order[*k as usize - 1].0 as usize);
    let sentence = match moved {
        None => lang
            .t(
                "Both programs start. Step to watch them on one virtual clock.",
                "两个程序同时开始。单步前进，在同一个虚拟时钟下观察它们。",
            )
            .to_string(),
        Some(s) => {
            let e = runs[s]
                .trace
                .explanation_in(at[s], &runs[s].shown_source(lang));
            // One colon to a sentence: the explanation has its own.
            match lang {
                Lang::En => format!("{}: {}", titles[s][0], e.en),
                Lang::Zh => format!("【{}】{}", titles[s][1], e.zh),
            }
        }
    };
    let play_label = if *playing {
        lang.t("Pause", "暂停")
    } else {
        lang.t("Play", "播放")
    };
    let button = |label: &str, onclick: Callback<MouseEvent>, disabled: bool, name: &str| {
        html! {
            <button type="button" class="tbtn" aria-label={label.to_string()} title={label.to_string()}
                {onclick} {disabled}>{ icon(name) }</button>
        }
    };
    html! {
        <section class="compare" aria-label={lang.t("Side by side", "并排对比")}>
            <div class="controls compare__controls" role="toolbar" aria-label={lang.t("Playback", "播放控制")}>
                <div class="transport">
                    { button(lang.t("Jump to start", "跳到开头"), go(0), *k == 0, "start") }
                    { button(lang.t("Step back", "后退一步"), go(k.saturating_sub(1)), *k == 0, "back") }
                    { button(play_label, toggle, false, if *playing { "pause" } else { "play" }) }
                    { button(lang.t("Step forward", "前进一步"), go(*k + 1), *k >= last, "forward") }
                    { button(lang.t("Jump to end", "跳到结尾"), go(last), *k >= last, "end") }
                </div>
                <label class="speed">
                    <span class="visually-hidden">{ lang.t("Speed", "速度") }</span>
                    <select onchange={on_speed} title={lang.t("Play speed", "播放速度")}>
                        { for SPEEDS.iter().enumerate().map(|(i, (_, label))| html! {
                            <option value={i.to_string()} selected={i == *speed}>{ *label }</option>
                        }) }
                    </select>
                </label>
                <input type="range" class="scrubber" min="0" max={last.to_string()} value={k.to_string()}
                    aria-label={lang.t("Frames", "所有帧")} oninput={on_scrub} />
                <span class="readout">
                    <span class="readout__label">{ lang.t("Virtual time", "虚拟时间") }</span>
                    <output class="readout__value" aria-label={lang.t("Virtual time", "虚拟时间")}>{ clock(t) }</output>
                </span>
                <span class="readout">
                    <span class="readout__label">{ lang.t("Frame", "帧") }</span>
                    <output class="readout__value" aria-label={lang.t("Frame", "帧")}>{ format!("{} / {}", *k + 1, last + 1) }</output>
                </span>
            </div>
            <p class="explain__text compare__explain" aria-live="polite" aria-atomic="true">{ sentence }</p>
            <div class="compare__cols">
                { for (0..2).map(|s| {
                    let run = runs[s];
                    let f = at[s];
                    let frame = run.trace.frame(f);
                    let just_moved = moved == Some(s);
                    html! {
                        <div class={classes!("compare__col", just_moved.then_some("compare__col--moved"))}
                            role="group" aria-label={lang.t(titles[s][0], titles[s][1]).to_string()}>
                            <h3 class="compare__title">{ lang.t(titles[s][0], titles[s][1]) }</h3>
                            <CodePanel run={run.clone()} frame={f} at={f} line={frame.and_then(|fr| fr.line)}
                                running={frame.and_then(|fr| fr.task)} bps={bps[s].clone()} on_toggle={toggle_bp(s)} />
                            <Console run={run.clone()} frame={f} />
                            <SyncPanel run={run.clone()} frame={f} />
                            if !run.trace.tasks.is_empty() {
                                <Tasks run={run.clone()} frame={f} />
                            }
                            <Timeline run={run.clone()} frame={f} on_seek={seek(s as u8)} />
                        </div>
                    }
                }) }
            </div>
            <p class="muted small compare__note">{ match lang {
                Lang::En => "Left, the OS switches threads whenever it likes (here: when one blocks); right, tasks switch only at await. Frames of both runs are merged by virtual time.",
                Lang::Zh => "左边，操作系统随时切换线程（这里是在某个线程阻塞时）；右边，任务只在 await 处切换。两个运行的帧按虚拟时间合并。",
            } }</p>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use aioscope_core::run::{self, Options};

    fn run(src: &str) -> Trace {
        run::run(src, "main.py", &Options::default())
    }

    #[test]
    fn merged_frames_follow_virtual_time_and_every_frame_appears_once() {
        let a = run("import time\nfor i in range(3):\n    time.sleep(0.25)\n    print(i)\n");
        let b = run("import asyncio\n\nasync def main():\n    for i in range(3):\n        await asyncio.sleep(0.1)\n        print(i)\n\nasyncio.run(main())\n");
        let order = merged(&a, &b);
        assert_eq!(order.len(), a.len() - 1 + b.len() - 1);
        let t = |(s, f): (u8, u32)| if s == 0 { &a } else { &b }.frame(f).unwrap().t;
        for w in order.windows(2) {
            assert!(t(w[0]) <= t(w[1]), "{:?} before {:?}", w[0], w[1]);
        }
        let pos = positions(&order);
        assert_eq!(pos[0], [0, 0]);
        assert_eq!(
            *pos.last().unwrap(),
            [a.len() as u32 - 1, b.len() as u32 - 1]
        );
    }

    #[test]
    fn playing_stops_where_a_side_runs_a_line_with_its_breakpoint() {
        // The print runs three times on each side: line 4 of the thread
        // program, line 6 of the asyncio one.
        let a = run("import time\nfor i in range(3):\n    time.sleep(0.25)\n    print(i)\n");
        let b = run("import asyncio\n\nasync def main():\n    for i in range(3):\n        await asyncio.sleep(0.1)\n        print(i)\n\nasyncio.run(main())\n");
        let order = merged(&a, &b);
        let k_max = order.len() as u32;
        let stops = |bps: [&[u32]; 2]| -> Vec<u32> {
            (0..=k_max)
                .filter(|&k| stops_at(&order, [&a, &b], bps, k))
                .collect()
        };
        assert!(stops([&[], &[]]).is_empty());
        let at = stops([&[], &[6]]);
        assert_eq!(at.len(), 3, "{at:?}");
        for k in at {
            let (side, f) = order[k as usize - 1];
            assert_eq!(side, 1);
            let fr = b.frame(f).unwrap();
            let lines: Vec<u32> = (fr.lines_range.0..fr.lines_range.1)
                .map(|i| b.lines[i as usize].line)
                .collect();
            assert!(lines.contains(&6), "{lines:?}");
        }
        // A side's frame maps back to the merged position showing it.
        for (i, &(side, f)) in order.iter().enumerate() {
            assert_eq!(position_of(&order, side, f), i as u32 + 1);
        }
        assert_eq!(position_of(&order, 1, 0), 0);
        // Each side's breakpoints are its own.
        assert_eq!(stops([&[4], &[]]).len(), 3);
        assert_eq!(stops([&[4], &[6]]).len(), 6);
    }
}
