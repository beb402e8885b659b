//! Just enough HTTP/1.1: read a request head, write a response. Keep-alive
//! is supported because browsers reuse connections, and a server that
//! closes each one would add a connection setup to every request's latency.

use std::io::{self, BufRead, Read, Write};

/// The largest request head accepted; more is a client bug or an attack.
pub const MAX_HEAD: usize = 16 * 1024;

/// A request line and the headers this server cares about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Head {
    /// `GET`, `HEAD`, `POST`…
    pub method: String,
    /// The request target as sent (path and query).
    pub target: String,
    /// Whether the connection should stay open after the response.
    pub keep_alive: bool,
    /// The body's length, which is read and thrown away.
    pub content_length: usize,
}

/// Why a request could not be read.
#[derive(Debug)]
pub enum ReadError {
    /// The client closed the connection before a new request (normal).
    Closed,
    /// Not HTTP, or too large: answer 400 and close.
    Malformed(&'static str),
    /// The socket failed or timed out.
    Io(io::Error),
}

/// Parses a request head (everything before the blank line).
pub fn parse_head(text: &str) -> Result<Head, ReadError> {
    let mut lines = text.split("\r\n");
    let request_line = lines.next().unwrap_or("");
    let mut parts = request_line.split(' ');
    let (Some(method), Some(target), Some(version), None) =
        (parts.next(), parts.next(), parts.next(), parts.next())
    else {
        return Err(ReadError::Malformed("bad request line"));
    };
    if method.is_empty() || !method.bytes().all(|b| b.is_ascii_uppercase()) {
        return Err(ReadError::Malformed("bad method"));
    }
    let mut keep_alive = match version {
        "HTTP/1.1" => true,
        "HTTP/1.0" => false,
        _ => return Err(ReadError::Malformed("unsupported HTTP version")),
    };
    let mut content_length = 0;
    for line in lines.filter(|l| !l.is_empty()) {
        let Some((name, value)) = line.split_once(':') else {
            return Err(ReadError::Malformed("bad header line"));
        };
        let value = value.trim();
        if name.eq_ignore_ascii_case("connection") {
            let v = value.to_ascii_lowercase();
            if v.contains("close") {
                keep_alive = false;
            } else if v.contains("keep-alive") {
                keep_alive = true;
            }
        } else if name.eq_ignore_ascii_case("content-length") {
            content_length = value
                .parse()
                .map_err(|_| ReadError::Malformed("bad Content-Length"))?;
            if content_length > MAX_HEAD {
                return Err(ReadError::Malformed("body too large"));
            }
        } else if name.eq_ignore_ascii_case("transfer-encoding") {
            // Chunked request bodies are never needed here.
            return Err(ReadError::Malformed("Transfer-Encoding not supported"));
        }
    }
    Ok(Head {
        method: method.to_string(),
        target: target.to_string(),
        keep_alive,
        content_length,
    })
}

/// Reads one request head (and discards its body) from a buffered stream.
/// Never holds more than [`MAX_HEAD`] bytes of it: a line that never ends
/// is cut off there, not buffered without bound.
pub fn read_request(reader: &mut impl BufRead) -> Result<Head, ReadError> {
    let mut raw = Vec::new();
    loop {
        let before = raw.len();
        // One byte over the limit tells "too large" from "exactly full".
        let room = (MAX_HEAD + 1 - raw.len()) as u64;
        match reader.by_ref().take(room).read_until(b'\n', &mut raw) {
            Ok(0) if raw.is_empty() => return Err(ReadError::Closed),
            Ok(0) => return Err(ReadError::Malformed("connection closed mid-request")),
            Ok(_) => {}
            Err(e) => return Err(ReadError::Io(e)),
        }
        if raw.len() > MAX_HEAD {
            return Err(ReadError::Malformed("request head too large"));
        }
        if !raw.ends_with(b"\n") {
            // The limit cut a line short without reaching it: only a
            // closed stream stops read_until early.
            return Err(ReadError::Malformed("connection closed mid-request"));
        }
        // A blank line (CRLF or bare LF) ends the head; ignore blank lines
        // before the request line, as RFC 9112 allows.
        let line = &raw[before..];
        if line == b"\r\n" || line == b"\n" {
            if before == 0 {
                raw.clear();
                continue;
            }
            break;
        }
    }
    let text = String::from_utf8(raw).map_err(|_| ReadError::Malformed("not UTF-8"))?;
    let head = parse_head(
        text.trim_end()
            .replace("\r\n", "\n")
            .replace('\n', "\r\n")
            .as_str(),
    )?;
    if head.content_length > 0 {
        let mut body = vec![0; head.content_length];
        reader.read_exact(&mut body).map_err(ReadError::Io)?;
    }
    Ok(head)
}

/// A response about to be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    /// The status code.
    pub status: u16,
    /// Extra headers (name, value).
    pub headers: Vec<(&'static str, String)>,
    /// The body.
    pub body: Vec<u8>,
}

impl Response {
    /// A response with a body and its content type.
    pub fn new(status: u16, content_type: &str, body: impl Into<Vec<u8>>) -> Response {
        Response {
            status,
            headers: vec![("Content-Type", content_type.to_string())],
            body: body.into(),
        }
    }

