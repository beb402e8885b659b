//! Writing a trace out: the corpus transcript, JSON lines of frames, and
//! Chrome trace-event JSON that Perfetto opens (one track per task).

use crate::aio::json::{string, time};
use crate::vm::pyfmt::float_repr;

use super::{Awaiting, Exit, FrameIx, FrameKind, Stream, Trace};

/// The transcript in the corpus format: `{"t": T, "out": TEXT}` and
/// `{"t": T, "err": TEXT}` lines in write order, and an exit record.
pub fn transcript(trace: &Trace) -> String {
    let mut out = String::new();
    for r in &trace.output {
        let key = match r.stream {
            Stream::Out => "out",
            Stream::Err => "err",
        };
        out.push_str(&format!(
            "{{\"t\": {}, \"{}\": {}}}\n",
            time(r.t),
            key,
            string(&r.text)
        ));
    }
    let end = trace.frames.last().map(|f| f.t).unwrap_or(0.0);
    match &trace.exit {
        Exit::Finished => out.push_str(&format!("{{\"t\": {}, \"exit\": \"ok\"}}\n", time(end))),
        other => out.push_str(&format!(
            "{{\"t\": {}, \"exit\": \"error\", \"exc\": {}}}\n",
            time(end),
            string(&other.summary())
        )),
    }
    out
}

fn kind_name(k: &FrameKind) -> String {
    match k {
        FrameKind::Start => "start".into(),
        FrameKind::Main => "main".into(),
        FrameKind::Step(s) => s.name().into(),
        FrameKind::ClockJump { .. } => "clock_jump".into(),
        FrameKind::Interrupt { .. } => "interrupt".into(),
        FrameKind::BlockingSleep { .. } => "blocking_sleep".into(),
        FrameKind::Thread { .. } => "thread".into(),
        FrameKind::End => "end".into(),
    }
}

/// One JSON object per frame: time, kind, what ran, the head of the ready
/// queue and its length, the timers' count and next due time, the tasks
/// that changed in this frame (full state), stdout so far (length) and the
/// explanation. Listing only changed tasks keeps the output proportional
/// to what happened, not to frames × tasks.
pub fn events_jsonl(trace: &Trace) -> String {
    let mut out = String::new();
    let mut changed: Vec<Vec<u32>> = vec![Vec::new(); trace.frames.len()];
    for (t, rec) in trace.tasks.iter().enumerate() {
        for (at, _) in &rec.views {
            if let Some(list) = changed.get_mut(*at as usize) {
                list.push(t as u32);
            }
        }
    }
    // Timers are swept frame by frame (added when scheduled, dropped when
    // they leave the heap) rather than queried per frame, so the export
    // stays linear in the size of the trace.
    let nframes = trace.frames.len();
    let mut added: Vec<Vec<u32>> = vec![Vec::new(); nframes];
    let mut removed: Vec<Vec<u32>> = vec![Vec::new(); nframes];
    for (h, rec) in trace.handles.iter().enumerate() {
        if rec.when.is_none() {
            continue;
        }
        if let Some(list) = added.get_mut(rec.scheduled_at as usize) {
            list.push(h as u32);
        }
        if let Some(list) = removed.get_mut(rec.left_heap_at as usize) {
            list.push(h as u32);
        }
    }
    let mut live: std::collections::BTreeSet<(u64, u32)> = std::collections::BTreeSet::new();
    let key = |h: u32| -> (u64, u32) {
        // Due times are non-negative, so their bits order like the numbers.
        (trace.handles[h as usize].when.unwrap_or(0.0).to_bits(), h)
    };
    for (i, f) in trace.frames.iter().enumerate() {
        let at = i as u32;
        for &h in &added[i] {
            live.insert(key(h));
        }
        for &h in &removed[i] {
            live.remove(&key(h));
        }
        let what = f
            .handle
            .and_then(|h| trace.handles.get(h as usize))
            .map(|h| string(&h.what))
            .unwrap_or_else(|| "null".into());
        let ready_all = trace.ready_at(at);
        let ready: Vec<String> = ready_all
            .iter()
            .take(3)
            .map(|h| string(&trace.handles[*h as usize].what))
            .collect();
        let next_timer = live
            .first()
            .map(|(bits, _)| time(f64::from_bits(*bits)))
            .unwrap_or_else(|| "null".into());
        let mut tasks = Vec::new();
        for &t in &changed[i] {
            if let Some(v) = trace.task_at(t, at) {
                let stack: Vec<String> = v
                    .stack
                    .iter()
                    .map(|e| format!("[{}, {}, {}]", string(&e.qualname), e.line, e.user))
                    .collect();
                let awaiting = match &v.awaiting {
                    Some(Awaiting::Task(x)) => format!("{{\"task\": {}}}", x),
                    Some(Awaiting::Timer { handle, when }) => {
                        format!("{{\"timer\": {}, \"when\": {}}}", handle, time(*when))
                    }
                    Some(Awaiting::Group { kind, tasks, total }) => format!(
                        "{{\"group\": \"{}\", \"tasks\": {:?}, \"total\": {}}}",
                        kind.name(),
                        tasks,
                        total
                    ),
                    Some(Awaiting::Future) => "\"future\"".into(),
                    Some(Awaiting::Yield) => "\"yield\"".into(),
                    None => "null".into(),
                };
                tasks.push(format!(
                    "{{\"id\": {}, \"name\": {}, \"state\": \"{}\", \"stack\": [{}], \"awaiting\": {}, \"outcome\": {}, \"cancelling\": {}}}",
                    t,
                    string(&v.name),
                    v.state.word(),
                    stack.join(", "),
                    awaiting,
                    v.outcome.as_deref().map(string).unwrap_or_else(|| "null".into()),
                    v.cancelling
                ));
            }
        }
        out.push_str(&format!(
            "{{\"frame\": {}, \"t\": {}, \"kind\": \"{}\", \"what\": {}, \"task\": {}, \"line\": {}, \"ready_len\": {}, \"ready\": [{}], \"timers_len\": {}, \"next_timer\": {}, \"changed_tasks\": [{}], \"stdout_len\": {}, \"explanation\": {}}}\n",
            i,
            time(f.t),
            kind_name(&f.kind),
            what,
            f.task.map(|t| t.to_string()).unwrap_or_else(|| "null".into()),
            f.line.map(|l| l.to_string()).unwrap_or_else(|| "null".into()),
            ready_all.len(),
            ready.join(", "),
            live.len(),
            next_timer,
            tasks.join(", "),
            f.out_len,
            string(&trace.explanation(i as FrameIx).en)
        ));
    }
    out
}

