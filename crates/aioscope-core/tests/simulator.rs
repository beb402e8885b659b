//! The simulator end to end: determinism, guards against runaway programs,
//! and what the trace shows for small programs.

use aioscope_core::run::{run, Options, PythonVersion};
use aioscope_core::trace::{export, Deadlock, Exit, FrameKind, Limit, OutRecord, TaskState};

fn trace_of(src: &str) -> aioscope_core::trace::Trace {
    run(src, "main.py", &Options::default())
}

const GATHER: &str = "\
import asyncio

async def work(name, delay):
    print(name, 'starts')
    await asyncio.sleep(delay)
    print(name, 'ends')
    return name

async def main():
    print(await asyncio.gather(work('a', 0.2), work('b', 0.1)))

asyncio.run(main())
";

#[test]
fn the_same_program_gives_a_byte_identical_event_trace() {
    let a = export::events_jsonl(&trace_of(GATHER));
    let b = export::events_jsonl(&trace_of(GATHER));
    assert!(!a.is_empty());
    assert_eq!(a, b);
}

#[test]
fn transcript_matches_cpython_for_a_gather() {
    // python3 oracle.py of the same program.
    assert_eq!(
        trace_of(GATHER).transcript(),
        "{\"t\": 0.0, \"out\": \"a starts\\nb starts\\n\"}\n\
         {\"t\": 0.1, \"out\": \"b ends\\n\"}\n\
         {\"t\": 0.2, \"out\": \"a ends\\n['a', 'b']\\n\"}\n\
         {\"t\": 0.2, \"exit\": \"ok\"}\n"
    );
}

#[test]
fn a_coroutine_that_never_awaits_stops_at_the_instruction_budget() {
    let src =
        "import asyncio\nasync def spin():\n    while True:\n        pass\nasyncio.run(spin())\n";
    let options = Options {
        instructions: 200_000,
        ..Options::default()
    };
    let trace = run(src, "main.py", &options);
    assert_eq!(trace.exit, Exit::Limit(Limit::Instructions(200_000)));
    assert!(trace
        .exit
        .summary()
        .starts_with("Timeout: stopped after 200000 instructions"));
}

#[test]
fn a_step_looping_for_millions_of_lines_keeps_its_first_lines_and_its_last() {
    let src = "\
import asyncio
async def spin():
    n = 0
    while n < 30000:
        n += 1
    print('spun', n)
asyncio.run(spin())
";
    let trace = trace_of(src);
    assert_eq!(trace.exit, Exit::Finished);
    let busiest = (0..trace.len() as u32)
        .max_by_key(|&f| trace.lines_at(f).len())
        .expect("frames");
    let lines = trace.lines_at(busiest);
    let limit = aioscope_core::vm::Limits::default().line_events;
    assert!(lines.len() <= limit, "{} line hits kept", lines.len());
    assert!(lines.len() > limit / 2, "the first lines are kept");
    assert_eq!(
        lines.last().map(|h| h.line),
        Some(6),
        "the last line ran is kept"
    );
    assert_eq!(trace.frame(busiest).and_then(|f| f.line), Some(6));
}

#[test]
fn gather_of_thousands_keeps_order_and_awaits_a_repeated_argument_once() {
    let src = "\
import asyncio
async def w(i):
    await asyncio.sleep(i * 0.0001)
    return i
async def main():
    results = await asyncio.gather(*[w(i) for i in range(3000)])
    print(results == list(range(3000)))
    t = asyncio.create_task(w(7))
    print(await asyncio.gather(t, t, w(1)))
asyncio.run(main())
";
    let trace = trace_of(src);
    assert_eq!(trace.exit, Exit::Finished);
    assert_eq!(trace.stdout, "True\n[7, 7, 1]\n");
}

