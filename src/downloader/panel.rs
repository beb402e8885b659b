//! The "Real downloader" panel: settings, Download / Cancel, the spinner
//! and "Block the loop", the flags as they arrive, the counts, and the real
//! timeline beside the simulator's prediction.
//!
//! A struct component because a run outlives any one render: it is spawned
//! on the browser's loop, reports each event back as a message, and must be
//! cancelled (every fetch aborted) if the panel goes away mid-run.

use std::rc::Rc;

use gloo_timers::callback::Timeout;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::cancel::CancelToken;
use super::model::{Outcome, Phase, ReqKind, RunEvent, RunState};
use super::predict::{predict, Params, Prediction};
use super::replay::{self, HOST};
use super::run::{run, Config, Listener, Mode, MAX_LIMIT};
use super::spinner::Spinner;
use super::timeline::Timeline;
use super::web::{block_for, is_online, WebClock, WebTransport};
use super::COUNTRIES;
use crate::i18n::Lang;
use crate::internet::Edit;
use aioscope_core::run::World;

/// How long "Block the loop" holds the loop.
const BLOCK_MS: f64 = 1500.0;
/// Browsers open at most this many HTTP/1.1 connections to one server.
const BROWSER_CONNECTIONS: usize = 6;

/// What the user chose.
#[derive(Clone, Debug, PartialEq)]
struct Settings {
    concurrent: bool,
    limit: usize,
    count: usize,
    metadata: bool,
    timeout_ms: u32,
}

impl Settings {
    fn config(&self) -> Config {
        Config {
            codes: COUNTRIES[..self.count.clamp(1, COUNTRIES.len())]
                .iter()
                .map(|s| s.to_string())
                .collect(),
            mode: if self.concurrent {
                Mode::Concurrent(self.limit)
            } else {
                Mode::Sequential
            },
            metadata: self.metadata,
            timeout_ms: self.timeout_ms,
            base: String::new(),
        }
    }
}

/// A number field's text while it is not the value used (out of range,
/// empty, not a number): the field keeps what was typed and says which
/// value runs, until it loses focus and shows that value.
#[derive(Clone, Debug, Default, PartialEq)]
struct Typed {
    limit: Option<String>,
    count: Option<String>,
    timeout: Option<String>,
}

/// What a field's text means: the value it sets (clamped into
/// `min..=max`, or the old one when it is no number), and the text to keep
/// showing when that is not exactly the value.
fn typed_value(text: String, old: u64, min: u64, max: u64) -> (u64, Option<String>) {
    match parse_in(&text, min, max) {
        Some(v) if text.trim() == v.to_string() => (v, None),
        Some(v) => (v, Some(text)),
        None => (old, Some(text)),
    }
}

/// A run, live or finished.
struct Live {
    id: u64,
    config: Config,
    state: RunState,
    cancel: CancelToken,
    running: bool,
    /// The time of the latest event (ms from the start).
    last_at: f64,
    /// `performance.now()` at the start.
    t0: f64,
    /// When "Block the loop" held the loop during the run (ms from the
    /// start): marked on the real timeline.
    blocked: Option<(f64, f64)>,
}

/// Messages of the [`DownloaderPanel`].
pub enum Msg {
    /// Sequential (false) or concurrent (true).
    Concurrent(bool),
    /// The concurrency limit, as typed.
    Limit(String),
    /// How many flags, as typed.
    Count(String),
    /// Fetch metadata too.
    Metadata(bool),
    /// Per-request timeout, as typed.
    Timeout(String),
    /// A number field lost focus: it shows the value used.
    Settle,
    /// Start a run.
    Download,
    /// Cancel the run.
    Cancel,
    /// An event of run `id`.
    Event(u64, RunEvent),
    /// Run `id` ended with this state.
    Finished(u64, RunState),
    /// Hold the loop for [`BLOCK_MS`].
    Block,
    /// Open the finished run in the simulator.
    Step,
    /// Give the real server's host on the virtual internet this latency
    /// (ms): the real run's.
    UseLatency(f64),
    /// The page's language changed.
    Lang(Lang),
    /// Run the simulation the shown prediction is waiting for.
    Predict,
}

