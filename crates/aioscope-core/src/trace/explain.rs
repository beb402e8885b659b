//! The one-sentence explanation of each frame, in English and Chinese.
//! Sentences say what the loop did and why, in the words of the tutorials.

use crate::aio::observer::StepKind;
use crate::vm::pyfmt::float_repr;

use super::{
    Awaiting, Deadlock, Exit, Explanation, FrameIx, FrameKind, GroupKind, HandleIx, HandleRec,
    Limit, SyncState, SyncView, TaskIx, TaskState, TaskView, ThreadDoing, Trace,
};

fn both(en: String, zh: String) -> Explanation {
    Explanation { en, zh }
}

fn secs(t: f64) -> String {
    let r: f64 = format!("{:.6}", t).parse().unwrap_or(t);
    float_repr(r)
}

/// The first frame.
fn start(has_loop: bool) -> Explanation {
    if has_loop {
        both(
            "The program starts; the event loop has not run anything yet.".into(),
            "程序开始运行；事件循环还没有执行任何东西。".into(),
        )
    } else {
        both("The program starts.".into(), "程序开始运行。".into())
    }
}

/// Code that ran outside the loop (in a program without one, the main
/// thread's code).
fn main_program(has_loop: bool) -> Explanation {
    if has_loop {
        both(
            "The main program runs outside the event loop (plain synchronous code).".into(),
            "主程序在事件循环之外运行（普通的同步代码）。".into(),
        )
    } else {
        both(
            "The main thread runs the program's code.".into(),
            "主线程运行程序的代码。".into(),
        )
    }
}

/// What a thread does, as the end of a sentence about it: "sleeps until
/// t = 3.0 s".
pub fn thread_doing(doing: &ThreadDoing) -> Explanation {
    let until = |u: &Option<f64>| match u {
        Some(t) => (
            format!(" (at most until t = {} s)", secs(*t)),
            format!("（最多到 t = {} 秒）", secs(*t)),
        ),
        None => (String::new(), String::new()),
    };
    match doing {
        ThreadDoing::NotStarted => both("is not started yet".into(), "尚未启动".into()),
        ThreadDoing::Ready => both("is ready to run".into(), "已就绪，等待运行".into()),
        ThreadDoing::Running => both("is running".into(), "正在运行".into()),
        ThreadDoing::Sleeping { until } => both(
            format!("sleeps until t = {} s (time.sleep)", secs(*until)),
            format!("在 time.sleep 中睡眠，直到 t = {} 秒", secs(*until)),
        ),
        ThreadDoing::Lock { until: u } => {
            let (e, z) = until(u);
            both(
                format!("waits to take a lock{}", e),
                format!("等待获取一把锁{}", z),
            )
        }
        ThreadDoing::Join { thread, until: u } => {
            let (e, z) = until(u);
            both(
                format!("waits for {} to end (join){}", thread, e),
                format!("等待 {} 结束（join）{}", thread, z),
            )
        }
        ThreadDoing::Loop { until: Some(t) } => both(
            format!(
                "runs the event loop, which waits for its next timer at t = {} s",
                secs(*t)
            ),
            format!(
                "运行事件循环，循环在等待下一个定时器（t = {} 秒）",
                secs(*t)
            ),
        ),
        ThreadDoing::Loop { until: None } => both(
            "runs the event loop, which waits for a callback from another thread".into(),
            "运行事件循环，循环在等待其他线程提交的回调".into(),
        ),
        ThreadDoing::Blocked => both("is blocked".into(), "处于阻塞状态".into()),
        ThreadDoing::Finished => both("has finished".into(), "已结束".into()),
    }
}

