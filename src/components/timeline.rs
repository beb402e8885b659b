//! The timeline: virtual time across, one lane per task, thread, the main
//! program and the loop's own callbacks; running slices, waits and
//! cancellations. Clicking jumps to that moment.

use gloo_events::EventListener;
use yew::prelude::*;

use crate::analysis::{LaneKind, MarkKind, SegKind, WIDTH};
use crate::i18n::use_lang;
use crate::model::Run;
use crate::util::{color, n, secs};

/// What the timeline shows.
#[derive(Properties, PartialEq)]
pub struct TimelineProps {
    /// The run.
    pub run: Run,
    /// The current frame.
    pub frame: u32,
    /// Jump to a frame.
    pub on_seek: Callback<u32>,
}

const LABEL_W: f32 = 112.0;
const LANE_H: f32 = 20.0;
const TOP: f32 = 20.0;

/// The timeline panel.
#[function_component(Timeline)]
pub fn timeline(p: &TimelineProps) -> Html {
    let lang = use_lang();
    let svg_ref = use_node_ref();
    let box_ref = use_node_ref();
    // Drawn in real pixels (so text keeps its size): measure the box, and
    // again when the window is resized.
    let px = use_state(|| 0.0f32);
    {
        let (box_ref, px) = (box_ref.clone(), px.clone());
        use_effect_with((), move |_| {
            let measure = {
                let (box_ref, px) = (box_ref.clone(), px.clone());
                move || {
                    if let Some(el) = box_ref.cast::<web_sys::Element>() {
                        let w = el.client_width() as f32;
                        if w > 0.0 {
                            px.set(w);
                        }
                    }
                }
            };
            measure();
            let listener =
                web_sys::window().map(|w| EventListener::new(&w, "resize", move |_| measure()));
            move || drop(listener)
        });
    }
    let d = &p.run.derived;
    let total_w = if *px > 0.0 {
        (*px - 16.0).max(560.0)
    } else {
        LABEL_W + WIDTH
    };
    // Timeline units (0..WIDTH) to pixels.
    let k = (total_w - LABEL_W - 12.0) / WIDTH;
    let height = TOP + LANE_H * d.lanes.len().max(1) as f32 + 6.0;
    let onclick = {
        let svg_ref = svg_ref.clone();
        let on_seek = p.on_seek.clone();
        let derived = p.run.derived.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(svg) = svg_ref.cast::<web_sys::Element>() {
                let r = svg.get_bounding_client_rect();
                if r.width() > 0.0 {
                    let x =
                        ((e.client_x() as f64 - r.left()) / r.width()) as f32 * total_w - LABEL_W;
                    on_seek.emit(derived.frame_at_x(x / k));
                }
            }
        })
    };
    let cursor_x = LABEL_W + k * d.xs.get(p.frame as usize).copied().unwrap_or(0.0);
    html! {
        <section class="panel panel--timeline" aria-label={lang.t("Timeline", "时间线")}>
            <header class="panel__head">
                <h2>{ lang.t("Timeline", "时间线") }</h2>
                <span class="panel__meta legend">
                    <span class="lg lg--run">{ lang.t("running", "运行") }</span>
                    <span class="lg lg--wait">{ lang.t("waiting", "等待") }</span>
                    <span class="lg lg--ready">{ lang.t("ready", "就绪") }</span>
                    <span class="lg lg--cancel">{ lang.t("cancelled", "取消") }</span>
                </span>
            </header>
            <div class="timeline" ref={box_ref} tabindex="0">
                <svg ref={svg_ref} class="timeline__svg" viewBox={format!("0 0 {} {}", n(total_w), n(height))}
                    width={n(total_w)} height={n(height)} onclick={onclick}
                    role="img" aria-label={lang.t("Timeline of tasks over virtual time; click to jump", "各任务随虚拟时间的时间线；点击可跳转")}>
                    <Lanes run={p.run.clone()} k={k} height={height} />
                    <g class="cursor">
                        <line x1={n(cursor_x)} x2={n(cursor_x)} y1={n(TOP - 6.0)} y2={n(height)} />
                        <path d={format!("M{} {}l5 -7h-10z", n(cursor_x), n(TOP - 4.0))} />
                    </g>
                </svg>
                if d.hidden_lanes > 0 {
                    <p class="muted small">{ format!("+{} {}", d.hidden_lanes, lang.t("more tasks not drawn", "个任务未画出")) }</p>
                }
            </div>
        </section>
    }
}