/// The real downloader. No properties; mount it anywhere.
pub struct DownloaderPanel {
    settings: Settings,
    typed: Typed,
    live: Option<Live>,
    next_id: u64,
    prediction: Rc<Prediction>,
    /// The simulation waiting to run for a changed run, setting or world
    /// (dropping it cancels it: a burst of changes simulates once), while
    /// the prediction shown is the previous one.
    pending: Option<Timeout>,
    /// Until the page's first frame is painted, a prediction waits for it.
    painted: bool,
    /// The virtual internet the prediction runs in (the page's).
    world: Rc<World>,
    blocked_ms: Option<f64>,
    zh: bool,
    /// Keeps the subscription to the page's `Lang` context, if there is one.
    _lang: Option<ContextHandle<Lang>>,
}

fn parse_in(text: &str, min: u64, max: u64) -> Option<u64> {
    text.trim().parse::<u64>().ok().map(|v| v.clamp(min, max))
}

/// `data:` URL of an SVG, for `<img>` (the CSP allows `data:` images, not
/// `blob:`). Everything but unreserved characters is percent-encoded.
pub fn svg_data_url(svg: &str) -> String {
    let mut out = String::from("data:image/svg+xml;charset=utf-8,");
    for b in svg.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' | b' ' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out.replace(' ', "%20")
}

impl DownloaderPanel {
    fn t<'a>(&self, en: &'a str, zh: &'a str) -> &'a str {
        if self.zh {
            zh
        } else {
            en
        }
    }

    fn running(&self) -> bool {
        self.live.as_ref().is_some_and(|l| l.running)
    }

    /// Predicts the shown run (or the settings, before any run) soon: the
    /// simulation runs on the page thread, so it waits for the page's first
    /// paint and for a burst of changes to end rather than delaying either.
    fn repredict(&mut self, ctx: &Context<Self>) {
        if !self.painted {
            // `rendered` schedules it after the first paint.
            return;
        }
        let link = ctx.link().clone();
        self.pending = Some(Timeout::new(0, move || link.send_message(Msg::Predict)));
    }

    /// Runs the simulation of the shown run (or the settings, before any run).
    fn predict_now(&mut self) {
        self.pending = None;
        let world = &self.world;
        let params = match &self.live {
            Some(live) if !live.running => Params::from_run(&live.config, &live.state, world),
            Some(live) => Params::from_config(&live.config, world),
            None => Params::from_config(&self.settings.config(), world),
        };
        self.prediction = Rc::new(predict(&params));
    }

    /// The median time of the finished real run's answers (ms).
    fn measured_ms(&self) -> Option<f64> {
        let live = self.live.as_ref().filter(|l| !l.running)?;
        let mut durations: Vec<f64> = live
            .state
            .bars
            .iter()
            .filter(|b| matches!(b.outcome, Some(Outcome::Ok | Outcome::NotFound)))
            .filter_map(|b| Some(b.end? - b.start?))
            .collect();
        durations.sort_by(f64::total_cmp);
        durations.get(durations.len() / 2).copied()
    }

    fn start(&mut self, ctx: &Context<Self>) {
        if self.running() {
            return;
        }
        let id = self.next_id;
        self.next_id += 1;
        let config = self.settings.config();
        let cancel = CancelToken::new();
        self.live = Some(Live {
            id,
            state: RunState::new(&config.codes),
            config: config.clone(),
            cancel: cancel.clone(),
            running: true,
            last_at: 0.0,
            t0: super::web::now(),
            blocked: None,
        });
        self.repredict(ctx);
        let link = ctx.link().clone();
        let listener: Listener = {
            let link = link.clone();
            Rc::new(move |e: &RunEvent| link.send_message(Msg::Event(id, e.clone())))
        };
        wasm_bindgen_futures::spawn_local(async move {
            let state = run(
                config,
                Rc::new(WebTransport),
                Rc::new(WebClock),
                cancel,
                listener,
            )
            .await;
            // Ignored if the panel is gone by then.
            link.send_message(Msg::Finished(id, state));
        });
    }

