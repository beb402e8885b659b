//! A request timeline drawn as SVG: one row per flag, time across. The
//! real run and the simulator's prediction use this same drawing on the
//! same scale, so they can be compared bar by bar.
//!
//! Per request: a thin line while it waits for a permit, a light bar from
//! the request to its first byte (the server's latency), a solid bar from
//! the first byte to the end. Colour says how it ended. Styles are classes
//! in `static/downloader.css` (the page's CSP forbids inline styles).

use std::rc::Rc;

use yew::prelude::*;

use super::model::{Bar, Outcome, ReqKind};

/// Geometry, in SVG user units.
const WIDTH: f64 = 400.0;
const LABEL: f64 = 22.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 16.0;
const ROW: f64 = 12.0;

/// A tick step that gives at most about eight ticks over `span` ms.
pub fn tick_step(span: f64) -> f64 {
    const STEPS: [f64; 12] = [
        10.0, 20.0, 50.0, 100.0, 200.0, 250.0, 500.0, 1000.0, 2000.0, 5000.0, 10_000.0, 30_000.0,
    ];
    STEPS
        .iter()
        .copied()
        .find(|s| span / s <= 8.0)
        .unwrap_or(60_000.0)
}

/// Properties of a [`Timeline`].
#[derive(Properties, PartialEq, Clone)]
pub struct TimelineProps {
    /// The accessible name of the drawing.
    pub label: AttrValue,
    /// Row labels (country codes), in row order.
    pub rows: Rc<Vec<String>>,
    /// The requests.
    pub bars: Rc<Vec<Bar>>,
    /// The time the x axis spans, in ms (shared by both timelines).
    pub span_ms: f64,
    /// Where open requests end for now (a run in progress), in ms.
    #[prop_or_default]
    pub now_ms: Option<f64>,
    /// When the loop was blocked (from, to), in ms: drawn across every row.
    #[prop_or_default]
    pub blocked: Option<(f64, f64)>,
    /// The blocked band's tooltip.
    #[prop_or_default]
    pub blocked_label: AttrValue,
}

fn outcome_class(o: Option<Outcome>) -> &'static str {
    match o {
        Some(o) => match o {
            Outcome::Ok => "dl-tl--ok",
            Outcome::NotFound => "dl-tl--not-found",
            Outcome::Error => "dl-tl--error",
            Outcome::Cancelled => "dl-tl--cancelled",
        },
        None => "dl-tl--open",
    }
}

fn fmt_ms(v: f64) -> String {
    format!("{:.0} ms", v)
}

/// Describes a bar for its tooltip (`<title>`).
fn describe(cc: &str, bar: &Bar) -> String {
    let what = match bar.kind {
        ReqKind::Flag => "flag",
        ReqKind::Metadata => "metadata",
    };
    let mut parts = vec![format!("{cc} {what}")];
    if let Some(q) = bar.queued {
        parts.push(format!("waits for a permit at {}", fmt_ms(q)));
    }
    if let Some(s) = bar.start {
        parts.push(format!("sent {}", fmt_ms(s)));
    }
    if let Some(f) = bar.first_byte {
        parts.push(format!("first byte {}", fmt_ms(f)));
    }
    if let Some(e) = bar.end {
        parts.push(format!("done {}", fmt_ms(e)));
    }
    if let Some(o) = bar.outcome {
        parts.push(o.key().replace('-', " "));
    }
    parts.join(", ")
}

