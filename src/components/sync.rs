//! Synchronisation objects (semaphores with their permits and waiter
//! queue, events, queues, locks) and the threads that ran.

use aioscope_core::trace::{thread_doing, FrameKind, SyncState, SyncView, ThreadDoing};
use yew::prelude::*;

use crate::analysis::thread_last_ran;
use crate::components::chip::chip;
use crate::components::queues::QueueProps;
use crate::i18n::{use_lang, Lang};

/// The synchronisation panel; also lists threads when the program has any.
#[function_component(SyncPanel)]
pub fn sync_panel(p: &QueueProps) -> Html {
    let lang = use_lang();
    let trace = &p.run.trace;
    let derived = &p.run.derived;
    let at = p.frame;
    let objects: Vec<_> = trace
        .sync_at(at)
        .into_iter()
        .filter(|s| p.internals || !s.internal)
        .collect();
    let thread_now = match trace.frame(at).map(|f| &f.kind) {
        Some(FrameKind::Thread { name }) => Some(name.clone()),
        _ => None,
    };
    // Every thread (the main one first) with what it does after this
    // frame, once the program has started one.
    let threads = trace.threads_at(at);
    if objects.is_empty() && threads.is_empty() {
        return html! {};
    }
    html! {
        <section class="panel panel--sync" aria-label={lang.t("Synchronisation", "同步原语")}>
            <header class="panel__head">
                <h2>{ if threads.is_empty() { lang.t("Synchronisation", "同步原语") } else { lang.t("Synchronisation and threads", "同步原语与线程") } }</h2>
            </header>
            <ul class="sync" tabindex="0">
                { for objects.iter().map(|s| {
                    let cap = derived.capacity.get(s.id as usize).copied().unwrap_or(0);
                    let held_by = |locked: bool| {
                        html! {
                            <div class="sync__state">
                                <span class={classes!("flag", locked.then_some("flag--set"))}>
                                    { if locked { lang.t("held", "已占用") } else { lang.t("free", "空闲") } }
                                </span>
                                if let Some(t) = s.owner {
                                    <span class="sync__owner">{ lang.t("by", "持有者") }{ " " }{ chip(trace, t, at) }</span>
                                }
                            </div>
                        }
                    };
                    let body = match &s.state {
                        SyncState::Semaphore { value: v, .. } => {
                            let v = *v;
                            let in_use = (cap - v).max(0);
                            html! {
                                <div class="sync__state">
                                    <span class="permits" role="img" aria-label={match lang {
                                        Lang::En => format!("{} of {} permits in use", in_use, cap),
                                        Lang::Zh => format!("已占用 {}/{} 个许可", in_use, cap),
                                    }}>
                                        { for (0..cap).map(|i| html! { <span class={classes!("permit", (i < in_use).then_some("permit--used"))}></span> }) }
                                    </span>
                                    <span class="sync__value">{ match lang {
                                        Lang::En => format!("value {} · {} in use", v, in_use),
                                        Lang::Zh => format!("值 {} · 占用 {}", v, in_use),
                                    } }</span>
                                </div>
                            }
                        }
                        SyncState::Event { set } => {
                            let set = *set;
                            html! {
                                <div class="sync__state">
                                    <span class={classes!("flag", set.then_some("flag--set"))}>
                                        { if set { lang.t("set", "已置位") } else { lang.t("not set", "未置位") } }
                                    </span>
                                </div>
                            }
                        }
                        SyncState::Queue { len, maxsize } => {
                            let more = (*len as usize).saturating_sub(s.items.len());
                            html! {
                                <div class="sync__state">
                                    <code class="queue-items">
                                        { format!("[{}{}]", s.items.join(", "), if more > 0 { ", …" } else { "" }) }
                                    </code>
                                    <span class="sync__value">{ match (lang, *maxsize > 0) {
                                        (Lang::En, true) => format!("{} of {} items", len, maxsize),
                                        (Lang::En, false) => format!("{} items", len),
                                        (Lang::Zh, true) => format!("{}/{} 项", len, maxsize),
                                        (Lang::Zh, false) => format!("{} 项", len),
                                    } }</span>
                                </div>
                            }
                        }
                        SyncState::Lock { locked } | SyncState::Condition { locked } => held_by(*locked),
                    };
                    html! {
                        <li class="sync__item" key={s.id} id={format!("sync-{}", s.id)} tabindex="-1">
                            <div class="sync__head">
                                <span class="sync__kind">{ s.kind.to_string() }</span>
                                <span class="sync__id">{ format!("#{}", s.id) }</span>
                            </div>
                            { body }
                            if let SyncState::Queue { .. } = s.state {
                                { waiter_row(trace, at, lang.t("getting", "等待取出"), &s.waiters, s.waiting, lang) }
                                { waiter_row(trace, at, lang.t("putting", "等待放入"), &s.putters, s.putting, lang) }
                            } else {
                                { waiter_row(trace, at, lang.t("waiting", "等待者"), &s.waiters, s.waiting, lang) }
                            }
                        </li>
                    }
                }) }
                { for threads.iter().map(|v| {
                    let now = thread_now.as_deref() == Some(&*v.name) || v.doing == ThreadDoing::Running;
                    let said = thread_doing(&v.doing);
                    let said = match lang { Lang::En => said.en, Lang::Zh => said.zh };
                    let k = derived.threads.iter().position(|n| *n == v.name);
                    let ran = k.and_then(|k| thread_last_ran(trace, derived, k, at));
                    let ran = match (ran, lang) {
                        _ if now => String::new(),
                        (Some(t), Lang::En) => format!(" · last ran at t={}", crate::util::secs(t)),
                        (Some(t), Lang::Zh) => format!(" · 上次运行于 t={}", crate::util::secs(t)),
                        (None, _) => String::new(),
                    };
                    html! {
                        <li class={classes!("sync__item", "thread", now.then_some("thread--running"))} key={v.name.to_string()}>
                            <div class="sync__head">
                                <span class="sync__kind">{ lang.t("Thread", "线程") }</span>
                                <span class="sync__id">{ v.name.to_string() }</span>
                            </div>
                            <div class="sync__state">
                                <span class={classes!("flag", now.then_some("flag--set"))}>
                                    { if thread_now.as_deref() == Some(&*v.name) {
                                        format!("{} · {}", lang.t("ran this step", "本步运行"), said)
                                    } else {
                                        format!("{}{}", said, ran)
                                    } }
                                </span>
                            </div>
                        </li>
                    }
                }) }
            </ul>
        </section>
    }
}

/// One row of tasks waiting on a synchronisation object, first first.
fn waiter_row(
    trace: &aioscope_core::trace::Trace,
    at: u32,
    label: &str,
    shown: &[u32],
    total: u32,
    lang: Lang,
) -> Html {
    html! {
        <div class="sync__waiters">
            <span class="task__label">{ label.to_string() }</span>
            if shown.is_empty() {
                <span class="muted">{ lang.t("none", "无") }</span>
            } else {
                <ol class="waiters">
                    { for shown.iter().map(|w| html! { <li key={*w}>{ chip(trace, *w, at) }</li> }) }
                </ol>
                if shown.len() >= SyncView::SHOWN_WAITERS && total as usize > shown.len() {
                    <span class="muted small">{ format!("+{}", total as usize - shown.len()) }</span>
                }
            }
        </div>
    }
}