    /// A plain-text response whose body is its status line, like
    /// `404 Not Found`.
    pub fn status_only(status: u16) -> Response {
        Response::new(
            status,
            "text/plain; charset=utf-8",
            format!("{status} {}\n", reason(status)),
        )
    }

    /// Adds a header.
    pub fn with(mut self, name: &'static str, value: impl Into<String>) -> Response {
        self.headers.push((name, value.into()));
        self
    }

    /// Writes it; `head_only` leaves the body out (a `HEAD` request).
    pub fn write_to(
        &self,
        out: &mut impl Write,
        keep_alive: bool,
        head_only: bool,
    ) -> io::Result<()> {
        let mut head = format!("HTTP/1.1 {} {}\r\n", self.status, reason(self.status));
        for (name, value) in &self.headers {
            head.push_str(&format!("{name}: {value}\r\n"));
        }
        head.push_str(&format!("Content-Length: {}\r\n", self.body.len()));
        head.push_str("X-Content-Type-Options: nosniff\r\n");
        head.push_str(if keep_alive {
            "Connection: keep-alive\r\n\r\n"
        } else {
            "Connection: close\r\n\r\n"
        });
        out.write_all(head.as_bytes())?;
        if !head_only {
            out.write_all(&self.body)?;
        }
        out.flush()
    }
}

/// The reason phrase for a status code.
pub fn reason(status: u16) -> &'static str {
    match status {
        200 => "OK",
        204 => "No Content",
        301 => "Moved Permanently",
        304 => "Not Modified",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_a_browser_request() {
        let head = parse_head(
            "GET /flags/cn/cn.svg HTTP/1.1\r\nHost: x\r\nConnection: keep-alive\r\nAccept: */*",
        )
        .unwrap();
        assert_eq!(head.method, "GET");
        assert_eq!(head.target, "/flags/cn/cn.svg");
        assert!(head.keep_alive);
        assert_eq!(head.content_length, 0);
    }

    #[test]
    fn connection_close_and_http_1_0() {
        assert!(
            !parse_head("GET / HTTP/1.1\r\nConnection: close")
                .unwrap()
                .keep_alive
        );
        assert!(!parse_head("GET / HTTP/1.0").unwrap().keep_alive);
        assert!(
            parse_head("GET / HTTP/1.0\r\nConnection: Keep-Alive")
                .unwrap()
                .keep_alive
        );
    }

    #[test]
    fn rejects_garbage() {
        for bad in [
            "",
            "GET",
            "GET /",
            "get / HTTP/1.1",
            "GET / HTTP/2",
            "GET / HTTP/1.1 extra",
            "GET / HTTP/1.1\r\nno colon",
            "POST / HTTP/1.1\r\nContent-Length: lots",
            "POST / HTTP/1.1\r\nTransfer-Encoding: chunked",
        ] {
            assert!(
                matches!(parse_head(bad), Err(ReadError::Malformed(_))),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn reads_requests_one_after_another_and_skips_bodies() {
        let wire =
            b"\r\nPOST /stats/reset HTTP/1.1\r\nContent-Length: 3\r\n\r\nabcGET / HTTP/1.1\n\n";
        let mut reader = io::BufReader::new(&wire[..]);
        let first = read_request(&mut reader).unwrap();
        assert_eq!((first.method.as_str(), first.content_length), ("POST", 3));
        let second = read_request(&mut reader).unwrap();
        assert_eq!(
            (second.method.as_str(), second.target.as_str()),
            ("GET", "/")
        );
        assert!(matches!(read_request(&mut reader), Err(ReadError::Closed)));
    }

    #[test]
    fn a_line_that_never_ends_is_refused_without_reading_it_all() {
        // An endless request line: the reader must stop at the limit.
        let endless = io::repeat(b'a');
        let mut reader = io::BufReader::new(endless);
        assert!(matches!(
            read_request(&mut reader),
            Err(ReadError::Malformed("request head too large"))
        ));
        let wire = [b"GET /".as_slice(), &[b'a'; MAX_HEAD], b" HTTP/1.1\r\n\r\n"].concat();
        let mut reader = io::BufReader::new(&wire[..]);
        assert!(matches!(
            read_request(&mut reader),
            Err(ReadError::Malformed("request head too large"))
        ));
    }

    #[test]
    fn writes_status_line_headers_and_body() {
        let mut out = Vec::new();
        Response::status_only(404)
            .with("Cache-Control", "no-store")
            .write_to(&mut out, true, false)
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.starts_with("HTTP/1.1 404 Not Found\r\n"), "{text}");
        assert!(text.contains("Cache-Control: no-store\r\n"));
        assert!(text.contains("Content-Length: 14\r\n"));
        assert!(text.ends_with("\r\n\r\n404 Not Found\n"));

        let mut out = Vec::new();
        Response::new(200, "text/plain", "hello")
            .write_to(&mut out, false, true)
            .unwrap();
        let text = String::from_utf8(out).unwrap();
        assert!(text.contains(
            "Content-Length: 5\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n"
        ));
        assert!(!text.contains("hello"), "HEAD has no body");
    }
}