/// Chrome trace-event JSON: one thread track per task, a slice for every
/// step it ran, instants for clock jumps. Virtual seconds become
/// microseconds; steps in the same instant are spread 1 µs apart so they
/// stay visible.
pub fn perfetto(trace: &Trace) -> String {
    let mut events = Vec::new();
    events.push(
        "{\"name\": \"process_name\", \"ph\": \"M\", \"pid\": 1, \"args\": {\"name\": \"aioscope event loop\"}}"
            .to_string(),
    );
    events.push(
        "{\"name\": \"thread_name\", \"ph\": \"M\", \"pid\": 1, \"tid\": 0, \"args\": {\"name\": \"loop (callbacks)\"}}"
            .to_string(),
    );
    for (t, rec) in trace.tasks.iter().enumerate() {
        let name = rec
            .views
            .first()
            .map(|(_, v)| v.name.to_string())
            .unwrap_or_else(|| format!("task {}", t));
        events.push(format!(
            "{{\"name\": \"thread_name\", \"ph\": \"M\", \"pid\": 1, \"tid\": {}, \"args\": {{\"name\": {}}}}}",
            t + 1,
            string(&format!("{} ({})", name, rec.coro))
        ));
    }
    let mut last_ts: i64 = -1;
    for (i, f) in trace.frames.iter().enumerate() {
        let mut ts = (f.t * 1e6).round() as i64;
        if ts <= last_ts {
            ts = last_ts + 1;
        }
        last_ts = ts;
        match &f.kind {
            FrameKind::Step(_) => {
                let tid = f.task.map(|t| t + 1).unwrap_or(0);
                let what = f
                    .handle
                    .and_then(|h| trace.handles.get(h as usize))
                    .map(|h| h.what.clone())
                    .unwrap_or_default();
                events.push(format!(
                    "{{\"name\": {}, \"ph\": \"X\", \"pid\": 1, \"tid\": {}, \"ts\": {}, \"dur\": 1, \"args\": {{\"frame\": {}, \"explanation\": {}}}}}",
                    string(&what),
                    tid,
                    ts,
                    i,
                    string(&trace.explanation(i as FrameIx).en)
                ));
            }
            FrameKind::ClockJump { .. }
            | FrameKind::BlockingSleep { .. }
            | FrameKind::Interrupt { .. } => {
                events.push(format!(
                    "{{\"name\": \"{}\", \"ph\": \"i\", \"s\": \"p\", \"pid\": 1, \"tid\": 0, \"ts\": {}}}",
                    kind_name(&f.kind),
                    ts
                ));
            }
            _ => {}
        }
    }
    format!(
        "{{\"traceEvents\": [\n{}\n], \"displayTimeUnit\": \"ms\"}}\n",
        events.join(",\n")
    )
}

