//! The simulator's prediction of a real run.
//!
//! For the parameters of a run (mode, limit, metadata, timeout, and the
//! failures the real network showed) this writes the Python program the
//! tutorial would write — `asyncio.Semaphore(LIMIT)`, `httpx.AsyncClient`,
//! `as_completed` — and runs it in the simulator on the same virtual
//! internet the "Virtual internet" panel shows and edits: the real server
//! is [`HOST`] there, so its latency (and any failure set for it) is the
//! prediction's. The requests are read back out of the trace as timeline
//! [`Bar`]s, so the real run and the prediction are drawn the same way.
//!
//! The trace has no notion of "a request" in a task; it has tasks, their
//! await stacks, and the exchanges the virtual internet answered. This
//! module wrote the program, so it knows its lines: a request is the
//! stretch during which a task is suspended at the line that awaits
//! `client.get` (httpx suspends once there, for the whole response),
//! ending when the task becomes ready again; the wait for a permit is the
//! stretch at an `async with semaphore:` line. How each request ended
//! comes from the exchange the world answered.

use aioscope_core::run::{run, Answer, Body, Failure as NetFailure, Json, Options, World};
use aioscope_core::trace::{RequestRec, TaskState, Trace};

use super::model::{Bar, Failure, Outcome, ReqKind, RunState};
use super::replay::{url, HOST};
use super::run::{Config, Mode};

/// How one request fails in the prediction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SimFailure {
    /// The server answers this status.
    Status(u16),
    /// The connection fails (reset while waiting for the answer).
    Network,
    /// The answer comes later than the timeout.
    Slow,
}

/// What to predict.
#[derive(Clone, Debug, PartialEq)]
pub struct Params {
    /// Country codes, in order.
    pub codes: Vec<String>,
    /// Sequential or concurrent.
    pub mode: Mode,
    /// Whether each flag also fetches its metadata.
    pub metadata: bool,
    /// Per-request timeout in milliseconds (0: none).
    pub timeout_ms: u32,
    /// Requests the real run saw fail: (code, which request, how).
    pub failures: Vec<(String, ReqKind, SimFailure)>,
    /// The virtual internet the simulator runs programs in (the Virtual
    /// internet panel's): [`HOST`]'s latency and failure there are the
    /// real server's in the prediction.
    pub world: World,
}

impl Params {
    /// The parameters of a run, with every request answering.
    pub fn from_config(config: &Config, world: &World) -> Params {
        Params {
            codes: config.codes.clone(),
            mode: config.mode,
            metadata: config.metadata,
            timeout_ms: config.timeout_ms,
            failures: Vec::new(),
            world: world.clone(),
        }
    }

    /// The parameters of a finished real run: the failures it met, so the
    /// prediction is of the same run. Cancelled flags are predicted as if
    /// they had gone on.
    pub fn from_run(config: &Config, run: &RunState, world: &World) -> Params {
        let mut params = Params::from_config(config, world);
        for (i, flag) in run.flags.iter().enumerate() {
            let Some(failure) = &flag.failure else {
                continue;
            };
            let kind = run
                .bars
                .iter()
                .rev()
                .find(|b| b.row == i)
                .map(|b| b.kind)
                .unwrap_or(ReqKind::Flag);
            let sim = match failure {
                Failure::Http(status) => SimFailure::Status(*status),
                Failure::Timeout(_) => SimFailure::Slow,
                _ => SimFailure::Network,
            };
            params.failures.push((flag.cc.clone(), kind, sim));
        }
        params
    }

    fn failure(&self, cc: &str, kind: ReqKind) -> Option<&SimFailure> {
        self.failures
            .iter()
            .find(|(c, k, _)| c.eq_ignore_ascii_case(cc) && *k == kind)
            .map(|(_, _, f)| f)
    }

