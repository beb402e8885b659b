//! Removed and changed asyncio APIs, explained: when a program written for
//! an older Python fails (`@asyncio.coroutine`, `asyncio.async`,
//! `Task.all_tasks`, `loop=`...), the error stays CPython's and this says,
//! beside it, when the API changed, what to write now, and whether
//! Python 3.10 still runs the program as written.

use aioscope_core::run::PythonVersion;

/// An explanation of a failure caused by a removed or changed API.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Removed {
    /// What changed and what to write now, in English.
    pub en: &'static str,
    /// The same in Chinese.
    pub zh: &'static str,
    /// The other version runs this (offer "Run as Python 3.10", or 3.11
    /// for what 3.10 lacks).
    pub other_version_runs_it: bool,
    /// The Modernise rewrite fixes it.
    pub modernise_fixes_it: bool,
}

/// Whether `error` (`Type: message` as CPython words it), raised by a
/// program with `source` run as `python`, comes from a removed or changed
/// API; `line` is the error's line when known.
pub fn explain(
    error: &str,
    line: Option<u32>,
    source: &str,
    python: PythonVersion,
) -> Option<Removed> {
    let at_line = line
        .and_then(|l| source.lines().nth(l.checked_sub(1)? as usize))
        .unwrap_or("");
    let (kind, message) = error.split_once(": ").unwrap_or((error, ""));
    if kind == "SyntaxError" && at_line.contains(".async(") {
        return Some(Removed {
            en: "asyncio.async() was renamed asyncio.ensure_future() in Python 3.4.4, and \
                 'async' became a keyword in 3.7, so the old name no longer even parses. \
                 Write asyncio.ensure_future(coro), or asyncio.create_task(coro) inside a \
                 running loop.",
            zh: "asyncio.async() 在 Python 3.4.4 改名为 asyncio.ensure_future()；3.7 起 async \
                 成为关键字，旧名字连语法都通不过。请改写为 asyncio.ensure_future(coro)，\
                 在运行中的事件循环里也可以用 asyncio.create_task(coro)。",
            other_version_runs_it: false,
            modernise_fixes_it: true,
        });
    }
    if kind == "SyntaxError" && message.starts_with("'yield from' inside async function") {
        return Some(Removed {
            en: "Inside an async def, wait with await: 'yield from' belongs to the old \
                 generator-based coroutines (@asyncio.coroutine).",
            zh: "在 async def 里要用 await 等待；yield from 属于旧式的基于生成器的协程\
                 （@asyncio.coroutine）。",
            other_version_runs_it: false,
            modernise_fixes_it: true,
        });
    }
    match (kind, message) {
        ("AttributeError", "module 'asyncio' has no attribute 'coroutine'") => Some(Removed {
            en: "@asyncio.coroutine, with yield from, was the way to write coroutines before \
                 async def (Python 3.5). It was deprecated in 3.8 and removed in 3.11. Write \
                 async def for the function and await in place of yield from. Python 3.10 \
                 still runs the program as written, with a DeprecationWarning.",
            zh: "@asyncio.coroutine 加 yield from 是 async def（Python 3.5）出现之前写协程的方式，\
                 3.8 起弃用，3.11 删除。请把函数写成 async def，把 yield from 换成 await。\
                 Python 3.10 仍能按原样运行它（会给出 DeprecationWarning）。",
            other_version_runs_it: true,
            modernise_fixes_it: true,
        }),
        ("AttributeError", m)
            if m.ends_with("Task' has no attribute 'all_tasks'")
                || m.ends_with("Task' has no attribute 'current_task'") =>
        {
            Some(Removed {
                en: "Task.all_tasks() and Task.current_task() were removed in Python 3.9. \
                     Write asyncio.all_tasks() and asyncio.current_task(); they need a \
                     running loop, so call them from a coroutine.",
                zh: "Task.all_tasks() 和 Task.current_task() 在 Python 3.9 删除。请改用 \
                     asyncio.all_tasks() 和 asyncio.current_task()；它们需要正在运行的事件\
                     循环，所以要在协程里调用。",
                other_version_runs_it: false,
                modernise_fixes_it: true,
            })
        }
        ("TypeError", m) if m.ends_with("got an unexpected keyword argument 'loop'") => {
            Some(Removed {
                en: "The loop= argument of asyncio's functions and classes (sleep, gather, \
                     wait_for, Queue, Lock, Semaphore...) was deprecated in Python 3.8 and \
                     removed in 3.10: they use the running loop. Leave the argument out.",
                zh: "asyncio 函数和类（sleep、gather、wait_for、Queue、Lock、Semaphore……）的 \
                     loop= 参数在 Python 3.8 弃用、3.10 删除：它们自动使用正在运行的事件\
                     循环。去掉这个参数即可。",
                other_version_runs_it: false,
                modernise_fixes_it: true,
            })
        }
        ("TypeError", "Passing coroutines is forbidden, use tasks explicitly.") => {
            Some(Removed {
                en: "asyncio.wait() stopped accepting coroutines in Python 3.11 (deprecated \
                     since 3.8): wrap each in a task first, \
                     asyncio.wait([asyncio.create_task(c) for c in coros]). Python 3.10 still \
                     wraps them itself.",
                zh: "asyncio.wait() 从 Python 3.11 起不再接受协程（3.8 起弃用）：先把每个协程\
                     包装成任务，asyncio.wait([asyncio.create_task(c) for c in coros])。\
                     Python 3.10 仍会自动包装。",
                other_version_runs_it: true,
                modernise_fixes_it: false,
            })
        }
        ("TypeError", m) if m.ends_with("object is not iterable") && at_line.contains("(yield from") => {
            Some(Removed {
                en: "'with (yield from lock):' was removed in Python 3.9 (for Lock, Semaphore \
                     and Condition). Write 'async with lock:' inside an async def.",
                zh: "with (yield from lock): 的写法在 Python 3.9 删除（Lock、Semaphore、\
                     Condition）。请在 async def 中写 async with lock:。",
                other_version_runs_it: false,
                modernise_fixes_it: true,
            })
        }
        ("TypeError", "object generator can't be used in 'await' expression") => Some(Removed {
            en: "A plain generator cannot be awaited. Before async def, such generators were \
                 marked with @asyncio.coroutine (removed in 3.11); write the function as \
                 async def with await.",
            zh: "普通生成器不能被 await。在 async def 之前，这类生成器用 @asyncio.coroutine \
                 标记（3.11 删除）；请把函数写成 async def 并使用 await。",
            other_version_runs_it: false,
            modernise_fixes_it: false,
        }),
        ("TypeError", "cannot 'yield from' a coroutine object in a non-coroutine generator") => {
            Some(Removed {
                en: "A generator can delegate to an async def coroutine only if it is itself \
                     an old-style coroutine (@asyncio.coroutine, removed in 3.11). Write the \
                     generator as async def and await the coroutine.",
                zh: "只有旧式协程（@asyncio.coroutine，3.11 删除）才能用 yield from 委托给 async def \
                     协程。请把这个生成器改写成 async def，再 await 那个协程。",
                other_version_runs_it: source.contains("@asyncio.coroutine"),
                modernise_fixes_it: true,
            })
        }
        ("AttributeError", m)
            if python == PythonVersion::V3_10
                && ["TaskGroup", "timeout", "timeout_at", "Runner"]
                    .iter()
                    .any(|n| m == format!("module 'asyncio' has no attribute '{n}'")) =>
        {
            Some(Removed {
                en: "This is new in Python 3.11; Python 3.10 does not have it. Run the \
                     program as Python 3.11.",
                zh: "这是 Python 3.11 新增的功能，Python 3.10 没有。请以 Python 3.11 运行。",
                other_version_runs_it: true,
                modernise_fixes_it: false,
            })
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SPINNER: &str =
        "import asyncio\n@asyncio.coroutine\ndef spin():\n    yield from asyncio.sleep(1)\n";

    #[test]
    fn the_missing_coroutine_decorator_is_explained_and_runs_as_3_10() {
        let r = explain(
            "AttributeError: module 'asyncio' has no attribute 'coroutine'",
            Some(2),
            SPINNER,
            PythonVersion::V3_11,
        )
        .expect("explained");
        assert!(r.other_version_runs_it && r.modernise_fixes_it);
        assert!(r.en.contains("removed in 3.11") && r.zh.contains("3.11"));
    }

    #[test]
    fn asyncio_async_is_explained_at_its_syntax_error_only() {
        let src = "import asyncio\nt = asyncio.async(f())\n";
        let r = explain(
            "SyntaxError: invalid syntax",
            Some(2),
            src,
            PythonVersion::V3_10,
        )
        .expect("explained");
        assert!(!r.other_version_runs_it);
        assert_eq!(
            explain(
                "SyntaxError: invalid syntax",
                Some(1),
                src,
                PythonVersion::V3_11
            ),
            None
        );
    }

    #[test]
    fn removed_task_methods_and_loop_arguments_are_explained() {
        for e in [
            "AttributeError: type object '_asyncio.Task' has no attribute 'all_tasks'",
            "AttributeError: type object 'Task' has no attribute 'current_task'",
            "TypeError: sleep() got an unexpected keyword argument 'loop'",
        ] {
            assert!(explain(e, None, "", PythonVersion::V3_11).is_some(), "{e}");
        }
    }

    #[test]
    fn what_3_11_added_is_explained_only_in_3_10_mode() {
        let e = "AttributeError: module 'asyncio' has no attribute 'TaskGroup'";
        assert!(explain(e, None, "", PythonVersion::V3_10).is_some());
        assert_eq!(explain(e, None, "", PythonVersion::V3_11), None);
    }

    #[test]
    fn ordinary_errors_are_left_alone() {
        assert_eq!(
            explain("ValueError: boom", Some(1), SPINNER, PythonVersion::V3_11),
            None
        );
    }
}
