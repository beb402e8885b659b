//! What a run is made of, as plain data: each flag's state machine, the
//! outcome it ends in, the timeline of its requests, and the counts.
//!
//! The runner (`run.rs`) only emits [`RunEvent`]s; [`RunState::apply`] is
//! the one place that changes state. It refuses a transition the machine
//! does not allow (a second ending, a response after a cancel), so a flag
//! ends exactly once and the counts always add up to the number asked —
//! whatever order the network answers in.

use std::fmt;
use std::rc::Rc;

/// Which of a flag's two requests.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ReqKind {
    /// The image, `flags/<cc>/<cc>.svg`.
    Flag,
    /// The country's name, `flags/<cc>/metadata.json`.
    Metadata,
}

/// How a flag ended: the four counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Outcome {
    /// Every request succeeded.
    Ok,
    /// The server answered 404.
    NotFound,
    /// Any other failure: an HTTP error, a timeout, the network, a bad body.
    Error,
    /// The user cancelled the run before the flag finished.
    Cancelled,
}

impl Outcome {
    /// The CSS class suffix and the word tests read.
    pub fn key(self) -> &'static str {
        match self {
            Outcome::Ok => "ok",
            Outcome::NotFound => "not-found",
            Outcome::Error => "error",
            Outcome::Cancelled => "cancelled",
        }
    }
}

/// Why a request failed, precisely enough to tell the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Failure {
    /// An HTTP status outside 200–299.
    Http(u16),
    /// No answer within the per-request timeout (milliseconds).
    Timeout(u32),
    /// The browser is offline (`navigator.onLine` is false).
    Offline,
    /// `fetch` itself failed: connection refused, reset, DNS, CORS.
    Network(String),
    /// A 2xx answer with nothing in it.
    EmptyBody,
    /// The image is not an SVG (for example an HTML page answered 200).
    NotAnImage,
    /// `metadata.json` could not be read: the parser's reason.
    BadMetadata(String),
}

impl Failure {
    /// Which count it goes to: only a 404 is "not found".
    pub fn outcome(&self) -> Outcome {
        match self {
            Failure::Http(404) => Outcome::NotFound,
            _ => Outcome::Error,
        }
    }

    /// One line for the user.
    pub fn reason(&self, zh: bool) -> String {
        let t = |en: &str, cn: &str| if zh { cn.to_string() } else { en.to_string() };
        match self {
            Failure::Http(404) => t("HTTP 404 Not Found", "HTTP 404 未找到"),
            Failure::Http(s) => {
                let reason = http_reason(*s);
                if reason.is_empty() {
                    format!("HTTP {s}")
                } else {
                    format!("HTTP {s} {reason}")
                }
            }
            Failure::Timeout(ms) => {
                if zh {
                    format!("超时：{ms} ms 内没有完成")
                } else {
                    format!("timed out after {ms} ms")
                }
            }
            Failure::Offline => t(
                "offline: the browser has no network",
                "离线：浏览器没有网络",
            ),
            Failure::Network(msg) => {
                if zh {
                    format!("网络错误：{msg}")
                } else {
                    format!("network error: {msg}")
                }
            }
            Failure::EmptyBody => t("empty response", "响应为空"),
            Failure::NotAnImage => t("the response is not an SVG image", "响应不是 SVG 图片"),
            Failure::BadMetadata(why) => {
                if zh {
                    format!("metadata.json 无效：{why}")
                } else {
                    format!("bad metadata.json: {why}")
                }
            }
        }
    }
}

/// The reason phrase of the statuses a user is likely to meet.
pub fn http_reason(status: u16) -> &'static str {
    match status {
        400 => "Bad Request",
        401 => "Unauthorized",
        403 => "Forbidden",
        404 => "Not Found",
        408 => "Request Timeout",
        418 => "I'm a Teapot",
        429 => "Too Many Requests",
        500 => "Internal Server Error",
        502 => "Bad Gateway",
        503 => "Service Unavailable",
        504 => "Gateway Timeout",
        _ => "",
    }
}

/// What a successful request brought.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Payload {
    /// The SVG source of the flag.
    Image(Rc<str>),
    /// The country's name from `metadata.json`.
    Name(String),
}

