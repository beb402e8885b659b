//! `aioscope-serve`: a static file server for the built app that makes
//! `/flags/` slow and unreliable on purpose.
//!
//! On localhost every request answers in a millisecond, so a sequential
//! downloader and a concurrent one look the same and the lesson is lost.
//! With a latency per request, the difference shows, as it does over a real
//! network. Configured failures (`--fail CD=500`, `--missing ET`) let the
//! app show every outcome, and `/stats` lets a test check from outside the
//! browser how many requests were really in flight at once (and that a
//! cancel left none behind).
//!
//! Standard library only; one thread per connection, which is plenty for a
//! browser's handful of connections. Hostile clients are bounded: at most
//! [`MAX_CONNECTIONS`] connections are served at once (the next ones get a
//! 503), a request head is read within [`MAX_HEAD`](http::MAX_HEAD) bytes
//! and [`HEAD_DEADLINE`], and a connection idle for [`IDLE`] is closed.

/// Writes a line to stderr, ignoring failure: `eprintln!` panics when
/// stderr is a closed pipe, and a log line is not worth a crash.
macro_rules! log {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stderr(), $($arg)*);
    }};
}

pub mod args;
pub mod http;
pub mod route;

use std::io::{self, BufReader, ErrorKind, Read, Write};
use std::net::{TcpListener, TcpStream};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::thread;
use std::time::{Duration, Instant};

use args::Config;
use http::{ReadError, Response};
use route::{FlagAnswer, Route};

/// How long an idle keep-alive connection stays open.
pub const IDLE: Duration = Duration::from_secs(30);
/// How long a client has to send a whole request head, from when the
/// server starts waiting for it: a client trickling one byte at a time
/// cannot hold a thread longer.
pub const HEAD_DEADLINE: Duration = Duration::from_secs(30);
/// Connections served at once; one thread each. A browser opens six per
/// origin, tests a few more: the rest is an attack, answered 503.
pub const MAX_CONNECTIONS: usize = 128;
/// The security headers every HTML page is served with. The same policy as
/// the `<meta>` tag in `index.html`, plus what only a header can say: no
/// other site may frame the page.
const PAGE_POLICY: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'; frame-ancestors 'none'";
/// A worker's policy comes from its script's response, not from the page:
/// `worker.js` (and every script) is served with this one.
const SCRIPT_POLICY: &str =
    "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'";
/// How often a delayed response checks whether its client gave up.
const POLL: Duration = Duration::from_millis(5);

/// Counters over `/flags/` requests.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Requests received and not yet answered or abandoned.
    pub in_flight: u64,
    /// The largest `in_flight` seen since the start or the last reset.
    pub max_in_flight: u64,
    /// Requests received.
    pub requests: u64,
    /// Requests answered (any status).
    pub completed: u64,
    /// Requests whose client closed the connection before the answer
    /// (a fetch aborted by the page).
    pub aborted: u64,
    /// Answers by status: (status, count), in order of status.
    pub by_status: Vec<(u16, u64)>,
}

impl Stats {
    /// The JSON `/stats` answers.
    pub fn to_json(&self) -> String {
        let statuses: Vec<String> = self
            .by_status
            .iter()
            .map(|(s, n)| format!("\"{s}\": {n}"))
            .collect();
        format!(
            "{{\"in_flight\": {}, \"max_in_flight\": {}, \"requests\": {}, \"completed\": {}, \"aborted\": {}, \"by_status\": {{{}}}}}\n",
            self.in_flight,
            self.max_in_flight,
            self.requests,
            self.completed,
            self.aborted,
            statuses.join(", ")
        )
    }

    fn answered(&mut self, status: u16) {
        self.completed += 1;
        match self.by_status.binary_search_by_key(&status, |(s, _)| *s) {
            Ok(i) => self.by_status[i].1 += 1,
            Err(i) => self.by_status.insert(i, (status, 1)),
        }
    }

    /// Zeroes the totals; requests still in flight stay counted (they will
    /// finish and decrement), and the maximum restarts from them.
    pub fn reset(&mut self) {
        *self = Stats {
            in_flight: self.in_flight,
            max_in_flight: self.in_flight,
            ..Stats::default()
        };
    }
}

/// The server's shared state.
#[derive(Debug)]
pub struct Server {
    config: Config,
    stats: Mutex<Stats>,
    /// Connections being served now.
    connections: AtomicUsize,
    /// When an `accept` error was last logged, and how many were not since.
    accept_errors: Mutex<(Option<Instant>, u64)>,
    /// Connections served at once, at most.
    max_connections: usize,
}

