//! The one-sentence explanation of each frame, in English and Chinese.
//! Sentences say what the loop did and why, in the words of the tutorials.

use crate::aio::observer::StepKind;
use crate::vm::pyfmt::float_repr;

use super::{
    Deadlock, Exit, Explanation, FrameIx, FrameKind, HandleIx, Limit, TaskIx, TaskState, Trace,
};

fn both(en: String, zh: String) -> Explanation {
    Explanation { en, zh }
}

fn secs(t: f64) -> String {
    let r: f64 = format!("{:.6}", t).parse().unwrap_or(t);
    float_repr(r)
}

/// The first frame.
pub fn start() -> Explanation {
    both(
        "The program starts; the event loop has not run anything yet.".into(),
        "程序开始运行；事件循环还没有执行任何东西。".into(),
    )
}

/// Code that ran outside the loop.
pub fn main_program() -> Explanation {
    both(
        "The main program runs outside the event loop (plain synchronous code).".into(),
        "主程序在事件循环之外运行（普通的同步代码）。".into(),
    )
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

/// A frame in the middle of the run.
pub fn frame(
    trace: &Trace,
    kind: &FrameKind,
    handle: Option<HandleIx>,
    task: Option<TaskIx>,
    t: f64,
    at: FrameIx,
) -> Explanation {
    match kind {
        FrameKind::Start => start(),
        FrameKind::Main => main_program(),
        FrameKind::End => end(&trace.exit),
        FrameKind::ClockJump { from } => both(
            format!(
                "Nothing is ready, so the loop waits: the clock jumps from {} s to {} s, when the earliest timer is due.",
                secs(*from),
                secs(t)
            ),
            format!(
                "没有就绪的任务，循环开始等待：虚拟时钟从 {} 秒跳到 {} 秒，即最早的定时器到期的时刻。",
                secs(*from),
                secs(t)
            ),
        ),
        FrameKind::Thread { name } => both(
            format!(
                "The thread {} runs (the others are blocked) until it blocks or ends.",
                name
            ),
            format!("线程 {} 运行（其他线程都在阻塞中），直到它阻塞或结束。", name),
        ),
        FrameKind::BlockingSleep { seconds } => both(
            format!(
                "time.sleep({}) blocks the whole thread: the loop is frozen and nothing else can run.",
                secs(*seconds)
            ),
            format!(
                "time.sleep({}) 阻塞了整个线程：事件循环被冻结，其他任何任务都无法运行。",
                secs(*seconds)
            ),
        ),
        FrameKind::Step(step) => {
            let what = handle
                .and_then(|h| trace.handles.get(h as usize))
                .map(|h| h.what.clone())
                .unwrap_or_default();
            match (step, task) {
                (StepKind::TaskStep, Some(tk)) | (StepKind::FutureCallback, Some(tk)) => {
                    let name = task_name(trace, tk, at);
                    let after = trace.task_at(tk, at).map(|v| v.state);
                    let (why_en, why_zh) = if *step == StepKind::TaskStep {
                        // Views up to this frame: its creation and this step.
                        match trace.tasks.get(tk as usize) {
                            Some(rec) if rec.views.partition_point(|(f, _)| *f <= at) <= 2 => (
                                format!("{} runs for the first time", name),
                                format!("{} 第一次运行", name),
                            ),
                            _ => (
                                format!("{} runs again after giving up the loop", name),
                                format!("{} 让出循环后再次运行", name),
                            ),
                        }
                    } else {
                        (
                            format!("{} wakes up: the future it awaited is done", name),
                            format!("{} 被唤醒：它等待的 future 已完成", name),
                        )
                    };
                    let (then_en, then_zh) = match after {
                        Some(TaskState::Waiting) => (
                            "and runs until it awaits something not yet done.",
                            "它一直运行，直到等待一个尚未完成的对象。",
                        ),
                        Some(TaskState::Ready) | Some(TaskState::Created) => (
                            "and gives up the loop for one iteration (sleep(0)).",
                            "然后让出事件循环一轮（sleep(0)）。",
                        ),
                        Some(TaskState::Done) => ("and returns: the task is done.", "然后返回：任务完成。"),
                        Some(TaskState::Failed) => (
                            "and raises an exception: the task has failed.",
                            "然后抛出异常：任务失败。",
                        ),
                        Some(TaskState::Cancelled) => (
                            "and CancelledError ends it: the task is cancelled.",
                            "CancelledError 结束了它：任务被取消。",
                        ),
                        _ => ("", ""),
                    };
                    both(format!("{}, {}", why_en, then_en), format!("{}，{}", why_zh, then_zh))
                }
                (StepKind::Timer, _) => both(
                    format!("A timer is due: the loop calls {}.", what),
                    format!("定时器到期：事件循环调用 {}。", what),
                ),
                (StepKind::FutureCallback, None) => both(
                    format!("A future is done, so the loop runs its done-callback {}.", what),
                    format!("一个 future 已完成，事件循环运行它的完成回调 {}。", what),
                ),
                _ => both(
                    format!("The loop runs the callback {} from its ready queue.", what),
                    format!("事件循环从就绪队列中取出回调 {} 并运行。", what),
                ),
            }
        }
    }
}