/// The last frame.
pub fn end(exit: &Exit) -> Explanation {
    match exit {
        Exit::Finished => both("The program has finished.".into(), "程序运行结束。".into()),
        Exit::Exception(u) => {
            let what = exit.summary();
            match u.line {
                Some(l) => both(
                    format!(
                        "The program stopped with an uncaught exception from line {}: {}",
                        l, what
                    ),
                    format!("程序因未捕获的异常而终止（第 {} 行）：{}", l, what),
                ),
                None => both(
                    format!("The program stopped with an uncaught exception: {}", what),
                    format!("程序因未捕获的异常而终止：{}", what),
                ),
            }
        }
        Exit::Limit(limit) => {
            let (en, zh) = match limit {
                Limit::Instructions(n) => (
                    format!("{} instructions ran without the program finishing (an endless loop that never awaits?)", n),
                    format!("执行了 {} 条指令程序仍未结束（是否有从不 await 的死循环？）", n),
                ),
                Limit::Iterations(n) => (
                    format!("The event loop ran {} iterations without the program finishing.", n),
                    format!("事件循环运行了 {} 轮，程序仍未结束。", n),
                ),
                Limit::VirtualTime(s) => (
                    format!("The virtual clock would pass {} s: the run was stopped there.", s),
                    format!("虚拟时钟将超过 {} 秒，运行在此停止。", s),
                ),
                Limit::TooMany { what, limit } => (
                    format!("More than {} {} were created: the run was stopped.", limit, what),
                    format!("创建的{}超过 {} 个，运行已停止。", if what == "threads" { "线程" } else { "任务" }, limit),
                ),
            };
            both(en, zh)
        }
        Exit::Deadlock(Deadlock::Loop) => both(
            "Nothing is ready and no timer is scheduled: the event loop would wait forever.".into(),
            "没有就绪的回调，也没有定时器：事件循环将永远等待下去。".into(),
        ),
        Exit::Deadlock(Deadlock::Threads) => both(
            "Every thread is blocked and nothing can wake them: a deadlock.".into(),
            "所有线程都被阻塞，且没有任何东西能唤醒它们：死锁。".into(),
        ),
        Exit::Stopped { frames } => both(
            format!("You stopped the program after {} frames.", frames),
            format!("你在 {} 帧之后停止了程序。", frames),
        ),
        Exit::Running { frames } => both(
            format!(
                "The program is still running: this copy ends with the {} frames recorded so far.",
                frames
            ),
            format!("程序仍在运行：这份副本只包含目前已记录的 {} 帧。", frames),
        ),
        Exit::Internal(msg) => both(
            format!(
                "The simulator failed (a bug of aioscope's, not of the program): {}",
                msg
            ),
            format!(
                "模拟器出错（这是 aioscope 的缺陷，不是程序的问题）：{}",
                msg
            ),
        ),
    }
}

fn task_name(trace: &Trace, t: TaskIx, at: FrameIx) -> String {
    trace
        .task_at(t, at)
        .map(|v| v.name.to_string())
        .unwrap_or_else(|| format!("task {}", t))
}

/// What the sentences need to know about the program's text.
struct Ctx<'a> {
    trace: &'a Trace,
    source: Option<&'a str>,
    at: FrameIx,
}

impl Ctx<'_> {
    /// Line `n` of the program, trimmed, for quoting (`None` without the
    /// source or past its end).
    fn code(&self, n: u32) -> Option<String> {
        let line = self.source?.lines().nth(n.checked_sub(1)? as usize)?.trim();
        (!line.is_empty()).then(|| {
            if line.chars().count() > 60 {
                format!("{}…", line.chars().take(59).collect::<String>())
            } else {
                line.to_string()
            }
        })
    }

    /// " at line N (`code`)" / "第 N 行（`code`）".
    fn at_line(&self, n: u32) -> (String, String) {
        match self.code(n) {
            Some(c) => (
                format!("line {} (`{}`)", n, c),
                format!("第 {} 行（`{}`）", n, c),
            ),
            None => (format!("line {}", n), format!("第 {} 行", n)),
        }
    }

    fn name(&self, t: TaskIx) -> String {
        task_name(self.trace, t, self.at)
    }

    /// The synchronisation objects before and after this frame, paired by
    /// object.
    fn sync_changes(&self) -> Vec<(Option<&SyncView>, &SyncView)> {
        let before = if self.at == 0 {
            Vec::new()
        } else {
            self.trace.sync_at(self.at - 1)
        };
        self.trace
            .sync
            .iter()
            .filter_map(|views| {
                let (f, now) = views.iter().rev().find(|(f, _)| *f <= self.at)?;
                if *f != self.at {
                    return None;
                }
                let was = before.iter().find(|b| b.id == now.id).copied();
                Some((was, now))
            })
            .collect()
    }
}

/// How a task was before the step at `at` made it run: its last view
/// before, going back past its "ready" views (woken, not yet run) to the
/// one that said what it waited for.
fn before_step(trace: &Trace, t: TaskIx, at: FrameIx) -> Option<(FrameIx, &TaskView)> {
    let views = &trace.tasks.get(t as usize)?.views;
    let end = views.partition_point(|(f, _)| *f < at);
    let mut last = None;
    for (f, v) in views[..end].iter().rev() {
        last = Some((*f, v));
        if !matches!(v.state, TaskState::Ready | TaskState::Running) {
            break;
        }
    }
    last
}