    fn status_text(&self, flag: &super::model::FlagRow) -> String {
        let kind = |k: ReqKind| match k {
            ReqKind::Flag => self.t("flag", "国旗"),
            ReqKind::Metadata => self.t("metadata", "元数据"),
        };
        match &flag.phase {
            Phase::Queued => self.t("queued", "排队").into(),
            Phase::Waiting(_) => self.t("waiting for a permit", "等待信号量").into(),
            Phase::Requesting(k) => format!("{} {}", self.t("requesting", "请求"), kind(*k)),
            Phase::Receiving(k) => format!("{} {}", self.t("receiving", "接收"), kind(*k)),
            Phase::Between(_) => self.t("flag received", "国旗已收到").into(),
            Phase::Finished(Outcome::Ok) => match &flag.name {
                Some(name) => name.clone(),
                None => self.t("ok", "成功").into(),
            },
            Phase::Finished(Outcome::Cancelled) => self.t("cancelled", "已取消").into(),
            Phase::Finished(_) => flag
                .failure
                .as_ref()
                .map(|f| f.reason(self.zh))
                .unwrap_or_default(),
        }
    }

    fn view_controls(&self, ctx: &Context<Self>) -> Html {
        let link = ctx.link();
        let s = &self.settings;
        let running = self.running();
        let on_mode = link.callback(|e: Event| {
            Msg::Concurrent(e.target_unchecked_into::<HtmlSelectElement>().value() == "concurrent")
        });
        let on_limit = link.callback(|e: InputEvent| {
            Msg::Limit(e.target_unchecked_into::<HtmlInputElement>().value())
        });
        let on_count = link.callback(|e: InputEvent| {
            Msg::Count(e.target_unchecked_into::<HtmlInputElement>().value())
        });
        let on_timeout = link.callback(|e: InputEvent| {
            Msg::Timeout(e.target_unchecked_into::<HtmlInputElement>().value())
        });
        let on_meta = link.callback(|e: Event| {
            Msg::Metadata(e.target_unchecked_into::<HtmlInputElement>().checked())
        });
        let settle = link.callback(|_: Event| Msg::Settle);
        // What a field shows, and the note saying which value runs while
        // the text is not exactly that value.
        let shown = |typed: &Option<String>, v: u64| typed.clone().unwrap_or_else(|| v.to_string());
        let used = |typed: &Option<String>, v: u64, range: &str| -> Html {
            match typed {
                Some(_) => html! {
                    <span class="dl-used" role="status">{ if self.zh {
                        format!("使用 {v}（{range}）")
                    } else {
                        format!("Using {v} ({range})")
                    } }</span>
                },
                None => html! {},
            }
        };
        html! {
            <div class="dl-controls">
                <label class="dl-field">
                    <span>{ self.t("Mode", "模式") }</span>
                    <select aria-label={self.t("Mode", "模式")} onchange={on_mode} disabled={running}>
                        <option value="sequential" selected={!s.concurrent}>
                            { self.t("Sequential", "顺序") }
                        </option>
                        <option value="concurrent" selected={s.concurrent}>
                            { self.t("Concurrent", "并发") }
                        </option>
                    </select>
                </label>
                <label class="dl-field">
                    <span>{ self.t("Concurrency limit", "并发上限") }</span>
                    <input type="number" min="1" max={MAX_LIMIT.to_string()}
                        aria-label={self.t("Concurrency limit", "并发上限")}
                        value={shown(&self.typed.limit, s.limit as u64)} oninput={on_limit}
                        onchange={settle.clone()} disabled={running || !s.concurrent} />
                    { used(&self.typed.limit, s.limit as u64, &format!("1–{MAX_LIMIT}")) }
                </label>
                <label class="dl-field">
                    <span>{ self.t("Flags", "国旗数") }</span>
                    <input type="number" min="1" max={COUNTRIES.len().to_string()}
                        aria-label={self.t("Flags", "国旗数")}
                        value={shown(&self.typed.count, s.count as u64)} oninput={on_count}
                        onchange={settle.clone()} disabled={running} />
                    { used(&self.typed.count, s.count as u64, &format!("1–{}", COUNTRIES.len())) }
                </label>
                <label class="dl-field">
                    <span>{ self.t("Timeout (ms)", "超时（毫秒）") }</span>
                    <input type="number" min="0" max="60000" step="100"
                        aria-label={self.t("Timeout (ms)", "超时（毫秒）")}
                        value={shown(&self.typed.timeout, s.timeout_ms as u64)} oninput={on_timeout}
                        onchange={settle} disabled={running} />
                    { used(&self.typed.timeout, s.timeout_ms as u64, "0–60000") }
                </label>
                <label class="dl-check">
                    <input type="checkbox" checked={s.metadata} onchange={on_meta}
                        disabled={running}
                        aria-label={self.t("Fetch metadata", "同时获取元数据")} />
                    <span>{ self.t("Fetch metadata", "同时获取元数据") }</span>
                </label>
                <div class="dl-buttons">
                    <button type="button" class="dl-button dl-button--primary"
                        onclick={link.callback(|_| Msg::Download)} disabled={running}>
                        { self.t("Download", "下载") }
                    </button>
                    <button type="button" class="dl-button"
                        onclick={link.callback(|_| Msg::Cancel)} disabled={!running}>
                        { self.t("Cancel", "取消") }
                    </button>
                </div>
            </div>
        }
    }

