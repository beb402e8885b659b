//! "Your code": a plain textarea with line numbers. Errors are shown at
//! their line (a band and the message on that line, a mark in the gutter)
//! and in an alert below. Tab, Enter, brackets and quotes edit as in a
//! code editor ([`crate::editing`]); every edit goes through the browser's
//! own typing, so its undo (Ctrl+Z) covers them, "Start over" included.

use aioscope_core::trace::Explanation;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;
use yew::prelude::*;

use crate::editing::{self, Edit, Key};
use crate::i18n::{use_lang, Lang};
use crate::runner::Progress;
use crate::scenarios::STARTER;
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
        /// The whole traceback as CPython prints it.
        traceback: String,
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
            (CodeError::Runtime { line: Some(l), msg, .. }, Lang::En) => {
                format!("{} (raised at line {}). Step to the end to see where.", msg, l)
            }
            (CodeError::Runtime { line: Some(l), msg, .. }, Lang::Zh) => {
                format!("{}（在第 {} 行抛出）。跳到最后一帧可以看到出错的位置。", msg, l)
            }
            (CodeError::Runtime { line: None, msg, .. }, _) => msg.clone(),
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
    /// The starter program is about to replace the text (as an edit):
    /// keep what it replaces.
    pub on_reset: Callback<()>,
    /// The text is a link's program, shown beside the user's own.
    #[prop_or_default]
    pub beside: bool,
    /// Keep the link's program (the user's own becomes the earlier one).
    #[prop_or_default]
    pub on_keep: Callback<()>,
    /// Back to the user's own program.
    #[prop_or_default]
    pub on_own: Callback<()>,
    /// An earlier program is kept (Start over or a kept link replaced it).
    #[prop_or_default]
    pub earlier: bool,
    /// Swap the text with the earlier program.
    #[prop_or_default]
    pub on_earlier: Callback<()>,
    /// The browser did not save the text.
    #[prop_or_default]
    pub save_failed: bool,
    /// The program's size in bytes when it is too large for a link.
    #[prop_or_default]
    pub too_large: Option<usize>,
}

/// The line numbers `from..=to`, one a line.
fn numbers(from: u32, to: u32) -> String {
    let mut s = String::with_capacity((to.saturating_sub(from) as usize + 1) * 6);
    for n in from..=to {
        if n > from {
            s.push('\n');
        }
        s.push_str(&n.to_string());
    }
    s
}

/// The page as an `HtmlDocument`, for `execCommand`.
fn html_document() -> Option<web_sys::HtmlDocument> {
    web_sys::window()?.document()?.dyn_into().ok()
}

/// UTF-16 offset (as the DOM counts) of byte offset `b` in `text`.
fn utf16_at(text: &str, b: usize) -> u32 {
    text.get(..b).map_or(0, |s| s.encode_utf16().count() as u32)
}

/// Byte offset of UTF-16 offset `u` in `text`.
fn byte_at(text: &str, u: u32) -> usize {
    let mut n = 0u32;
    for (i, c) in text.char_indices() {
        if n >= u {
            return i;
        }
        n += c.len_utf16() as u32;
    }
    text.len()
}

/// Applies `edit` as typing would (`execCommand`, so that undo covers
/// it; the `input` event it fires reports the text). Where the browser
/// cannot, the text is set and reported directly.
fn apply(ta: &HtmlTextAreaElement, text: &str, edit: &Edit, on_input: &Callback<String>) {
    let _ = ta.set_selection_range(utf16_at(text, edit.from), utf16_at(text, edit.to));
    let typed = edit.from == edit.to && edit.insert.is_empty()
        || html_document().is_some_and(|d| {
            if edit.insert.is_empty() {
                d.exec_command("delete").unwrap_or(false)
            } else {
                d.exec_command_with_show_ui_and_value("insertText", false, &edit.insert)
                    .unwrap_or(false)
            }
        });
    let after = edit.apply(text);
    if !typed || ta.value() != after {
        ta.set_value(&after);
        on_input.emit(after.clone());
    }
    let _ = ta.set_selection_range(utf16_at(&after, edit.sel.0), utf16_at(&after, edit.sel.1));
}

