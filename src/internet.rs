//! The "Virtual internet" panel's model: the hosts and URLs a run used,
//! read from its trace, and the edits a person makes to the world the next
//! run gets. Pure and native-tested; `components/internet.rs` draws it.

use aioscope_core::run::{Answer, Base, Failure, Host, World};
use aioscope_core::trace::Trace;

/// URL rows shown; a program fetching hundreds lists the first ones.
pub const URLS_SHOWN: usize = 20;

/// A host the run talked to, or that the world declares.
#[derive(Clone, Debug, PartialEq)]
pub struct HostRow {
    /// Its name (`flags.test`, `localhost:8001`).
    pub name: String,
    /// Exchanges with it in the run.
    pub requests: u32,
    /// The median time of its answers in the run, in seconds.
    pub seconds: Option<f64>,
    /// The latency the world sets for it, in seconds (`None`: the base
    /// world's).
    pub latency: Option<f64>,
    /// The failure the world sets for every request to it.
    pub failure: Option<Failure>,
}

/// A URL the run asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct UrlRow {
    /// The URL.
    pub url: String,
    /// What it answered in the run: a status, or a failure's name.
    pub answered: Result<u16, String>,
    /// The status the world sets for it.
    pub status: Option<u16>,
    /// The failure the world sets for it.
    pub failure: Option<Failure>,
}

/// The hosts, in the order first seen (then the world's others), and the
/// first [`URLS_SHOWN`] URLs, with how many more there were.
pub fn rows(trace: &Trace, world: &World) -> (Vec<HostRow>, Vec<UrlRow>, usize) {
    let mut hosts: Vec<(String, Vec<f64>)> = Vec::new();
    let mut urls: Vec<UrlRow> = Vec::new();
    let mut more = 0;
    for r in &trace.requests {
        match hosts.iter_mut().find(|(h, _)| *h == r.host) {
            Some((_, times)) => times.push(r.seconds),
            None => hosts.push((r.host.clone(), vec![r.seconds])),
        }
        if urls.iter().any(|u| u.url == r.url) {
            continue;
        }
        if urls.len() >= URLS_SHOWN {
            more += 1;
            continue;
        }
        let declared = world.urls.iter().find(|(u, _)| *u == r.url).map(|(_, a)| a);
        urls.push(UrlRow {
            url: r.url.clone(),
            answered: match (&r.failure, r.status) {
                (Some(f), _) => Err(f.clone()),
                (None, Some(s)) => Ok(s),
                (None, None) => Err("?".into()),
            },
            status: declared.and_then(|a| a.status),
            failure: declared.and_then(|a| a.error),
        });
    }
    for (name, _) in &world.hosts {
        if !hosts.iter().any(|(h, _)| h == name) {
            hosts.push((name.clone(), Vec::new()));
        }
    }
    let hosts = hosts
        .into_iter()
        .map(|(name, mut times)| {
            times.sort_by(f64::total_cmp);
            let declared = world.hosts.iter().find(|(h, _)| *h == name).map(|(_, h)| h);
            HostRow {
                requests: times.len() as u32,
                seconds: times.get(times.len() / 2).copied(),
                latency: declared.and_then(|h| h.latency),
                failure: declared.and_then(|h| h.error),
                name,
            }
        })
        .collect();
    (hosts, urls, more)
}

/// What a person changes in the world.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// The base world.
    Base(Base),
    /// A host's latency in seconds (`None`: the base world's).
    Latency(String, Option<f64>),
    /// A host's failure for every request (`None`: it answers).
    HostFailure(String, Option<Failure>),
    /// A URL's status (`None`: the base world's answer).
    Status(String, Option<u16>),
    /// A URL's failure (`None`: it answers).
    UrlFailure(String, Option<Failure>),
}