    fn view_results(&self) -> Html {
        let tally = self
            .live
            .as_ref()
            .map(|l| l.state.tally())
            .unwrap_or_default();
        let count = |class: &'static str, n: usize, en: &str, zh: &str| {
            html! {
                <span class={classes!("dl-count", class)} data-count={class.trim_start_matches("dl-count--").to_string()}>
                    <strong>{ n }</strong>{ " " }{ self.t(en, zh).to_string() }
                </span>
            }
        };
        html! {
            <div class="dl-results" role="status" aria-label={self.t("Results", "结果")}
                data-asked={tally.asked.to_string()} data-ok={tally.ok.to_string()}
                data-not-found={tally.not_found.to_string()} data-error={tally.error.to_string()}
                data-cancelled={tally.cancelled.to_string()} data-pending={tally.pending().to_string()}
                data-running={self.running().to_string()}
                data-elapsed-ms={self.live.as_ref().and_then(|l| l.state.finished_at).map(|t| format!("{t:.1}"))}>
                { count("dl-count--ok", tally.ok, "ok", "成功") }
                { count("dl-count--not-found", tally.not_found, "not found", "未找到") }
                { count("dl-count--error", tally.error, "error", "错误") }
                { count("dl-count--cancelled", tally.cancelled, "cancelled", "已取消") }
                <span class="dl-count dl-count--asked">
                    { format!("{} {} {}", self.t("of", "共"), tally.asked, self.t("asked", "面")) }
                    if tally.pending() > 0 {
                        { format!(" · {} {}", tally.pending(), self.t("pending", "进行中")) }
                    }
                </span>
            </div>
        }
    }

    fn view_flags(&self) -> Html {
        let Some(live) = &self.live else {
            return html! {
                <p class="dl-empty">{ self.t(
                    "Press Download: the flags arrive here as they complete.",
                    "点击“下载”，国旗会按完成的顺序出现在这里。",
                ) }</p>
            };
        };
        let items = live
            .state
            .flags
            .iter()
            .map(|f| {
                let outcome = match &f.phase {
                    Phase::Finished(o) => o.key(),
                    Phase::Queued => "queued",
                    _ => "busy",
                };
                let label = f.name.clone().unwrap_or_else(|| f.cc.clone());
                let image = match &f.image {
                    Some(svg) => html! {
                        <img class="dl-flag__img" src={svg_data_url(svg)}
                            alt={if self.zh { format!("{label}的国旗") } else { format!("Flag of {label}") }} />
                    },
                    None => html! { <span class="dl-flag__img dl-flag__img--none" aria-hidden="true" /> },
                };
                html! {
                    <li class={classes!("dl-flag", format!("dl-flag--{outcome}"))}
                        data-cc={f.cc.clone()} data-outcome={outcome}>
                        { image }
                        <span class="dl-flag__cc">{ f.cc.clone() }</span>
                        <span class="dl-flag__status">{ self.status_text(f) }</span>
                    </li>
                }
            })
            .collect::<Html>();
        html! { <ol class="dl-flags" aria-label={self.t("Downloaded flags", "下载的国旗")}>{ items }</ol> }
    }

    fn view_timelines(&self) -> Html {
        let pred = &self.prediction;
        let (codes, real_bars, real_end, running, max_real) = match &self.live {
            Some(l) => (
                l.config.codes.clone(),
                l.state.bars.clone(),
                l.state.finished_at.unwrap_or(l.last_at),
                l.running,
                l.state.max_in_flight(),
            ),
            None => (self.settings.config().codes, Vec::new(), 0.0, false, 0),
        };
        let blocked = self.live.as_ref().and_then(|l| l.blocked);
        let span = (real_end.max(pred.total_ms) * 1.04).max(100.0);
        let rows = Rc::new(codes);
        let real_caption = if self.live.is_none() {
            self.t("Real run: not started yet.", "真实运行：尚未开始。")
                .to_string()
        } else if running {
            format!(
                "{} {:.0} ms…",
                self.t("Real run, so far:", "真实运行，目前："),
                real_end
            )
        } else if self.zh {
            format!("真实运行：{real_end:.0} ms，同时在途最多 {max_real} 个请求。")
        } else {
            format!("Real run: {real_end:.0} ms, at most {max_real} requests in flight at once.")
        };
        let latency = match pred.latency_ms {
            Some(ms) if self.zh => format!("（虚拟互联网上 {HOST} 的应答用时 {ms:.0} ms）"),
            Some(ms) => format!(", with {HOST} answering in {ms:.0} ms on the Virtual internet"),
            None => String::new(),
        };
        let counts = match pred.counts {
            Some((ok, nf, err)) if self.zh => format!("；成功 {ok}，未找到 {nf}，错误 {err}"),
            Some((ok, nf, err)) => format!("; ok {ok}, not found {nf}, error {err}"),
            None => String::new(),
        };
        let pred_caption = if !self.painted {
            self.t(
                "Simulator's prediction: simulating…",
                "模拟器的预测：正在模拟……",
            )
            .to_string()
        } else if self.zh {
            format!("模拟器的预测{latency}：{:.0} ms{counts}。", pred.total_ms)
        } else {
            format!(
                "Simulator's prediction{latency}: {:.0} ms{counts}.",
                pred.total_ms
            )
        };
        html! {
            <div class="dl-timelines">
                <figure class="dl-figure">
                    <figcaption>{ real_caption }</figcaption>
                    <Timeline label={self.t("Timeline of the real run", "真实运行的时间线").to_string()}
                        rows={Rc::clone(&rows)} bars={Rc::new(real_bars)} span_ms={span}
                        now_ms={running.then_some(real_end)} blocked={blocked}
                        blocked_label={self.t("the loop was blocked: nothing else could run", "事件循环被阻塞：其他一切都无法运行").to_string()} />
                </figure>
                <figure class="dl-figure" aria-busy={(!self.painted || self.pending.is_some()).to_string()}>
                    <figcaption>{ pred_caption }</figcaption>
                    <Timeline label={self.t("Timeline the simulator predicts", "模拟器预测的时间线").to_string()}
                        rows={rows} bars={Rc::new(pred.bars.clone())} span_ms={span} />
                    if let Some(err) = &pred.error {
                        <p class="dl-warning">{ format!("{} {err}", self.t("The simulation failed:", "模拟失败：")) }</p>
                    }
                </figure>
                <ul class="dl-legend" aria-label={self.t("Legend", "图例")}>
                    <li><span class="dl-legend__swatch dl-legend__swatch--queue" />{ self.t("waiting for a permit", "等待信号量") }</li>
                    <li><span class="dl-legend__swatch dl-legend__swatch--wait" />{ self.t("request sent, waiting for the first byte", "已发送，等待首字节") }</li>
                    <li><span class="dl-legend__swatch dl-legend__swatch--ok" />{ self.t("receiving / ok", "接收中 / 成功") }</li>
                    <li><span class="dl-legend__swatch dl-legend__swatch--meta" />{ self.t("metadata request (thinner)", "元数据请求（较细）") }</li>
                    <li><span class="dl-legend__swatch dl-legend__swatch--not-found" />{ self.t("not found", "未找到") }</li>
                    <li><span class="dl-legend__swatch dl-legend__swatch--error" />{ self.t("error", "错误") }</li>
                    <li><span class="dl-legend__swatch dl-legend__swatch--cancelled" />{ self.t("cancelled", "已取消") }</li>
                </ul>
            </div>
        }
    }
}

