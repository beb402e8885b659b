//! The console: stdout as a terminal shows it (`\b` and `\r` move the
//! cursor), with stderr (tracebacks) at the end of the run.

use yew::prelude::*;

use crate::components::queues::QueueProps;
use crate::i18n::use_lang;
use crate::term::render;

/// The console panel.
#[function_component(Console)]
pub fn console(p: &QueueProps) -> Html {
    let lang = use_lang();
    let trace = &p.run.trace;
    let out = p
        .upto
        .and_then(|n| trace.stdout.get(..n as usize))
        .unwrap_or_else(|| trace.stdout_at(p.frame));
    let screen = render(out);
    let at_end = p.frame as usize + 1 >= trace.len();
    let scroller = use_node_ref();
    {
        let scroller = scroller.clone();
        use_effect_with((p.frame, p.upto, p.run.id), move |_| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                el.set_scroll_top(el.scroll_height());
            }
        });
    }
    html! {
        <section class="panel panel--console" aria-label={lang.t("Console", "控制台")}>
            <header class="panel__head">
                <h2>{ lang.t("Console", "控制台") }</h2>
                <span class="panel__meta">{ lang.t("stdout", "标准输出") }</span>
            </header>
            <div class="term" ref={scroller} tabindex="0">
                <pre class="term__screen">
                    if screen.clipped { <span class="muted">{ lang.t("… earlier output left out\n", "……更早的输出已省略\n") }</span> }
                    { for screen.lines.iter().enumerate().map(|(i, line)| {
                        let nl = if i + 1 < screen.lines.len() { "\n" } else { "" };
                        if i == screen.row {
                            let col = screen.col;
                            let before: String = line.iter().take(col).collect();
                            let under: String = line.get(col).map(|c| c.to_string()).unwrap_or_else(|| " ".into());
                            let after: String = line.iter().skip(col + 1).collect();
                            html! { <><span class="term__line">{ before }<span class="term__cursor">{ under }</span>{ after }</span>{ nl }</> }
                        } else {
                            html! { <><span class="term__line">{ line.iter().collect::<String>() }</span>{ nl }</> }
                        }
                    }) }
                    if at_end && !trace.stderr.is_empty() {
                        <span class="term__err">{ format!("\n{}", trace.stderr.trim_end()) }</span>
                    }
                </pre>
            </div>
        </section>
    }
}
