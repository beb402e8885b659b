//! The tasks: state, where each is paused, what it awaits (a link to the
//! awaited task), and how it ended.

use aioscope_core::trace::{Awaiting, GroupKind, TaskState};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::chip::task_name;
use crate::components::queues::{QueueProps, ROWS_SHOWN};
use crate::dom;
use crate::i18n::{use_lang, Lang};
use crate::util::{color, secs};

/// A state in words.
pub fn state_word(lang: Lang, s: TaskState) -> &'static str {
    match (lang, s) {
        (Lang::En, s) => s.word(),
        (Lang::Zh, TaskState::Created) => "已创建",
        (Lang::Zh, TaskState::Ready) => "就绪",
        (Lang::Zh, TaskState::Running) => "运行中",
        (Lang::Zh, TaskState::Waiting) => "等待中",
        (Lang::Zh, TaskState::Done) => "已完成",
        (Lang::Zh, TaskState::Failed) => "失败",
        (Lang::Zh, TaskState::Cancelled) => "已取消",
    }
}

/// Tasks drawn at first, and how many more each "Show more" adds: a
/// program with thousands of tasks must not put thousands of rows in the
/// page at every step.
pub const TASKS_SHOWN: usize = 20;

/// Tasks that exist at a frame, in the order the panel lists them (live
/// ones first, then finished ones, each in creation order), and how many
/// are in each state.
fn listed(trace: &aioscope_core::trace::Trace, at: u32) -> (Vec<u32>, [usize; 7]) {
    let mut live = Vec::new();
    let mut finished = Vec::new();
    let mut counts = [0usize; 7];
    for t in 0..trace.tasks.len() as u32 {
        let Some(v) = trace.task_at(t, at) else {
            continue;
        };
        counts[v.state as usize] += 1;
        if matches!(
            v.state,
            TaskState::Done | TaskState::Failed | TaskState::Cancelled
        ) {
            finished.push(t);
        } else {
            live.push(t);
        }
    }
    live.extend(finished);
    (live, counts)
}

/// The tasks a frame changed other than the one it ran: created, woken,
/// finished or cancelled there (their state differs from the frame
/// before), in the panel's order.
fn touched(
    trace: &aioscope_core::trace::Trace,
    at: u32,
    listed: &[u32],
    running: Option<u32>,
) -> Vec<u32> {
    let state = |t: u32, f: u32| trace.task_at(t, f).map(|v| v.state);
    listed
        .iter()
        .copied()
        .filter(|&t| Some(t) != running)
        .filter(|&t| at == 0 || state(t, at) != state(t, at - 1))
        .collect()
}

/// Where to scroll a list showing `view` (top, bottom) so that `rows`
/// (top, bottom each, in the list's coordinates) are in view: the first
/// always (the running task), the others in order as long as they fit
/// beside it. `None` when they are in view already: the list only moves
/// when it must, so it does not jump at every step.
pub fn scroll_to_show(view: (f64, f64), rows: &[(f64, f64)]) -> Option<f64> {
    let (&(mut top, mut bottom), rest) = rows.split_first()?;
    let height = view.1 - view.0;
    for &(t, b) in rest {
        if bottom.max(b) - top.min(t) <= height {
            top = top.min(t);
            bottom = bottom.max(b);
        }
    }
    if top >= view.0 && bottom <= view.1 {
        None
    } else if top < view.0 || bottom - top > height {
        Some(top.max(0.0))
    } else {
        Some(bottom - height)
    }
}

/// What a task awaits: a button that shows it in its panel, or plain text
/// when it is not drawn there.
fn link_or_text(text: String, link: Option<Callback<MouseEvent>>, title: &str) -> Html {
    match link {
        Some(onclick) => html! {
            <button type="button" class="awaits awaits--link" {onclick} title={title.to_string()}>{ text }</button>
        },
        None => html! { <span class="awaits">{ text }</span> },
    }
}