/// Properties of the [`DownloaderPanel`].
#[derive(Properties, PartialEq, Default)]
pub struct DownloaderProps {
    /// Opens a finished run in the simulator: its program and the virtual
    /// internet that answers as the real network did. Without it, the
    /// panel offers no such button.
    #[prop_or_default]
    pub on_step: Option<Callback<(String, World)>>,
    /// The virtual internet the simulator runs programs in: the
    /// prediction runs there too, the real server being [`HOST`].
    #[prop_or_default]
    pub world: Rc<World>,
    /// Changes that virtual internet (the real run's latency for
    /// [`HOST`]). Without it, the panel offers no such button.
    #[prop_or_default]
    pub on_edit: Option<Callback<Edit>>,
}

impl Component for DownloaderPanel {
    type Message = Msg;
    type Properties = DownloaderProps;

    fn create(ctx: &Context<Self>) -> Self {
        // English unless the page provides a language (and then it follows
        // the page's switch).
        let (lang, handle) = match ctx.link().context::<Lang>(ctx.link().callback(Msg::Lang)) {
            Some((lang, handle)) => (lang, Some(handle)),
            None => (Lang::En, None),
        };
        DownloaderPanel {
            settings: Settings {
                concurrent: true,
                limit: 5,
                count: COUNTRIES.len(),
                metadata: false,
                timeout_ms: 3000,
            },
            typed: Typed::default(),
            live: None,
            next_id: 1,
            prediction: Rc::new(Prediction {
                source: String::new(),
                bars: Vec::new(),
                total_ms: 0.0,
                counts: None,
                latency_ms: None,
                error: None,
            }),
            pending: None,
            painted: false,
            world: ctx.props().world.clone(),
            blocked_ms: None,
            zh: lang == Lang::Zh,
            _lang: handle,
        }
    }