/// The innermost line of the program a task is at.
fn user_line(v: &TaskView) -> Option<u32> {
    v.stack.iter().rev().find(|e| e.user).map(|e| e.line)
}

fn sync_word(v: &SyncView) -> (&'static str, &'static str) {
    match v.state {
        SyncState::Lock { .. } => ("the lock", "锁"),
        SyncState::Semaphore { .. } => ("the semaphore", "信号量"),
        SyncState::Event { .. } => ("the event", "事件"),
        SyncState::Condition { .. } => ("the condition", "条件变量"),
        SyncState::Queue { .. } => ("the queue", "队列"),
    }
}

fn semaphore_state(value: i64, waiting: u32) -> (String, String) {
    (
        format!("value {}; {} waiting", value, waiting),
        format!("值为 {}；{} 个在等待", value, waiting),
    )
}

/// What a task waits for, after "waits for".
fn awaiting_words(cx: &Ctx, t: TaskIx, v: &TaskView) -> (String, String) {
    let on_sync = cx
        .trace
        .sync_at(cx.at)
        .into_iter()
        .find(|s| s.waiters.contains(&t) || s.putters.contains(&t));
    if let Some(s) = on_sync {
        let (en, zh) = sync_word(s);
        return match (&s.state, s.putters.contains(&t)) {
            (SyncState::Semaphore { value, .. }, _) => {
                let (se, sz) = semaphore_state(*value, s.waiting);
                (format!("{} ({})", en, se), format!("{}（{}）", zh, sz))
            }
            (SyncState::Queue { .. }, true) => ("room in the queue".into(), "队列中的空位".into()),
            (SyncState::Queue { .. }, false) => {
                ("an item from the queue".into(), "队列中的元素".into())
            }
            _ => (en.into(), zh.into()),
        };
    }
    match &v.awaiting {
        Some(Awaiting::Timer { when, .. }) => (
            format!("its sleep (until t = {} s)", secs(*when)),
            format!("它的 sleep（直到 t = {} 秒）", secs(*when)),
        ),
        Some(Awaiting::Task(x)) => (cx.name(*x), cx.name(*x)),
        Some(Awaiting::Group { kind, total, .. }) => (
            format!("{}() of {} awaitables", kind.name(), total),
            format!("{}()（共 {} 个）", kind.name(), total),
        ),
        Some(Awaiting::Yield) => ("one loop iteration".into(), "一轮事件循环".into()),
        Some(Awaiting::Future) | None => ("a future".into(), "一个 future".into()),
    }
}