#[test]
fn a_task_awaiting_gather_or_wait_is_shown_awaiting_their_tasks() {
    use aioscope_core::trace::Awaiting;
    let src = "\
import asyncio
async def w(i):
    await asyncio.sleep(0.1 * i)
async def main():
    await asyncio.gather(*[w(i) for i in range(12)])
    t = asyncio.create_task(w(1))
    await asyncio.wait([t])
    await asyncio.wait_for(w(1), 5)
asyncio.run(main())
";
    let trace = trace_of(src);
    assert_eq!(trace.exit, Exit::Finished);
    let groups: Vec<(String, Vec<u32>, u32)> = trace.tasks[0]
        .views
        .iter()
        .filter_map(|(_, v)| match &v.awaiting {
            Some(Awaiting::Group { kind, tasks, total }) => {
                Some((kind.name().to_string(), tasks.clone(), *total))
            }
            _ => None,
        })
        .collect();
    assert_eq!(groups[0], ("gather".into(), (1..=8).collect(), 12));
    assert!(groups.contains(&("wait".into(), vec![13], 1)), "{groups:?}");
    assert!(
        groups.contains(&("wait_for".into(), vec![14], 1)),
        "{groups:?}"
    );
}

#[test]
fn creating_tasks_without_end_stops_at_the_task_limit() {
    let src = "\
import asyncio
async def nothing():
    pass
async def main():
    while True:
        asyncio.create_task(nothing())
        await asyncio.sleep(0)
asyncio.run(main())
";
    let trace = trace_of(src);
    assert!(
        matches!(trace.exit, Exit::Limit(_)),
        "an endless program ended with {:?}",
        trace.exit
    );
    assert!(trace.exit.summary().starts_with("Timeout:"));
}

#[test]
fn awaiting_something_not_awaitable_raises_cpythons_type_error() {
    let src = "import asyncio\nasync def main():\n    await 42\nasyncio.run(main())\n";
    assert_eq!(
        trace_of(src).exit.summary(),
        "TypeError: object int can't be used in 'await' expression"
    );
}

#[test]
fn a_loop_with_nothing_to_do_is_reported_not_hung() {
    let src = "import asyncio\nasync def main():\n    await asyncio.get_running_loop().create_future()\nasyncio.run(main())\n";
    let exit = trace_of(src).exit;
    assert_eq!(exit, Exit::Deadlock(Deadlock::Loop));
    assert!(exit.summary().contains("would wait forever"));
}

#[test]
fn syntax_errors_end_the_trace_with_cpythons_message() {
    let trace = trace_of("def f(:\n    pass\n");
    match &trace.exit {
        Exit::Exception(u) => assert_eq!((u.type_name.as_str(), u.line), ("SyntaxError", Some(1))),
        other => panic!("bad syntax ended with {other:?}"),
    }
    assert_eq!(
        trace.exit.summary(),
        "SyntaxError: invalid syntax (main.py, line 1)"
    );
}

#[test]
fn frames_show_the_clock_jump_and_the_task_states() {
    let trace = trace_of(GATHER);
    let jumps: Vec<f64> = trace
        .frames
        .iter()
        .filter(|f| matches!(f.kind, FrameKind::ClockJump { .. }))
        .map(|f| f.t)
        .collect();
    assert_eq!(jumps, vec![0.1, 0.2]);
    let last = (trace.len() - 1) as u32;
    for t in 0..trace.tasks.len() as u32 {
        let state = trace.task_at(t, last).map(|v| v.state);
        assert_eq!(state, Some(TaskState::Done), "task {t}");
    }
    assert_eq!(
        trace.stdout_at(last),
        "a starts\nb starts\nb ends\na ends\n['a', 'b']\n"
    );
}

#[test]
fn a_cancelled_task_is_shown_cancelled() {
    let src = "\
import asyncio
async def forever():
    await asyncio.sleep(10)
async def main():
    t = asyncio.create_task(forever())
    await asyncio.sleep(0.1)
    t.cancel()
    await asyncio.sleep(0)
    print(t.cancelled())
asyncio.run(main())
";
    let trace = trace_of(src);
    let last = (trace.len() - 1) as u32;
    assert_eq!(
        trace.task_at(1, last).map(|v| v.state),
        Some(TaskState::Cancelled)
    );
    assert_eq!(trace.stdout_at(last), "True\n");
}

