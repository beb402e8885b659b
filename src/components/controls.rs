//! The transport bar: stepping, playing, the scrubber, the clock and the
//! frame counter, breakpoints on loop events, and exports.

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::analysis::ev;
use crate::components::icons::icon;
use crate::i18n::use_lang;
use crate::model::{Action, SPEEDS};
use crate::util::clock;

/// What the bar shows and where its buttons go.
#[derive(Properties, PartialEq)]
pub struct ControlsProps {
    /// The current frame.
    pub frame: u32,
    /// The last frame.
    pub last: u32,
    /// Virtual time at the frame shown.
    pub time: f64,
    /// Whether it is playing.
    pub playing: bool,
    /// Speed index.
    pub speed: usize,
    /// Event breakpoints.
    pub event_bps: u8,
    /// Whether asyncio's internal steps are shown.
    pub internals: bool,
    /// Whether the cursor is at a line (inside a loop step).
    #[prop_or_default]
    pub inside: bool,
    /// Actions.
    pub dispatch: Callback<Action>,
    /// Export the trace as Perfetto JSON.
    pub on_export_trace: Callback<()>,
    /// Export the frame as SVG.
    pub on_export_frame: Callback<()>,
}

/// A change handler that sends one action.
fn act_change(d: Callback<Action>, a: Action) -> Callback<Event> {
    Callback::from(move |_: Event| d.emit(a.clone()))
}

