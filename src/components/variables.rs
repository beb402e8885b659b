//! The debugger's Variables panel: the frames of one task (the one the line
//! steps follow, else the one running), innermost first, each with its
//! variables as `repr()` writes them, and the choice of the task to follow.

use std::rc::Rc;

use aioscope_core::trace::{FrameIx, LineLocals, TaskIx};
use web_sys::HtmlSelectElement;
use yew::prelude::*;

use crate::components::chip::task_name;
use crate::i18n::{use_lang, Lang};
use crate::model::{Action, Run};

/// Tasks offered in the Follow menu (a run may have thousands).
const FOLLOW_OFFERED: u32 = 200;

/// What the panel shows.
#[derive(Properties, PartialEq)]
pub struct VariablesProps {
    /// The run.
    pub run: Run,
    /// The frame looked at.
    pub frame: FrameIx,
    /// The line hit at the cursor, when stepping by line: its variables
    /// are the state after it.
    pub hit: Option<u32>,
    /// When not at a line: the last line the task shown ran by `frame`.
    pub last_hit: Option<u32>,
    /// The task shown.
    pub task: Option<TaskIx>,
    /// The task the line steps follow.
    pub follow: Option<TaskIx>,
    /// Actions (Follow).
    pub dispatch: Callback<Action>,
}

/// One frame of the chain, as shown.
struct Shown {
    function: Rc<str>,
    line: u32,
    /// Whether these are the variables after the line (else during it).
    after: bool,
    record: Option<LineLocals>,
}

/// The chain of frames to show, innermost first.
fn chain(p: &VariablesProps) -> Vec<Shown> {
    let trace = &p.run.trace;
    let index = &p.run.derived.locals;
    let Some(hit) = p.hit.or(p.last_hit) else {
        return Vec::new();
    };
    index
        .chain(trace, hit)
        .into_iter()
        .enumerate()
        .map(|(i, (h, started))| {
            // The innermost frame: after its line, if it ran to its end
            // by the moment looked at; the callers are inside their line.
            let after = (i == 0)
                .then(|| index.after(trace, h))
                .flatten()
                .filter(|r| p.hit.is_some() || r.at <= p.frame);
            Shown {
                function: started.function.clone(),
                line: trace.lines.get(h as usize).map(|l| l.line).unwrap_or(0),
                after: after.is_some(),
                record: Some(after.unwrap_or(started).clone()),
            }
        })
        .collect()
}

/// The Variables panel.
#[function_component(Variables)]
pub fn variables(p: &VariablesProps) -> Html {
    let lang = use_lang();
    let trace = &p.run.trace;
    let frames = chain(p);
    let recorded = !p.run.derived.locals.is_empty();
    let on_follow = {
        let d = p.dispatch.clone();
        Callback::from(move |e: Event| {
            let sel: HtmlSelectElement = e.target_unchecked_into();
            d.emit(Action::Follow(sel.value().parse::<u32>().ok()));
        })
    };
    let offered: Vec<TaskIx> = (0..trace.tasks.len() as u32)
        .filter(|t| *t < FOLLOW_OFFERED || Some(*t) == p.follow)
        .collect();
    let title = match p.task {
        Some(t) => task_name(trace, t, p.frame),
        None => lang.t("the program", "程序").to_string(),
    };
    html! {
        <section class="panel panel--vars" aria-label={lang.t("Variables", "变量")}>
            <header class="panel__head">
                <h2>{ lang.t("Variables", "变量") }</h2>
                <label class="vars__follow">
                    <span>{ lang.t("Follow", "跟随") }</span>
                    <select onchange={on_follow} aria-label={lang.t("Follow a task", "跟随任务")}
                        title={lang.t("The task the line steps follow, across its awaits", "逐行单步所跟随的任务（跨越 await）")}>
                        <option value="" selected={p.follow.is_none()}>{ lang.t("the running task", "正在运行的任务") }</option>
                        { for offered.iter().map(|t| html! {
                            <option value={t.to_string()} selected={p.follow == Some(*t)}>{ task_name(trace, *t, p.frame) }</option>
                        }) }
                    </select>
                </label>
            </header>
            <div class="vars" tabindex="0" role="region" aria-label={format!("{} {}", lang.t("Frames of", "帧："), title)}>
                if !recorded {
                    <p class="empty">{ lang.t("This run recorded no variables.", "这次运行没有记录变量。") }</p>
                } else if frames.is_empty() {
                    <p class="empty">{ lang.t("No line of the program has run yet.", "程序还没有执行任何一行。") }</p>
                }
                { for frames.iter().map(|f| frame_view(f, lang)) }
            </div>
        </section>
    }
}

fn frame_view(f: &Shown, lang: Lang) -> Html {
    let when = match (f.after, lang) {
        (true, Lang::En) => format!("after line {}", f.line),
        (true, Lang::Zh) => format!("第 {} 行之后", f.line),
        (false, Lang::En) => format!("at line {}", f.line),
        (false, Lang::Zh) => format!("在第 {} 行", f.line),
    };
    let locals = f.record.as_ref().and_then(|r| r.locals.clone());
    html! {
        <div class="vars__frame">
            <div class="vars__fn"><code>{ if f.function.is_empty() { "<module>" } else { &f.function } }</code><span class="vars__when">{ when }</span></div>
            { match locals {
                None => html! { <p class="vars__none">{ lang.t("(not recorded: the run is long)", "（未记录：运行太长）") }</p> },
                Some(l) if l.vars.is_empty() => html! { <p class="vars__none">{ lang.t("(no variables)", "（没有变量）") }</p> },
                Some(l) => html! {
                    <dl class="vars__list">
                        { for l.vars.iter().map(|v| html! {
                            <div class="vars__var"><dt>{ v.name.to_string() }</dt><dd><code>{ v.repr.to_string() }</code></dd></div>
                        }) }
                        if l.more > 0 {
                            <div class="vars__var"><dt>{ "…" }</dt><dd>{ format!("+{}", l.more) }</dd></div>
                        }
                    </dl>
                },
            } }
        </div>
    }
}