/// The tasks panel.
#[function_component(Tasks)]
pub fn tasks(p: &QueueProps) -> Html {
    let lang = use_lang();
    let flash = use_state(|| None::<u32>);
    let limit = use_state(|| TASKS_SHOWN);
    let trace = &p.run.trace;
    let at = p.frame;
    let running = trace.frame(at).and_then(|f| f.task);
    let sync = trace.sync_at(at);
    // Timers the timers panel draws, so a sleeper can link to its row.
    let shown_timers: Vec<u32> = trace.timers_at(at).into_iter().take(ROWS_SHOWN).collect();
    let (all, counts) = listed(trace, at);
    let mut summary = Vec::new();
    for s in [
        TaskState::Ready,
        TaskState::Waiting,
        TaskState::Done,
        TaskState::Failed,
        TaskState::Cancelled,
    ] {
        let n = counts[s as usize];
        if n > 0 {
            summary.push(format!("{} {}", n, state_word(lang, s)));
        }
    }
    // The rows drawn: the first `limit`, plus the running task and the
    // task a link just pointed at wherever they are in the list.
    let mut live: Vec<u32> = all.iter().copied().take(*limit).collect();
    for extra in [running, *flash].into_iter().flatten() {
        if !live.contains(&extra) && all.contains(&extra) {
            live.insert(0, extra);
        }
    }
    // The tasks this step touched, drawn and kept in view with it (a few:
    // a gather that ends may wake dozens).
    let touched = touched(trace, at, &all, running);
    for &t in touched.iter().take(3) {
        if !live.contains(&t) {
            live.push(t);
        }
    }
    let hidden = all.len().saturating_sub(live.len());
    // Keep the running task, and as many of the touched ones as fit, in
    // view in the list (it scrolls on its own at 1280×800 and below).
    let list = use_node_ref();
    {
        let list = list.clone();
        let mut wanted: Vec<u32> = running.into_iter().collect();
        wanted.extend(touched.iter().copied());
        use_effect_with((p.run.id, at, wanted), move |(_, _, wanted)| {
            let Some(ul) = list.cast::<web_sys::HtmlElement>() else {
                return;
            };
            let origin = ul.get_bounding_client_rect().top() - f64::from(ul.scroll_top());
            let rows: Vec<(f64, f64)> = wanted
                .iter()
                .filter_map(|t| ul.query_selector(&format!("#task-{t}")).ok().flatten())
                .map(|el| {
                    let r = el.get_bounding_client_rect();
                    (r.top() - origin, r.bottom() - origin)
                })
                .collect();
            let top = f64::from(ul.scroll_top());
            let view = (top, top + f64::from(ul.client_height()));
            if let Some(to) = scroll_to_show(view, &rows) {
                ul.set_scroll_top(to.round() as i32);
            }
        });
    }
    // Scroll to the task a link pointed at, once it is drawn.
    use_effect_with(*flash, |target| {
        if let Some(el) = target.and_then(|t| {
            web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&format!("task-{}", t)))
        }) {
            if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                el.scroll_into_view_with_bool(false);
                let _ = el.focus();
            }
        }
    });
    let go_to = |target: u32| {
        let flash = flash.clone();
        Callback::from(move |_: MouseEvent| flash.set(Some(target)))
    };
    let show_more = {
        let limit = limit.clone();
        Callback::from(move |_: MouseEvent| limit.set(*limit + TASKS_SHOWN))
    };
    html! {
        <section class="panel panel--tasks" aria-label={lang.t("Tasks", "任务")}>
            <header class="panel__head">
                <h2>{ lang.t("Tasks", "任务") }</h2>
                <span class="panel__meta">{ summary.join(" · ") }</span>
            </header>
            if live.is_empty() {
                <p class="empty">{ lang.t("No tasks yet.", "还没有任务。") }</p>
            } else {
                <ul class="tasks" tabindex="0" ref={list}>
                    { for live.iter().map(|t| {
                        let t = *t;
                        let v = trace.task_at(t, at).expect("live");
                        let rec = &trace.tasks[t as usize];
                        let is_running = running == Some(t);
                        let finished = matches!(v.state, TaskState::Done | TaskState::Failed | TaskState::Cancelled);
                        let awaits: Html = match &v.awaiting {
                            Some(Awaiting::Task(other)) => html! {
                                <>
                                    <span class="arrow" aria-hidden="true">{ "→" }</span>
                                    <button type="button" class={classes!("chip", "chip--link", color(*other))} onclick={go_to(*other)}
                                        title={lang.t("Show that task", "查看该任务")}>
                                        <span class="chip__dot" aria-hidden="true"></span>{ task_name(trace, *other, at) }
                                    </button>
                                </>
                            },
                            Some(Awaiting::Timer { handle, when }) => {
                                let when = secs(*when);
                                let text = match lang {
                                    Lang::En => format!("a sleep timer due at t={}", when),
                                    Lang::Zh => format!("睡眠定时器，t={} 到期", when),
                                };
                                let target = *handle;
                                let link = shown_timers.contains(handle).then(|| {
                                    Callback::from(move |_: MouseEvent| dom::reveal(&format!("timer-{}", target)))
                                });
                                html! { <><span class="arrow" aria-hidden="true">{ "→" }</span>{ link_or_text(text, link, lang.t("Show that timer", "查看该定时器")) }</> }
                            }
                            Some(Awaiting::Group { kind, tasks, total }) => {
                                let what = match (lang, kind) {
                                    (Lang::En, GroupKind::Gather) => format!("gather of {}:", total),
                                    (Lang::Zh, GroupKind::Gather) => format!("gather（共 {} 个）：", total),
                                    (Lang::En, GroupKind::Wait) => format!("wait on {}:", total),
                                    (Lang::Zh, GroupKind::Wait) => format!("wait（共 {} 个）：", total),
                                    (Lang::En, GroupKind::WaitFor) => "wait_for:".to_string(),
                                    (Lang::Zh, GroupKind::WaitFor) => "wait_for：".to_string(),
                                };
                                let more = (*total as usize).saturating_sub(tasks.len());
                                html! {
                                    <>
                                        <span class="arrow" aria-hidden="true">{ "→" }</span>
                                        <span class="awaits">{ what }</span>
                                        { for tasks.iter().map(|other| html! {
                                            <button type="button" class={classes!("chip", "chip--link", color(*other))} onclick={go_to(*other)}
                                                title={lang.t("Show that task", "查看该任务")}>
                                                <span class="chip__dot" aria-hidden="true"></span>{ task_name(trace, *other, at) }
                                            </button>
                                        }) }
                                        if more > 0 {
                                            <span class="awaits awaits--more">{ match lang {
                                                Lang::En => format!("+{} more", more),
                                                Lang::Zh => format!("还有 {} 个", more),
                                            } }</span>
                                        }
                                    </>
                                }
                            }
                            Some(Awaiting::Future) => {
                                let on_sync = sync.iter().find(|s| s.waiters.contains(&t));
                                let body = if let Some(s) = on_sync {
                                    let pos = s.waiters.iter().position(|w| *w == t).unwrap_or(0) + 1;
                                    let text = match lang {
                                        Lang::En => format!("{} #{} (queue position {})", s.kind, s.id, pos),
                                        Lang::Zh => format!("{} #{}（排队第 {} 位）", s.kind, s.id, pos),
                                    };
                                    let id = s.id;
                                    let link = Callback::from(move |_: MouseEvent| dom::reveal(&format!("sync-{}", id)));
                                    link_or_text(text, Some(link), lang.t("Show that object", "查看该对象"))
                                } else {
                                    link_or_text(lang.t("a future", "一个 future").to_string(), None, "")
                                };
                                html! { <><span class="arrow" aria-hidden="true">{ "→" }</span>{ body }</> }
                            }
                            Some(Awaiting::Yield) => html! { <span class="awaits">{ lang.t("one loop iteration (sleep(0))", "一轮循环（sleep(0)）") }</span> },
                            None => html! {},
                        };
                        let state_class = format!("badge badge--{}", v.state.word());
                        // Unkeyed rows: a jump then patches the rows in
                        // place instead of rebuilding them all (3x faster).
                        html! {
                            <li id={format!("task-{}", t)} tabindex="-1"
                                class={classes!("task", color(t), is_running.then_some("task--running"), touched.contains(&t).then_some("task--touched"), finished.then_some("task--finished"), (*flash == Some(t)).then_some("task--flash"))}>
                                <div class="task__head">
                                    <span class="chip__dot" aria-hidden="true"></span>
                                    <span class="task__name">{ v.name.to_string() }</span>
                                    <code class="task__coro">{ format!("{}()", rec.coro) }</code>
                                    if is_running {
                                        <span class="tag">{ lang.t("ran this step", "本步运行") }</span>
                                    }
                                    <span key={v.state.word()} class={state_class}>{ state_word(lang, v.state) }</span>
                                </div>
                                if v.awaiting.is_some() {
                                    <div class="task__row"><span class="task__label">{ lang.t("awaits", "等待") }</span>{ awaits }</div>
                                }
                                if !v.stack.is_empty() {
                                    <div class="task__row">
                                        <span class="task__label">{ lang.t("at", "位置") }</span>
                                        <span class="stack">
                                            { for v.stack.iter().enumerate().map(|(i, e)| html! {
                                                <>
                                                    if i > 0 { <span class="stack__sep" aria-hidden="true">{ "›" }</span> }
                                                    <span class={classes!("stack__entry", (!e.user).then_some("stack__entry--lib"))}>
                                                        { e.qualname.to_string() }
                                                        if e.user { <span class="stack__line">{ format!(":{}", e.line) }</span> }
                                                    </span>
                                                </>
                                            }) }
                                        </span>
                                    </div>
                                }
                                if let Some(out) = &v.outcome {
                                    <div class={classes!("task__row", "task__outcome", (v.state == TaskState::Failed).then_some("is-error"))}>
                                        <code>{ out.clone() }</code>
                                    </div>
                                }
                                if v.cancelling > 0 && !finished {
                                    <div class="task__row task__cancel">
                                        { match lang {
                                            Lang::En => format!("cancel requested ({}): CancelledError arrives at its next step", v.cancelling),
                                            Lang::Zh => format!("已请求取消（{} 次）：下一步时会收到 CancelledError", v.cancelling),
                                        } }
                                    </div>
                                }
                            </li>
                        }
                    }) }
                </ul>
                if hidden > 0 {
                    <button type="button" class="tbtn tbtn--text tasks__more" onclick={show_more}>
                        { match lang {
                            Lang::En => format!("Show {} more ({} not shown)", hidden.min(TASKS_SHOWN), hidden),
                            Lang::Zh => format!("再显示 {} 个（还有 {} 个未显示）", hidden.min(TASKS_SHOWN), hidden),
                        } }
                    </button>
                }
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_moves_only_to_bring_the_running_task_into_view() {
        // In view already: no move.
        assert_eq!(scroll_to_show((0.0, 300.0), &[(100.0, 160.0)]), None);
        // Below: scrolled just enough to show it at the bottom.
        assert_eq!(scroll_to_show((0.0, 300.0), &[(400.0, 460.0)]), Some(160.0));
        // Above: shown at the top.
        assert_eq!(
            scroll_to_show((500.0, 800.0), &[(100.0, 160.0)]),
            Some(100.0)
        );
        // Nothing to show.
        assert_eq!(scroll_to_show((0.0, 300.0), &[]), None);
    }

    #[test]
    fn the_tasks_it_touched_come_along_when_they_fit() {
        // Running at 400, a woken task at 200: both fit in 300 px.
        assert_eq!(
            scroll_to_show((0.0, 300.0), &[(400.0, 460.0), (200.0, 260.0)]),
            Some(160.0)
        );
        // One too far away is left out; the running task still shows.
        assert_eq!(
            scroll_to_show(
                (0.0, 300.0),
                &[(400.0, 460.0), (1000.0, 1060.0), (380.0, 399.0)]
            ),
            Some(160.0)
        );
        // A row taller than the list shows from its top.
        assert_eq!(scroll_to_show((0.0, 100.0), &[(400.0, 600.0)]), Some(400.0));
    }
}