    /// The codes the program downloads: two letters, upper case.
    fn codes(&self) -> Vec<String> {
        self.codes
            .iter()
            .filter(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()))
            .map(|c| c.to_ascii_uppercase())
            .collect()
    }

    fn kinds(&self) -> &'static [ReqKind] {
        if self.metadata {
            &[ReqKind::Flag, ReqKind::Metadata]
        } else {
            &[ReqKind::Flag]
        }
    }

    /// The world the prediction runs in: the panel's, with the real
    /// server's files on [`HOST`] (each answering as the real run did, if
    /// it failed there). A URL the panel's world already declares keeps
    /// the panel's answer, and [`HOST`]'s latency and failure stay the
    /// panel's: what a person sets there is what the prediction uses.
    pub fn world(&self) -> World {
        let mut w = self.world.clone();
        for cc in self.codes() {
            for &kind in self.kinds() {
                let u = url(&cc, kind);
                if w.urls.iter().any(|(declared, _)| *declared == u) {
                    continue;
                }
                let answer = match self.failure(&cc, kind) {
                    Some(SimFailure::Status(status)) => Answer {
                        status: Some(*status),
                        ..Answer::default()
                    },
                    Some(SimFailure::Network) => Answer {
                        error: Some(NetFailure::Reset),
                        ..Answer::default()
                    },
                    // Twice the timeout later than the host's latency: the
                    // client gives up first, as it did for real.
                    Some(SimFailure::Slow) if self.timeout_ms > 0 => Answer {
                        delay: Some(f64::from(self.timeout_ms) * 2.0 / 1000.0),
                        ..Answer::default()
                    },
                    Some(SimFailure::Slow) => Answer {
                        error: Some(NetFailure::Timeout),
                        ..Answer::default()
                    },
                    None => ok_answer(&cc, kind),
                };
                w.urls.push((u, answer));
            }
        }
        w
    }
}

/// What the real server sends for a flag's file.
fn ok_answer(cc: &str, kind: ReqKind) -> Answer {
    match kind {
        ReqKind::Flag => Answer {
            body: Body::Text(format!("<svg><title>{cc}</title></svg>")),
            content_type: Some("image/svg+xml".into()),
            ..Answer::default()
        },
        ReqKind::Metadata => Answer {
            body: Body::Json(Json::Object(vec![
                ("name".into(), Json::Str(cc.into())),
                ("cc".into(), Json::Str(cc.into())),
            ])),
            ..Answer::default()
        },
    }
}

/// Seconds as Python source: `0.2`, `1.5`, `3.0`.
fn seconds(ms: f64) -> String {
    let s = (ms.max(0.0) / 1000.0 * 1e4).round() / 1e4;
    let text = format!("{s}");
    if text.contains('.') {
        text
    } else {
        format!("{text}.0")
    }
}

/// The Python program of a run, and the lines the timeline reads back.
#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    /// The source.
    pub source: String,
    /// The line that awaits `client.get(url)`.
    pub get_line: u32,
    /// The `async with semaphore:` lines.
    pub acquire_lines: Vec<u32>,
}

/// The line the next `push_str` onto `s` starts.
fn next_line(s: &str) -> u32 {
    s.matches('\n').count() as u32 + 1
}

/// The Python program of the run.
pub fn program(p: &Params) -> Program {
    let mut acquire_lines = Vec::new();
    let codes = p.codes();
    let mut s = String::new();
    let (what, limit) = match p.mode {
        Mode::Sequential => ("one flag after another".to_string(), 1),
        Mode::Concurrent(n) => (
            format!("all at once, at most {n} requests in flight"),
            n.max(1),
        ),
    };
    s.push_str(&format!(
        "# The simulator's prediction of the real run: {} flags, {what}.\n",
        codes.len()
    ));
    s.push_str(&format!(
        "# The server is {HOST} on the virtual internet: its latency is the one\n\
         # the Virtual internet panel sets for {HOST}.\n"
    ));
    s.push_str("import asyncio\n\nimport httpx\n\n");
    s.push_str(&format!("BASE_URL = 'http://{HOST}/flags'\n"));
    s.push_str(&format!("COUNTRIES = '{}'.split()\n", codes.join(" ")));
    if matches!(p.mode, Mode::Concurrent(_)) {
        s.push_str(&format!("LIMIT = {limit}  # requests in flight at once\n"));
    }
    let timeout = match p.timeout_ms {
        0 => "None".to_string(),
        ms => seconds(f64::from(ms)),
    };
    s.push_str(&format!("TIMEOUT = {timeout}  # seconds per request\n\n\n"));
    s.push_str("async def get(client, url):\n");
    let get_line = next_line(&s);
    s.push_str("    resp = await client.get(url, timeout=TIMEOUT)\n");
    s.push_str("    resp.raise_for_status()  # HTTPStatusError for 4xx and 5xx\n");
    s.push_str("    return resp\n\n\n");
    let sem = matches!(p.mode, Mode::Concurrent(_));
    s.push_str(if sem {
        "async def download(client, cc, semaphore):\n"
    } else {
        "async def download(client, cc):\n"
    });
    s.push_str("    base = f'{BASE_URL}/{cc.lower()}/'\n");
    let mut fetch = |s: &mut String, what: &str| {
        if sem {
            acquire_lines.push(next_line(s));
            s.push_str("    async with semaphore:\n");
            s.push_str(&format!("        await get(client, {what})\n"));
        } else {
            s.push_str(&format!("    await get(client, {what})\n"));
        }
    };
    fetch(&mut s, "base + cc.lower() + '.svg'");
    if p.metadata {
        fetch(&mut s, "base + 'metadata.json'");
    }
    s.push_str("    return cc\n\n\n");
    s.push_str("async def main():\n");
    s.push_str("    counts = {'ok': 0, 'not found': 0, 'error': 0}\n");
    if sem {
        s.push_str("    semaphore = asyncio.Semaphore(LIMIT)\n");
    }
    s.push_str("    async with httpx.AsyncClient() as client:\n");
    if sem {
        s.push_str(
            "        tasks = [asyncio.create_task(download(client, cc, semaphore), name=cc)\n",
        );
        s.push_str("                 for cc in COUNTRIES]\n");
        s.push_str("        for next_done in asyncio.as_completed(tasks):\n");
        s.push_str("            try:\n                await next_done\n");
    } else {
        s.push_str("        for cc in COUNTRIES:\n");
        s.push_str("            try:\n                await download(client, cc)\n");
    }
    s.push_str("            except httpx.HTTPStatusError as exc:\n");
    s.push_str("                status = exc.response.status_code\n");
    s.push_str("                counts['not found' if status == 404 else 'error'] += 1\n");
    s.push_str("            except httpx.RequestError:  # no answer, or too late\n");
    s.push_str("                counts['error'] += 1\n");
    s.push_str("            else:\n                counts['ok'] += 1\n");
    s.push_str("    print(counts)\n\n\nasyncio.run(main())\n");
    Program {
        source: s,
        get_line,
        acquire_lines,
    }
}