/// Why a task resumed in this step: what its previous view awaited.
/// The opening of a task step's sentence, and the synchronisation object
/// it says the task was handed (so the rest does not say it again).
fn resumed_because(
    cx: &Ctx,
    t: TaskIx,
    since: FrameIx,
    was: &TaskView,
    now: &TaskView,
) -> ((String, String), Option<u32>) {
    let name = cx.name(t);
    let (line_en, line_zh) = match user_line(was) {
        Some(l) => cx.at_line(l),
        None => ("its await".into(), "它的 await 处".into()),
    };
    // A cancel requested since it began to wait is delivered now.
    let requested = cx
        .at
        .checked_sub(1)
        .and_then(|p| cx.trace.task_at(t, p))
        .map_or(0, |v| v.cancelling);
    let cancelled_in = requested > 0
        && (now.cancelling < requested
            || now.state == TaskState::Cancelled
            || now.outcome.is_some());
    if cancelled_in {
        return (
            (
                format!(
                    "{} resumes at {}: CancelledError is raised there",
                    name, line_en
                ),
                format!(
                    "{} 在{}恢复运行：CancelledError 在那里被抛出",
                    name, line_zh
                ),
            ),
            None,
        );
    }
    // Handed a lock, a semaphore, an event or a queue's item? It was in
    // the object's line when it began to wait.
    let before = cx.trace.sync_at(since);
    if let Some(s) = before
        .iter()
        .find(|s| s.waiters.contains(&t) || s.putters.contains(&t))
    {
        let now_s = cx.trace.sync_at(cx.at).into_iter().find(|n| n.id == s.id);
        let said = match (&s.state, s.putters.contains(&t)) {
            (SyncState::Semaphore { .. }, _) => {
                let (value, waiting) = match now_s.map(|n| (&n.state, n.waiting)) {
                    Some((SyncState::Semaphore { value, .. }, w)) => (*value, w),
                    _ => (0, 0),
                };
                let (se, sz) = semaphore_state(value, waiting);
                (
                    format!("{} gets the semaphore at {} ({})", name, line_en, se),
                    format!("{} 在{}获得信号量（{}）", name, line_zh, sz),
                )
            }
            (SyncState::Lock { .. }, _) | (SyncState::Condition { .. }, _) => (
                format!("{} gets the lock at {}", name, line_en),
                format!("{} 在{}获得锁", name, line_zh),
            ),
            (SyncState::Event { .. }, _) => (
                format!("{} sees the event set at {}", name, line_en),
                format!("{} 在{}看到事件已被置位", name, line_zh),
            ),
            (SyncState::Queue { .. }, true) => (
                format!("{} finds room in the queue at {}", name, line_en),
                format!("{} 在{}等到队列有空位", name, line_zh),
            ),
            (SyncState::Queue { .. }, false) => (
                format!("{} gets an item from the queue at {}", name, line_en),
                format!("{} 在{}从队列取到元素", name, line_zh),
            ),
        };
        return (said, Some(s.id));
    }
    let said = match &was.awaiting {
        Some(Awaiting::Timer { .. }) => (
            format!("{} wakes up: its sleep at {} is over", name, line_en),
            format!("{} 被唤醒：它在{}的 sleep 结束了", name, line_zh),
        ),
        Some(Awaiting::Task(x)) => (
            format!("{} resumes at {}: {} is done", name, line_en, cx.name(*x)),
            format!("{} 在{}恢复运行：{} 已完成", name, line_zh, cx.name(*x)),
        ),
        Some(Awaiting::Group { kind, tasks, total }) => {
            let done = tasks
                .iter()
                .filter(|m| {
                    cx.trace.task_at(**m, cx.at).is_some_and(|v| {
                        matches!(
                            v.state,
                            TaskState::Done | TaskState::Failed | TaskState::Cancelled
                        )
                    })
                })
                .count();
            match kind {
                GroupKind::Gather => (
                    format!(
                        "{} resumes at {}: gather() of {} is done",
                        name, line_en, total
                    ),
                    format!(
                        "{} 在{}恢复运行：gather()（共 {} 个）已完成",
                        name, line_zh, total
                    ),
                ),
                GroupKind::Wait if (tasks.len() as u32) == *total => (
                    format!(
                        "wait() at {} returns: {} done, {} pending",
                        line_en,
                        done,
                        *total as usize - done
                    ),
                    format!(
                        "{}的 wait() 返回：{} 个已完成，{} 个未完成",
                        line_zh,
                        done,
                        *total as usize - done
                    ),
                ),
                GroupKind::Wait => (
                    format!("wait() at {} returns", line_en),
                    format!("{}的 wait() 返回", line_zh),
                ),
                GroupKind::WaitFor => (
                    format!("wait_for() at {} is over for {}", line_en, name),
                    format!("{}的 wait_for() 对 {} 结束", line_zh, name),
                ),
            }
        }
        Some(Awaiting::Yield) => (
            format!(
                "{} runs again after giving up the loop for one iteration",
                name
            ),
            format!("{} 让出事件循环一轮后再次运行", name),
        ),
        Some(Awaiting::Future) | None => (
            format!(
                "{} resumes at {}: the future it awaited is done",
                name, line_en
            ),
            format!("{} 在{}恢复运行：它等待的 future 已完成", name, line_zh),
        ),
    };
    (said, None)
}

