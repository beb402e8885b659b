//! The loop's two queues: the ready queue (FIFO of handles to run) and the
//! scheduled timers (sorted by due time, with their countdown).

use aioscope_core::trace::StepKind;
use aioscope_core::trace::{FrameIx, HandleIx, TaskState, Trace};
use yew::prelude::*;

use crate::analysis::{sleepers, Sleepers};
use crate::components::chip::chip;
use crate::i18n::{use_lang, Lang};
use crate::model::Run;
use crate::util::secs;

/// A run and the frame shown.
#[derive(Properties, PartialEq)]
pub struct QueueProps {
    /// The run.
    pub run: Run,
    /// The frame whose state is shown.
    pub frame: u32,
    /// Whether asyncio's internals are shown (its private queues and
    /// events too).
    #[prop_or_default]
    pub internals: bool,
}

/// Shortens a callback repr: `_set_result_unless_cancelled(<Future #12>, None)`
/// stays readable, very long ones are cut.
fn short(what: &str) -> String {
    if what.chars().count() > 64 {
        let cut: String = what.chars().take(61).collect();
        format!("{}…", cut)
    } else {
        what.to_string()
    }
}

/// Rows a queue draws; the rest are counted. The loop only ever takes the
/// first, and a page of thousands of rows would make every step slow.
pub const ROWS_SHOWN: usize = 20;

/// A handle in words: the task it steps, or the callback it calls.
pub fn describe(trace: &Trace, h: HandleIx, at: FrameIx, lang: Lang, wakes: &Sleepers) -> Html {
    describe_as(trace, h, at, lang, true, wakes)
}

fn describe_as(
    trace: &Trace,
    h: HandleIx,
    at: FrameIx,
    lang: Lang,
    long: bool,
    sleepers: &Sleepers,
) -> Html {
    let rec = &trace.handles[h as usize];
    if let Some(t) = rec.task {
        let what = match rec.kind {
            StepKind::TaskStep => {
                if trace.task_at(t, at).map(|v| v.state) == Some(TaskState::Created) {
                    lang.t("first step", "首次运行")
                } else {
                    lang.t("next step", "继续运行")
                }
            }
            StepKind::FutureCallback => lang.t("wake up", "唤醒"),
            _ => lang.t("callback", "回调"),
        };
        return html! { <>{ chip(trace, t, at) }<span class="q__what">{ what }</span></> };
    }
    if let Some(wakes) = sleepers.get(&h) {
        return html! {
            <>
                if long { <span class="q__kind">{ lang.t("sleep ends", "睡眠结束") }</span> }
                <span class="q__arrow" title={lang.t("ends the sleep of", "结束睡眠")}>{ "→" }</span>
                { for wakes.iter().take(3).enumerate().map(|(i, t)| html! {
                    <>
                        if i > 0 { <span class="q__or">{ lang.t("or", "或") }</span> }
                        { chip(trace, *t, at) }
                    </>
                }) }
                if wakes.len() > 3 { <span class="q__or">{ format!("+{}", wakes.len() - 3) }</span> }
            </>
        };
    }
    html! { <code class="q__code" title={rec.what.clone()}>{ short(&rec.what) }</code> }
}

/// The ready queue.
#[function_component(ReadyQueue)]
pub fn ready_queue(p: &QueueProps) -> Html {
    let lang = use_lang();
    let trace = &p.run.trace;
    let ready = trace.ready_at(p.frame);
    let wakes = sleepers(trace, p.frame);
    html! {
        <section class="panel panel--ready" aria-label={lang.t("Ready queue", "就绪队列")}>
            <header class="panel__head">
                <h2>{ lang.t("Ready queue", "就绪队列") }</h2>
                <span class="panel__meta">{ ready.len() }</span>
            </header>
            if ready.is_empty() {
                <p class="empty">{ lang.t("Empty: nothing to run right now.", "空：现在没有要运行的东西。") }</p>
            } else {
                <ol class="q" tabindex="0">
                    { for ready.iter().take(ROWS_SHOWN).enumerate().map(|(i, h)| {
                        let from_timer = trace.handles[*h as usize].when.is_some();
                        html! {
                            <li key={*h} data-handle={h.to_string()} class={classes!("q__item", from_timer.then_some("q__item--timer"), (i == 0).then_some("q__item--next"))}>
                                <span class="q__pos" aria-hidden="true">{ i + 1 }</span>
                                { describe(trace, *h, p.frame, lang, &wakes) }
                            </li>
                        }
                    }) }
                </ol>
                { more_rows(ready.len(), lang) }
            }
        </section>
    }
}