/// Counts one connection as served for as long as it lives.
struct Connection<'a>(&'a AtomicUsize);

impl Drop for Connection<'_> {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::SeqCst);
    }
}

/// The socket a connection reads from, which refuses to read past a
/// deadline: each read waits at most until then.
struct DeadlineStream {
    stream: TcpStream,
    deadline: Option<Instant>,
}

impl Read for DeadlineStream {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(deadline) = self.deadline {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(io::Error::new(ErrorKind::TimedOut, "request head too slow"));
            }
            self.stream.set_read_timeout(Some(left))?;
        }
        self.stream.read(buf)
    }
}

/// Counts one `/flags/` request as in flight for as long as it lives, so no
/// early return or error can leave the count wrong.
struct InFlight<'a> {
    server: &'a Server,
    status: Option<u16>,
}

impl<'a> InFlight<'a> {
    fn start(server: &'a Server) -> InFlight<'a> {
        let mut s = server.stats();
        s.requests += 1;
        s.in_flight += 1;
        s.max_in_flight = s.max_in_flight.max(s.in_flight);
        InFlight {
            server,
            status: None,
        }
    }
}

impl Drop for InFlight<'_> {
    fn drop(&mut self) {
        let mut s = self.server.stats();
        s.in_flight = s.in_flight.saturating_sub(1);
        match self.status {
            Some(status) => s.answered(status),
            None => s.aborted += 1,
        }
    }
}

impl Server {
    /// A server for this configuration.
    pub fn new(config: Config) -> Server {
        Server::with_capacity(config, MAX_CONNECTIONS)
    }

    /// A server serving at most `max_connections` at once.
    pub fn with_capacity(config: Config, max_connections: usize) -> Server {
        Server {
            config,
            stats: Mutex::new(Stats::default()),
            connections: AtomicUsize::new(0),
            accept_errors: Mutex::new((None, 0)),
            max_connections,
        }
    }

    /// The configuration.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The counters (a poisoned lock still holds valid numbers).
    pub fn stats(&self) -> MutexGuard<'_, Stats> {
        self.stats.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Accepts connections forever, one thread each, at most
    /// `max_connections` at once.
    pub fn serve(self: Arc<Self>, listener: TcpListener) -> io::Result<()> {
        for stream in listener.incoming() {
            match stream {
                Ok(stream) => self.accepted(stream),
                // A client that vanished between SYN and accept; go on.
                Err(e) if e.kind() == ErrorKind::ConnectionAborted => {}
                Err(e) => {
                    self.accept_failed(&e);
                    // Out of file descriptors, say: give others a moment
                    // to close theirs instead of spinning.
                    thread::sleep(Duration::from_millis(10));
                }
            }
        }
        Ok(())
    }

    /// Serves a new connection on a thread of its own, or turns it away
    /// with a 503 when the server is full or no thread can be made.
    fn accepted(self: &Arc<Self>, stream: TcpStream) {
        if self.connections.fetch_add(1, Ordering::SeqCst) >= self.max_connections {
            self.connections.fetch_sub(1, Ordering::SeqCst);
            busy(stream);
            return;
        }
        let server = Arc::clone(self);
        let spawned = thread::Builder::new()
            .name("connection".into())
            .spawn(move || {
                let _counted = Connection(&server.connections);
                server.connection(stream)
            });
        if let Err(e) = spawned {
            // The closure (and its count) was dropped with the failed
            // spawn; the client is gone with it.
            self.accept_failed(&e);
        }
    }

    /// Logs an accept error at most once a second, with how many were
    /// not logged since: a flood of them must not flood the log.
    fn accept_failed(&self, e: &io::Error) {
        let mut last = self.accept_errors.lock().unwrap_or_else(|e| e.into_inner());
        let now = Instant::now();
        match last.0 {
            Some(t) if now.duration_since(t) < Duration::from_secs(1) => last.1 += 1,
            _ => {
                if last.1 > 0 {
                    log!("aioscope-serve: accept failed: {e} ({} more since)", last.1);
                } else {
                    log!("aioscope-serve: accept failed: {e}");
                }
                *last = (Some(now), 0);
            }
        }
    }