/// `world` with `edit` made; entries left with nothing set are dropped, so
/// undoing every edit gives back the world it started from.
pub fn apply(world: &World, edit: &Edit) -> World {
    let mut w = world.clone();
    let host = |w: &mut World, name: &str| -> usize {
        match w.hosts.iter().position(|(h, _)| h == name) {
            Some(i) => i,
            None => {
                w.hosts.push((name.to_string(), Host::default()));
                w.hosts.len() - 1
            }
        }
    };
    let url = |w: &mut World, name: &str| -> usize {
        match w.urls.iter().position(|(u, _)| u == name) {
            Some(i) => i,
            None => {
                w.urls.push((name.to_string(), Answer::default()));
                w.urls.len() - 1
            }
        }
    };
    match edit {
        Edit::Base(b) => w.base = *b,
        Edit::Latency(name, latency) => {
            let i = host(&mut w, name);
            w.hosts[i].1.latency = latency.filter(|s| s.is_finite() && *s >= 0.0);
        }
        Edit::HostFailure(name, failure) => {
            let i = host(&mut w, name);
            w.hosts[i].1.error = *failure;
        }
        Edit::Status(name, status) => {
            let i = url(&mut w, name);
            w.urls[i].1.status = status.filter(|s| (100..=599).contains(s));
        }
        Edit::UrlFailure(name, failure) => {
            let i = url(&mut w, name);
            w.urls[i].1.error = *failure;
        }
    }
    w.hosts.retain(|(_, h)| *h != Host::default());
    w.urls.retain(|(_, a)| *a != Answer::default());
    w
}

/// The failures a person can pick, with the words the world file uses.
pub const FAILURES: [Failure; 4] = [
    Failure::Refused,
    Failure::Reset,
    Failure::Dns,
    Failure::Timeout,
];

/// A failure from its name in a `<select>` (`""`: none).
pub fn failure_named(name: &str) -> Option<Failure> {
    FAILURES.into_iter().find(|f| f.name() == name)
}

#[cfg(test)]
mod tests {
    use super::*;
    use aioscope_core::run::{run, Options};

    const DOWNLOADER: &str = "\
import asyncio, httpx
async def main():
    async with httpx.AsyncClient() as c:
        for cc in ['cn', 'cd', 'cn']:
            r = await c.get(f'http://flags.test/flags/{cc}/{cc}.gif')
            print(cc, r.status_code)
asyncio.run(main())
";

    fn traced(world: Option<World>) -> Trace {
        run(
            DOWNLOADER,
            "main.py",
            &Options {
                world,
                lines: false,
                ..Options::default()
            },
        )
    }

    #[test]
    fn the_rows_list_each_host_and_url_once_with_what_they_answered() {
        let trace = traced(None);
        let (hosts, urls, more) = rows(&trace, &World::default());
        assert_eq!(hosts.len(), 1);
        assert_eq!(
            (hosts[0].name.as_str(), hosts[0].requests),
            ("flags.test", 3)
        );
        assert!(hosts[0].seconds.is_some_and(|s| s > 0.0));
        let answered: Vec<_> = urls.iter().map(|u| u.answered.clone()).collect();
        assert_eq!(answered, [Ok(200), Ok(404)]);
        assert_eq!(more, 0);
    }

    #[test]
    fn a_slower_host_makes_a_slower_run() {
        let before = traced(None);
        let slow = apply(
            &World::default(),
            &Edit::Latency("flags.test".into(), Some(2.0)),
        );
        let after = traced(Some(slow.clone()));
        let end = |t: &Trace| t.frames.last().map(|f| f.t).unwrap_or(0.0);
        assert!(
            end(&after) > end(&before) + 5.0,
            "{} vs {}",
            end(&after),
            end(&before)
        );
        let (hosts, _, _) = rows(&after, &slow);
        assert_eq!(hosts[0].latency, Some(2.0));
    }

    #[test]
    fn edits_change_answers_and_undoing_them_gives_the_world_back() {
        let url = "http://flags.test/flags/cn/cn.gif".to_string();
        let w = apply(&World::default(), &Edit::Status(url.clone(), Some(500)));
        let trace = traced(Some(w.clone()));
        let (_, urls, _) = rows(&trace, &w);
        assert_eq!(
            (urls[0].answered.clone(), urls[0].status),
            (Ok(500), Some(500))
        );
        let failing = apply(
            &w,
            &Edit::HostFailure("flags.test".into(), Some(Failure::Refused)),
        );
        let trace = traced(Some(failing.clone()));
        assert_eq!(
            trace.requests.len(),
            1,
            "the first request fails the program"
        );
        assert_eq!(trace.requests[0].failure.as_deref(), Some("refused"));
        let undone = apply(
            &apply(&failing, &Edit::HostFailure("flags.test".into(), None)),
            &Edit::Status(url, None),
        );
        assert_eq!(undone, World::default());
        assert_eq!(failure_named("dns"), Some(Failure::Dns));
        assert_eq!(failure_named(""), None);
        // Nonsense from a form is refused, not stored.
        let w = apply(&World::default(), &Edit::Latency("h".into(), Some(-1.0)));
        assert_eq!(w, World::default());
    }
}