/// What the lanes are drawn from: not the frame, so stepping (which moves
/// only the cursor) never redraws them.
#[derive(Properties, PartialEq)]
struct LanesProps {
    run: Run,
    /// Timeline units to pixels.
    k: f32,
    height: f32,
}

/// The ticks and lanes, thousands of shapes for a long run.
#[function_component(Lanes)]
fn lanes(p: &LanesProps) -> Html {
    let d = &p.run.derived;
    let (k, height) = (p.k, p.height);
    let lane_y = |i: usize| TOP + LANE_H * i as f32;
    html! {
        <g class="lanes">
            { for d.ticks.iter().map(|(x, t)| {
                let x = LABEL_W + k * x;
                html! {
                    <g class="tick">
                        <line x1={n(x)} x2={n(x)} y1={n(TOP - 4.0)} y2={n(height)} />
                        <text x={n(x + 3.0)} y="12">{ format!("{}s", secs(*t)) }</text>
                    </g>
                }
            }) }
            { for d.lanes.iter().enumerate().map(|(i, lane)| {
                let y = lane_y(i);
                let cls = match lane.kind {
                    LaneKind::Task(t) => color(t),
                    LaneKind::Main => "lane-main".into(),
                    LaneKind::Loop => "lane-loop".into(),
                    LaneKind::Thread => "lane-thread".into(),
                };
                let label: String = if lane.label.chars().count() > 18 {
                    format!("{}…", lane.label.chars().take(17).collect::<String>())
                } else {
                    lane.label.to_string()
                };
                html! {
                    <g class={classes!("lane", cls)}>
                        <rect class="lane__bg" x={n(LABEL_W)} y={n(y)} width={n(k * WIDTH)} height={n(LANE_H - 2.0)} />
                        <text class="lane__label" x="4" y={n(y + 13.0)}>{ label }</text>
                        { for lane.segs.iter().map(|s| {
                            let (h, dy, c) = match s.kind {
                                SegKind::Run => (12.0, 3.0, "seg-run"),
                                SegKind::Wait => (4.0, 7.0, "seg-wait"),
                                SegKind::Ready => (2.0, 8.0, "seg-ready"),
                                SegKind::Block => (12.0, 3.0, "seg-block"),
                            };
                            let w = (k * (s.x1 - s.x0)).max(if s.kind == SegKind::Run || s.kind == SegKind::Block { 2.5 } else { 0.5 });
                            html! { <rect class={c} x={n(LABEL_W + k * s.x0)} y={n(y + dy)} width={n(w)} height={n(h)} rx="1.5" /> }
                        }) }
                        { for lane.marks.iter().map(|m| {
                            let x = LABEL_W + k * m.x;
                            match m.kind {
                                MarkKind::Cancelled | MarkKind::CancelRequested => {
                                    let c = if m.kind == MarkKind::Cancelled { "mk-cancel" } else { "mk-cancel-req" };
                                    html! { <path class={c} d={format!("M{} {}l8 8m0 -8l-8 8", n(x - 4.0), n(y + 5.0))} /> }
                                }
                                MarkKind::Failed => html! { <path class="mk-fail" d={format!("M{} {}l5 9h-10z", n(x), n(y + 4.0))} /> },
                                MarkKind::Done => html! { <circle class="mk-done" cx={n(x)} cy={n(y + 9.0)} r="3.5" /> },
                            }
                        }) }
                    </g>
                }
            }) }
        </g>
    }
}