/// The prediction: the program, its timeline and its counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Prediction {
    /// The program that was simulated.
    pub source: String,
    /// One bar per simulated request.
    pub bars: Vec<Bar>,
    /// When the last request ended (ms).
    pub total_ms: f64,
    /// How the flags end (ok, not found, error), as the simulation had
    /// them.
    pub counts: Option<(usize, usize, usize)>,
    /// How long [`HOST`] took to answer in the simulation (the median of
    /// its answers, ms): the virtual internet's latency for it.
    pub latency_ms: Option<f64>,
    /// Why the simulation failed, if it did (a bug: the program is ours).
    pub error: Option<String>,
}

/// Simulates the run.
pub fn predict(p: &Params) -> Prediction {
    let prog = program(p);
    let options = Options {
        lines: false,
        world: Some(p.world()),
        ..Options::default()
    };
    let trace = run(&prog.source, "prediction.py", &options);
    let error = trace.exit.is_error().then(|| trace.exit.summary());
    let bars = bars(&trace, p, &prog);
    let total_ms = bars.iter().filter_map(|b| b.end).fold(0.0_f64, f64::max);
    let mut answered: Vec<f64> = trace
        .requests
        .iter()
        .filter(|r| r.host == HOST && r.failure.is_none())
        .map(|r| ms(r.seconds))
        .collect();
    answered.sort_by(f64::total_cmp);
    Prediction {
        counts: error.is_none().then(|| counts(p, &bars)),
        latency_ms: answered.get(answered.len() / 2).copied(),
        source: prog.source,
        bars,
        total_ms,
        error,
    }
}

/// Virtual seconds to ms, rounded to a microsecond: 0.6 s is 600 ms, not
/// 600.0000000000001.
fn ms(seconds: f64) -> f64 {
    (seconds * 1e6).round() / 1e3
}

/// How the flags end: (ok, not found, error), by each flag's last request.
fn counts(p: &Params, bars: &[Bar]) -> (usize, usize, usize) {
    let mut c = (0, 0, 0);
    for row in 0..p.codes.len() {
        match bars
            .iter()
            .rev()
            .find(|b| b.row == row)
            .and_then(|b| b.outcome)
        {
            Some(Outcome::Ok) => c.0 += 1,
            Some(Outcome::NotFound) => c.1 += 1,
            _ => c.2 += 1,
        }
    }
    c
}

