//! A spinner turned by a gloo `Interval` on the page's own event loop.
//!
//! It is the canary: while downloads are in flight it keeps turning,
//! because awaiting a fetch does not hold the loop. When the loop is blocked
//! by synchronous work, the interval cannot fire and the spinner freezes;
//! the longest pause between ticks (over the last few seconds) shows by how
//! much. The interval is dropped when the spinner is unmounted.

use std::collections::VecDeque;

use gloo_timers::callback::Interval;
use yew::prelude::*;

use super::web::now;

/// Milliseconds between ticks.
pub const TICK_MS: u32 = 100;
/// How far back the longest pause looks.
const WINDOW_MS: f64 = 10_000.0;

/// Properties of the [`Spinner`].
#[derive(Properties, PartialEq, Clone)]
pub struct SpinnerProps {
    /// Whether downloads are running (only changes the caption).
    pub busy: bool,
    /// Chinese captions instead of English.
    #[prop_or_default]
    pub zh: bool,
}

/// Messages of the [`Spinner`].
pub enum SpinnerMsg {
    /// The interval fired.
    Tick,
}

/// The spinner.
pub struct Spinner {
    _interval: Interval,
    ticks: u64,
    last: f64,
    /// (when, gap since the tick before) of the ticks in the last
    /// [`WINDOW_MS`]: about a hundred.
    pauses: VecDeque<(f64, f64)>,
}

impl Spinner {
    /// The longest gap between two ticks in the last [`WINDOW_MS`].
    fn longest_pause(&self) -> f64 {
        self.pauses.iter().map(|(_, g)| *g).fold(0.0, f64::max)
    }
}

impl Component for Spinner {
    type Message = SpinnerMsg;
    type Properties = SpinnerProps;

    fn create(ctx: &Context<Self>) -> Self {
        let link = ctx.link().clone();
        Spinner {
            _interval: Interval::new(TICK_MS, move || link.send_message(SpinnerMsg::Tick)),
            ticks: 0,
            last: now(),
            pauses: VecDeque::new(),
        }
    }

    fn update(&mut self, _ctx: &Context<Self>, msg: SpinnerMsg) -> bool {
        match msg {
            SpinnerMsg::Tick => {
                let t = now();
                let gap = t - self.last;
                self.last = t;
                self.ticks += 1;
                self.pauses.push_back((t, gap));
                while self
                    .pauses
                    .front()
                    .is_some_and(|(at, _)| t - at > WINDOW_MS)
                {
                    self.pauses.pop_front();
                }
                true
            }
        }
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let zh = ctx.props().zh;
        let t = |en: &'static str, cn: &'static str| if zh { cn } else { en };
        let angle = (self.ticks % 12) * 30;
        let spokes = (0..12u32)
            .map(|i| {
                // The leading spoke is darkest; the others fade behind it.
                let opacity = 0.15 + 0.85 * f64::from(i) / 11.0;
                html! {
                    <line x1="12" y1="3" x2="12" y2="7.5"
                        transform={format!("rotate({} 12 12)", i * 30)}
                        opacity={format!("{opacity:.2}")} />
                }
            })
            .collect::<Html>();
        let pause = self.longest_pause();
        let caption = if ctx.props().busy {
            t(
                "Downloads in flight, and the loop still turns the spinner.",
                "下载进行中，事件循环仍在转动这个图标。",
            )
        } else {
            t("The event loop is free.", "事件循环空闲。")
        };
        html! {
            <div class="dl-spinner" data-ticks={self.ticks.to_string()}
                data-max-pause={format!("{pause:.0}")}>
                <svg class="dl-spinner__icon" viewBox="0 0 24 24" role="img"
                    aria-label={t("Spinner", "转动图标")}>
                    <g transform={format!("rotate({angle} 12 12)")}>{ spokes }</g>
                </svg>
                <div class="dl-spinner__text">
                    <span>{ caption }</span>
                    <span class="dl-spinner__stats">
                        { if zh {
                            format!("转动 {} 次 · ", self.ticks)
                        } else {
                            format!("ticks {} · ", self.ticks)
                        } }
                        { t("longest pause (10 s): ", "最长停顿（10 秒内）：") }
                        <strong class={classes!(
                            "dl-spinner__pause",
                            (pause > 500.0).then_some("dl-spinner__pause--frozen"),
                        )}>{ format!("{pause:.0} ms") }</strong>
                    </span>
                </div>
            </div>
        }
    }
}
