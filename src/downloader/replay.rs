//! "Step this run in the simulator": a real run turned into a Python
//! program (the tutorial's httpx downloader, with the run's limit, timeout
//! and flags) and a virtual internet in which each URL answers as it did
//! for real, after the time it really took. Stepping that program shows
//! what the browser's loop did, one asyncio step at a time.

use aioscope_core::run::World;

use super::model::{Failure, Outcome, ReqKind, RunState};
use super::run::{Config, Mode};

/// The host the replayed requests go to.
pub const HOST: &str = "flags.test";

/// Seconds as Python and JSON write them (`0.213`).
fn seconds(ms: f64) -> String {
    let s = (ms.max(0.0) / 1000.0 * 1e3).round() / 1e3;
    let text = format!("{s}");
    if text.contains('.') {
        text
    } else {
        format!("{text}.0")
    }
}

/// The URL of a request in the replay.
pub fn url(cc: &str, kind: ReqKind) -> String {
    let cc = cc.to_ascii_lowercase();
    match kind {
        ReqKind::Flag => format!("http://{HOST}/flags/{cc}/{cc}.svg"),
        ReqKind::Metadata => format!("http://{HOST}/flags/{cc}/metadata.json"),
    }
}

/// The program: the tutorial's downloader with this run's parameters.
pub fn program(config: &Config) -> String {
    let codes: Vec<String> = config
        .codes
        .iter()
        .filter(|c| c.len() == 2 && c.chars().all(|ch| ch.is_ascii_alphabetic()))
        .map(|c| c.to_ascii_uppercase())
        .collect();
    let limit = match config.mode {
        Mode::Sequential => 1,
        Mode::Concurrent(n) => n.max(1),
    };
    let timeout = match config.timeout_ms {
        0 => "None".to_string(),
        ms => seconds(f64::from(ms)),
    };
    let mut s = String::new();
    s.push_str("# Your real run, replayed in the simulator. Each URL answers as it did\n");
    s.push_str("# for real, after the time it really took (see the Virtual internet\n");
    s.push_str("# panel). Step it: each frame is one step of the event loop.\n");
    s.push_str("import asyncio\n\nimport httpx\n\n");
    s.push_str(&format!("BASE_URL = 'http://{HOST}/flags'\n"));
    s.push_str(&format!("COUNTRIES = '{}'.split()\n", codes.join(" ")));
    match config.mode {
        Mode::Sequential => s.push_str("LIMIT = 1  # one request at a time\n"),
        Mode::Concurrent(_) => {
            s.push_str(&format!("LIMIT = {limit}  # requests in flight at once\n"))
        }
    }
    s.push_str(&format!("TIMEOUT = {timeout}  # seconds per request\n\n\n"));
    s.push_str("async def get(client, url):\n");
    s.push_str("    resp = await client.get(url, timeout=TIMEOUT)\n");
    s.push_str("    resp.raise_for_status()\n");
    s.push_str("    return resp\n\n\n");
    s.push_str("async def download_one(client, cc, semaphore):\n");
    s.push_str("    url = f'{BASE_URL}/{cc.lower()}/{cc.lower()}.svg'\n");
    s.push_str("    async with semaphore:  # waits while LIMIT requests are out\n");
    s.push_str("        await get(client, url)\n");
    if config.metadata {
        s.push_str("    async with semaphore:\n");
        s.push_str("        resp = await get(client, f'{BASE_URL}/{cc.lower()}/metadata.json')\n");
        s.push_str("    name = resp.json()['name']\n");
        s.push_str("    print(cc, name)\n");
    } else {
        s.push_str("    print(cc, end=' ', flush=True)\n");
    }
    s.push_str("    return cc\n\n\n");
    s.push_str("async def main():\n");
    s.push_str("    semaphore = asyncio.Semaphore(LIMIT)\n");
    s.push_str("    async with httpx.AsyncClient() as client:\n");
    s.push_str("        to_do = [download_one(client, cc, semaphore) for cc in COUNTRIES]\n");
    s.push_str("        results = await asyncio.gather(*to_do, return_exceptions=True)\n");
    s.push_str("    ok = [r for r in results if isinstance(r, str)]\n");
    s.push_str("    print(f'\\n{len(ok)} of {len(COUNTRIES)} flags downloaded')\n");
    s.push_str("    for cc, r in zip(COUNTRIES, results):\n");
    s.push_str("        if not isinstance(r, str):\n");
    s.push_str("            print(cc, type(r).__name__, r)\n\n\n");
    s.push_str("asyncio.run(main())\n");
    s
}

