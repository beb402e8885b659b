//! "Your code": a plain textarea with line numbers. Errors are shown at
//! their line (a band and the message on that line) and in an alert below.

use aioscope_core::trace::Explanation;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::i18n::{use_lang, Lang};
use crate::runner::Progress;
use crate::term;
use crate::util;

/// An error in the user's program.
#[derive(Clone, Debug, PartialEq)]
pub enum CodeError {
    /// It does not parse or compile.
    Syntax {
        /// `SyntaxError`, `IndentationError`, `NotImplementedError`.
        kind: String,
        /// 1-based line.
        line: u32,
        /// 1-based column.
        col: u32,
        /// The message.
        msg: String,
    },
    /// It raised an exception nobody caught.
    Runtime {
        /// The line, from the traceback.
        line: Option<u32>,
        /// `TypeName: message`.
        msg: String,
    },
    /// It ran out of its instruction budget.
    Budget(u64),
    /// The user stopped it after this many frames had arrived.
    Stopped {
        /// Frames kept.
        frames: u32,
    },
    /// The worker running it failed (a bug of aioscope's, not the
    /// program's).
    Crashed(String),
    /// A guard ended it (it deadlocked, or passed the loop's iteration,
    /// virtual time or task limit): the core's sentence for its end.
    Ended(Explanation),
}

impl CodeError {
    /// The line it is at.
    pub fn line(&self) -> Option<u32> {
        match self {
            CodeError::Syntax { line, .. } => Some(*line),
            CodeError::Runtime { line, .. } => *line,
            CodeError::Budget(_)
            | CodeError::Stopped { .. }
            | CodeError::Crashed(_)
            | CodeError::Ended(_) => None,
        }
    }

    /// The message shown at the line.
    pub fn short(&self) -> String {
        match self {
            CodeError::Syntax { kind, msg, .. } => format!("{}: {}", kind, msg),
            CodeError::Runtime { msg, .. } => msg.clone(),
            CodeError::Budget(_)
            | CodeError::Stopped { .. }
            | CodeError::Crashed(_)
            | CodeError::Ended(_) => String::new(),
        }
    }

    /// The whole message.
    pub fn text(&self, lang: Lang) -> String {
        match (self, lang) {
            (CodeError::Syntax { kind, line, col, msg }, Lang::En) => {
                format!("{} at line {}, column {}: {}. The last good run stays on screen.", kind, line, col, msg)
            }
            (CodeError::Syntax { kind, line, col, msg }, Lang::Zh) => {
                format!("第 {} 行第 {} 列有 {}：{}。屏幕上保留的是上一次成功的运行。", line, col, kind, msg)
            }
            (CodeError::Runtime { line: Some(l), msg }, Lang::En) => {
                format!("{} (raised at line {}). Step to the end to see where.", msg, l)
            }
            (CodeError::Runtime { line: Some(l), msg }, Lang::Zh) => {
                format!("{}（在第 {} 行抛出）。跳到最后一帧可以看到出错的位置。", msg, l)
            }
            (CodeError::Runtime { line: None, msg }, _) => msg.clone(),
            (CodeError::Budget(n), Lang::En) => format!(
                "Stopped after {} instructions: the program may loop forever without awaiting. The frames up to that point are shown.",
                n
            ),
            (CodeError::Budget(n), Lang::Zh) => format!(
                "执行 {} 条指令后已停止：程序可能陷入了不含 await 的死循环。下面显示的是停止前的各帧。",
                n
            ),
            (CodeError::Stopped { frames: 0 }, Lang::En) => {
                "You stopped the program before its first frame was recorded. The last run stays on screen.".into()
            }
            (CodeError::Stopped { frames: 0 }, Lang::Zh) => {
                "你在第一帧记录之前停止了程序。屏幕上保留的是上一次的运行。".into()
            }
            (CodeError::Stopped { frames }, Lang::En) => format!(
                "You stopped the program. The {} frames recorded up to then are shown.",
                frames
            ),
            (CodeError::Stopped { frames }, Lang::Zh) => {
                format!("你停止了程序。下面显示的是停止前记录的 {} 帧。", frames)
            }
            (CodeError::Crashed(m), Lang::En) => format!(
                "The simulator failed while running your program ({}). This is aioscope's fault, not your program's; the frames recorded up to then are shown.",
                m
            ),
            (CodeError::Crashed(m), Lang::Zh) => format!(
                "模拟器在运行你的程序时出错（{}）。这是 aioscope 的问题，不是你的程序的问题；下面显示的是出错前记录的各帧。",
                m
            ),
            (CodeError::Ended(e), Lang::En) => e.en.clone(),
            (CodeError::Ended(e), Lang::Zh) => e.zh.clone(),
        }
    }
}