    fn rendered(&mut self, ctx: &Context<Self>, first_render: bool) {
        if !first_render {
            return;
        }
        // A timer set in the next animation frame fires after that frame is
        // painted: the page (the stepper's first frame) shows before the
        // prediction's simulation holds the thread.
        let link = ctx.link().clone();
        let after_paint = Closure::once_into_js(move || {
            Timeout::new(0, move || link.send_message(Msg::Predict)).forget();
        });
        let scheduled = web_sys::window()
            .map(|w| w.request_animation_frame(after_paint.unchecked_ref()))
            .is_some_and(|r| r.is_ok());
        if !scheduled {
            ctx.link().send_message(Msg::Predict);
        }
    }

    fn update(&mut self, ctx: &Context<Self>, msg: Msg) -> bool {
        let before = self.settings.clone();
        match msg {
            Msg::Concurrent(on) => self.settings.concurrent = on,
            Msg::Limit(text) => {
                let (v, t) = typed_value(text, self.settings.limit as u64, 1, MAX_LIMIT as u64);
                self.settings.limit = v as usize;
                self.typed.limit = t;
            }
            Msg::Count(text) => {
                let max = COUNTRIES.len() as u64;
                let (v, t) = typed_value(text, self.settings.count as u64, 1, max);
                self.settings.count = v as usize;
                self.typed.count = t;
            }
            Msg::Timeout(text) => {
                let (v, t) = typed_value(text, self.settings.timeout_ms as u64, 0, 60_000);
                self.settings.timeout_ms = v as u32;
                self.typed.timeout = t;
            }
            Msg::Settle => {
                if self.typed == Typed::default() {
                    return false;
                }
                self.typed = Typed::default();
            }
            Msg::Metadata(on) => self.settings.metadata = on,
            Msg::Download => {
                self.typed = Typed::default();
                self.start(ctx);
                return true;
            }
            Msg::Cancel => {
                if let Some(live) = &self.live {
                    live.cancel.cancel();
                }
                return false; // the run reports its cancelled flags
            }
            Msg::Event(id, ev) => {
                return match &mut self.live {
                    Some(live) if live.id == id => {
                        live.last_at = live.last_at.max(ev.at);
                        live.state.apply(ev);
                        true
                    }
                    _ => false,
                };
            }
            Msg::Finished(id, state) => {
                match &mut self.live {
                    Some(live) if live.id == id => {
                        live.running = false;
                        live.last_at = state.finished_at.unwrap_or(live.last_at);
                        live.state = state;
                    }
                    _ => return false,
                }
                self.repredict(ctx);
                return true;
            }
            Msg::Block => {
                let start = super::web::now();
                let ms = block_for(BLOCK_MS);
                self.blocked_ms = Some(ms);
                if let Some(live) = self.live.as_mut().filter(|l| l.running) {
                    let from = start - live.t0;
                    live.blocked = Some((from, from + ms));
                }
                return true;
            }
            Msg::Step => {
                if let (Some(live), Some(on_step)) = (&self.live, &ctx.props().on_step) {
                    if !live.running {
                        on_step.emit((
                            replay::program(&live.config),
                            replay::world(&live.config, &live.state),
                        ));
                    }
                }
                return false;
            }
            Msg::UseLatency(ms) => {
                if let Some(on_edit) = &ctx.props().on_edit {
                    let seconds = (ms.max(0.0)).round() / 1000.0;
                    on_edit.emit(Edit::Latency(HOST.to_string(), Some(seconds)));
                }
                return false;
            }
            Msg::Lang(lang) => {
                self.zh = lang == Lang::Zh;
                return true;
            }
            Msg::Predict => {
                self.painted = true;
                self.predict_now();
                return true;
            }
        }
        if self.settings != before && self.live.is_none() {
            self.repredict(ctx);
        }
        true
    }

