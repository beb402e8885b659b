//! The console: stdout and stderr as one terminal shows them, in the order
//! they were written, up to the frame shown (`\b` and `\r` move the
//! cursor, ANSI colours colour). stderr is drawn in the error colour, and a
//! traceback's `File "main.py", line N` is a button that takes the code
//! view to that line: the core says where those are ([`OutputChunk`]'s
//! links), so nothing here reads the core's text.
//!
//! [`OutputChunk`]: aioscope_core::trace::OutputChunk

use aioscope_core::trace::{OutputMark, Stream};
use yew::prelude::*;

use crate::i18n::use_lang;
use crate::model::Run;
use crate::term::{render_pieces, Look, Piece, Run as Stretch};

/// What the console shows.
#[derive(Properties, PartialEq)]
pub struct ConsoleProps {
    /// The run.
    pub run: Run,
    /// The frame whose output is shown.
    pub frame: u32,
    /// The output once a line ran, inside a step, instead of the frame's.
    #[prop_or_default]
    pub upto: Option<OutputMark>,
    /// Shows a program line in the code view (a traceback's link).
    #[prop_or_default]
    pub on_line: Option<Callback<u32>>,
}

/// The console panel.
#[function_component(Console)]
pub fn console(p: &ConsoleProps) -> Html {
    let lang = use_lang();
    let trace = &p.run.trace;
    let chunks = match p.upto {
        Some(mark) => trace.output_between(OutputMark::default(), mark),
        None => trace.output_at(p.frame),
    };
    let links: Vec<Vec<(usize, usize, u32)>> = chunks
        .iter()
        .map(|c| {
            c.links
                .iter()
                .map(|l| (l.range.0, l.range.1, l.line))
                .collect()
        })
        .collect();
    let pieces: Vec<Piece> = chunks
        .iter()
        .zip(&links)
        .map(|(c, links)| Piece {
            text: c.text,
            err: c.stream == Stream::Err,
            links: if p.on_line.is_some() { links } else { &[] },
        })
        .collect();
    let screen = render_pieces(&pieces);
    let has_err = chunks.iter().any(|c| c.stream == Stream::Err);
    let scroller = use_node_ref();
    {
        let scroller = scroller.clone();
        use_effect_with((p.frame, p.upto, p.run.id), move |_| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    let stretch = |r: &Stretch| -> Html {
        let class = classes_of(&r.look, r.cursor);
        match (r.look.link, &p.on_line) {
            (Some(line), Some(on_line)) if !r.cursor => {
                let on_line = on_line.clone();
                let onclick = Callback::from(move |_: MouseEvent| on_line.emit(line));
                let label = match lang {
                    crate::i18n::Lang::En => format!("Show line {} in the code", line),
                    crate::i18n::Lang::Zh => format!("在代码中显示第 {} 行", line),
                };
                html! {
                    <button type="button" class={classes!(class, "term__link")} {onclick}
                        title={label.clone()} aria-label={label}>{ r.text.clone() }</button>
                }
            }
            _ if class.is_empty() => html! { { r.text.clone() } },
            _ => html! { <span class={class}>{ r.text.clone() }</span> },
        }
    };
    html! {
        <section class="panel panel--console" aria-label={lang.t("Console", "控制台")}>
            <header class="panel__head">
                <h2>{ lang.t("Console", "控制台") }</h2>
                <span class="panel__meta">
                    { lang.t("stdout", "标准输出") }
                    if has_err { { " · " }<span class="term-legend__err">{ lang.t("stderr", "标准错误") }</span> }
                </span>
            </header>
            <div class="term" ref={scroller} tabindex="0">
                <pre class="term__screen">
                    if screen.clipped { <span class="muted">{ lang.t("… earlier output left out\n", "……更早的输出已省略\n") }</span> }
                    { for (0..screen.lines.len()).map(|i| {
                        let nl = if i + 1 < screen.lines.len() { "\n" } else { "" };
                        html! { <><span class="term__line">{ for screen.runs(i).iter().map(stretch) }</span>{ nl }</> }
                    }) }
                </pre>
            </div>
        </section>
    }
}

/// The classes that draw a stretch: stderr's colour, the ANSI pen (which
/// wins over stderr's colour, as a terminal has only the pen), the cursor.
fn classes_of(look: &Look, cursor: bool) -> Classes {
    let mut c = Classes::new();
    if look.err {
        c.push("term__err");
    }
    if let Some(fg) = look.pen.fg {
        c.push(format!("ansi-f{}", fg));
    }
    if let Some(bg) = look.pen.bg {
        c.push(format!("ansi-b{}", bg));
        // The terminal's light text would not read on the light ones.
        if look.pen.fg.is_none() && (bg == 7 || bg >= 9) {
            c.push("ansi-on-light");
        }
    }
    if look.pen.bold {
        c.push("ansi-bold");
    }
    if cursor {
        c.push("term__cursor");
    }
    c
}
