//! Which answer a request gets: a pure function of the method, the path and
//! the [`Config`], so every rule is tested without a socket.

use std::path::{Component, Path, PathBuf};
use std::time::Duration;

use crate::args::Config;

/// What to answer.
#[derive(Clone, Debug, PartialEq)]
pub enum Route {
    /// `GET /stats`: the `/flags/` counters as JSON.
    Stats,
    /// `POST /stats/reset`: zero the counters (not the requests in flight).
    StatsReset,
    /// A request under `/flags/`: wait `delay`, then answer.
    Flag {
        /// The country code (upper case) from the path, if it has one.
        cc: Option<String>,
        /// How long to wait first: latency ± jitter.
        delay: Duration,
        /// Then what.
        answer: FlagAnswer,
    },
    /// A file of the served directory (which may turn out not to exist).
    File(PathBuf),
    /// A path that can only be a mistake or an attack (`..`, bad escapes).
    BadRequest,
    /// A method this server does not answer for the path.
    MethodNotAllowed,
}

/// What a `/flags/` request gets after its delay.
#[derive(Clone, Debug, PartialEq)]
pub enum FlagAnswer {
    /// The file, or 404 if there is none.
    File(PathBuf),
    /// A configured failure (`--fail`, or 404 from `--missing`).
    Status(u16),
}

/// Decides the answer to `method path` (the path may carry a query).
pub fn route(method: &str, target: &str, config: &Config) -> Route {
    let path = target.split(['?', '#']).next().unwrap_or("");
    let Some(decoded) = percent_decode(path) else {
        return Route::BadRequest;
    };
    if !decoded.starts_with('/') {
        return Route::BadRequest;
    }
    match decoded.as_str() {
        "/stats" => {
            return match method {
                "GET" | "HEAD" => Route::Stats,
                _ => Route::MethodNotAllowed,
            }
        }
        "/stats/reset" => {
            return match method {
                "POST" => Route::StatsReset,
                _ => Route::MethodNotAllowed,
            }
        }
        _ => {}
    }
    if method != "GET" && method != "HEAD" {
        return Route::MethodNotAllowed;
    }
    let Some(file) = resolve(&config.dir, &decoded) else {
        return Route::BadRequest;
    };
    if let Some(rest) = decoded.strip_prefix("/flags/") {
        let first = rest.split('/').next().unwrap_or("");
        let cc = (first.len() == 2 && first.chars().all(|c| c.is_ascii_alphabetic()))
            .then(|| first.to_ascii_uppercase());
        let answer = match &cc {
            Some(cc) if config.missing.contains(cc) => FlagAnswer::Status(404),
            Some(cc) => match config.fail.get(cc) {
                Some(status) => FlagAnswer::Status(*status),
                None => FlagAnswer::File(file),
            },
            None => FlagAnswer::File(file),
        };
        return Route::Flag {
            cc,
            delay: delay_for(config, &decoded),
            answer,
        };
    }
    Route::File(file)
}

/// The file a URL path names inside `dir`; `None` if it would leave `dir`.
/// A path ending in `/` names that folder's `index.html`.
pub fn resolve(dir: &Path, path: &str) -> Option<PathBuf> {
    let mut out = dir.to_path_buf();
    for part in path.split('/').filter(|p| !p.is_empty()) {
        if part.contains('\\') || part.contains('\0') {
            return None;
        }
        let mut components = Path::new(part).components();
        match (components.next(), components.next()) {
            (Some(Component::Normal(c)), None) => out.push(c),
            (Some(Component::CurDir), None) => {}
            _ => return None,
        }
    }
    if path.ends_with('/') {
        out.push("index.html");
    }
    Some(out)
}