#[test]
fn a_sleeping_main_thread_lets_the_spinner_thread_run() {
    let src = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../scenarios/spinner_thread.py"
    ))
    .expect("the spinner_thread scenario");
    let trace = trace_of(&src);
    assert_eq!(trace.exit, Exit::Finished);
    // One spinner frame every 0.1 s while main sleeps 3 s, then the answer.
    let frames: Vec<&OutRecord> = trace
        .output
        .iter()
        .filter(|r| r.text.contains("thinking!"))
        .collect();
    assert_eq!(frames.len(), 30);
    assert!((frames[1].t - 0.1).abs() < 1e-9);
    let last = trace.output.last().expect("output");
    assert!(last.text.ends_with("Answer: 42\n"));
    assert!((last.t - 3.0).abs() < 1e-6);
    assert!(trace
        .frames
        .iter()
        .any(|f| matches!(&f.kind, FrameKind::Thread { name } if &**name == "Thread-1 (spin)")));
}

#[test]
fn run_in_executor_runs_blocking_work_in_a_thread_while_the_loop_goes_on() {
    let src = "\
import asyncio
import time

def blocking(n):
    time.sleep(n)
    return n * 10

async def ticker():
    for i in range(3):
        print('tick', i)
        await asyncio.sleep(0.5)

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    print('result', await loop.run_in_executor(None, blocking, 1))
    await t

asyncio.run(main())
";
    let trace = trace_of(src);
    assert_eq!(trace.exit, Exit::Finished);
    let times: Vec<(String, String)> = trace
        .output
        .iter()
        .map(|r| (aioscope_core::aio::json::time(r.t), r.text.clone()))
        .collect();
    assert_eq!(
        times,
        vec![
            ("0.0".to_string(), "tick 0\n".to_string()),
            ("0.5".to_string(), "tick 1\n".to_string()),
            ("1.0".to_string(), "tick 2\nresult 10\n".to_string()),
        ]
    );
}

#[test]
fn a_catastrophic_regex_spends_the_instruction_budget_and_ends_the_run() {
    let src = "import re\nprint(re.match(r'(a+)+b', 'a' * 60 + 'c'))\n";
    let options = Options {
        instructions: 2_000_000,
        ..Options::default()
    };
    let trace = run(src, "main.py", &options);
    assert!(
        matches!(trace.exit, aioscope_core::trace::Exit::Limit(_)),
        "{:?}",
        trace.exit
    );
}

#[test]
fn an_unseeded_random_is_repeatable_and_warned_about_once_at_its_first_draw() {
    use aioscope_core::trace::WarningKind;
    let src = "\
import asyncio
import random

async def main():
    await asyncio.sleep(0.1)
    print(random.random())
    print(random.randint(1, 6))

asyncio.run(main())
";
    let first = trace_of(src);
    let second = trace_of(src);
    assert_eq!(first.stdout, second.stdout);
    let unseeded: Vec<_> = first
        .warnings
        .iter()
        .filter(|w| w.kind == WarningKind::UnseededRandom)
        .collect();
    assert_eq!(unseeded.len(), 1, "{:?}", first.warnings);
    assert_eq!(unseeded[0].line, Some(6));
    let seeded = trace_of(&src.replace("import random\n", "import random\nrandom.seed(3)\n"));
    assert!(
        seeded
            .warnings
            .iter()
            .all(|w| w.kind != WarningKind::UnseededRandom),
        "{:?}",
        seeded.warnings
    );
}

#[test]
fn warnings_point_at_the_frame_and_line_where_they_arise() {
    use aioscope_core::trace::WarningKind;
    let src = "\
import asyncio
import time

async def fail():
    raise ValueError('lost')

async def main():
    time.sleep(0.5)
    asyncio.sleep(1)
    asyncio.create_task(fail())
    await asyncio.sleep(0.1)

asyncio.run(main())
";
    let trace = trace_of(src);
    let kinds: Vec<(WarningKind, Option<u32>)> =
        trace.warnings.iter().map(|w| (w.kind, w.line)).collect();
    assert!(
        kinds.contains(&(WarningKind::BlockingCall, Some(8))),
        "{kinds:?}"
    );
    assert!(
        kinds.iter().any(|(k, _)| *k == WarningKind::SlowStep),
        "{kinds:?}"
    );
    assert!(
        kinds.contains(&(WarningKind::NeverAwaited, Some(9))),
        "{kinds:?}"
    );
    assert!(
        kinds
            .iter()
            .any(|(k, _)| *k == WarningKind::ExceptionNeverRetrieved),
        "{kinds:?}"
    );
    let blocking = trace
        .warnings
        .iter()
        .find(|w| w.kind == WarningKind::BlockingCall)
        .expect("a blocking warning");
    assert!(matches!(
        trace.frames[blocking.frame as usize].kind,
        FrameKind::BlockingSleep { .. }
    ));
}