/// How a request ended: the world's answer, unless it came later than the
/// client's timeout.
fn outcome(p: &Params, r: &RequestRec) -> Outcome {
    let late = p.timeout_ms > 0 && ms(r.seconds) > f64::from(p.timeout_ms);
    match (r.failure.is_some() || late, r.status) {
        (true, _) => Outcome::Error,
        (false, Some(s)) if s < 400 => Outcome::Ok,
        (false, Some(404)) => Outcome::NotFound,
        _ => Outcome::Error,
    }
}

/// One request of one task, from its await stacks (ms).
#[derive(Clone, Debug, PartialEq)]
struct Span {
    queued: Option<f64>,
    start: f64,
    end: Option<f64>,
}

fn spans(trace: &Trace, task: usize, prog: &Program) -> Vec<Span> {
    let Some(rec) = trace.tasks.get(task) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut queued: Option<f64> = None;
    let mut open: Option<Span> = None;
    for (frame, view) in &rec.views {
        let t = trace.frame(*frame).map(|f| ms(f.t)).unwrap_or(0.0);
        let at = |lines: &[u32]| view.stack.iter().any(|e| e.user && lines.contains(&e.line));
        let in_get = at(&[prog.get_line]);
        let in_acquire = at(&prog.acquire_lines);
        if in_get {
            match &mut open {
                None => {
                    open = Some(Span {
                        queued: queued.take(),
                        start: t,
                        end: None,
                    })
                }
                Some(span) if span.end.is_none() => {
                    if view.state != TaskState::Waiting {
                        // The answer came: the task is ready to go on.
                        span.end = Some(t);
                    }
                }
                Some(_) if view.state == TaskState::Waiting => {
                    // Straight from one answer into the next request, in
                    // one step (no wait for a permit in between).
                    out.extend(open.take());
                    open = Some(Span {
                        queued: queued.take(),
                        start: t,
                        end: None,
                    });
                }
                Some(_) => {}
            }
        } else {
            if let Some(mut span) = open.take() {
                span.end.get_or_insert(t);
                out.push(span);
            }
            if in_acquire && queued.is_none() {
                queued = Some(t);
            }
        }
    }
    out.extend(open);
    out
}

/// The row and kind of a URL of the program (`None`: not one of ours).
fn request_of(p: &Params, u: &str) -> Option<(usize, ReqKind)> {
    p.codes.iter().enumerate().find_map(|(row, cc)| {
        p.kinds()
            .iter()
            .find(|&&kind| url(cc, kind) == u)
            .map(|&kind| (row, kind))
    })
}

/// The prediction's bars: each task's spans matched in order to the
/// exchanges it made (the flag's own task, named after it, or the main
/// task when sequential, which makes them all).
pub fn bars(trace: &Trace, p: &Params, prog: &Program) -> Vec<Bar> {
    let requests: Vec<(usize, ReqKind, Outcome)> = trace
        .requests
        .iter()
        .filter_map(|r| {
            let (row, kind) = request_of(p, &r.url)?;
            Some((row, kind, outcome(p, r)))
        })
        .collect();
    let mut out = Vec::new();
    match p.mode {
        Mode::Concurrent(_) => {
            for i in 0..trace.tasks.len() {
                let Some((_, view)) = trace.tasks[i].views.first() else {
                    continue;
                };
                let Some(row) = p
                    .codes
                    .iter()
                    .position(|c| c.eq_ignore_ascii_case(&view.name))
                else {
                    continue;
                };
                let own = requests.iter().filter(|r| r.0 == row);
                for (span, &(row, kind, outcome)) in spans(trace, i, prog).into_iter().zip(own) {
                    out.push(bar(row, kind, outcome, span));
                }
            }
        }
        Mode::Sequential => {
            for (span, &(row, kind, outcome)) in spans(trace, 0, prog).into_iter().zip(&requests) {
                out.push(bar(row, kind, outcome, span));
            }
        }
    }
    out
}

