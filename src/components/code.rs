//! The program, with the running line highlighted, a marker per task on the
//! line it is paused on, breakpoints in the gutter, and warnings and errors
//! under the lines they belong to.

use std::rc::Rc;

use aioscope_core::trace::TaskState;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::components::chip::task_name;
use crate::highlight::highlight;
use crate::i18n::use_lang;
use crate::model::Run;
use crate::util::color;

/// What the code panel shows.
#[derive(Properties, PartialEq)]
pub struct CodeProps {
    /// The run.
    pub run: Run,
    /// The frame whose state is shown.
    pub frame: u32,
    /// The frame being looked at (warnings are shown at it).
    pub at: u32,
    /// The line to highlight.
    pub line: Option<u32>,
    /// The task running the highlighted line, for its colour.
    pub running: Option<u32>,
    /// Line breakpoints.
    pub bps: Rc<Vec<u32>>,
    /// Toggles a line breakpoint.
    pub on_toggle: Callback<u32>,
    /// A line the reader asked to see (a traceback's link), and how many
    /// times they asked: scrolled to and marked in the gutter.
    #[prop_or_default]
    pub focus: Option<(u32, u32)>,
}

/// Markers drawn on one line; the rest are counted ("+N").
const MARKS_DRAWN: usize = 4;
/// Tasks named in the "+N" marker's tooltip.
const MARKS_NAMED: usize = 24;

/// The tasks paused on one line.
#[derive(Default)]
struct LineMarks {
    /// How many.
    count: usize,
    /// The first few, with their tooltips.
    titles: Vec<(u32, String)>,
}

impl LineMarks {
    fn more_title(&self) -> String {
        let mut names: Vec<&str> = self.titles.iter().map(|(_, s)| s.as_str()).collect();
        let rest = format!("… +{}", self.count - self.titles.len());
        if self.count > self.titles.len() {
            names.push(&rest);
        }
        names.join("\n")
    }
}

/// The code panel.
#[function_component(CodePanel)]
pub fn code_panel(p: &CodeProps) -> Html {
    let lang = use_lang();
    let lines = {
        let src = p.run.shown_source(lang);
        use_memo((p.run.id, lang), move |_| highlight(&src))
    };
    let scroller = use_node_ref();
    {
        let scroller = scroller.clone();
        use_effect_with((p.line, p.frame, p.run.id, p.focus), move |_| {
            if let Some(box_) = scroller.cast::<web_sys::HtmlElement>() {
                // The line asked for, else the running line, else the
                // first line a task is paused on.
                let target = box_
                    .query_selector(".ln--linked")
                    .ok()
                    .flatten()
                    .or_else(|| box_.query_selector(".ln--cur").ok().flatten())
                    .or_else(|| box_.query_selector(".ln:has(.mark)").ok().flatten());
                if let Some(cur) = target {
                    if let Ok(cur) = cur.dyn_into::<web_sys::HtmlElement>() {
                        let top = cur.offset_top();
                        let view = box_.client_height();
                        let st = box_.scroll_top();
                        if top < st + 24 || top > st + view - 48 {
                            box_.set_scroll_top((top - view / 3).max(0));
                        }
                    }
                }
            }
        });
    }
    let trace = &p.run.trace;
    let derived = &p.run.derived;
    // Where each live task is paused: its innermost line of user code.
    // Only the first few per line get a marker of their own (and a title
    // string), so thousands of tasks cost one pass and no more.
    let mut marks: std::collections::BTreeMap<u32, LineMarks> = Default::default();
    for t in 0..trace.tasks.len() as u32 {
        if let Some(v) = trace.task_at(t, p.frame) {
            if matches!(
                v.state,
                TaskState::Done | TaskState::Failed | TaskState::Cancelled
            ) {
                continue;
            }
            if let Some(e) = v.stack.iter().rev().find(|e| e.user) {
                let m = marks.entry(e.line).or_default();
                m.count += 1;
                if m.titles.len() < MARKS_NAMED {
                    let title = format!("{}: {}", task_name(trace, t, p.frame), v.state.word());
                    m.titles.push((t, title));
                }
            }
        }
    }
    let warnings: Vec<_> = trace.warnings_at(p.at).collect();
    let at_end = p.at as usize + 1 >= trace.len();
    let error = if at_end {
        derived.error_line.as_ref()
    } else {
        None
    };
    let running_class = p.running.map(color);
    html! {
        <section class="panel panel--code" aria-label={lang.t("Code", "代码")}>
            <header class="panel__head">
                <h2>{ lang.t("Code", "代码") }</h2>
                <span class="panel__meta">{ trace.filename.to_string() }</span>
            </header>
            <div class="code" ref={scroller} tabindex="0">
                { for lines.iter().enumerate().map(|(i, pieces)| {
                    let n = i as u32 + 1;
                    let cur = p.line == Some(n);
                    let linked = p.focus.is_some_and(|(l, _)| l == n);
                    let bp = p.bps.binary_search(&n).is_ok();
                    let toggle = {
                        let cb = p.on_toggle.clone();
                        Callback::from(move |_: MouseEvent| cb.emit(n))
                    };
                    let here = marks.get(&n);
                    let shown = here.map(|m| &m.titles[..m.titles.len().min(MARKS_DRAWN)]).unwrap_or(&[]);
                    let more = here.map(|m| m.count - shown.len()).unwrap_or(0);
                    let line_warnings: Vec<_> = warnings.iter().filter(|w| w.line == Some(n)).collect();
                    html! {
                        <>
                        <div class={classes!("ln", cur.then_some("ln--cur"), cur.then(|| running_class.clone()).flatten(), bp.then_some("ln--bp"), (!line_warnings.is_empty()).then_some("ln--warn"), linked.then_some("ln--linked"))}
                            aria-current={cur.then_some("step")}>
                            <button type="button" class="ln__num" onclick={toggle} aria-pressed={bp.to_string()}
                                aria-label={format!("{} {}", lang.t("Breakpoint at line", "行断点"), n)}>{ n }</button>
                            <span class="ln__marks">
                                { for shown.iter().map(|(t, title)| html! {
                                    <span class={classes!("mark", color(*t))} title={title.clone()} role="img" aria-label={title.clone()}></span>
                                }) }
                                if more > 0 {
                                    <span class="mark-more" title={here.map(|m| m.more_title()).unwrap_or_default()}>{ format!("+{}", more) }</span>
                                }
                            </span>
                            <code class="ln__code">
                                { for pieces.iter().map(|(tok, text)| {
                                    let c = tok.class();
                                    if c.is_empty() { html! { { text.clone() } } } else { html! { <span class={c}>{ text.clone() }</span> } }
                                }) }
                                if pieces.is_empty() { { "\u{200b}" } }
                            </code>
                        </div>
                        { for line_warnings.iter().map(|w| html! {
                            <div class="ln-note ln-note--warn" role="note">{ lang.t(&w.message.en, &w.message.zh).to_string() }</div>
                        }) }
                        if let Some((line, msg)) = error {
                            if *line == n {
                                <div class="ln-note ln-note--error" role="note">{ msg.clone() }</div>
                            }
                        }
                        </>
                    }
                }) }
            </div>
        </section>
    }
}