/// The timeline drawing.
#[function_component(Timeline)]
pub fn timeline(props: &TimelineProps) -> Html {
    let span = props.span_ms.max(1.0);
    let plot = WIDTH - LABEL - RIGHT;
    let x = move |t: f64| LABEL + (t.clamp(0.0, span) / span) * plot;
    let height = TOP + ROW * props.rows.len().max(1) as f64 + 4.0;
    let now = props.now_ms.unwrap_or(span);

    let step = tick_step(span);
    let ticks = (0..)
        .map(|i| i as f64 * step)
        .take_while(|t| *t <= span + 1e-9)
        .map(|t| {
            // The unit once, on the last tick that fits.
            let last = t + step > span + 1e-9;
            let label = if t == 0.0 {
                "0".to_string()
            } else if step >= 1000.0 {
                format!("{} s", t / 1000.0)
            } else if last {
                format!("{t} ms")
            } else {
                format!("{t}")
            };
            html! {
                <g class="dl-tl__tick">
                    <line x1={format!("{:.1}", x(t))} x2={format!("{:.1}", x(t))}
                        y1={format!("{}", TOP - 3.0)} y2={format!("{:.1}", height - 4.0)} />
                    <text x={format!("{:.1}", x(t))} y="9" text-anchor="middle">{ label }</text>
                </g>
            }
        })
        .collect::<Html>();

    let labels = props
        .rows
        .iter()
        .enumerate()
        .map(|(i, cc)| {
            let y = TOP + ROW * i as f64 + ROW * 0.75;
            html! {
                <text class="dl-tl__label" x="2" y={format!("{y:.1}")}>{ cc.clone() }</text>
            }
        })
        .collect::<Html>();

    let bars = props
        .bars
        .iter()
        .map(|bar| {
            let top = TOP + ROW * bar.row as f64;
            let (y, h) = match bar.kind {
                ReqKind::Flag => (top + 1.5, ROW - 3.0),
                ReqKind::Metadata => (top + 3.5, ROW - 7.0),
            };
            let end = bar.end.unwrap_or(now);
            let class = outcome_class(bar.outcome);
            let kind = match bar.kind {
                ReqKind::Flag => "dl-tl__bar--flag",
                ReqKind::Metadata => "dl-tl__bar--meta",
            };
            let rect = |from: f64, to: f64, part: &'static str| {
                let (a, b) = (x(from), x(to.max(from)));
                html! {
                    <rect class={classes!("dl-tl__bar", part, kind, class)}
                        x={format!("{a:.2}")} y={format!("{y:.2}")}
                        width={format!("{:.2}", (b - a).max(1.0))} height={format!("{h:.2}")} rx="1.5" />
                }
            };
            let queue = bar.queued.map(|q| {
                let until = bar.start.unwrap_or(end);
                let mid = top + ROW / 2.0;
                html! {
                    <line class="dl-tl__queue" x1={format!("{:.2}", x(q))} x2={format!("{:.2}", x(until))}
                        y1={format!("{mid:.2}")} y2={format!("{mid:.2}")} />
                }
            });
            let body = bar.start.map(|s| {
                let first = bar.first_byte.unwrap_or(end).min(end);
                html! {
                    <>
                        { rect(s, first, "dl-tl__bar--wait") }
                        if bar.first_byte.is_some() { { rect(first, end, "dl-tl__bar--recv") } }
                    </>
                }
            });
            let cc = props.rows.get(bar.row).map(String::as_str).unwrap_or("?");
            html! {
                <g class="dl-tl__req">
                    <title>{ describe(cc, bar) }</title>
                    { for queue }
                    { for body }
                </g>
            }
        })
        .collect::<Html>();

    let blocked = props.blocked.map(|(from, to)| {
        let (a, b) = (x(from), x(to.max(from)));
        html! {
            <rect class="dl-tl__blocked" x={format!("{a:.2}")} y={format!("{:.1}", TOP - 3.0)}
                width={format!("{:.2}", (b - a).max(1.0))} height={format!("{:.1}", height - TOP - 1.0)}>
                <title>{ format!("{} ({:.0}–{:.0} ms)", props.blocked_label, from, to) }</title>
            </rect>
        }
    });
    let label = match props.blocked {
        Some((from, to)) => format!(
            "{}; {} {:.0}–{:.0} ms",
            props.label, props.blocked_label, from, to
        ),
        None => props.label.to_string(),
    };
    html! {
        <svg class="dl-tl" role="img" aria-label={label}
            viewBox={format!("0 0 {WIDTH} {height:.0}")} preserveAspectRatio="xMinYMin meet">
            { for blocked }
            { ticks }
            { labels }
            { bars }
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ticks_are_round_and_few() {
        assert_eq!(tick_step(800.0), 100.0);
        assert_eq!(tick_step(4000.0), 500.0);
        assert_eq!(tick_step(60.0), 10.0);
        assert_eq!(tick_step(1e9), 60_000.0);
    }

    #[test]
    fn tooltips_say_what_happened() {
        let bar = Bar {
            row: 0,
            kind: ReqKind::Flag,
            queued: Some(0.0),
            start: Some(200.0),
            first_byte: Some(401.2),
            end: Some(402.0),
            outcome: Some(Outcome::NotFound),
        };
        assert_eq!(
            describe("CN", &bar),
            "CN flag, waits for a permit at 0 ms, sent 200 ms, first byte 401 ms, done 402 ms, not found"
        );
    }
}
