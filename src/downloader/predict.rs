//! The simulator's prediction of a real run.
//!
//! For the parameters of a run (mode, limit, metadata, timeout, and the
//! latency and failures the real network showed) this writes the Python
//! program the tutorial would write — `asyncio.Semaphore(LIMIT)`,
//! `net.route(..., delay=LATENCY)`, `net.get`, `as_completed` — runs it in
//! the simulator, and reads the requests back out of the trace as timeline
//! [`Bar`]s, so the real run and the prediction are drawn the same way.
//!
//! The trace has no notion of "a request"; it has tasks and their await
//! stacks. This module wrote the program, so it knows its lines: a request
//! is the stretch during which a task is suspended at the line that awaits
//! `net.get`, ending when the timer that answers it fires (the task becomes
//! ready); the wait for a permit is the stretch at an `async with
//! semaphore:` line.

use aioscope_core::run::{run, Options};
use aioscope_core::trace::{TaskState, Trace};

use super::model::{Bar, Failure, Outcome, ReqKind, RunState};
use super::run::{Config, Mode};

/// How one request fails in the prediction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SimFailure {
    /// The server answers this status.
    Status(u16),
    /// The connection fails (`ConnectionError`).
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
    /// Latency of every request, in milliseconds.
    pub latency_ms: f64,
    /// Per-request timeout in milliseconds (0: none).
    pub timeout_ms: u32,
    /// Requests that fail: (code, which request, how).
    pub failures: Vec<(String, ReqKind, SimFailure)>,
}

impl Params {
    /// The parameters of a run, with every request succeeding.
    pub fn from_config(config: &Config, latency_ms: f64) -> Params {
        Params {
            codes: config.codes.clone(),
            mode: config.mode,
            metadata: config.metadata,
            latency_ms,
            timeout_ms: config.timeout_ms,
            failures: Vec::new(),
        }
    }

