//! Command-line arguments, parsed by hand (std only) into a [`Config`].

use std::collections::BTreeMap;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// The usage text `--help` prints.
pub const USAGE: &str = "\
aioscope-serve: serve a directory, with latency and failures on /flags/

usage: aioscope-serve [options]

  --dir DIR        directory to serve (default: dist)
  --address ADDR   address to listen on (default: 127.0.0.1)
  --port N         port (default: 8080; 0 picks a free one)
  --latency DUR    delay before every /flags/ response, e.g. 200ms or 1.5s (default: 0ms)
  --jitter DUR     +/- random spread around the latency (default: 0ms)
  --seed N         seed for the jitter: the same seed gives the same delays (default: 0)
  --fail CC=CODE   answer /flags/<cc>/ with this HTTP status (repeatable, or CD=500,IR=503)
  --missing CC     answer /flags/<cc>/ with 404 (repeatable, or ET,NG)
  --cors           let pages from other origins read /flags/ and /stats (browser tests)
  --verbose        print one line per /flags/ request
  -h, --help       this text

GET /stats reports the /flags/ requests in flight now, the most at once, and totals;
POST /stats/reset starts the counts again.
";

/// What the server does, from the command line.
#[derive(Clone, Debug, PartialEq)]
pub struct Config {
    /// The directory served.
    pub dir: PathBuf,
    /// The address to bind.
    pub address: String,
    /// The port (0: any free port).
    pub port: u16,
    /// Delay before each `/flags/` response.
    pub latency: Duration,
    /// Spread around `latency`: each request waits `latency ± jitter`.
    pub jitter: Duration,
    /// Makes the jitter reproducible.
    pub seed: u64,
    /// Country codes (upper case) answered with a given status.
    pub fail: BTreeMap<String, u16>,
    /// Country codes (upper case) answered with 404.
    pub missing: Vec<String>,
    /// Add `Access-Control-Allow-Origin: *` to `/flags/` and `/stats`.
    pub cors: bool,
    /// Log each `/flags/` request.
    pub verbose: bool,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            dir: PathBuf::from("dist"),
            address: "127.0.0.1".into(),
            port: 8080,
            latency: Duration::ZERO,
            jitter: Duration::ZERO,
            seed: 0,
            fail: BTreeMap::new(),
            missing: Vec::new(),
            cors: false,
            verbose: false,
        }
    }
}

/// What the command line asks for.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Serve with this configuration.
    Serve(Config),
    /// Print [`USAGE`].
    Help,
}

/// A command line that cannot be understood, worded for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ArgError(pub String);

impl fmt::Display for ArgError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for ArgError {}

fn err<T>(msg: impl Into<String>) -> Result<T, ArgError> {
    Err(ArgError(msg.into()))
}