    /// Serves the requests of one connection until it closes.
    fn connection(&self, stream: TcpStream) {
        let _ = stream.set_nodelay(true);
        let _ = stream.set_write_timeout(Some(IDLE));
        let Ok(read_half) = stream.try_clone() else {
            return;
        };
        let mut reader = BufReader::new(DeadlineStream {
            stream: read_half,
            deadline: None,
        });
        let mut writer = stream;
        loop {
            reader.get_mut().deadline = Some(Instant::now() + HEAD_DEADLINE);
            let head = match http::read_request(&mut reader) {
                Ok(head) => head,
                Err(ReadError::Malformed(why)) => {
                    let _ = Response::new(400, "text/plain; charset=utf-8", format!("{why}\n"))
                        .write_to(&mut writer, false, false);
                    return;
                }
                Err(ReadError::Closed | ReadError::Io(_)) => return,
            };
            let head_only = head.method == "HEAD";
            let response = match route::route(&head.method, &head.target, &self.config) {
                Route::Flag { delay, answer, .. } => {
                    let mut guard = InFlight::start(self);
                    if self.config.verbose {
                        log!(
                            "{} {} (+{} ms)",
                            head.method,
                            head.target,
                            delay.as_millis()
                        );
                    }
                    let half_closed = match wait_unless_gone(&mut writer, delay) {
                        Waited::Gone => return, // the guard counts it as aborted
                        Waited::HalfClosed => true,
                        Waited::Open => false,
                    };
                    let response = self.flag_response(answer);
                    guard.status = Some(response.status);
                    // No longer in flight once answered, and counted so
                    // before the client can see the answer and send its next
                    // request: the maximum is never one too high.
                    drop(guard);
                    let keep = head.keep_alive && !half_closed;
                    if response.write_to(&mut writer, keep, head_only).is_err() || !keep {
                        return;
                    }
                    continue;
                }
                Route::Stats => self.stats_response(),
                Route::StatsReset => {
                    self.stats().reset();
                    self.stats_response()
                }
                Route::File(path) => with_policy(file_response(&path, "no-cache"), &path),
                Route::BadRequest => Response::status_only(400),
                Route::MethodNotAllowed => {
                    Response::status_only(405).with("Allow", "GET, HEAD, POST")
                }
            };
            if response
                .write_to(&mut writer, head.keep_alive, head_only)
                .is_err()
                || !head.keep_alive
            {
                return;
            }
        }
    }

    fn flag_response(&self, answer: FlagAnswer) -> Response {
        let response = match answer {
            FlagAnswer::File(path) => file_response(&path, "no-store"),
            FlagAnswer::Status(status) => {
                Response::status_only(status).with("Cache-Control", "no-store")
            }
        };
        self.cors(response)
    }

    fn stats_response(&self) -> Response {
        let json = self.stats().to_json();
        self.cors(Response::new(200, "application/json", json).with("Cache-Control", "no-store"))
    }

    fn cors(&self, response: Response) -> Response {
        if self.config.cors {
            response.with("Access-Control-Allow-Origin", "*")
        } else {
            response
        }
    }
}

/// A file's contents with its content type, or 404.
fn file_response(path: &std::path::Path, cache: &str) -> Response {
    match std::fs::read(path) {
        Ok(body) => {
            Response::new(200, route::content_type(path), body).with("Cache-Control", cache)
        }
        Err(_) => Response::status_only(404).with("Cache-Control", "no-store"),
    }
}

/// How a client waited for its delayed answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Waited {
    /// Still connected.
    Open,
    /// It finished sending (shut down its side) but still reads: answer it,
    /// then close.
    HalfClosed,
    /// It closed or reset the connection: nobody will read an answer.
    Gone,
}

/// The interim response sent once to a client that shut down its side, to
/// tell a half-close from a full close: a closed socket answers it with a
/// reset, a half-closed one reads (and ignores) it, as HTTP/1.1 clients
/// must ignore 1xx responses they did not ask for.
const PROBE: &[u8] = b"HTTP/1.1 102 Processing\r\n\r\n";

/// Sleeps `delay`, checking every few milliseconds whether the client went
/// away: a browser closes the connection when a page aborts a fetch, and
/// the request should stop counting as in flight then, not when its delay
/// runs out. A client that only half-closed after its request still gets
/// its answer.
fn wait_unless_gone(stream: &mut TcpStream, delay: Duration) -> Waited {
    let end = Instant::now() + delay;
    let mut state = Waited::Open;
    loop {
        let now = Instant::now();
        if now >= end {
            return state;
        }
        thread::sleep(POLL.min(end - now));
        match peer_state(stream) {
            Peer::Reset => return Waited::Gone,
            Peer::Eof if state == Waited::Open => {
                if stream
                    .write_all(PROBE)
                    .and_then(|_| stream.flush())
                    .is_err()
                {
                    return Waited::Gone;
                }
                state = Waited::HalfClosed;
            }
            Peer::Eof | Peer::Open => {}
        }
    }
}