/// The scheduled timers.
#[function_component(Timers)]
pub fn timers(p: &QueueProps) -> Html {
    let lang = use_lang();
    let trace = &p.run.trace;
    let now = trace.frame(p.frame).map(|f| f.t).unwrap_or(0.0);
    let timers = trace.timers_at(p.frame);
    let wakes = sleepers(trace, p.frame);
    let stepped = use_stepped(p.run.id, p.frame);
    html! {
        <section class="panel panel--timers" aria-label={lang.t("Scheduled timers", "已安排的定时器")}>
            <header class="panel__head">
                <h2>{ lang.t("Scheduled timers", "已安排的定时器") }</h2>
                <span class="panel__meta">{ timers.len() }</span>
            </header>
            if timers.is_empty() {
                <p class="empty">{ lang.t("No timers scheduled.", "没有已安排的定时器。") }</p>
            } else {
                <ol class="q" tabindex="0">
                    { for timers.iter().take(ROWS_SHOWN).map(|h| {
                        let rec = &trace.handles[*h as usize];
                        let when = rec.when.unwrap_or(0.0);
                        let left = when - now;
                        let cancelled = rec.cancelled_by(p.frame);
                        let countdown = if cancelled {
                            lang.t("cancelled", "已取消").to_string()
                        } else if left <= 1e-9 {
                            lang.t("due now", "已到期").to_string()
                        } else {
                            match lang {
                                Lang::En => format!("in {} s", secs(left)),
                                Lang::Zh => format!("{} 秒后", secs(left)),
                            }
                        };
                        let class = classes!("q__item", "q__item--timer", cancelled.then_some("is-cancelled"));
                        let id = format!("timer-{}", h);
                        let handle = h.to_string();
                        let cells = html! {
                            <>
                                <span class="q__when">{ format!("t={}", secs(when)) }</span>
                                <span class={classes!("q__countdown", (left <= 1e-9).then_some("is-due"))}>{ countdown }</span>
                                <span class="q__desc">{ describe_as(trace, *h, p.frame, lang, false, &wakes) }</span>
                            </>
                        };
                        if stepped {
                            html! { <li key={*h} {id} data-handle={handle} tabindex="-1" {class}>{ cells }</li> }
                        } else {
                            html! { <li {id} data-handle={handle} tabindex="-1" {class}>{ cells }</li> }
                        }
                    }) }
                </ol>
                { more_rows(timers.len(), lang) }
            }
        </section>
    }
}

/// "+N more" under a list cut at [`ROWS_SHOWN`].
fn more_rows(len: usize, lang: Lang) -> Html {
    if len <= ROWS_SHOWN {
        return html! {};
    }
    let n = len - ROWS_SHOWN;
    html! {
        <p class="q__more muted small">{ match lang {
            Lang::En => format!("+{} more", n),
            Lang::Zh => format!("还有 {} 个", n),
        } }</p>
    }
}

/// Whether this render moved at most one frame from the last one. Rows are
/// keyed by handle only then: a step animates the timer that came or went,
/// while a jump (every row different) patches the rows in place instead of
/// rebuilding them, which is several times faster.
#[hook]
fn use_stepped(run: u32, frame: u32) -> bool {
    let last = use_mut_ref(|| (run, frame));
    let (r, f) = *last.borrow();
    *last.borrow_mut() = (run, frame);
    r == run && f.abs_diff(frame) <= 1
}