#[test]
fn run_in_executor_completes_when_no_timer_is_pending() {
    let src = "\
import asyncio
import time

def blocking():
    time.sleep(0.1)
    return 1

async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking))

asyncio.run(main())
";
    let trace = trace_of(src);
    assert_eq!(trace.exit, Exit::Finished);
    assert_eq!(
        trace.transcript(),
        "{\"t\": 0.1, \"out\": \"1\\n\"}\n{\"t\": 0.1, \"exit\": \"ok\"}\n"
    );
    // The clock never moves without a frame saying so.
    for w in trace.frames.windows(2) {
        if w[1].t > w[0].t {
            assert!(
                matches!(
                    w[1].kind,
                    FrameKind::ClockJump { .. } | FrameKind::BlockingSleep { .. } | FrameKind::End
                ),
                "time moved from {} to {} in a {:?} frame",
                w[0].t,
                w[1].t,
                w[1].kind
            );
        }
    }
}

#[test]
fn every_scenario_moves_the_clock_only_in_frames_that_say_so() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scenarios");
    let mut checked = 0;
    for entry in std::fs::read_dir(dir).expect("scenarios/") {
        let path = entry.expect("an entry").path();
        if path.extension().is_none_or(|x| x != "py") {
            continue;
        }
        let src = std::fs::read_to_string(&path).expect("readable");
        let trace = trace_of(&src);
        assert_eq!(trace.exit, Exit::Finished, "{}", path.display());
        for w in trace.frames.windows(2) {
            if w[1].t > w[0].t + 1e-12 {
                assert!(
                    matches!(
                        w[1].kind,
                        FrameKind::ClockJump { .. }
                            | FrameKind::BlockingSleep { .. }
                            | FrameKind::End
                    ),
                    "{}: time moved from {} to {} in a {:?} frame",
                    path.display(),
                    w[0].t,
                    w[1].t,
                    w[1].kind
                );
            }
        }
        checked += 1;
    }
    assert!(checked >= 10, "only {checked} scenarios");
}

#[test]
fn a_sleeping_task_points_at_its_own_timer_even_when_due_times_tie() {
    use aioscope_core::trace::Awaiting;
    let trace = trace_of(
        "\
import asyncio

async def nap():
    await asyncio.sleep(0.5)

async def main():
    await asyncio.gather(nap(), nap())

asyncio.run(main())
",
    );
    // Once both naps sleep, each awaits a different timer, due at 0.5.
    let at = (0..trace.len() as u32)
        .find(|&f| {
            (0..trace.tasks.len() as u32)
                .filter(|&t| {
                    matches!(
                        trace.task_at(t, f).and_then(|v| v.awaiting.as_ref()),
                        Some(Awaiting::Timer { .. })
                    )
                })
                .count()
                == 2
        })
        .expect("a frame where both tasks sleep");
    let handles: Vec<u32> = (0..trace.tasks.len() as u32)
        .filter_map(|t| match trace.task_at(t, at)?.awaiting.as_ref()? {
            Awaiting::Timer { handle, when } => {
                assert_eq!(*when, 0.5);
                Some(*handle)
            }
            _ => None,
        })
        .collect();
    assert_ne!(handles[0], handles[1]);
    let timers = trace.timers_at(at);
    for h in &handles {
        assert!(timers.contains(h), "{h} is a pending timer: {timers:?}");
        assert_eq!(trace.handles[*h as usize].when, Some(0.5));
    }
}