    /// The parameters of a finished real run: its latency (the median time
    /// of its answered requests) and the failures it met, so the
    /// prediction is of the same run. Cancelled flags are predicted as if
    /// they had gone on.
    pub fn from_run(config: &Config, run: &RunState, fallback_latency_ms: f64) -> Params {
        let mut durations: Vec<f64> = run
            .bars
            .iter()
            .filter(|b| matches!(b.outcome, Some(Outcome::Ok | Outcome::NotFound)))
            .filter_map(|b| Some(b.end? - b.start?))
            .collect();
        durations.sort_by(f64::total_cmp);
        let latency = durations
            .get(durations.len() / 2)
            .copied()
            .unwrap_or(fallback_latency_ms);
        let mut params = Params::from_config(config, latency);
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

    /// The requests a flag makes, in order, and how each ends.
    fn requests(&self, cc: &str) -> Vec<(ReqKind, Outcome)> {
        let mut out = Vec::new();
        for kind in [ReqKind::Flag, ReqKind::Metadata] {
            if kind == ReqKind::Metadata && !self.metadata {
                break;
            }
            let outcome = match self.failure(cc, kind) {
                None => Outcome::Ok,
                Some(SimFailure::Status(404)) => Outcome::NotFound,
                Some(_) => Outcome::Error,
            };
            out.push((kind, outcome));
            if outcome != Outcome::Ok {
                break;
            }
        }
        out
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
    /// The line that awaits `net.get(url)`.
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
    let get_line;
    let mut acquire_lines = Vec::new();
    let codes: Vec<String> = p
        .codes
        .iter()
        .filter(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()))
        .map(|c| c.to_ascii_uppercase())
        .collect();
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
    s.push_str("import asyncio\n\nimport net\n\n");
    s.push_str(&format!("COUNTRIES = '{}'.split()\n", codes.join(" ")));
    if matches!(p.mode, Mode::Concurrent(_)) {
        s.push_str(&format!("LIMIT = {limit}\n"));
    }
    s.push_str(&format!("LATENCY = {}\n", seconds(p.latency_ms)));
    if p.timeout_ms > 0 {
        s.push_str(&format!("TIMEOUT = {}\n", seconds(f64::from(p.timeout_ms))));
    }
    s.push_str("BASE = 'flags/{}/'\n\n");
    s.push_str("for cc in COUNTRIES:\n");
    s.push_str("    base = BASE.format(cc.lower())\n");
    s.push_str("    net.route(base + cc.lower() + '.svg', body=b'<svg/>', delay=LATENCY)\n");
    if p.metadata {
        s.push_str(
            "    net.route(base + 'metadata.json', json={'name': cc, 'cc': cc}, delay=LATENCY)\n",
        );
    }
    let mut overrides = Vec::new();
    for (cc, kind, failure) in &p.failures {
        if !codes.iter().any(|c| c.eq_ignore_ascii_case(cc))
            || (*kind == ReqKind::Metadata && !p.metadata)
        {
            continue;
        }
        let lc = cc.to_ascii_lowercase();
        let url = match kind {
            ReqKind::Flag => format!("flags/{lc}/{lc}.svg"),
            ReqKind::Metadata => format!("flags/{lc}/metadata.json"),
        };
        let args = match failure {
            SimFailure::Status(status) => format!("status={status}, delay=LATENCY"),
            SimFailure::Network => "error='connection failed', delay=LATENCY".to_string(),
            SimFailure::Slow if p.timeout_ms > 0 => "delay=TIMEOUT * 2".to_string(),
            SimFailure::Slow => "error='timed out', delay=LATENCY".to_string(),
        };
        overrides.push(format!("net.route('{url}', {args})\n"));
    }
    if !overrides.is_empty() {
        s.push_str("# What the real network answered differently:\n");
        for o in overrides {
            s.push_str(&o);
        }
    }
    s.push_str("\n\nasync def get(url):\n");
    if p.timeout_ms > 0 {
        s.push_str("    async with asyncio.timeout(TIMEOUT):\n");
        get_line = next_line(&s);
        s.push_str("        resp = await net.get(url)\n");
    } else {
        get_line = next_line(&s);
        s.push_str("    resp = await net.get(url)\n");
    }
    s.push_str("    resp.raise_for_status()  # net.HTTPError for 4xx and 5xx\n");
    s.push_str("    return resp\n\n\n");
    let sem = matches!(p.mode, Mode::Concurrent(_));
    s.push_str(if sem {
        "async def download(cc, semaphore):\n"
    } else {
        "async def download(cc):\n"
    });
    s.push_str("    base = BASE.format(cc.lower())\n");
    if sem {
        acquire_lines.push(next_line(&s));
        s.push_str("    async with semaphore:\n");
        s.push_str("        await get(base + cc.lower() + '.svg')\n");
    } else {
        s.push_str("    await get(base + cc.lower() + '.svg')\n");
    }
    if p.metadata {
        if sem {
            acquire_lines.push(next_line(&s));
            s.push_str("    async with semaphore:\n");
            s.push_str("        await get(base + 'metadata.json')\n");
        } else {
            s.push_str("    await get(base + 'metadata.json')\n");
        }
    }
    s.push_str("    return cc\n\n\n");
    s.push_str("async def main():\n");
    s.push_str("    counts = {'ok': 0, 'not found': 0, 'error': 0}\n");
    let handle = "            counts['not found' if exc.status == 404 else 'error'] += 1\n        except (ConnectionError, TimeoutError):\n            counts['error'] += 1\n        else:\n            counts['ok'] += 1\n";
    if sem {
        s.push_str("    semaphore = asyncio.Semaphore(LIMIT)\n");
        s.push_str("    tasks = [asyncio.create_task(download(cc, semaphore), name=cc)\n");
        s.push_str("             for cc in COUNTRIES]\n");
        s.push_str("    for next_done in asyncio.as_completed(tasks):\n");
        s.push_str("        try:\n            await next_done\n");
    } else {
        s.push_str("    for cc in COUNTRIES:\n");
        s.push_str("        try:\n            await download(cc)\n");
    }
    s.push_str("        except net.HTTPError as exc:\n");
    s.push_str(handle);
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
    /// How the flags end (ok, not found, error): the parameters decide
    /// that; the simulation decides when.
    pub counts: Option<(usize, usize, usize)>,
    /// Why the simulation failed, if it did (a bug: the program is ours).
    pub error: Option<String>,
}

/// Simulates the run.
pub fn predict(p: &Params) -> Prediction {
    let prog = program(p);
    let options = Options {
        lines: false,
        ..Options::default()
    };
    let trace = run(&prog.source, "prediction.py", &options);
    let error = trace.exit.is_error().then(|| trace.exit.summary());
    let bars = bars(&trace, p, &prog);
    let total_ms = bars.iter().filter_map(|b| b.end).fold(0.0_f64, f64::max);
    Prediction {
        counts: error.is_none().then(|| counts(p)),
        source: prog.source,
        bars,
        total_ms,
        error,
    }
}

/// How the flags end: (ok, not found, error).
fn counts(p: &Params) -> (usize, usize, usize) {
    let mut c = (0, 0, 0);
    for cc in &p.codes {
        match p.requests(cc).last().map(|r| r.1) {
            Some(Outcome::NotFound) => c.1 += 1,
            Some(Outcome::Ok) | None => c.0 += 1,
            Some(_) => c.2 += 1,
        }
    }
    c
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
        // Virtual seconds to ms, rounded to a microsecond: 0.6 s is 600 ms,
        // not 600.0000000000001.
        let t = trace
            .frame(*frame)
            .map(|f| (f.t * 1e6).round() / 1e3)
            .unwrap_or(0.0);
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

/// The prediction's bars: for each flag its requests, matched in order to
/// the spans of the task that made them (the flag's own task, named after
/// it, or the main task when sequential).
pub fn bars(trace: &Trace, p: &Params, prog: &Program) -> Vec<Bar> {
    let name_of = |i: usize| -> Option<String> {
        trace
            .tasks
            .get(i)?
            .views
            .first()
            .map(|(_, v)| v.name.to_string())
    };
    let mut out = Vec::new();
    let row_of = |cc: &str| p.codes.iter().position(|c| c.eq_ignore_ascii_case(cc));
    match p.mode {
        Mode::Concurrent(_) => {
            for i in 0..trace.tasks.len() {
                let Some(name) = name_of(i) else { continue };
                let Some(row) = row_of(&name) else { continue };
                for (span, (kind, outcome)) in
                    spans(trace, i, prog).into_iter().zip(p.requests(&name))
                {
                    out.push(bar(row, kind, outcome, span));
                }
            }
        }
        Mode::Sequential => {
            // The main task makes every request, in order.
            let expected: Vec<(usize, ReqKind, Outcome)> = p
                .codes
                .iter()
                .enumerate()
                .flat_map(|(row, cc)| {
                    p.requests(cc)
                        .into_iter()
                        .map(move |(kind, outcome)| (row, kind, outcome))
                })
                .collect();
            for (span, (row, kind, outcome)) in spans(trace, 0, prog).into_iter().zip(expected) {
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
        // The simulated network answers all at once: first byte = end.
        first_byte: span.end,
        end: span.end,
        outcome: Some(outcome),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::downloader::COUNTRIES;

    fn params(mode: Mode) -> Params {
        Params {
            codes: COUNTRIES.iter().map(|s| s.to_string()).collect(),
            mode,
            metadata: false,
            latency_ms: 200.0,
            timeout_ms: 0,
            failures: vec![
                ("CD".into(), ReqKind::Flag, SimFailure::Status(500)),
                ("ET".into(), ReqKind::Flag, SimFailure::Status(404)),
            ],
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
        let p = Params::from_run(&config, &run, 100.0);
        assert_eq!(p.latency_ms, 210.0, "median of 190 and 210");
        assert_eq!(
            p.failures,
            [
                ("ET".to_string(), ReqKind::Flag, SimFailure::Status(404)),
                ("JP".to_string(), ReqKind::Flag, SimFailure::Slow)
            ]
        );
        assert_eq!(predict(&p).counts, Some((1, 1, 1)));
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
        assert!(line(prog.get_line).contains("await net.get(url)"));
        assert_eq!(prog.acquire_lines.len(), 1);
        assert!(line(prog.acquire_lines[0]).contains("async with semaphore:"));
    }
}