/// What the step did to locks, semaphores, events and queues, besides
/// the task getting one (said already): takes and releases.
fn sync_effects(
    cx: &Ctx,
    running: Option<TaskIx>,
    handed_already: Option<u32>,
) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (was, now) in cx.sync_changes() {
        if now.internal || Some(now.id) == handed_already {
            continue;
        }
        let Some(was) = was else { continue };
        // The task that gets it next: the first waiter no longer waiting.
        let handed = was
            .waiters
            .iter()
            .find(|w| !now.waiters.contains(w) && Some(**w) != running)
            .copied();
        let next = |en: &str, zh: &str| match handed {
            Some(w) => (
                format!("{}; {} gets it next", en, cx.name(w)),
                format!("{}；下一个得到它的是 {}", zh, cx.name(w)),
            ),
            None => (en.to_string(), zh.to_string()),
        };
        match (&was.state, &now.state) {
            (SyncState::Semaphore { value: a, .. }, SyncState::Semaphore { value: b, .. }) => {
                let (se, sz) = semaphore_state(*b, now.waiting);
                if b < a && handed.is_none() && running.is_some() && was.waiters == now.waiters {
                    out.push((
                        format!("takes the semaphore ({})", se),
                        format!("获得信号量（{}）", sz),
                    ));
                } else if b > a || handed.is_some() {
                    out.push(next(
                        &format!("releases the semaphore ({})", se),
                        &format!("释放信号量（{}）", sz),
                    ));
                }
            }
            (SyncState::Lock { locked: false }, SyncState::Lock { locked: true })
                if now.waiters == was.waiters =>
            {
                out.push(("takes the lock".into(), "获得锁".into()))
            }
            (SyncState::Lock { locked: true }, SyncState::Lock { .. }) if handed.is_some() => {
                out.push(next("releases the lock", "释放锁"))
            }
            (SyncState::Lock { locked: true }, SyncState::Lock { locked: false }) => {
                out.push(("releases the lock".into(), "释放锁".into()))
            }
            (SyncState::Event { set: false }, SyncState::Event { set: true }) => out.push((
                format!("sets the event ({} waiting wake up)", was.waiting),
                format!("将事件置位（{} 个等待者被唤醒）", was.waiting),
            )),
            (SyncState::Queue { len: a, .. }, SyncState::Queue { len: b, .. }) if a != b => out
                .push((
                    format!("the queue now holds {} items", b),
                    format!("队列现在有 {} 个元素", b),
                )),
            _ => {}
        }
    }
    out
}

/// A step of a task: how it resumed, what it did, where it stopped.
fn task_step(cx: &Ctx, step: StepKind, t: TaskIx) -> Explanation {
    let trace = cx.trace;
    let at = cx.at;
    let name = cx.name(t);
    let now = trace.task_at(t, at);
    let was = before_step(trace, t, at);
    // The end of a step that blocked in time.sleep: the frame before is
    // the sleep, in this very step.
    let after_sleep = at
        .checked_sub(1)
        .and_then(|p| trace.frame(p))
        .is_some_and(|f| matches!(f.kind, FrameKind::BlockingSleep { .. }) && f.task == Some(t));
    let mut handed = None;
    let (mut en, mut zh) = match (was, now) {
        _ if after_sleep => (
            format!("time.sleep returns and {} goes on", name),
            format!("time.sleep 返回，{} 继续运行", name),
        ),
        (Some((_, w)), _) if w.state == TaskState::Created => (
            format!(
                "{} starts: {}() runs from its first line",
                name,
                co_name(&trace.tasks[t as usize].coro)
            ),
            format!(
                "{} 开始运行：{}() 从第一行开始执行",
                name,
                co_name(&trace.tasks[t as usize].coro)
            ),
        ),
        (Some((since, w)), Some(n)) => {
            let (said, id) = resumed_because(cx, t, since, w, n);
            handed = id;
            said
        }
        _ if step == StepKind::TaskStep => (format!("{} runs", name), format!("{} 运行", name)),
        _ => (format!("{} wakes up", name), format!("{} 被唤醒", name)),
    };
    for (e, z) in sync_effects(cx, Some(t), handed) {
        en.push_str(", ");
        en.push_str(&e);
        zh.push('，');
        zh.push_str(&z);
    }
    let (then_en, then_zh) = match now {
        Some(v) => match v.state {
            TaskState::Waiting => {
                let (what_en, what_zh) = awaiting_words(cx, t, v);
                match user_line(v) {
                    Some(l) => {
                        let (le, lz) = cx.at_line(l);
                        (
                            format!("then waits at {} for {}.", le, what_en),
                            format!("然后在{}等待{}。", lz, what_zh),
                        )
                    }
                    None => (
                        format!("then waits for {}.", what_en),
                        format!("然后等待{}。", what_zh),
                    ),
                }
            }
            TaskState::Ready | TaskState::Created | TaskState::Running => (
                "then gives up the loop for one iteration (like await asyncio.sleep(0)).".into(),
                "然后让出事件循环一轮（如 await asyncio.sleep(0)）。".into(),
            ),
            TaskState::Done => (
                format!(
                    "and returns ({}): the task is done.",
                    v.outcome.as_deref().unwrap_or("result=None")
                ),
                format!(
                    "然后返回（{}），任务完成。",
                    v.outcome.as_deref().unwrap_or("result=None")
                ),
            ),
            TaskState::Failed => (
                format!(
                    "and raises ({}): the task has failed.",
                    v.outcome.as_deref().unwrap_or("exception")
                ),
                format!(
                    "然后抛出异常（{}），任务失败。",
                    v.outcome.as_deref().unwrap_or("exception")
                ),
            ),
            TaskState::Cancelled => (
                "and the task ends cancelled.".into(),
                "任务以取消状态结束。".into(),
            ),
        },
        None => (String::from("."), String::from("。")),
    };
    both(
        format!("{}, {}", en, then_en),
        format!("{}，{}", zh, then_zh),
    )
}

