//! The server under hostile clients, run as its own process so that its
//! memory and threads are measured alone: an endless request line, a
//! thousand idle connections, a client that half-closes after its request.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{Shutdown, SocketAddr, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `aioscope-serve` on a free port, killed when dropped.
struct Served {
    child: Child,
    addr: SocketAddr,
}

impl Drop for Served {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn serve(extra: &[&str]) -> Served {
    let dir = std::env::temp_dir().join(format!("aioscope-hostile-{}", std::process::id()));
    std::fs::create_dir_all(dir.join("flags/cn")).unwrap();
    std::fs::write(dir.join("flags/cn/cn.svg"), "<svg/>").unwrap();
    std::fs::write(dir.join("index.html"), "<!doctype html>").unwrap();
    std::fs::write(dir.join("worker.js"), "// worker").unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_aioscope-serve"))
        .args(["--port", "0", "--dir"])
        .arg(&dir)
        .args(extra)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("the server starts");
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut first)
        .unwrap();
    // "aioscope-serve: http://127.0.0.1:PORT/ serving ..."
    let addr = first
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .and_then(|a| a.parse().ok())
        .unwrap_or_else(|| panic!("no address in {first:?}"));
    Served { child, addr }
}

/// The server's resident memory, in MB.
fn rss_mb(pid: u32) -> f64 {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).unwrap_or_default();
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmRSS:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<f64>().ok())
        .map(|kb| kb / 1024.0)
        .unwrap_or(0.0)
}

fn get(addr: SocketAddr, path: &str) -> String {
    let mut s = TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
    write!(s, "GET {path} HTTP/1.1\r\nConnection: close\r\n\r\n").unwrap();
    let mut out = String::new();
    let _ = s.read_to_string(&mut out);
    out
}

#[test]
fn three_hundred_megabytes_without_a_newline_do_not_grow_the_server() {
    let served = serve(&[]);
    let before = rss_mb(served.child.id());
    let mut s = TcpStream::connect(served.addr).unwrap();
    s.set_write_timeout(Some(Duration::from_secs(10))).unwrap();
    let chunk = vec![b'a'; 1 << 20];
    let mut sent = 0usize;
    // The server gives up on the line after its head limit and closes:
    // the writes then fail. Either way it must not have buffered it.
    while sent < 300 << 20 {
        match s.write(&chunk) {
            Ok(n) => sent += n,
            Err(_) => break,
        }
    }
    let after = rss_mb(served.child.id());
    assert!(
        after < 50.0 && after - before < 40.0,
        "the server grew from {before:.1} MB to {after:.1} MB after {} MB sent",
        sent >> 20
    );
    assert!(get(served.addr, "/flags/cn/cn.svg").starts_with("HTTP/1.1 200"));
}

#[test]
fn a_thousand_idle_connections_get_503s_and_the_server_keeps_serving() {
    let served = serve(&[]);
    // Idle connections: connected, never sending a byte.
    let idle: Vec<TcpStream> = (0..1000)
        .map(|_| TcpStream::connect(served.addr).unwrap())
        .collect();
    // Those past the server's capacity are answered 503 and closed.
    let mut turned_away = 0;
    for mut s in idle.iter().skip(200) {
        s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
        let mut buf = [0u8; 64];
        if let Ok(n) = s.read(&mut buf) {
            if String::from_utf8_lossy(&buf[..n]).starts_with("HTTP/1.1 503") {
                turned_away += 1;
            }
        }
    }
    assert!(turned_away >= 700, "only {turned_away} were turned away");
    // Once some idle ones go, the server serves again.
    drop(idle);
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        let answer = get(served.addr, "/flags/cn/cn.svg");
        if answer.starts_with("HTTP/1.1 200") {
            break;
        }
        assert!(Instant::now() < end, "never served again: {answer}");
        std::thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn a_client_that_half_closes_after_its_request_is_answered() {
    let served = serve(&["--latency", "200ms"]);
    let mut s = TcpStream::connect(served.addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(5))).unwrap();
    s.write_all(b"GET /flags/cn/cn.svg HTTP/1.1\r\n\r\n")
        .unwrap();
    s.shutdown(Shutdown::Write).unwrap();
    let mut out = String::new();
    s.read_to_string(&mut out).unwrap();
    assert!(out.contains("HTTP/1.1 200 OK"), "{out}");
    assert!(out.ends_with("<svg/>"), "{out}");
}

#[test]
fn the_page_and_its_worker_carry_their_security_policies() {
    let served = serve(&[]);
    let page = get(served.addr, "/");
    assert!(
        page.contains("Content-Security-Policy: default-src 'self'"),
        "{page}"
    );
    assert!(page.contains("frame-ancestors 'none'"), "{page}");
    assert!(page.contains("X-Content-Type-Options: nosniff"), "{page}");
    let worker = get(served.addr, "/worker.js");
    assert!(
        worker.contains("Content-Security-Policy: default-src 'none'; script-src 'self'"),
        "{worker}"
    );
}