/// What a zero-timeout peek says of the other end.
enum Peer {
    /// Nothing to read, or bytes waiting (a pipelined request).
    Open,
    /// It sent its last byte (closed, or shut down its side).
    Eof,
    /// The connection failed: it is gone.
    Reset,
}

fn peer_state(stream: &TcpStream) -> Peer {
    if stream.set_nonblocking(true).is_err() {
        return Peer::Open;
    }
    let mut byte = [0u8; 1];
    let state = match stream.peek(&mut byte) {
        // A reset that came after the end of the stream shows only as the
        // socket's pending error.
        Ok(0) if matches!(stream.take_error(), Ok(Some(_))) => Peer::Reset,
        Ok(0) => Peer::Eof,
        Ok(_) => Peer::Open,
        Err(e) if e.kind() == ErrorKind::WouldBlock || e.kind() == ErrorKind::Interrupted => {
            Peer::Open
        }
        Err(_) => Peer::Reset,
    };
    let _ = stream.set_nonblocking(false);
    state
}

/// Turns a connection away: the server is full.
fn busy(mut stream: TcpStream) {
    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
    let _ = Response::status_only(503)
        .with("Retry-After", "1")
        .write_to(&mut stream, false, false);
}

/// Adds the page's security policy to HTML and the workers' to scripts.
fn with_policy(response: Response, path: &std::path::Path) -> Response {
    match path.extension().and_then(|e| e.to_str()) {
        Some("html") => response
            .with("Content-Security-Policy", PAGE_POLICY)
            .with("X-Frame-Options", "DENY")
            .with("Referrer-Policy", "no-referrer"),
        Some("js") => response.with("Content-Security-Policy", SCRIPT_POLICY),
        _ => response,
    }
}