/// The last component of a qualname.
fn co_name(qualname: &str) -> &str {
    qualname.rsplit('.').next().unwrap_or(qualname)
}

/// A callback step that is not a task's: what it does for the program's
/// tasks.
fn callback_step(cx: &Ctx, step: StepKind, h: &HandleRec) -> Explanation {
    let trace = cx.trace;
    let arg = h.arg_task.map(|t| cx.name(t));
    let callback = co_name(&h.callback);
    // Tasks it wakes: those whose wake-up entered the ready queue here.
    let woken: Vec<String> = {
        let before: Vec<HandleIx> = cx
            .at
            .checked_sub(1)
            .map(|p| trace.ready_at(p).to_vec())
            .unwrap_or_default();
        trace
            .ready_at(cx.at)
            .iter()
            .filter(|r| !before.contains(r))
            .filter_map(|r| trace.handles[*r as usize].task)
            .map(|t| cx.name(t))
            .collect()
    };
    let woken_en = if woken.is_empty() {
        String::new()
    } else {
        format!(": {} will wake up", woken.join(", "))
    };
    let woken_zh = if woken.is_empty() {
        String::new()
    } else {
        format!("，{} 将被唤醒", woken.join("、"))
    };
    // Callbacks told by their full name first, where the last part alone
    // is ambiguous.
    match &*h.callback {
        "as_completed.<locals>._on_timeout" => {
            return both(
                format!("as_completed()'s timeout passes: what is not done yet will raise TimeoutError{}.", woken_en),
                format!("as_completed() 的超时时间已到：尚未完成的部分将抛出 TimeoutError{}。", woken_zh),
            )
        }
        "TaskGroup._on_task_done" => {
            return both(
                format!(
                    "The TaskGroup notes that {} is done{}.",
                    arg.clone().unwrap_or_else(|| "one of its tasks".into()),
                    woken_en
                ),
                format!(
                    "TaskGroup 记下 {} 已完成{}。",
                    arg.clone().unwrap_or_else(|| "其中一个任务".into()),
                    woken_zh
                ),
            )
        }
        "TimerContext.timeout" => {
            return both(
                format!("aiohttp's request timeout is due: the request's task is cancelled (it will raise asyncio.TimeoutError){}.", woken_en),
                format!("aiohttp 请求的超时时间已到：请求所在的任务被取消（它将抛出 asyncio.TimeoutError）{}。", woken_zh),
            )
        }
        "_chain_future.<locals>._set_state" => {
            return both(
                format!("A thread's job is over: its result is copied into the asyncio future awaiting it{}.", woken_en),
                format!("线程中的任务完成了：结果被复制到等待它的 asyncio future 中{}。", woken_zh),
            )
        }
        "_chain_future.<locals>._call_check_cancel" => {
            return both(
                format!("The future of a thread's job is done: asyncio checks whether the job should be cancelled too (only if the future was){}.", woken_en),
                format!("线程任务的 future 已完成：asyncio 检查是否也要取消该任务（仅当 future 被取消时）{}。", woken_zh),
            )
        }
        _ => {}
    }
    match callback {
        "_set_result_unless_cancelled" => both(
            format!("A sleep's timer is due{}.", woken_en),
            format!("一个 sleep 的定时器到期{}。", woken_zh),
        ),
        "_done_callback" => match &arg {
            Some(a) => both(
                format!("gather() notes that {} is done{}.", a, woken_en),
                format!("gather() 记下 {} 已完成{}。", a, woken_zh),
            ),
            None => both(
                format!(
                    "gather() notes that one of its awaitables is done{}.",
                    woken_en
                ),
                format!("gather() 记下其中一个已完成{}。", woken_zh),
            ),
        },
        "_run_until_complete_cb" => both(
            format!(
                "{} is done, so run_until_complete() stops the loop after this iteration.",
                arg.clone().unwrap_or_else(|| "Its future".into())
            ),
            format!(
                "{} 已完成，所以 run_until_complete() 在这一轮之后停止事件循环。",
                arg.unwrap_or_else(|| "它的 future".into())
            ),
        ),
        "_release_waiter" => both(
            format!(
                "A wait is over (a timeout, or what it waited for is done){}.",
                woken_en
            ),
            format!("一次等待结束了（超时，或所等待的对象已完成）{}。", woken_zh),
        ),
        "_on_completion" => both(
            format!(
                "{} is done: wait() or as_completed() takes note{}.",
                arg.clone().unwrap_or_else(|| "A future".into()),
                woken_en
            ),
            format!(
                "{} 已完成：wait() 或 as_completed() 记下了这一点{}。",
                arg.unwrap_or_else(|| "一个 future".into()),
                woken_zh
            ),
        ),
        "_on_timeout" => both(
            "The asyncio.timeout() deadline passes: the task inside it is cancelled.".into(),
            "asyncio.timeout() 的期限已到：其中的任务被取消。".into(),
        ),
        "_inner_done_callback" | "_outer_done_callback" => both(
            format!(
                "shield() passes on what happened between its inner and outer future{}.",
                woken_en
            ),
            format!("shield() 在内外两个 future 之间传递结果{}。", woken_zh),
        ),
        "cancel" if h.of_task.is_some() => {
            let t = h.of_task.map(|t| cx.name(t)).unwrap_or_default();
            both(
                format!("The loop calls {}.cancel(): CancelledError will be raised in {} at its next step.", t, t),
                format!("事件循环调用 {}.cancel()：CancelledError 会在 {} 的下一步中被抛出。", t, t),
            )
        }
        _ => {
            let how = match step {
                StepKind::Timer => ("A timer is due: the loop calls", "定时器到期：事件循环调用"),
                StepKind::FutureCallback => (
                    "A future is done, so the loop runs its done-callback",
                    "一个 future 已完成，事件循环运行它的完成回调",
                ),
                _ => ("The loop runs the callback", "事件循环运行回调"),
            };
            both(
                format!("{} {}{}.", how.0, h.what, woken_en),
                format!("{} {}{}。", how.1, h.what, woken_zh),
            )
        }
    }
}