/// Where a flag is in its life. Requests run one after another for a flag
/// (the image, then the metadata), so one phase says it all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// Not started.
    Queued,
    /// Waiting for a semaphore permit for this request.
    Waiting(ReqKind),
    /// Request sent, no response yet.
    Requesting(ReqKind),
    /// Headers arrived (the first byte); reading the body.
    Receiving(ReqKind),
    /// This request succeeded; the flag is not finished yet.
    Between(ReqKind),
    /// Ended, once and for all.
    Finished(Outcome),
}

/// A change to one flag.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FlagEvent {
    /// Waiting for a permit.
    Queue(ReqKind),
    /// Request sent.
    Send(ReqKind),
    /// Headers arrived with this status.
    Headers(ReqKind, u16),
    /// The request succeeded with this payload.
    Body(ReqKind, Payload),
    /// The flag ended: `Ok(())` or the failure that ended it.
    Finish(Result<(), Failure>),
    /// The run was cancelled.
    Cancel,
}

/// A transition the state machine does not allow.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Refused {
    /// The phase it was in.
    pub phase: Phase,
    /// The event refused.
    pub event: FlagEvent,
}

impl fmt::Display for Refused {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?} cannot follow {:?}", self.event, self.phase)
    }
}

impl Phase {
    /// The phase after `event`, or why not.
    pub fn next(&self, event: &FlagEvent) -> Result<Phase, Refused> {
        use FlagEvent as E;
        use Phase as P;
        use ReqKind::{Flag, Metadata};
        let next = match (self, event) {
            (P::Finished(_), _) => None,
            (_, E::Cancel) => Some(P::Finished(Outcome::Cancelled)),
            (_, E::Finish(Err(f))) => Some(P::Finished(f.outcome())),
            (P::Between(_), E::Finish(Ok(()))) => Some(P::Finished(Outcome::Ok)),
            (P::Queued, E::Queue(Flag)) | (P::Between(Flag), E::Queue(Metadata)) => {
                Some(P::Waiting(kind_of(event)))
            }
            (P::Queued, E::Send(Flag)) | (P::Between(Flag), E::Send(Metadata)) => {
                Some(P::Requesting(kind_of(event)))
            }
            (P::Waiting(k), E::Send(k2)) if k == k2 => Some(P::Requesting(*k)),
            (P::Requesting(k), E::Headers(k2, _)) if k == k2 => Some(P::Receiving(*k)),
            (P::Receiving(k), E::Body(k2, _)) if k == k2 => Some(P::Between(*k)),
            _ => None,
        };
        next.ok_or_else(|| Refused {
            phase: self.clone(),
            event: event.clone(),
        })
    }

    /// Whether the flag has ended.
    pub fn is_finished(&self) -> bool {
        matches!(self, Phase::Finished(_))
    }
}

fn kind_of(event: &FlagEvent) -> ReqKind {
    match event {
        FlagEvent::Queue(k) | FlagEvent::Send(k) | FlagEvent::Headers(k, _) => *k,
        FlagEvent::Body(k, _) => *k,
        _ => ReqKind::Flag,
    }
}

/// One request on a timeline, real or simulated. Times are milliseconds
/// from the start of the run.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// The row: the country code.
    pub row: usize,
    /// Which request.
    pub kind: ReqKind,
    /// When it began waiting for a permit (the semaphore).
    pub queued: Option<f64>,
    /// When the request was sent.
    pub start: Option<f64>,
    /// When the headers arrived.
    pub first_byte: Option<f64>,
    /// When it ended (succeeded, failed or was cancelled).
    pub end: Option<f64>,
    /// How it ended, once it has.
    pub outcome: Option<Outcome>,
}

impl Bar {
    fn new(row: usize, kind: ReqKind) -> Bar {
        Bar {
            row,
            kind,
            queued: None,
            start: None,
            first_byte: None,
            end: None,
            outcome: None,
        }
    }
}