/// Binds and serves; prints the address first (a test started with
/// `--port 0` reads the port from that line).
pub fn run(config: Config) -> io::Result<()> {
    let listener = TcpListener::bind((config.address.as_str(), config.port))?;
    let addr = listener.local_addr()?;
    // Written without println!, which panics when stdout is a closed pipe
    // (a test that read the address and went away).
    let mut out = io::stdout();
    let _ = writeln!(
        out,
        "aioscope-serve: http://{addr}/ serving {}",
        config.dir.display()
    );
    let mut flags = format!(
        "  /flags/: latency {} ms ± {} ms (seed {})",
        config.latency.as_millis(),
        config.jitter.as_millis(),
        config.seed
    );
    for (cc, status) in &config.fail {
        flags.push_str(&format!(", {cc} answers {status}"));
    }
    for cc in &config.missing {
        flags.push_str(&format!(", {cc} answers 404"));
    }
    let _ = writeln!(out, "{flags}; GET /stats for counts");
    let _ = out.flush();
    if !config.dir.is_dir() {
        log!(
            "aioscope-serve: warning: {} is not a directory (build the app first: trunk build)",
            config.dir.display()
        );
    }
    Arc::new(Server::new(config)).serve(listener)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::{Read, Write};
    use std::path::PathBuf;

    /// A server on a free port over a temporary directory with one flag.
    fn start(mut config: Config) -> (Arc<Server>, std::net::SocketAddr, PathBuf) {
        let dir = std::env::temp_dir().join(format!(
            "aioscope-serve-test-{}-{}",
            std::process::id(),
            config.seed
        ));
        std::fs::create_dir_all(dir.join("flags/cn")).unwrap();
        std::fs::write(dir.join("flags/cn/cn.svg"), "<svg/>").unwrap();
        std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
        std::fs::write(dir.join("app_bg.wasm"), b"\0asm").unwrap();
        config.dir = dir.clone();
        let listener = TcpListener::bind("127.0.0.1:0").unwrap();
        let addr = listener.local_addr().unwrap();
        let server = Arc::new(Server::new(config));
        let s = Arc::clone(&server);
        thread::spawn(move || s.serve(listener));
        (server, addr, dir)
    }

    /// One request on its own connection; returns the whole response.
    fn get(addr: std::net::SocketAddr, request: &str) -> String {
        let mut stream = TcpStream::connect(addr).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut out = String::new();
        stream.read_to_string(&mut out).unwrap();
        out
    }

    fn wait_until(mut ok: impl FnMut() -> bool) {
        let end = Instant::now() + Duration::from_secs(5);
        while !ok() {
            assert!(Instant::now() < end, "timed out waiting");
            thread::sleep(Duration::from_millis(5));
        }
    }

    #[test]
    fn serves_files_failures_and_stats() {
        let mut config = Config {
            latency: Duration::from_millis(20),
            seed: 1,
            ..Config::default()
        };
        config.fail.insert("CD".into(), 500);
        config.missing.push("CN".into());
        let (server, addr, _dir) = start(config);
        let close = "Connection: close\r\n\r\n";

        let page = get(addr, &format!("GET / HTTP/1.1\r\n{close}"));
        assert!(page.starts_with("HTTP/1.1 200 OK\r\n"), "{page}");
        assert!(page.contains("Content-Type: text/html; charset=utf-8"));
        let wasm = get(addr, &format!("GET /app_bg.wasm HTTP/1.1\r\n{close}"));
        assert!(
            wasm.contains("Content-Type: application/wasm\r\n"),
            "{wasm}"
        );

        let missing = get(addr, &format!("GET /flags/cn/cn.svg HTTP/1.1\r\n{close}"));
        assert!(missing.starts_with("HTTP/1.1 404 Not Found"), "{missing}");
        let failing = get(addr, &format!("GET /flags/cd/cd.svg HTTP/1.1\r\n{close}"));
        assert!(failing.starts_with("HTTP/1.1 500 Internal Server Error"));
        assert!(failing.contains("Cache-Control: no-store"));
        let absent = get(addr, &format!("GET /flags/fr/fr.svg HTTP/1.1\r\n{close}"));
        assert!(absent.starts_with("HTTP/1.1 404"), "no such file");

        let bad = get(addr, &format!("GET /../x HTTP/1.1\r\n{close}"));
        assert!(bad.starts_with("HTTP/1.1 400"));
        let garbage = get(addr, "hello\r\n\r\n");
        assert!(garbage.starts_with("HTTP/1.1 400"));

        let stats = server.stats().clone();
        assert_eq!(stats.requests, 3);
        assert_eq!(stats.completed, 3);
        assert_eq!(stats.in_flight, 0);
        assert_eq!(stats.by_status, [(404, 2), (500, 1)]);
        let json = get(addr, &format!("GET /stats HTTP/1.1\r\n{close}"));
        assert!(
            json.contains("\"in_flight\": 0, \"max_in_flight\": 1, \"requests\": 3"),
            "{json}"
        );
        assert!(
            json.contains("\"by_status\": {\"404\": 2, \"500\": 1}"),
            "{json}"
        );
        let reset = get(addr, &format!("POST /stats/reset HTTP/1.1\r\n{close}"));
        assert!(reset.contains("\"requests\": 0"), "{reset}");
    }

    #[test]
    fn keeps_connections_alive() {
        let (_server, addr, _dir) = start(Config {
            seed: 2,
            ..Config::default()
        });
        let mut stream = TcpStream::connect(addr).unwrap();
        stream
            .write_all(b"GET /flags/cn/cn.svg HTTP/1.1\r\n\r\nGET /flags/cn/cn.svg HTTP/1.1\r\nConnection: close\r\n\r\n")
            .unwrap();
        let mut out = String::new();
        stream.read_to_string(&mut out).unwrap();
        assert_eq!(out.matches("HTTP/1.1 200 OK").count(), 2, "{out}");
        assert_eq!(out.matches("<svg/>").count(), 2);
    }

    #[test]
    fn counts_concurrent_requests_and_abandoned_ones() {
        let (server, addr, _dir) = start(Config {
            latency: Duration::from_millis(300),
            seed: 3,
            ..Config::default()
        });
        // Three requests at once: all three are in flight together.
        let clients: Vec<_> = (0..3)
            .map(|_| {
                let mut s = TcpStream::connect(addr).unwrap();
                s.write_all(b"GET /flags/cn/cn.svg HTTP/1.1\r\n\r\n")
                    .unwrap();
                s
            })
            .collect();
        wait_until(|| server.stats().in_flight == 3);
        // Two clients give up (as an aborted fetch does): they stop counting
        // long before the latency is over.
        let started = Instant::now();
        let mut clients = clients.into_iter();
        drop(clients.next());
        drop(clients.next());
        wait_until(|| server.stats().in_flight == 1);
        assert!(started.elapsed() < Duration::from_millis(250));
        // The third waits for its answer.
        let mut out = String::new();
        let mut last = clients.next().unwrap();
        last.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut buf = [0u8; 512];
        while !out.contains("<svg/>") {
            let n = last.read(&mut buf).unwrap();
            assert!(n > 0, "closed early: {out}");
            out.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
        wait_until(|| server.stats().in_flight == 0);
        let stats = server.stats().clone();
        assert_eq!(stats.max_in_flight, 3);
        assert_eq!(stats.aborted, 2);
        assert_eq!(stats.completed, 1);
        assert_eq!(stats.by_status, [(200, 1)]);
    }
}