/// A frame in the middle of the run.
pub fn frame(trace: &Trace, source: Option<&str>, at: FrameIx) -> Explanation {
    let Some(f) = trace.frame(at) else {
        return Explanation::default();
    };
    let cx = Ctx { trace, source, at };
    // A program whose threads run without an event loop.
    let has_loop = !trace.iterations.is_empty();
    match &f.kind {
        FrameKind::Start => start(has_loop),
        FrameKind::Main => main_program(has_loop),
        FrameKind::End => end(&trace.exit),
        FrameKind::ClockJump { from } => {
            // The threads whose wait ends then, as they were before (the
            // loop's own thread aside: it waits for the timer).
            let woken: Vec<&str> = trace
                .threads_at(at.saturating_sub(1))
                .iter()
                .filter(|v| {
                    let until = match &v.doing {
                        ThreadDoing::Sleeping { until } => Some(*until),
                        ThreadDoing::Lock { until } | ThreadDoing::Join { until, .. } => *until,
                        ThreadDoing::Loop { until } if !has_loop => *until,
                        _ => None,
                    };
                    until.is_some_and(|u| (u - f.t).abs() < 1e-9)
                })
                .map(|v| &*v.name)
                .collect();
            let (je, jz) = if secs(*from) == secs(f.t) {
                (
                    format!(
                        "the clock moves on by less than a microsecond (t = {} s)",
                        secs(f.t)
                    ),
                    format!("虚拟时钟前进了不到一微秒（t = {} 秒）", secs(f.t)),
                )
            } else {
                (
                    format!("the clock jumps from {} s to {} s", secs(*from), secs(f.t)),
                    format!("虚拟时钟从 {} 秒跳到 {} 秒", secs(*from), secs(f.t)),
                )
            };
            let (ne, nz) = match woken.as_slice() {
                [] => (String::new(), String::new()),
                [one] => (one.to_string(), one.to_string()),
                [rest @ .., last] => (
                    format!("{} and {}", rest.join(", "), last),
                    woken.join("、"),
                ),
            };
            match (has_loop, woken.is_empty()) {
                (true, true) => both(
                    format!(
                        "Nothing is ready, so the loop waits: {}, when the earliest timer is due.",
                        je
                    ),
                    format!(
                        "没有就绪的任务，循环开始等待：{}，即最早的定时器到期的时刻。",
                        jz
                    ),
                ),
                (true, false) => both(
                    format!(
                        "Nothing is ready, so the loop waits: {}, when {} can go on.",
                        je, ne
                    ),
                    format!(
                        "没有就绪的任务，循环开始等待：{}，这时 {} 可以继续。",
                        jz, nz
                    ),
                ),
                (false, true) => both(
                    format!(
                        "Every thread is blocked: {}, when the first of them can go on.",
                        je
                    ),
                    format!("所有线程都在阻塞中：{}，直到其中第一个可以继续。", jz),
                ),
                (false, false) => both(
                    format!("Every thread is blocked: {}, when {} can go on.", je, ne),
                    format!("所有线程都在阻塞中：{}，这时 {} 可以继续。", jz, nz),
                ),
            }
        }
        FrameKind::Thread { name } => {
            let after = trace
                .threads_at(at)
                .iter()
                .find(|v| v.name == *name)
                .map(|v| &v.doing);
            match after {
                Some(ThreadDoing::Finished) => both(
                    format!(
                        "The thread {} runs (the others are blocked) until it ends.",
                        name
                    ),
                    format!("线程 {} 运行（其他线程都在阻塞中），直到它结束。", name),
                ),
                Some(
                    doing @ (ThreadDoing::Sleeping { .. }
                    | ThreadDoing::Lock { .. }
                    | ThreadDoing::Join { .. }
                    | ThreadDoing::Loop { .. }),
                ) => {
                    let d = thread_doing(doing);
                    both(
                        format!(
                            "The thread {} runs (the others are blocked); now it {}.",
                            name, d.en
                        ),
                        format!("线程 {} 运行（其他线程都在阻塞中）；现在它{}。", name, d.zh),
                    )
                }
                _ => both(
                    format!(
                        "The thread {} runs (the others are blocked) until it blocks or ends.",
                        name
                    ),
                    format!(
                        "线程 {} 运行（其他线程都在阻塞中），直到它阻塞或结束。",
                        name
                    ),
                ),
            }
        }
        FrameKind::Interrupt { .. } => both(
            format!(
                "Ctrl+C at {} s: the signal arrives while the program waits, and Python's SIGINT handler runs there. The default handler raises KeyboardInterrupt out of the wait (out of run_until_complete() when the loop was waiting); asyncio.run() has its own, which cancels the main task instead.",
                secs(f.t)
            ),
            format!(
                "{} 秒时按下 Ctrl+C：信号在程序等待时到达，Python 的 SIGINT 处理函数就在这里运行。默认的处理函数让 KeyboardInterrupt 从等待处抛出（循环在等待时，就从 run_until_complete() 中抛出）；asyncio.run() 有自己的处理函数，改为取消主任务。",
                secs(f.t)
            ),
        ),
        FrameKind::BlockingSleep { seconds } => {
            let (le, lz) = match f.line {
                Some(l) => {
                    let (e, z) = cx.at_line(l);
                    (format!(" on {}", e), format!("（{}）", z))
                }
                None => (String::new(), String::new()),
            };
            if f.task.is_some() || has_loop {
                both(
                    format!(
                        "The loop is blocked for {} s by time.sleep{}: nothing else can run until t = {} s.",
                        secs(*seconds),
                        le,
                        secs(f.t)
                    ),
                    format!(
                        "事件循环被 time.sleep{}阻塞了 {} 秒：在 t = {} 秒之前，其他任何代码都不能运行。",
                        lz,
                        secs(*seconds),
                        secs(f.t)
                    ),
                )
            } else {
                both(
                    format!(
                        "time.sleep{} blocks the main thread for {} s; other threads can run meanwhile.",
                        le,
                        secs(*seconds)
                    ),
                    format!(
                        "time.sleep{}让主线程阻塞 {} 秒；其他线程可以在此期间运行。",
                        lz,
                        secs(*seconds)
                    ),
                )
            }
        }
        FrameKind::Step(step) => match (step, f.task, f.handle) {
            (StepKind::TaskStep | StepKind::FutureCallback, Some(t), _) => task_step(&cx, *step, t),
            (_, _, Some(h)) => match trace.handles.get(h as usize) {
                Some(rec) => callback_step(&cx, *step, rec),
                None => Explanation::default(),
            },
            _ => both(
                "The loop runs a callback from its ready queue.".into(),
                "事件循环从就绪队列中取出一个回调并运行。".into(),
            ),
        },
    }
}