/// `%41` → `A`; `None` for a broken escape or bytes that are not UTF-8.
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// `latency ± jitter`, the same every time for the same seed and path, so a
/// run can be repeated exactly (the order requests arrive in does not
/// matter).
pub fn delay_for(config: &Config, path: &str) -> Duration {
    let base = config.latency.as_secs_f64();
    let jitter = config.jitter.as_secs_f64();
    if jitter == 0.0 {
        return config.latency;
    }
    // FNV-1a over the seed and the path, then a splitmix64 finaliser so
    // nearby paths spread over the whole range.
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in config.seed.to_le_bytes().iter().chain(path.as_bytes()) {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h ^= h >> 30;
    h = h.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    h ^= h >> 27;
    h = h.wrapping_mul(0x94d0_49bb_1331_11eb);
    h ^= h >> 31;
    let unit = (h >> 11) as f64 / (1u64 << 53) as f64; // [0, 1)
    Duration::from_secs_f64((base + jitter * (2.0 * unit - 1.0)).max(0.0))
}

/// The `Content-Type` for a file name. Browsers refuse to compile wasm
/// served as anything but `application/wasm`.
pub fn content_type(path: &Path) -> &'static str {
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_ascii_lowercase();
    match ext.as_str() {
        "html" | "htm" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "wasm" => "application/wasm",
        "css" => "text/css; charset=utf-8",
        "svg" => "image/svg+xml",
        "json" | "map" => "application/json",
        "png" => "image/png",
        "gif" => "image/gif",
        "jpg" | "jpeg" => "image/jpeg",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "woff2" => "font/woff2",
        "txt" | "py" | "md" => "text/plain; charset=utf-8",
        _ => "application/octet-stream",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config() -> Config {
        let mut c = Config {
            dir: PathBuf::from("dist"),
            latency: Duration::from_millis(200),
            ..Config::default()
        };
        c.fail.insert("CD".into(), 500);
        c.missing.push("ET".into());
        c
    }

    #[test]
    fn flags_get_latency_and_configured_failures() {
        let c = config();
        let flag = |path| route("GET", path, &c);
        assert_eq!(
            flag("/flags/cn/cn.svg"),
            Route::Flag {
                cc: Some("CN".into()),
                delay: Duration::from_millis(200),
                answer: FlagAnswer::File(PathBuf::from("dist/flags/cn/cn.svg")),
            }
        );
        assert!(matches!(
            flag("/flags/cd/metadata.json"),
            Route::Flag {
                answer: FlagAnswer::Status(500),
                ..
            }
        ));
        assert!(matches!(
            flag("/flags/et/et.svg?x=1"),
            Route::Flag {
                answer: FlagAnswer::Status(404),
                ..
            }
        ));
        assert!(matches!(
            flag("/flags/"),
            Route::Flag {
                cc: None,
                answer: FlagAnswer::File(_),
                ..
            }
        ));
    }

    #[test]
    fn other_paths_are_plain_files() {
        let c = config();
        assert_eq!(
            route("GET", "/", &c),
            Route::File(PathBuf::from("dist/index.html"))
        );
        assert_eq!(
            route("HEAD", "/app_bg.wasm", &c),
            Route::File(PathBuf::from("dist/app_bg.wasm"))
        );
        assert_eq!(
            route("GET", "/a%20b/./c.txt", &c),
            Route::File(PathBuf::from("dist/a b/c.txt"))
        );
    }

    #[test]
    fn stats_routes_and_methods() {
        let c = config();
        assert_eq!(route("GET", "/stats", &c), Route::Stats);
        assert_eq!(route("GET", "/stats?x", &c), Route::Stats);
        assert_eq!(route("POST", "/stats/reset", &c), Route::StatsReset);
        assert_eq!(route("GET", "/stats/reset", &c), Route::MethodNotAllowed);
        assert_eq!(route("DELETE", "/index.html", &c), Route::MethodNotAllowed);
    }

    #[test]
    fn paths_cannot_leave_the_directory() {
        let c = config();
        for bad in [
            "/../etc/passwd",
            "/flags/../../x",
            "/%2e%2e/secret",
            "/a%5c..%5cb",
            "/x%00",
            "/%zz",
            "relative",
        ] {
            assert_eq!(route("GET", bad, &c), Route::BadRequest, "{bad}");
        }
    }

    #[test]
    fn jitter_is_deterministic_and_bounded() {
        let mut c = config();
        c.jitter = Duration::from_millis(50);
        c.seed = 3;
        let a = delay_for(&c, "/flags/cn/cn.svg");
        assert_eq!(a, delay_for(&c, "/flags/cn/cn.svg"));
        let delays: Vec<Duration> = ["cn", "in", "us", "id", "br", "pk", "ng", "bd"]
            .iter()
            .map(|cc| delay_for(&c, &format!("/flags/{cc}/{cc}.svg")))
            .collect();
        for d in &delays {
            assert!(
                (150..=250).contains(&d.as_millis()),
                "{d:?} outside 200 ± 50 ms"
            );
        }
        assert!(delays.windows(2).any(|w| w[0] != w[1]), "jitter varies");
        c.seed = 4;
        assert_ne!(a, delay_for(&c, "/flags/cn/cn.svg"), "the seed matters");
        // A large jitter never makes a negative delay.
        c.jitter = Duration::from_secs(10);
        assert!(delay_for(&c, "/flags/cn/cn.svg") <= Duration::from_millis(10_200));
    }

    #[test]
    fn content_types() {
        let ct = |p: &str| content_type(Path::new(p));
        assert_eq!(ct("x/app_bg.wasm"), "application/wasm");
        assert_eq!(ct("index.html"), "text/html; charset=utf-8");
        assert_eq!(ct("app.js"), "text/javascript; charset=utf-8");
        assert_eq!(ct("cn.svg"), "image/svg+xml");
        assert_eq!(ct("metadata.json"), "application/json");
        assert_eq!(ct("style.CSS"), "text/css; charset=utf-8");
        assert_eq!(ct("noext"), "application/octet-stream");
    }
}