fn bar(row: usize, kind: ReqKind, outcome: Outcome, span: Span) -> Bar {
    Bar {
        row,
        kind,
        queued: span.queued,
        start: Some(span.start),
        // The simulated answer arrives all at once: first byte = end.
        first_byte: span.end,
        end: span.end,
        outcome: Some(outcome),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::downloader::COUNTRIES;
    use crate::internet::{apply, Edit};
    use aioscope_core::run::Host;

    /// The world with the real server at `latency` seconds.
    fn at(latency: f64) -> World {
        apply(
            &World::default(),
            &Edit::Latency(HOST.into(), Some(latency)),
        )
    }

    fn params(mode: Mode) -> Params {
        Params {
            codes: COUNTRIES.iter().map(|s| s.to_string()).collect(),
            mode,
            metadata: false,
            timeout_ms: 0,
            failures: vec![
                ("CD".into(), ReqKind::Flag, SimFailure::Status(500)),
                ("ET".into(), ReqKind::Flag, SimFailure::Status(404)),
            ],
            world: at(0.2),
        }
    }

    fn starts(pred: &Prediction) -> Vec<f64> {
        let mut s: Vec<f64> = pred.bars.iter().filter_map(|b| b.start).collect();
        s.sort_by(f64::total_cmp);
        s.dedup();
        s
    }

    #[test]
    fn twenty_flags_five_at_a_time_take_four_rounds() {
        let pred = predict(&params(Mode::Concurrent(5)));
        assert_eq!(pred.error, None, "{}", pred.source);
        assert_eq!(pred.counts, Some((18, 1, 1)));
        assert_eq!(pred.bars.len(), 20);
        assert_eq!(starts(&pred), [0.0, 200.0, 400.0, 600.0]);
        assert!((pred.total_ms - 800.0).abs() < 1e-6);
        assert_eq!(pred.latency_ms, Some(200.0));
        // Every row has its bar; the later ones waited for a permit from 0.
        let mut rows: Vec<usize> = pred.bars.iter().map(|b| b.row).collect();
        rows.sort();
        assert_eq!(rows, (0..20).collect::<Vec<_>>());
        let last = pred.bars.iter().find(|b| b.row == 19).unwrap();
        assert_eq!((last.queued, last.start), (Some(0.0), Some(600.0)));
        let cd = pred.bars.iter().find(|b| b.row == 18).unwrap();
        assert_eq!(cd.outcome, Some(Outcome::Error));
    }

    #[test]
    fn the_virtual_internet_panel_sets_the_servers_latency() {
        let mut p = params(Mode::Concurrent(5));
        p.failures.clear();
        // Untouched, the real server is flags.test as the base world has it.
        p.world = World::default();
        let base = predict(&p);
        assert_eq!(base.error, None, "{}", base.source);
        assert_eq!(base.latency_ms, Some(100.0));
        assert!((base.total_ms - 400.0).abs() < 1e-6, "{}", base.total_ms);
        // A slower flags.test in the panel: a slower prediction.
        p.world = apply(&p.world, &Edit::Latency(HOST.into(), Some(0.5)));
        let slow = predict(&p);
        assert_eq!(slow.latency_ms, Some(500.0));
        assert!((slow.total_ms - 2000.0).abs() < 1e-6, "{}", slow.total_ms);
        assert_eq!(slow.counts, Some((20, 0, 0)));
        // A failing flags.test: every flag fails, as in the simulator.
        p.world = apply(
            &p.world,
            &Edit::HostFailure(HOST.into(), Some(NetFailure::Refused)),
        );
        let down = predict(&p);
        assert_eq!(down.error, None, "{}", down.source);
        assert_eq!(down.counts, Some((0, 0, 20)));
        assert_eq!(down.bars.len(), 20);
        // Another host's latency changes nothing here.
        p.world = apply(
            &World::default(),
            &Edit::Latency("other.test".into(), Some(3.0)),
        );
        assert_eq!(predict(&p).bars, base.bars);
    }

    #[test]
    fn a_url_the_panel_declares_answers_as_declared() {
        let mut p = params(Mode::Concurrent(20));
        p.failures.clear();
        let br = url("BR", ReqKind::Flag);
        p.world = apply(&p.world, &Edit::Status(br.clone(), Some(503)));
        let w = p.world();
        assert_eq!(w.urls.iter().filter(|(u, _)| *u == br).count(), 1);
        assert_eq!(
            w.hosts,
            vec![(
                HOST.to_string(),
                Host {
                    latency: Some(0.2),
                    ..Host::default()
                }
            )]
        );
        let pred = predict(&p);
        assert_eq!(pred.counts, Some((19, 0, 1)));
        let row = COUNTRIES.iter().position(|c| *c == "BR").unwrap();
        let bar = pred.bars.iter().find(|b| b.row == row).unwrap();
        assert_eq!(bar.outcome, Some(Outcome::Error));
    }

    #[test]
    fn sequential_is_one_after_another() {
        let pred = predict(&params(Mode::Sequential));
        assert_eq!(pred.error, None, "{}", pred.source);
        assert_eq!(pred.counts, Some((18, 1, 1)));
        assert_eq!(pred.bars.len(), 20);
        for (i, b) in pred.bars.iter().enumerate() {
            assert_eq!(b.row, i);
            assert!((b.start.unwrap() - 200.0 * i as f64).abs() < 1e-6);
            assert!((b.end.unwrap() - 200.0 * (i + 1) as f64).abs() < 1e-6);
        }
    }

    #[test]
    fn metadata_doubles_the_requests_but_not_after_a_failure() {
        let mut p = params(Mode::Concurrent(20));
        p.metadata = true;
        p.failures
            .push(("BR".into(), ReqKind::Metadata, SimFailure::Network));
        let pred = predict(&p);
        assert_eq!(pred.error, None, "{}", pred.source);
        assert_eq!(pred.counts, Some((17, 1, 2)));
        assert_eq!(pred.bars.len(), 38);
        assert!((pred.total_ms - 400.0).abs() < 1e-6);
        let meta = pred
            .bars
            .iter()
            .filter(|b| b.kind == ReqKind::Metadata)
            .count();
        assert_eq!(meta, 18);

        p.mode = Mode::Sequential;
        let pred = predict(&p);
        assert_eq!(pred.bars.len(), 38);
        assert!((pred.total_ms - 38.0 * 200.0).abs() < 1e-6);
    }

    #[test]
    fn slow_requests_time_out_in_the_prediction_too() {
        let mut p = params(Mode::Concurrent(4));
        p.timeout_ms = 500;
        p.failures = vec![("CN".into(), ReqKind::Flag, SimFailure::Slow)];
        let pred = predict(&p);
        assert_eq!(pred.error, None, "{}", pred.source);
        assert_eq!(pred.counts, Some((19, 0, 1)));
        let cn = pred.bars.iter().find(|b| b.row == 0).unwrap();
        assert_eq!(cn.end, Some(500.0));
        assert_eq!(cn.outcome, Some(Outcome::Error));
    }

    #[test]
    fn from_a_real_run() {
        use crate::downloader::model::{FlagEvent as E, RunEvent};
        let config = Config {
            codes: vec!["CN".into(), "ET".into(), "JP".into()],
            mode: Mode::Concurrent(2),
            metadata: false,
            timeout_ms: 1000,
            base: String::new(),
        };
        let mut run = RunState::new(&config.codes);
        let mut ev = |flag, at, event| {
            run.apply(RunEvent { flag, at, event });
        };
        ev(0, 0.0, E::Send(ReqKind::Flag));
        ev(1, 0.0, E::Send(ReqKind::Flag));
        ev(0, 180.0, E::Headers(ReqKind::Flag, 200));
        ev(
            0,
            190.0,
            E::Body(
                ReqKind::Flag,
                super::super::model::Payload::Image("<svg/>".into()),
            ),
        );
        ev(0, 190.0, E::Finish(Ok(())));
        ev(1, 210.0, E::Headers(ReqKind::Flag, 404));
        ev(1, 210.0, E::Finish(Err(Failure::Http(404))));
        ev(2, 190.0, E::Send(ReqKind::Flag));
        ev(2, 1190.0, E::Finish(Err(Failure::Timeout(1000))));
        let p = Params::from_run(&config, &run, &World::default());
        assert_eq!(
            p.failures,
            [
                ("ET".to_string(), ReqKind::Flag, SimFailure::Status(404)),
                ("JP".to_string(), ReqKind::Flag, SimFailure::Slow)
            ]
        );
        let pred = predict(&p);
        assert_eq!(pred.counts, Some((1, 1, 1)));
        // JP timed out at 1 s after it got a permit at 100 ms.
        let jp = pred.bars.iter().find(|b| b.row == 2).unwrap();
        assert_eq!((jp.start, jp.end), (Some(100.0), Some(1100.0)));
    }

    #[test]
    fn seconds_read_as_python_floats() {
        assert_eq!(seconds(200.0), "0.2");
        assert_eq!(seconds(3000.0), "3.0");
        assert_eq!(seconds(123.456), "0.1235");
    }

    #[test]
    fn the_program_knows_the_lines_the_timeline_reads() {
        let prog = program(&params(Mode::Concurrent(5)));
        let line = |n: u32| prog.source.lines().nth(n as usize - 1).unwrap_or("");
        assert!(line(prog.get_line).contains("await client.get(url"));
        assert_eq!(prog.acquire_lines.len(), 1);
        assert!(line(prog.acquire_lines[0]).contains("async with semaphore:"));
    }
}