    fn changed(&mut self, ctx: &Context<Self>, _old: &Self::Properties) -> bool {
        if ctx.props().world != self.world {
            self.world = ctx.props().world.clone();
            self.repredict(ctx);
        }
        true
    }

    fn view(&self, ctx: &Context<Self>) -> Html {
        let s = &self.settings;
        let link = ctx.link();
        let blocked = self.blocked_ms.map(|ms| {
            if self.zh {
                format!("刚才同步计算了 {ms:.0} ms：这段时间里转动图标停住了，下载的回调也都在等待。")
            } else {
                format!(
                    "Blocked the loop for {ms:.0} ms: the spinner froze, and every fetch callback waited."
                )
            }
        });
        html! {
            <section class="dl" aria-label={self.t("Real downloader", "真实下载器")}>
                <header class="dl-head">
                    <h2 class="dl-title">{ self.t("Real downloader", "真实下载器") }</h2>
                    <p class="dl-lede">{ self.t(
                        "The tutorial's flag downloader, run for real in your browser: each flag is one HTTP request. Your browser has an event loop just like asyncio's, so the requests wait for the network side by side, as asyncio tasks do at an await; the concurrency limit plays the part of asyncio.Semaphore. Download, then compare the real timeline with the simulator's, press “Block the loop” to see what a time.sleep() inside a coroutine does, and step the run you made in the simulator.",
                        "教程里的国旗下载器，真的在你的浏览器里运行：每面国旗就是一个 HTTP 请求。浏览器也有一个和 asyncio 一样的事件循环，所以这些请求并排等待网络，就像 asyncio 任务在 await 处等待一样；并发上限就相当于 asyncio.Semaphore。先下载，再把真实的时间线和模拟器的对比；按“阻塞事件循环”看看协程里的 time.sleep() 会造成什么；还可以在模拟器里逐步查看你刚才的运行。",
                    ) }</p>
                </header>
                { self.view_controls(ctx) }
                if s.concurrent && s.limit > BROWSER_CONNECTIONS {
                    <p class="dl-note">{ self.t(
                        "Over HTTP/1.1 a browser opens at most 6 connections to one server, so more than 6 requests in flight may queue inside the browser.",
                        "在 HTTP/1.1 下，浏览器对同一服务器最多开 6 个连接，因此超过 6 个的请求可能会在浏览器内部排队。",
                    ) }</p>
                }
                if !is_online() {
                    <p class="dl-warning">{ self.t(
                        "The browser is offline: every request will fail with “offline”.",
                        "浏览器处于离线状态：每个请求都会以“离线”失败。",
                    ) }</p>
                }
                <div class="dl-loop">
                    <Spinner busy={self.running()} zh={self.zh} />
                    <button type="button" class="dl-button"
                        onclick={link.callback(|_| Msg::Block)}>
                        { self.t("Block the loop", "阻塞事件循环") }
                    </button>
                    <p class="dl-loop__text">{ blocked.unwrap_or_else(|| self.t(
                        "“Block the loop” computes for 1.5 s without awaiting, like time.sleep() in a coroutine: the spinner freezes.",
                        "“阻塞事件循环”会不经 await 地计算 1.5 秒，就像在协程里调用 time.sleep()：转动图标会停住。",
                    ).to_string()) }</p>
                </div>
                { self.view_results() }
                { self.view_flags() }
                { self.view_timelines() }
                <div class="dl-world">
                    <p class="dl-note">{ if self.zh {
                        format!("预测运行在模拟器的虚拟互联网上，这台服务器在那里是 {HOST}。使用 {HOST} 的程序（例如 aiohttp 版国旗下载场景）下方的“虚拟互联网”面板可以设置它的延迟和故障，预测也随之改变。")
                    } else {
                        format!("The prediction runs on the simulator's virtual internet, where this server is {HOST}. The Virtual internet panel of a program that uses {HOST} (the aiohttp flags scenario, say) sets its latency and failures, for the prediction too.")
                    } }</p>
                    if let (Some(ms), Some(_)) = (self.measured_ms(), &ctx.props().on_edit) {
                        <button type="button" class="dl-button"
                            onclick={link.callback(move |_| Msg::UseLatency(ms))}>
                            { if self.zh {
                                format!("把真实运行的 {ms:.0} ms 设为 {HOST} 的延迟")
                            } else {
                                format!("Use the real run's {ms:.0} ms as {HOST}'s latency")
                            } }
                        </button>
                    }
                </div>
                if ctx.props().on_step.is_some() && self.live.as_ref().is_some_and(|l| !l.running) {
                    <div class="dl-step">
                        <button type="button" class="dl-button dl-button--primary"
                            onclick={link.callback(|_| Msg::Step)}>
                            { self.t("Step this run in the simulator", "在模拟器中逐步查看这次运行") }
                        </button>
                        <p class="dl-note">{ self.t(
                            "Opens your run above as an asyncio program (httpx, a semaphore of your limit), in a virtual internet where each URL answers as it did for real, after the time it really took.",
                            "在上方把你的这次运行打开为一个 asyncio 程序（httpx，信号量等于你的并发上限），在一个虚拟互联网中运行：每个 URL 都像真实运行时那样应答，耗时也相同。",
                        ) }</p>
                    </div>
                }
                <details class="dl-source">
                    <summary>{ self.t("The program the simulator ran", "模拟器运行的程序") }</summary>
                    // It scrolls, so it takes focus (keyboard users scroll it too).
                    <pre tabindex="0" role="region" aria-label={self.t("The program the simulator ran", "模拟器运行的程序")}><code>{ self.prediction.source.clone() }</code></pre>
                </details>
            </section>
        }
    }