/// One flag of a run.
#[derive(Clone, Debug, PartialEq)]
pub struct FlagRow {
    /// Its country code, upper case.
    pub cc: String,
    /// Where it is.
    pub phase: Phase,
    /// Why it failed, if it did.
    pub failure: Option<Failure>,
    /// The image, once downloaded.
    pub image: Option<Rc<str>>,
    /// The name from the metadata, once downloaded.
    pub name: Option<String>,
    /// When it ended (ms from the start).
    pub ended_at: Option<f64>,
}

/// The four counts and how many flags were asked for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// Flags asked for.
    pub asked: usize,
    /// Ended well.
    pub ok: usize,
    /// Ended with 404.
    pub not_found: usize,
    /// Ended with any other failure.
    pub error: usize,
    /// Ended by a cancel.
    pub cancelled: usize,
}

impl Tally {
    /// Flags not ended yet.
    pub fn pending(&self) -> usize {
        self.asked
            .saturating_sub(self.ok + self.not_found + self.error + self.cancelled)
    }

    /// Whether every flag has ended in exactly one count.
    pub fn adds_up(&self) -> bool {
        self.ok + self.not_found + self.error + self.cancelled == self.asked
    }
}

/// An event for flag `flag` at `at` ms from the start.
#[derive(Clone, Debug, PartialEq)]
pub struct RunEvent {
    /// Index of the flag in [`RunState::flags`].
    pub flag: usize,
    /// When (ms since the run started).
    pub at: f64,
    /// What.
    pub event: FlagEvent,
}

/// A whole run as it is now.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunState {
    /// The flags, in the order asked.
    pub flags: Vec<FlagRow>,
    /// Every request, in the order they were queued or sent.
    pub bars: Vec<Bar>,
    /// Flag indices in the order they ended (the `as_completed` order).
    pub completed: Vec<usize>,
    /// When the last flag ended (ms from the start).
    pub finished_at: Option<f64>,
    /// Transitions refused, kept for tests and the console: always empty
    /// unless the runner has a bug.
    pub refused: Vec<Refused>,
}

impl RunState {
    /// A run of these country codes, all queued.
    pub fn new<S: AsRef<str>>(codes: &[S]) -> RunState {
        RunState {
            flags: codes
                .iter()
                .map(|cc| FlagRow {
                    cc: cc.as_ref().to_ascii_uppercase(),
                    phase: Phase::Queued,
                    failure: None,
                    image: None,
                    name: None,
                    ended_at: None,
                })
                .collect(),
            ..RunState::default()
        }
    }

    /// Applies an event: the only way a run changes. Returns whether it
    /// was allowed (a refused event changes nothing but [`Self::refused`]).
    pub fn apply(&mut self, ev: RunEvent) -> bool {
        let Some(flag) = self.flags.get(ev.flag) else {
            return false;
        };
        let next = match flag.phase.next(&ev.event) {
            Ok(p) => p,
            Err(refused) => {
                self.refused.push(refused);
                return false;
            }
        };
        let at = ev.at;
        match &ev.event {
            FlagEvent::Queue(k) => {
                let mut bar = Bar::new(ev.flag, *k);
                bar.queued = Some(at);
                self.bars.push(bar);
            }
            FlagEvent::Send(k) => match self.open_bar(ev.flag) {
                Some(bar) if bar.kind == *k && bar.start.is_none() => bar.start = Some(at),
                _ => {
                    let mut bar = Bar::new(ev.flag, *k);
                    bar.start = Some(at);
                    self.bars.push(bar);
                }
            },
            FlagEvent::Headers(_, _) => {
                if let Some(bar) = self.open_bar(ev.flag) {
                    bar.first_byte = Some(at);
                }
            }
            FlagEvent::Body(_, payload) => {
                if let Some(bar) = self.open_bar(ev.flag) {
                    bar.end = Some(at);
                    bar.outcome = Some(Outcome::Ok);
                }
                let row = &mut self.flags[ev.flag];
                match payload {
                    Payload::Image(svg) => row.image = Some(Rc::clone(svg)),
                    Payload::Name(name) => row.name = Some(name.clone()),
                }
            }
            FlagEvent::Finish(result) => {
                let outcome = match result {
                    Ok(()) => Outcome::Ok,
                    Err(f) => f.outcome(),
                };
                if let Some(bar) = self.open_bar(ev.flag) {
                    bar.end = Some(at);
                    bar.outcome = Some(outcome);
                }
                if let Err(f) = result {
                    self.flags[ev.flag].failure = Some(f.clone());
                }
            }
            FlagEvent::Cancel => {
                if let Some(bar) = self.open_bar(ev.flag) {
                    bar.end = Some(at);
                    bar.outcome = Some(Outcome::Cancelled);
                }
            }
        }
        let row = &mut self.flags[ev.flag];
        row.phase = next;
        if row.phase.is_finished() {
            row.ended_at = Some(at);
            self.completed.push(ev.flag);
            if self.completed.len() == self.flags.len() {
                self.finished_at = Some(at);
            }
        }
        true
    }