/// What the editor shows.
#[derive(Properties, PartialEq)]
pub struct EditorProps {
    /// The program.
    pub code: AttrValue,
    /// Its error, if the last run found one.
    pub error: Option<CodeError>,
    /// How far the run in progress has got, while one is.
    #[prop_or_default]
    pub running: Option<Progress>,
    /// Stop the run in progress.
    #[prop_or_default]
    pub on_stop: Callback<()>,
    /// Show the frames the run in progress has recorded so far.
    #[prop_or_default]
    pub on_peek: Callback<()>,
    /// Runs ended so far (`data-runs`: what a test waits on).
    #[prop_or_default]
    pub runs_ended: u32,
    /// The text changed.
    pub on_input: Callback<String>,
    /// Run it.
    pub on_run: Callback<()>,
    /// Put the starter program back.
    pub on_reset: Callback<()>,
}

/// The editor.
#[function_component(Editor)]
pub fn editor(p: &EditorProps) -> Html {
    let lang = use_lang();
    let area = use_node_ref();
    let gutter = use_node_ref();
    let layer = use_node_ref();
    let n_lines = p.code.split('\n').count().max(1);
    let err_line = p.error.as_ref().and_then(|e| e.line());
    let oninput = {
        let cb = p.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let ta: HtmlTextAreaElement = e.target_unchecked_into();
            cb.emit(ta.value());
        })
    };
    let onscroll = {
        let (gutter, layer) = (gutter.clone(), layer.clone());
        Callback::from(move |e: Event| {
            let ta: HtmlTextAreaElement = e.target_unchecked_into();
            if let Some(g) = gutter.cast::<web_sys::Element>() {
                g.set_scroll_top(ta.scroll_top());
            }
            if let Some(l) = layer.cast::<web_sys::Element>() {
                l.set_scroll_top(ta.scroll_top());
                l.set_scroll_left(ta.scroll_left());
            }
        })
    };
    let onkeydown = {
        let (run, stop, running) = (p.on_run.clone(), p.on_stop.clone(), p.running.is_some());
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                run.emit(());
            } else if e.key() == "Escape" && running {
                e.prevent_default();
                stop.emit(());
            }
        })
    };
    let show_line = {
        let area = area.clone();
        let code = p.code.clone();
        Callback::from(move |_: MouseEvent| {
            let (Some(line), Some(ta)) = (err_line, area.cast::<HtmlTextAreaElement>()) else {
                return;
            };
            // Select the line (offsets in UTF-16 units, as the DOM counts).
            let mut start = 0u32;
            for (i, l) in code.split('\n').enumerate() {
                let len = l.encode_utf16().count() as u32;
                if i + 1 == line as usize {
                    let _ = ta.focus();
                    let _ = ta.set_selection_range(start, start + len);
                    break;
                }
                start += len + 1;
            }
        })
    };
    html! {
        <section class="panel panel--editor" aria-label={lang.t("Your code", "你的代码")}
            aria-busy={p.running.is_some().to_string()} data-runs={p.runs_ended.to_string()}>
            <header class="panel__head">
                <h2>{ lang.t("Your code", "你的代码") }</h2>
                <span class="panel__meta">{ lang.t("main.py · runs on the simulated loop", "main.py · 在模拟事件循环上运行") }</span>
            </header>
            <div class={classes!("editor", p.error.is_some().then_some("editor--error"))}>
                <div class="editor__gutter" ref={gutter} aria-hidden="true">
                    { for (1..=n_lines as u32).map(|n| html! {
                        <div class={classes!("editor__n", (err_line == Some(n)).then_some("is-error"))}>{ n }</div>
                    }) }
                </div>
                <div class="editor__wrap">
                    <div class="editor__layer" ref={layer} aria-hidden="true">
                        { for p.code.split('\n').enumerate().map(|(i, l)| {
                            let here = err_line == Some(i as u32 + 1);
                            let msg = p.error.as_ref().filter(|_| here).map(|e| e.short());
                            html! {
                                <div class={classes!("editor__line", here.then_some("is-error"))} data-msg={msg}>
                                    { if l.is_empty() { " ".to_string() } else { l.to_string() } }
                                </div>
                            }
                        }) }
                    </div>
                    <textarea ref={area} class="editor__area" aria-label={lang.t("Your program", "你的程序")}
                        spellcheck="false" autocapitalize="off" autocomplete="off" wrap="off"
                        value={p.code.clone()} {oninput} {onscroll} {onkeydown} />
                </div>
            </div>
            <div class="editor__bar">
                <button type="button" class="btn btn--primary" onclick={p.on_run.reform(|_: MouseEvent| ())}>
                    { lang.t("Run", "运行") }
                </button>
                if let Some(progress) = &p.running {
                    <button type="button" class="btn btn--stop" onclick={p.on_stop.reform(|_: MouseEvent| ())}>
                        { lang.t("Stop", "停止") }
                    </button>
                    <button type="button" class="btn" disabled={progress.frames == 0}
                        onclick={p.on_peek.reform(|_: MouseEvent| ())}>
                        { lang.t("Show frames so far", "查看已有的帧") }
                    </button>
                }
                <span class="muted small">{ lang.t("Ctrl+Enter runs it, Esc stops it. Your program is kept in this browser.", "Ctrl+Enter 运行，Esc 停止。程序会保存在本浏览器中。") }</span>
                <button type="button" class="linkbtn" onclick={p.on_reset.reform(|_: MouseEvent| ())}>
                    { lang.t("Start over", "恢复示例") }
                </button>
            </div>
            if let Some(progress) = &p.running {
                { running_status(lang, progress) }
            }
            if let Some(e) = &p.error {
                <div class={classes!("alert", matches!(e, CodeError::Budget(_) | CodeError::Stopped { .. }).then_some("alert--warn"))} role="alert">
                    <span>{ e.text(lang) }</span>
                    if err_line.is_some() {
                        <button type="button" class="linkbtn" onclick={show_line}>{ lang.t("Show the line", "定位到该行") }</button>
                    }
                </div>
            }
        </section>
    }
}

/// The run in progress: how far it has got and the end of its output, as
/// a status region (announced politely, not on every piece).
fn running_status(lang: Lang, p: &Progress) -> Html {
    let screen = term::render(&p.out_tail);
    let from = screen.lines.len().saturating_sub(3);
    let tail: Vec<String> = (from..screen.lines.len()).map(|i| screen.line(i)).collect();
    let secs = p.elapsed_ms / 1000.0;
    let summary = match lang {
        Lang::En => format!(
            "Running… {} frames recorded, virtual time {}, {:.1} s so far.",
            p.frames,
            util::clock(p.t),
            secs
        ),
        Lang::Zh => format!(
            "运行中…… 已记录 {} 帧，虚拟时间 {}，已用 {:.1} 秒。",
            p.frames,
            util::clock(p.t),
            secs
        ),
    };
    html! {
        <div class="running" role="status" aria-label={lang.t("Run progress", "运行进度")}>
            <span class="running__dot" aria-hidden="true"></span>
            <span class="running__summary">{ summary }</span>
            if tail.iter().any(|l| !l.trim().is_empty()) {
                <pre class="running__out" aria-hidden="true">{ tail.join("\n") }</pre>
            }
        </div>
    }
}