/// JSON string literal of plain ASCII text (our URLs and bodies).
fn json_str(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The world: every request of the run, answering after the time it
/// took. Requests that never went out (a cancelled run) take the median.
pub fn world(config: &Config, run: &RunState) -> World {
    let mut durations: Vec<f64> = run
        .bars
        .iter()
        .filter_map(|b| Some(b.end? - b.start?))
        .collect();
    durations.sort_by(f64::total_cmp);
    let median = durations.get(durations.len() / 2).copied().unwrap_or(200.0);
    let timeout_ms = f64::from(config.timeout_ms);
    let mut urls = Vec::new();
    for (row, flag) in run.flags.iter().enumerate() {
        let kinds: &[ReqKind] = if config.metadata {
            &[ReqKind::Flag, ReqKind::Metadata]
        } else {
            &[ReqKind::Flag]
        };
        let last = run.bars.iter().rev().find(|b| b.row == row);
        for kind in kinds {
            let bar = run.bars.iter().find(|b| b.row == row && b.kind == *kind);
            let took = bar
                .and_then(|b| Some(b.end? - b.start?))
                .filter(|_| bar.and_then(|b| b.outcome) != Some(Outcome::Cancelled))
                .unwrap_or(median);
            // The flag's failure belongs to its last request.
            let failed = last.is_some_and(|l| l.kind == *kind);
            let answer = match flag.failure.as_ref().filter(|_| failed) {
                Some(Failure::Http(status)) => {
                    format!("{{\"status\": {status}, \"delay\": {}}}", seconds(took))
                }
                // It took longer than the timeout: twice as long, so the
                // simulation times out too.
                Some(Failure::Timeout(_)) => {
                    format!("{{\"delay\": {}}}", seconds(timeout_ms.max(took) * 2.0))
                }
                Some(Failure::Offline | Failure::Network(_)) => "{\"error\": \"reset\"}".into(),
                _ => match kind {
                    ReqKind::Flag => format!(
                        "{{\"body\": {}, \"content_type\": \"image/svg+xml\", \"delay\": {}}}",
                        json_str(&format!("<svg><title>{}</title></svg>", flag.cc)),
                        seconds(took)
                    ),
                    ReqKind::Metadata => format!(
                        "{{\"json\": {{\"name\": {}, \"cc\": {}}}, \"delay\": {}}}",
                        json_str(flag.name.as_deref().unwrap_or(&flag.cc)),
                        json_str(&flag.cc),
                        seconds(took)
                    ),
                },
            };
            urls.push(format!("{}: {answer}", json_str(&url(&flag.cc, *kind))));
        }
    }
    let json = format!(
        "{{\"base\": \"empty\", \"hosts\": {{{}: {{\"latency\": 0}}}}, \"urls\": {{{}}}}}",
        json_str(HOST),
        urls.join(", ")
    );
    World::from_json(&json).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::downloader::model::{FlagEvent, Payload, RunEvent};
    use aioscope_core::run::{run, Options};

    fn config(mode: Mode, timeout_ms: u32) -> Config {
        Config {
            codes: vec!["CN".into(), "IN".into(), "US".into()],
            mode,
            metadata: false,
            timeout_ms,
            base: String::new(),
        }
    }

    /// A finished run: CN took 200 ms, IN answered 404 after 100 ms, US
    /// timed out at 250 ms.
    fn finished(c: &Config) -> RunState {
        let mut st = RunState::new(&c.codes);
        let mut ev = |flag, at, event| {
            st.apply(RunEvent { flag, at, event });
        };
        for i in 0..3 {
            ev(i, 0.0, FlagEvent::Queue(ReqKind::Flag));
            ev(i, 0.0, FlagEvent::Send(ReqKind::Flag));
        }
        ev(1, 100.0, FlagEvent::Headers(ReqKind::Flag, 404));
        ev(1, 100.0, FlagEvent::Finish(Err(Failure::Http(404))));
        ev(2, 250.0, FlagEvent::Finish(Err(Failure::Timeout(250))));
        ev(0, 200.0, FlagEvent::Headers(ReqKind::Flag, 200));
        ev(
            0,
            200.0,
            FlagEvent::Body(ReqKind::Flag, Payload::Image("<svg/>".into())),
        );
        ev(0, 200.0, FlagEvent::Finish(Ok(())));
        st
    }

    #[test]
    fn the_replay_answers_as_the_real_run_did_and_when() {
        let c = config(Mode::Concurrent(2), 250);
        let st = finished(&c);
        let source = program(&c);
        assert!(source.contains("LIMIT = 2"), "{source}");
        assert!(source.contains("TIMEOUT = 0.25"), "{source}");
        let world = world(&c, &st);
        let trace = run(
            &source,
            "replay.py",
            &Options {
                world: Some(world),
                ..Options::default()
            },
        );
        assert!(!trace.exit.is_error(), "{}", trace.stderr);
        assert!(
            trace.stdout.contains("1 of 3 flags downloaded"),
            "{}",
            trace.stdout
        );
        assert!(
            trace.stdout.contains("IN HTTPStatusError"),
            "{}",
            trace.stdout
        );
        assert!(trace.stdout.contains("US ReadTimeout"), "{}", trace.stdout);
        // CN answered after its real 200 ms.
        let cn = trace
            .requests
            .iter()
            .find(|r| r.url.contains("/cn/"))
            .unwrap();
        assert!((cn.seconds - 0.2).abs() < 1e-9, "{}", cn.seconds);
    }

    #[test]
    fn sequential_replays_one_at_a_time() {
        let c = config(Mode::Sequential, 0);
        let source = program(&c);
        assert!(source.contains("LIMIT = 1"));
        assert!(source.contains("TIMEOUT = None"));
    }
}