    /// The flag's request that has not ended yet, if any.
    fn open_bar(&mut self, flag: usize) -> Option<&mut Bar> {
        self.bars
            .iter_mut()
            .rev()
            .find(|b| b.row == flag && b.end.is_none())
    }

    /// The counts, from the flags' phases (so they cannot drift from them).
    pub fn tally(&self) -> Tally {
        let mut t = Tally {
            asked: self.flags.len(),
            ..Tally::default()
        };
        for f in &self.flags {
            match f.phase {
                Phase::Finished(Outcome::Ok) => t.ok += 1,
                Phase::Finished(Outcome::NotFound) => t.not_found += 1,
                Phase::Finished(Outcome::Error) => t.error += 1,
                Phase::Finished(Outcome::Cancelled) => t.cancelled += 1,
                _ => {}
            }
        }
        t
    }

    /// Whether every flag has ended.
    pub fn is_finished(&self) -> bool {
        self.flags.iter().all(|f| f.phase.is_finished())
    }

    /// Requests sent and not ended: what the network has in flight.
    pub fn in_flight(&self) -> usize {
        self.bars
            .iter()
            .filter(|b| b.start.is_some() && b.end.is_none())
            .count()
    }

    /// The most requests in flight at once over the run, from the bars.
    pub fn max_in_flight(&self) -> usize {
        let mut edges: Vec<(f64, i32)> = Vec::new();
        for b in &self.bars {
            if let Some(s) = b.start {
                edges.push((s, 1));
                edges.push((b.end.unwrap_or(f64::INFINITY), -1));
            }
        }
        // Ends before starts at the same instant: a permit handed over is
        // not two requests at once.
        edges.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let (mut now, mut max) = (0i32, 0i32);
        for (_, d) in edges {
            now += d;
            max = max.max(now);
        }
        max as usize
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use FlagEvent as E;
    use ReqKind::{Flag, Metadata};

    fn ev(flag: usize, at: f64, event: FlagEvent) -> RunEvent {
        RunEvent { flag, at, event }
    }

    fn image() -> Payload {
        Payload::Image("<svg/>".into())
    }

    #[test]
    fn a_flag_with_metadata_goes_through_every_phase() {
        let mut run = RunState::new(&["cn"]);
        for (at, e) in [
            (0.0, E::Queue(Flag)),
            (1.0, E::Send(Flag)),
            (200.0, E::Headers(Flag, 200)),
            (201.0, E::Body(Flag, image())),
            (201.0, E::Queue(Metadata)),
            (210.0, E::Send(Metadata)),
            (400.0, E::Headers(Metadata, 200)),
            (401.0, E::Body(Metadata, Payload::Name("China".into()))),
            (401.0, E::Finish(Ok(()))),
        ] {
            assert!(run.apply(ev(0, at, e.clone())), "{e:?}");
        }
        let flag = &run.flags[0];
        assert_eq!(flag.cc, "CN");
        assert_eq!(flag.phase, Phase::Finished(Outcome::Ok));
        assert_eq!(flag.name.as_deref(), Some("China"));
        assert_eq!(run.bars.len(), 2);
        assert_eq!(run.bars[0].queued, Some(0.0));
        assert_eq!(run.bars[0].start, Some(1.0));
        assert_eq!(run.bars[0].first_byte, Some(200.0));
        assert_eq!(run.bars[0].end, Some(201.0));
        assert_eq!(run.bars[1].kind, Metadata);
        assert_eq!(run.finished_at, Some(401.0));
        assert!(run.refused.is_empty());
    }

    #[test]
    fn a_flag_ends_exactly_once() {
        let mut run = RunState::new(&["cn", "in"]);
        assert!(run.apply(ev(0, 0.0, E::Send(Flag))));
        assert!(run.apply(ev(0, 5.0, E::Finish(Err(Failure::Http(404))))));
        // A late cancel, a second ending, a stray response: all refused.
        assert!(!run.apply(ev(0, 6.0, E::Cancel)));
        assert!(!run.apply(ev(0, 7.0, E::Finish(Ok(())))));
        assert!(!run.apply(ev(0, 8.0, E::Headers(Flag, 200))));
        assert_eq!(run.refused.len(), 3);
        assert_eq!(run.completed, [0]);
        let t = run.tally();
        assert_eq!((t.not_found, t.pending()), (1, 1));
        assert!(!t.adds_up());
        assert!(run.apply(ev(1, 9.0, E::Cancel)));
        assert!(run.tally().adds_up());
    }

    #[test]
    fn success_needs_a_body_first() {
        for phase in [
            Phase::Queued,
            Phase::Waiting(Flag),
            Phase::Requesting(Flag),
            Phase::Receiving(Flag),
        ] {
            assert!(phase.next(&E::Finish(Ok(()))).is_err(), "{phase:?}");
        }
        assert!(Phase::Requesting(Flag)
            .next(&E::Body(Flag, image()))
            .is_err());
        assert!(Phase::Requesting(Flag)
            .next(&E::Headers(Metadata, 200))
            .is_err());
        assert!(Phase::Queued.next(&E::Send(Metadata)).is_err());
    }

    #[test]
    fn timeout_and_cancel_close_the_open_request() {
        let mut run = RunState::new(&["cn", "in", "us"]);
        run.apply(ev(0, 0.0, E::Send(Flag)));
        run.apply(ev(0, 50.0, E::Headers(Flag, 200)));
        run.apply(ev(0, 100.0, E::Finish(Err(Failure::Timeout(100)))));
        run.apply(ev(1, 0.0, E::Queue(Flag)));
        run.apply(ev(2, 0.0, E::Send(Flag)));
        assert_eq!(run.in_flight(), 1);
        run.apply(ev(1, 120.0, E::Cancel));
        run.apply(ev(2, 120.0, E::Cancel));
        assert_eq!(run.in_flight(), 0);
        assert_eq!(run.flags[0].phase, Phase::Finished(Outcome::Error));
        assert_eq!(run.flags[0].failure, Some(Failure::Timeout(100)));
        assert_eq!(run.bars[0].outcome, Some(Outcome::Error));
        assert_eq!(run.bars[1].start, None, "cancelled while waiting");
        assert_eq!(run.bars[1].outcome, Some(Outcome::Cancelled));
        let t = run.tally();
        assert_eq!((t.error, t.cancelled, t.asked), (1, 2, 3));
        assert!(t.adds_up());
        assert!(run.is_finished());
    }

    #[test]
    fn failures_count_and_read_well() {
        assert_eq!(Failure::Http(404).outcome(), Outcome::NotFound);
        assert_eq!(Failure::Http(500).outcome(), Outcome::Error);
        assert_eq!(Failure::Offline.outcome(), Outcome::Error);
        assert_eq!(
            Failure::Http(500).reason(false),
            "HTTP 500 Internal Server Error"
        );
        assert_eq!(Failure::Http(599).reason(false), "HTTP 599");
        assert_eq!(
            Failure::Timeout(3000).reason(false),
            "timed out after 3000 ms"
        );
        assert!(Failure::Offline.reason(true).contains("离线"));
    }

    #[test]
    fn max_in_flight_from_the_bars() {
        let mut run = RunState::new(&["a", "b", "c"]);
        run.apply(ev(0, 0.0, E::Send(Flag)));
        run.apply(ev(1, 0.0, E::Send(Flag)));
        run.apply(ev(0, 10.0, E::Finish(Err(Failure::Http(500)))));
        // Starts the instant the other ends: still two at most.
        run.apply(ev(2, 10.0, E::Send(Flag)));
        assert_eq!(run.max_in_flight(), 2);
    }
}