/// Async generators left suspended are closed by the loop, as CPython's
/// finalizer hook does: right after an `async for` is left by `return` or
/// `break`, and when the frame holding one in a local returns (that one's
/// closing task is cancelled at shutdown, so its cleanup never prints).
const DROPPED_ASYNC_GENERATORS: &str = "import asyncio

async def agen(name):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0.1)
    finally:
        await asyncio.sleep(0.05)
        print('cleanup', name, asyncio.get_running_loop().time())

async def first(name):
    async for x in agen(name):
        return x

async def main():
    print('first', await first('ret'))
    kept = agen('kept')
    async for x in kept:
        break
    t = asyncio.create_task(asyncio.sleep(0.01), name='later')
    print(t.get_name())
    async for x in agen('brk'):
        if x == 1:
            break
    print('after loop', asyncio.get_running_loop().time())
    await asyncio.sleep(0.2)
    print('end of main')

asyncio.run(main())
print('after run')
";

#[test]
fn a_dropped_async_generator_is_closed_when_cpython_closes_it() {
    // python3 oracle.py of the same program.
    assert_eq!(
        trace_of(DROPPED_ASYNC_GENERATORS).transcript(),
        "{\"t\": 0.0, \"out\": \"first 0\\nlater\\n\"}
{\"t\": 0.05, \"out\": \"cleanup ret 0.05\\n\"}
{\"t\": 0.1, \"out\": \"after loop 0.1\\n\"}
{\"t\": 0.15, \"out\": \"cleanup brk 0.15000000000000002\\n\"}
{\"t\": 0.3, \"out\": \"end of main\\n\"}
{\"t\": 0.35, \"out\": \"after run\\n\"}
{\"t\": 0.35, \"exit\": \"ok\"}
"
    );
}

const ASYNC_GENERATOR_AT_SHUTDOWN: &str = "import asyncio

async def agen(name):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0.1)
    except BaseException as e:
        print('agen got', type(e).__name__)
        raise
    finally:
        print('finally starts', name)
        await asyncio.sleep(0.05)
        print('cleanup', name)

async def main():
    kept = agen('kept')
    async for x in kept:
        break
    print('main ends')

asyncio.run(main())
print('after run')
";

#[test]
fn an_async_generator_kept_in_a_returning_frame_is_closed_at_shutdown_like_cpython() {
    // python3 oracle.py of the same program: the closing task is cancelled
    // at shutdown, so its finally starts but never finishes.
    assert_eq!(
        trace_of(ASYNC_GENERATOR_AT_SHUTDOWN).transcript(),
        "{\"t\": 0.0, \"out\": \"main ends\\nagen got CancelledError\\nfinally starts kept\\n\"}
{\"t\": 0.05, \"out\": \"after run\\n\"}
{\"t\": 0.05, \"exit\": \"ok\"}
"
    );
}

#[test]
fn asyncio_internals_are_marked_so_the_page_can_fold_them() {
    let src = "\
import asyncio
async def work(n):
    await asyncio.sleep(n)
    return n
async def main():
    print(await asyncio.gather(work(0.1), work(0.2)))
    async for x in gen():
        print(x)
    for f in asyncio.as_completed([asyncio.create_task(work(0.1))]):
        print(await f)
async def gen():
    yield 1
asyncio.run(main())
";
    let trace = trace_of(src);
    assert_eq!(trace.exit, Exit::Finished);
    let what = |f: &aioscope_core::trace::Frame| {
        f.handle
            .map(|h| trace.handles[h as usize].callback.to_string())
            .unwrap_or_default()
    };
    // gather's callbacks, the sleeps' timers and run_until_complete's
    // callback are asyncio's; the tasks of the program are not.
    for f in &trace.frames {
        let callback = what(f);
        if [
            "_done_callback",
            "_run_until_complete_cb",
            "_set_result_unless_cancelled",
        ]
        .iter()
        .any(|c| callback.ends_with(c))
        {
            assert!(f.internal, "{callback} is internal");
        }
        if let Some(t) = f.task {
            let rec = &trace.tasks[t as usize];
            assert_eq!(f.internal, rec.internal, "{}", rec.coro);
            assert_eq!(rec.internal, rec.coro.contains("shutdown"), "{}", rec.coro);
        }
    }
    // After main's last step, only asyncio's clean-up runs: the last frame
    // the page shows with internals folded is the program's end.
    let visible: Vec<_> = trace.frames.iter().filter(|f| !f.internal).collect();
    assert!(matches!(
        visible.last().map(|f| &f.kind),
        Some(FrameKind::End)
    ));
    let main_last = trace
        .frames
        .iter()
        .rposition(|f| f.task == Some(0))
        .expect("main ran");
    assert!(trace.frames[main_last + 1..]
        .iter()
        .all(|f| f.internal || !matches!(f.kind, FrameKind::Step(_))));
    // as_completed's private queue is asyncio's too.
    let sync_internal: Vec<bool> = trace
        .sync
        .iter()
        .filter_map(|views| views.first().map(|(_, v)| v.internal))
        .collect();
    assert!(!sync_internal.is_empty() && sync_internal.iter().all(|i| *i));
}

/// Every frame's English sentence, quoting `src`.
fn sentences(src: &str) -> Vec<String> {
    let trace = trace_of(src);
    (0..trace.len() as u32)
        .map(|f| trace.explanation_in(f, src).en)
        .collect()
}

#[test]
fn a_cancellation_is_told_at_the_line_where_cancelled_error_arrives() {
    let src = "\
import asyncio
async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print('cleanup')
async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.5)
    t.cancel()
    await asyncio.sleep(0)
asyncio.run(main())
";
    let all = sentences(src);
    assert!(
        all.iter().any(|s| s.starts_with(
            "Task-2 resumes at line 4 (`await asyncio.sleep(10)`): CancelledError is raised there"
        ) && s.ends_with("the task ends cancelled.")),
        "{all:#?}"
    );
}

#[test]
fn semaphores_say_who_gets_them_and_who_is_next() {
    let src = "\
import asyncio
async def w(sem, d):
    async with sem:
        await asyncio.sleep(d)
async def main():
    sem = asyncio.Semaphore(1)
    await asyncio.gather(w(sem, 1), w(sem, 1), w(sem, 1))
asyncio.run(main())
";
    let all = sentences(src);
    let has = |needle: &str| all.iter().any(|s| s.contains(needle));
    assert!(has("takes the semaphore (value 0; 0 waiting)"), "{all:#?}");
    assert!(
        has("releases the semaphore (value 0; 1 waiting); Task-3 gets it next"),
        "{all:#?}"
    );
    assert!(
        has("Task-3 gets the semaphore at line 3 (`async with sem:`)"),
        "{all:#?}"
    );
}

#[test]
fn a_blocking_sleep_is_told_as_the_loop_blocked_and_the_task_goes_on_to_its_end() {
    let src = "\
import asyncio, time
async def blocker():
    time.sleep(0.6)
    return 1
async def main():
    await asyncio.gather(blocker(), asyncio.sleep(0.1))
asyncio.run(main())
";
    let trace = trace_of(src);
    let all = sentences(src);
    let i = all
        .iter()
        .position(|s| s.starts_with("The loop is blocked for 0.6 s by time.sleep on line 3"))
        .unwrap_or_else(|| panic!("{all:#?}"));
    assert!(
        all[i + 1].starts_with("time.sleep returns and Task-2 goes on"),
        "{}",
        all[i + 1]
    );
    assert!(all[i + 1].ends_with("the task is done."), "{}", all[i + 1]);
    // Time never goes back, and the task ends done.
    assert!(trace.frames.windows(2).all(|w| w[0].t <= w[1].t));
    let last = trace.tasks[1].views.last().map(|(_, v)| v.state);
    assert_eq!(last, Some(TaskState::Done));
}

#[test]
fn threads_without_a_loop_are_told_without_one() {
    let src = "\
import threading, time
def spin():
    time.sleep(0.5)
t = threading.Thread(target=spin)
t.start()
time.sleep(1)
t.join()
";
    let all = sentences(src);
    assert!(all.iter().all(|s| !s.contains("the loop")), "{all:#?}");
}

#[test]
fn the_exchanges_with_the_virtual_internet_are_recorded_with_their_answers() {
    let src = "\
import asyncio, httpx
async def main():
    async with httpx.AsyncClient() as c:
        for cc in ['cn', 'cd']:
            r = await c.get(f'http://flags.test/flags/{cc}/{cc}.gif')
            print(r.status_code)
asyncio.run(main())
";
    let trace = trace_of(src);
    assert_eq!(trace.exit, Exit::Finished, "{}", trace.stderr);
    let seen: Vec<(&str, &str, Option<u16>)> = trace
        .requests
        .iter()
        .map(|r| (r.host.as_str(), r.url.as_str(), r.status))
        .collect();
    assert_eq!(
        seen,
        [
            ("flags.test", "http://flags.test/flags/cn/cn.gif", Some(200)),
            ("flags.test", "http://flags.test/flags/cd/cd.gif", Some(404)),
        ]
    );
    assert!(trace.requests.iter().all(|r| r.seconds > 0.0));
    assert!(trace.requests[0].at < trace.requests[1].at);
}

#[test]
fn an_old_style_coroutine_runs_as_python_3_10_and_fails_as_3_11() {
    let src = "\
import asyncio
@asyncio.coroutine
def slow():
    yield from asyncio.sleep(3)
    return 42
@asyncio.coroutine
def supervisor():
    result = yield from slow()
    print('Answer', result)
asyncio.get_event_loop().run_until_complete(supervisor())
";
    let old = Options {
        python: PythonVersion::V3_10,
        ..Options::default()
    };
    let trace = run(src, "main.py", &old);
    assert_eq!(trace.exit, Exit::Finished);
    // stdout's first record (stderr has the decorator's DeprecationWarnings
    // at t = 0, as 3.10 writes them).
    assert_eq!(
        export::transcript(&trace)
            .lines()
            .find(|l| l.contains("\"out\"")),
        Some("{\"t\": 3.0, \"out\": \"Answer 42\\n\"}")
    );
    assert!(export::transcript(&trace).starts_with(
        "{\"t\": 0.0, \"err\": \"main.py:3: DeprecationWarning: \\\"@coroutine\\\" decorator"
    ));
    let trace = run(src, "main.py", &Options::default());
    assert_eq!(
        trace.exit.summary(),
        "AttributeError: module 'asyncio' has no attribute 'coroutine'"
    );
}

#[test]
fn every_thread_is_listed_with_what_it_does_and_no_loop_is_told() {
    use aioscope_core::trace::ThreadDoing;
    let src = "\
import threading
import time

def spin():
    for _ in range(3):
        time.sleep(0.1)

t = threading.Thread(target=spin)
t.start()
time.sleep(1)
t.join()
";
    let trace = trace_of(src);
    // While the spinner runs, MainThread sleeps until t = 1.0.
    let at = trace
        .frames
        .iter()
        .position(|f| matches!(f.kind, FrameKind::Thread { .. }))
        .expect("the thread ran") as u32;
    let threads = trace.threads_at(at);
    assert_eq!(&*threads[0].name, "MainThread");
    assert_eq!(threads[0].doing, ThreadDoing::Sleeping { until: 1.0 });
    assert_eq!(&*threads[1].name, "Thread-1 (spin)");
    assert!(matches!(threads[1].doing, ThreadDoing::Sleeping { .. }));
    let said = trace.explanation(at).en;
    assert!(said.contains("sleeps until t = 0.1 s"), "{said}");
    // Frames of a program without a loop never speak of one, and the
    // clock never "jumps from 1.0 s to 1.0 s".
    for i in 0..trace.len() as u32 {
        let said = trace.explanation(i).en;
        assert!(!said.contains("loop"), "frame {i}: {said}");
        if let Some((a, b)) = said.split_once(" s to ") {
            let from = a.rsplit(' ').next().unwrap();
            let to = b.split(' ').next().unwrap();
            assert_ne!(from, to, "frame {i}: {said}");
        }
    }
    // At the end every thread has finished.
    let last = trace.threads_at(trace.len() as u32 - 1);
    assert!(last
        .iter()
        .skip(1)
        .all(|t| t.doing == ThreadDoing::Finished));
}