/// The transport bar.
#[function_component(Controls)]
pub fn controls(p: &ControlsProps) -> Html {
    let lang = use_lang();
    let act = |a: Action| {
        let d = p.dispatch.clone();
        Callback::from(move |_: MouseEvent| d.emit(a.clone()))
    };
    let button = |label: &str, title: &str, icon_name: &str, a: Action, disabled: bool| {
        html! {
            <button type="button" class="tbtn" aria-label={label.to_string()} title={title.to_string()}
                onclick={act(a)} disabled={disabled}>
                { icon(icon_name) }
            </button>
        }
    };
    let at_start = p.frame == 0;
    let at_end = p.frame >= p.last;
    let on_scrub = {
        let d = p.dispatch.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            if let Ok(v) = input.value().parse::<u32>() {
                d.emit(Action::SeekShown(v));
            }
        })
    };
    let on_speed = {
        let d = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            if let Ok(v) = sel.value().parse::<usize>() {
                d.emit(Action::Speed(v));
            }
        })
    };
    let (play_label, play_icon) = if p.playing {
        (lang.t("Pause", "暂停"), "pause")
    } else {
        (lang.t("Play", "播放"), "play")
    };
    let event_names = [
        (ev::CANCELLED, lang.t("a task is cancelled", "任务被取消")),
        (ev::TIMER, lang.t("a timer fires", "定时器触发")),
        (
            ev::SEM_WAIT,
            lang.t("a task waits on a semaphore", "任务等待信号量"),
        ),
        (ev::EXCEPTION, lang.t("an exception is raised", "抛出异常")),
    ];
    let n_bps = event_names
        .iter()
        .filter(|(e, _)| p.event_bps & e != 0)
        .count();
    html! {
        <div class="controls" role="toolbar" aria-label={lang.t("Playback", "播放控制")}>
                <div class="transport">
                    { button(lang.t("Jump to start", "跳到开头"), lang.t("Jump to start (Home)", "跳到开头（Home）"), "start", Action::Start, at_start) }
                    { button(lang.t("Step back", "后退一步"), lang.t("Step back (←)", "后退一步（←）"), "back", Action::Back, at_start) }
                    <button type="button" class={classes!("tbtn", "tbtn--play", p.playing.then_some("is-playing"))}
                        aria-label={play_label} title={format!("{} ({})", play_label, lang.t("Space", "空格"))}
                        onclick={act(Action::TogglePlay)}>
                        { icon(play_icon) }
                    </button>
                    { button(lang.t("Step forward", "前进一步"), lang.t("Step forward (→)", "前进一步（→）"), "forward", Action::Forward, at_end) }
                    { button(lang.t("Jump to end", "跳到结尾"), lang.t("Jump to end (End)", "跳到结尾（End）"), "end", Action::End, at_end) }
                </div>
                <div class="transport transport--more">
                    <span class="linesteps" role="group" aria-label={lang.t("Step by line", "逐行单步")}>
                    <button type="button" class="tbtn tbtn--text" aria-label={lang.t("Step back a line", "上一行：后退一行")}
                        title={lang.t("Back to the line run before (of the followed task)", "回到之前执行的一行（所跟随的任务）")} onclick={act(Action::StepBackLine)} disabled={at_start && !p.inside}>
                        { icon("lineback") }<span>{ lang.t("Back a line", "上一行") }</span>
                    </button>
                    <button type="button" class="tbtn tbtn--text" aria-label={lang.t("Step over", "步过：本函数的下一行")}
                        title={lang.t("To this function's next line: its calls and awaits run to their end", "到本函数的下一行：其中的调用和 await 运行完毕")} onclick={act(Action::StepOver)} disabled={at_end}>
                        { icon("over") }<span>{ lang.t("Over", "步过") }</span>
                    </button>
                    <button type="button" class="tbtn tbtn--text" aria-label={lang.t("Step into", "步入：执行一行")}
                        title={lang.t("Run one line of Python, into the functions it calls", "执行一行 Python 代码，进入它调用的函数")} onclick={act(Action::StepLine)} disabled={at_end}>
                        { icon("into") }<span>{ lang.t("Into", "步入") }</span>
                    </button>
                    <button type="button" class="tbtn tbtn--text" aria-label={lang.t("Step out", "步出：回到调用者")}
                        title={lang.t("To the caller's next line, once this function returns", "本函数返回后，到调用者的下一行")} onclick={act(Action::StepOut)} disabled={at_end || !p.inside}>
                        { icon("out") }<span>{ lang.t("Out", "步出") }</span>
                    </button>
                    </span>
                    <button type="button" class="tbtn tbtn--text" aria-label={lang.t("Next timer", "下一个定时器")}
                        title={lang.t("Run to the next timer that fires", "运行到下一个触发的定时器")} onclick={act(Action::NextTimer)} disabled={at_end}>
                        { icon("timer") }<span>{ lang.t("Next timer", "下一个定时器") }</span>
                    </button>
                    <button type="button" class="tbtn tbtn--text" aria-label={lang.t("Next output", "下一次输出")}
                        title={lang.t("Run to the next frame that prints", "运行到下一次打印输出")} onclick={act(Action::NextOutput)} disabled={at_end}>
                        { icon("output") }<span>{ lang.t("Next output", "下一次输出") }</span>
                    </button>
                    <label class="speed">
                        <span class="visually-hidden">{ lang.t("Speed", "速度") }</span>
                        <select onchange={on_speed} title={lang.t("Play speed", "播放速度")}>
                            { for SPEEDS.iter().enumerate().map(|(i, (_, label))| html! {
                                <option value={i.to_string()} selected={i == p.speed}>{ *label }</option>
                            }) }
                        </select>
                    </label>
                </div>
                <input type="range" class="scrubber" min="0" max={p.last.to_string()} value={p.frame.to_string()}
                    aria-label={lang.t("Frames", "所有帧")} oninput={on_scrub} />
                <details class="menu">
                    <summary class={classes!((n_bps > 0).then_some("has-bps"))}>
                        { lang.t("Break on", "断点事件") }
                        if n_bps > 0 { <span class="count">{ n_bps }</span> }
                    </summary>
                    <div class="menu__body">
                        <p class="menu__hint">{ lang.t("Playing stops when", "播放在以下情况停止：") }</p>
                        { for event_names.iter().map(|(e, name)| {
                            let d = p.dispatch.clone();
                            let e = *e;
                            html! {
                                <label class="check">
                                    <input type="checkbox" checked={p.event_bps & e != 0}
                                        onchange={Callback::from(move |_| d.emit(Action::ToggleEvent(e)))} />
                                    { *name }
                                </label>
                            }
                        }) }
                        <p class="menu__hint">{ lang.t("Click a line number in the code for a line breakpoint.", "点击代码的行号可设置行断点。") }</p>
                    </div>
                </details>
                <label class="check check--inline" title={lang.t(
                    "Also step through asyncio's own machinery: gather's callbacks, timers firing, asyncio.run's clean-up",
                    "也逐步显示 asyncio 自身的机制：gather 的回调、定时器触发、asyncio.run 的收尾")}>
                    <input type="checkbox" class="internals" checked={p.internals}
                        onchange={act_change(p.dispatch.clone(), Action::ToggleInternals)} />
                    { lang.t("Show asyncio internals", "显示 asyncio 内部步骤") }
                </label>
                <details class="menu menu--right">
                    <summary>{ icon("download") }<span>{ lang.t("Export", "导出") }</span></summary>
                    <div class="menu__body">
                        <button type="button" class="linkbtn" onclick={p.on_export_trace.reform(|_: MouseEvent| ())}>
                            { lang.t("Trace as Perfetto JSON", "轨迹（Perfetto JSON）") }
                        </button>
                        <button type="button" class="linkbtn" onclick={p.on_export_frame.reform(|_: MouseEvent| ())}>
                            { lang.t("This frame as SVG", "当前帧（SVG 图片）") }
                        </button>
                    </div>
                </details>
                <div class="readouts">
                    <div class="readout">
                        <span class="readout__label" aria-hidden="true">{ lang.t("time", "时间") }</span>
                        <output class="readout__value" aria-label={lang.t("Virtual time", "虚拟时间")}>{ clock(p.time) }</output>
                    </div>
                    <div class="readout">
                        <span class="readout__label" aria-hidden="true">{ lang.t("frame", "帧") }</span>
                        <output class="readout__value" aria-label={lang.t("Frame", "帧")}>{ format!("{} / {}", p.frame + 1, p.last + 1) }</output>
                    </div>
                </div>
        </div>
    }
}