/// The loop's state before each of its iterations, as `oracle.py --states`
/// records CPython's: `{"i": N, "loop": {"t", "ready", "timers", "tasks"}}`
/// lines (see "Loop states" in `tests/conformance/README.md`).
///
/// Everything here is read back from the frames the page shows (the ready
/// queue, the timers, each task's view after the frame the iteration began
/// from), so comparing these records with CPython's checks the frames
/// themselves, not a second account of the run.
pub fn states(trace: &Trace) -> String {
    let mut out = String::new();
    for (i, it) in trace.iterations.iter().enumerate() {
        out.push_str(&format!(
            "{{\"i\": {}, \"loop\": {}}}\n",
            i + 1,
            loop_state(trace, it.after, it.t)
        ));
    }
    out
}

/// The last component of a qualname: a code object's `co_name`.
fn co_name(qualname: &str) -> &str {
    qualname.rsplit('.').next().unwrap_or(qualname)
}

fn loop_state(trace: &Trace, at: FrameIx, t: f64) -> String {
    use super::TaskState;
    // Which tasks wait on each sleep's timer, for `sleep:NAMES` labels.
    let mut sleepers: std::collections::HashMap<u32, Vec<String>> = Default::default();
    let mut tasks: Vec<(String, String)> = Vec::new();
    for ix in 0..trace.tasks.len() as u32 {
        let Some(v) = trace.task_at(ix, at) else {
            continue;
        };
        if let Some(Awaiting::Timer { handle, .. }) = &v.awaiting {
            sleepers
                .entry(*handle)
                .or_default()
                .push(v.name.to_string());
        }
        if matches!(
            v.state,
            TaskState::Done | TaskState::Failed | TaskState::Cancelled
        ) {
            continue;
        }
        // CPython follows `cr_await` through coroutines only.
        let chain: Vec<String> = v
            .stack
            .iter()
            .take_while(|e| !e.generator)
            .map(|e| {
                let name = co_name(&e.qualname);
                string(&if e.user {
                    format!("{}:{}", name, e.line)
                } else {
                    name.to_string()
                })
            })
            .collect();
        tasks.push((v.name.to_string(), format!("[{}]", chain.join(", "))));
    }
    for names in sleepers.values_mut() {
        names.sort();
    }
    let label = |h: u32| -> String {
        let rec = &trace.handles[h as usize];
        if let Some(task) = rec.of_task {
            let name = trace
                .task_at(task, at)
                .map(|v| v.name.to_string())
                .unwrap_or_default();
            return format!("task:{}", name);
        }
        if &*rec.callback == "_set_result_unless_cancelled" {
            let names = sleepers.get(&h).map(|n| n.join(",")).unwrap_or_default();
            return format!("sleep:{}", names);
        }
        format!("call:{}", rec.callback)
    };
    let ready: Vec<String> = trace
        .ready_at(at)
        .iter()
        .filter(|h| !trace.handles[**h as usize].cancelled_by(at))
        .map(|h| string(&label(*h)))
        .collect();
    let mut timers: Vec<(f64, String)> = trace
        .timers_at(at)
        .into_iter()
        .filter(|h| !trace.handles[*h as usize].cancelled_by(at))
        .map(|h| {
            let when: f64 = time(trace.handles[h as usize].when.unwrap_or(0.0))
                .parse()
                .unwrap_or(0.0);
            (when, label(h))
        })
        .collect();
    timers.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    tasks.sort();
    let timers: Vec<String> = timers
        .iter()
        .map(|(w, l)| format!("[{}, {}]", float_repr(*w), string(l)))
        .collect();
    let tasks: Vec<String> = tasks
        .iter()
        .map(|(n, chain)| format!("{}: {}", string(n), chain))
        .collect();
    format!(
        "{{\"t\": {}, \"ready\": [{}], \"timers\": [{}], \"tasks\": {{{}}}}}",
        time(t),
        ready.join(", "),
        timers.join(", "),
        tasks.join(", ")
    )
}