    fn destroy(&mut self, _ctx: &Context<Self>) {
        // Abort every request in flight: nothing outlives the panel.
        if let Some(live) = &self.live {
            live.cancel.cancel();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn data_urls_encode_everything_risky() {
        assert_eq!(
            svg_data_url("<svg a=\"1\"/>#%"),
            "data:image/svg+xml;charset=utf-8,%3Csvg%20a%3D%221%22%2F%3E%23%25"
        );
    }

    #[test]
    fn settings_make_the_config() {
        let s = Settings {
            concurrent: true,
            limit: 5,
            count: 3,
            metadata: true,
            timeout_ms: 0,
        };
        let c = s.config();
        assert_eq!(c.codes, ["CN", "IN", "US"]);
        assert_eq!(c.mode, Mode::Concurrent(5));
        assert_eq!(parse_in("25", 1, 20), Some(20));
        assert_eq!(parse_in("0", 1, 20), Some(1));
        assert_eq!(parse_in("", 1, 20), None);
        // The value used, and the text kept while it differs.
        assert_eq!(typed_value("7".into(), 5, 1, 20), (7, None));
        assert_eq!(typed_value("25".into(), 5, 1, 20), (20, Some("25".into())));
        assert_eq!(typed_value("-3".into(), 5, 1, 20), (5, Some("-3".into())));
        assert_eq!(typed_value("".into(), 5, 1, 20), (5, Some("".into())));
    }
}