/// The editor.
#[function_component(Editor)]
pub fn editor(p: &EditorProps) -> Html {
    let lang = use_lang();
    let area = use_node_ref();
    let gutter = use_node_ref();
    let layer = use_node_ref();
    let n_lines = p.code.split('\n').count().max(1) as u32;
    let err_line = p.error.as_ref().and_then(|e| e.line());
    // The error's line, when the text has it.
    let marked = err_line.filter(|l| (1..=n_lines).contains(l));
    // The error's line is drawn in the layer below the text: empty lines
    // above it take their height.
    let above = marked.map_or_else(String::new, |e| "\n".repeat(e as usize - 1));
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
    // Tab indents; after Escape, it leaves the editor (no keyboard trap).
    let escaped = use_mut_ref(|| false);
    let onkeydown = {
        let (run, stop, running) = (p.on_run.clone(), p.on_stop.clone(), p.running.is_some());
        let on_input = p.on_input.clone();
        Callback::from(move |e: KeyboardEvent| {
            let key = e.key();
            if key == "Enter" && (e.ctrl_key() || e.meta_key()) {
                e.prevent_default();
                run.emit(());
                return;
            }
            if key == "Escape" {
                *escaped.borrow_mut() = true;
                if running {
                    e.prevent_default();
                    stop.emit(());
                }
                return;
            }
            let leave = std::mem::take(&mut *escaped.borrow_mut());
            if e.alt_key() || e.ctrl_key() || e.meta_key() || e.is_composing() {
                return;
            }
            let key = match key.as_str() {
                "Tab" if leave => return,
                "Tab" if e.shift_key() => Key::ShiftTab,
                "Tab" => Key::Tab,
                "Enter" if !e.shift_key() => Key::Enter,
                "Backspace" => Key::Backspace,
                k => {
                    let mut cs = k.chars();
                    match (cs.next(), cs.next()) {
                        (Some(c), None) => Key::Char(c),
                        _ => return,
                    }
                }
            };
            let ta: HtmlTextAreaElement = e.target_unchecked_into();
            let text = ta.value();
            let (Ok(Some(s)), Ok(Some(end))) = (ta.selection_start(), ta.selection_end()) else {
                return;
            };
            let (s, end) = (byte_at(&text, s), byte_at(&text, end));
            if let Some(edit) = editing::edit(&text, s, end, key) {
                e.prevent_default();
                apply(&ta, &text, &edit, &on_input);
            } else if matches!(key, Key::Tab | Key::ShiftTab) {
                e.prevent_default();
            }
        })
    };
    let on_reset = {
        let (area, reset, on_input) = (area.clone(), p.on_reset.clone(), p.on_input.clone());
        Callback::from(move |_: MouseEvent| {
            reset.emit(());
            if let Some(ta) = area.cast::<HtmlTextAreaElement>() {
                let text = ta.value();
                if text != STARTER {
                    let _ = ta.focus();
                    let edit = Edit {
                        from: 0,
                        to: text.len(),
                        insert: STARTER.to_string(),
                        sel: (0, 0),
                    };
                    apply(&ta, &text, &edit, &on_input);
                }
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
                // A few text nodes however long the program: the editor
                // stays light with a hundred thousand lines.
                <div class="editor__gutter" ref={gutter} aria-hidden="true">
                    if let Some(e) = marked {
                        if e > 1 { <div class="editor__nums">{ numbers(1, e - 1) }</div> }
                        <div class="editor__n is-error" title={lang.t("The error is on this line", "错误在这一行")}>{ e }</div>
                        if e < n_lines { <div class="editor__nums">{ numbers(e + 1, n_lines) }</div> }
                    } else {
                        <div class="editor__nums">{ numbers(1, n_lines) }</div>
                    }
                </div>
                <div class="editor__wrap">
                    <div class="editor__layer" ref={layer} aria-hidden="true">
                        if let Some(e) = marked {
                            { above.clone() }
                            <div class="editor__line is-error" data-msg={p.error.as_ref().map(|e| e.short())}>
                                { match p.code.split('\n').nth(e as usize - 1) { Some(l) if !l.is_empty() => l.to_string(), _ => " ".to_string() } }
                            </div>
                        }
                    </div>
                    <textarea ref={area} class="editor__area" aria-label={lang.t("Your program", "你的程序")}
                        spellcheck="false" autocapitalize="off" autocomplete="off" wrap="off"
                        value={p.code.clone()} {oninput} {onscroll} {onkeydown} />
                </div>
            </div>
            if p.beside {
                <div class="alert alert--info editor__beside" role="status">
                    <span>{ lang.t("The editor shows the program from the link. Your own program is kept: choose which to keep (typing here keeps this one).", "编辑器中显示的是链接里的程序。你自己的程序仍然保留着：请选择保留哪一个（在这里输入即保留这个）。") }</span>
                    <button type="button" class="linkbtn" onclick={p.on_keep.reform(|_: MouseEvent| ())}>
                        { lang.t("Keep the link's program", "保留链接里的程序") }
                    </button>
                    <button type="button" class="linkbtn" onclick={p.on_own.reform(|_: MouseEvent| ())}>
                        { lang.t("Back to my program", "回到我的程序") }
                    </button>
                </div>
            }
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
                <span class="muted small">{ lang.t("Ctrl+Enter runs it, Esc stops it; Tab indents (Esc then Tab leaves the editor). Your program is saved in this browser as you type.", "Ctrl+Enter 运行，Esc 停止；Tab 缩进（先按 Esc 再按 Tab 可离开编辑器）。程序在输入时即保存在本浏览器中。") }</span>
                if p.earlier {
                    <button type="button" class="linkbtn" onclick={p.on_earlier.reform(|_: MouseEvent| ())}
                        title={lang.t("Swap the editor's program with the one it replaced (press again to swap back)", "把编辑器中的程序与被它替换的程序互换（再按一次可换回）")}>
                        { lang.t("Bring back the earlier program", "找回之前的程序") }
                    </button>
                }
                <button type="button" class="linkbtn" onclick={on_reset}
                    title={lang.t("Put the example program in the editor; Ctrl+Z or “Bring back the earlier program” undoes it", "把示例程序放回编辑器；Ctrl+Z 或“找回之前的程序”可以撤销")}>
                    { lang.t("Start over", "恢复示例") }
                </button>
            </div>
            if p.save_failed {
                <div class="alert alert--warn" role="alert">
                    <span>{ lang.t("This browser did not save your program (its storage is full or turned off). Copy it somewhere safe before you close the page.", "本浏览器没有保存你的程序（存储空间已满或已被关闭）。关闭页面之前，请把它复制到安全的地方。") }</span>
                </div>
            }
            if let Some(size) = p.too_large {
                <p class="muted small" role="status">
                    { match lang {
                        Lang::En => format!("This program ({} KB) is too large for a link (at most {} KB): the page's address does not hold it. It is saved in this browser.", size.div_ceil(1024), crate::lz::MAX_OUTPUT / 1024),
                        Lang::Zh => format!("这个程序（{} KB）太大，无法放进链接（最多 {} KB）：页面地址中不包含它。它已保存在本浏览器中。", size.div_ceil(1024), crate::lz::MAX_OUTPUT / 1024),
                    } }
                </p>
            }
            if let Some(progress) = &p.running {
                { running_status(lang, progress) }
            }
            if let Some(e) = &p.error {
                <div class={classes!("alert", matches!(e, CodeError::Budget(_) | CodeError::Stopped { .. }).then_some("alert--warn"))} role="alert">
                    <span>{ e.text(lang) }</span>
                    if err_line.is_some() {
                        <button type="button" class="linkbtn" onclick={show_line}>{ lang.t("Show the line", "定位到该行") }</button>
                    }
                    if let CodeError::Runtime { traceback, .. } = e {
                        if !traceback.is_empty() {
                            <details class="alert__more">
                                <summary>{ lang.t("Full traceback", "完整的回溯信息") }</summary>
                                <pre class="alert__traceback">{ traceback.clone() }</pre>
                            </details>
                        }
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