/// Parses the arguments after the program name. Both `--opt value` and
/// `--opt=value` work.
pub fn parse<I, S>(args: I) -> Result<Command, ArgError>
where
    I: IntoIterator<Item = S>,
    S: Into<String>,
{
    let mut config = Config::default();
    let mut args = args.into_iter().map(Into::into);
    while let Some(arg) = args.next() {
        let (name, inline) = match arg.split_once('=') {
            Some((n, v)) if n.starts_with("--") => (n.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        let mut value = |what: &str| -> Result<String, ArgError> {
            match inline.clone().or_else(|| args.next()) {
                Some(v) => Ok(v),
                None => err(format!("{name} needs {what}")),
            }
        };
        match name.as_str() {
            "-h" | "--help" => return Ok(Command::Help),
            "--dir" => config.dir = PathBuf::from(value("a directory")?),
            "--address" | "--host" => config.address = value("an address")?,
            "--port" => {
                let v = value("a port number")?;
                config.port = v
                    .parse()
                    .map_err(|_| ArgError(format!("--port: not a port number: {v}")))?;
            }
            "--latency" => config.latency = parse_duration(&value("a duration")?)?,
            "--jitter" => config.jitter = parse_duration(&value("a duration")?)?,
            "--seed" => {
                let v = value("a number")?;
                config.seed = v
                    .parse()
                    .map_err(|_| ArgError(format!("--seed: not a number: {v}")))?;
            }
            "--fail" => {
                for item in value("CC=STATUS")?.split(',').filter(|s| !s.is_empty()) {
                    let (cc, status) = parse_fail(item)?;
                    config.fail.insert(cc, status);
                }
            }
            "--missing" => {
                for cc in value("a country code")?
                    .split(',')
                    .filter(|s| !s.is_empty())
                {
                    config.missing.push(country_code(cc)?);
                }
            }
            "--cors" => config.cors = true,
            "--verbose" | "-v" => config.verbose = true,
            other => return err(format!("unknown option: {other} (try --help)")),
        }
    }
    Ok(Command::Serve(config))
}

/// `200ms`, `1.5s`, `0`, or a bare number of milliseconds.
pub fn parse_duration(s: &str) -> Result<Duration, ArgError> {
    let t = s.trim();
    let (number, scale) = if let Some(n) = t.strip_suffix("ms") {
        (n, 1e-3)
    } else if let Some(n) = t.strip_suffix('s') {
        (n, 1.0)
    } else {
        (t, 1e-3)
    };
    match number.trim().parse::<f64>() {
        Ok(v) if v.is_finite() && v >= 0.0 && v * scale <= 3600.0 => {
            Ok(Duration::from_secs_f64(v * scale))
        }
        _ => err(format!(
            "not a duration: {s:?} (use e.g. 200ms or 1.5s, at most an hour)"
        )),
    }
}

fn country_code(s: &str) -> Result<String, ArgError> {
    let cc = s.trim();
    if cc.len() == 2 && cc.chars().all(|c| c.is_ascii_alphabetic()) {
        Ok(cc.to_ascii_uppercase())
    } else {
        err(format!("not a two-letter country code: {s:?}"))
    }
}

fn parse_fail(item: &str) -> Result<(String, u16), ArgError> {
    let Some((cc, status)) = item.split_once('=') else {
        return err(format!("--fail wants CC=STATUS, like CD=500, not {item:?}"));
    };
    let cc = country_code(cc)?;
    match status.trim().parse::<u16>() {
        Ok(s) if (100..=599).contains(&s) => Ok((cc, s)),
        _ => err(format!("--fail {cc}: not an HTTP status: {status:?}")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn serve(args: &[&str]) -> Config {
        match parse(args.iter().copied()) {
            Ok(Command::Serve(c)) => c,
            other => panic!("expected a config, got {other:?}"),
        }
    }

    #[test]
    fn defaults_serve_dist_on_8080_without_latency() {
        let c = serve(&[]);
        assert_eq!(c, Config::default());
        assert_eq!(c.dir, PathBuf::from("dist"));
        assert_eq!(c.port, 8080);
        assert_eq!(c.latency, Duration::ZERO);
    }

    #[test]
    fn reads_every_option() {
        let c = serve(&[
            "--dir",
            "site",
            "--port",
            "9000",
            "--latency",
            "200ms",
            "--jitter=50ms",
            "--fail",
            "CD=500",
            "--fail",
            "ir=503,NG=502",
            "--missing",
            "ET",
            "--missing=bd",
            "--seed",
            "7",
            "--cors",
            "--address",
            "0.0.0.0",
        ]);
        assert_eq!(c.dir, PathBuf::from("site"));
        assert_eq!(c.port, 9000);
        assert_eq!(c.latency, Duration::from_millis(200));
        assert_eq!(c.jitter, Duration::from_millis(50));
        assert_eq!(c.seed, 7);
        assert_eq!(
            c.fail
                .iter()
                .map(|(k, v)| (k.as_str(), *v))
                .collect::<Vec<_>>(),
            [("CD", 500), ("IR", 503), ("NG", 502)]
        );
        assert_eq!(c.missing, ["ET", "BD"]);
        assert!(c.cors);
        assert_eq!(c.address, "0.0.0.0");
    }

    #[test]
    fn durations_take_ms_s_or_bare_milliseconds() {
        assert_eq!(parse_duration("200ms"), Ok(Duration::from_millis(200)));
        assert_eq!(parse_duration("1.5s"), Ok(Duration::from_millis(1500)));
        assert_eq!(parse_duration("75"), Ok(Duration::from_millis(75)));
        assert_eq!(parse_duration("0"), Ok(Duration::ZERO));
        assert!(parse_duration("-1ms").is_err());
        assert!(parse_duration("fast").is_err());
        assert!(parse_duration("NaNs").is_err());
        assert!(parse_duration("2h").is_err());
    }

    #[test]
    fn rejects_bad_input_with_a_reason() {
        let bad = |args: &[&str]| parse(args.iter().copied()).unwrap_err().0;
        assert!(bad(&["--port"]).contains("needs"));
        assert!(bad(&["--port", "http"]).contains("port"));
        assert!(bad(&["--fail", "CD"]).contains("CC=STATUS"));
        assert!(bad(&["--fail", "CD=abc"]).contains("HTTP status"));
        assert!(bad(&["--fail", "CD=42"]).contains("HTTP status"));
        assert!(bad(&["--missing", "ETH"]).contains("country code"));
        assert!(bad(&["--frobnicate"]).contains("unknown option"));
    }

    #[test]
    fn help_wins() {
        assert_eq!(parse(["--port", "1", "--help"]), Ok(Command::Help));
        assert_eq!(parse(["-h"]), Ok(Command::Help));
    }
}
