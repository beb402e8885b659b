//! The built-in scenarios: real programs (in `scenarios/`) with a two-line
//! explanation in English and Simplified Chinese. Each program is written
//! twice, its comments in English and in Chinese (`scenarios/zh/`), the
//! code itself the same line for line: one run serves both languages, and
//! the page shows the program in its own.

/// One built-in program.
#[derive(Debug, PartialEq)]
pub struct Scenario {
    /// Stable id, used in links (`#s=ID`).
    pub id: &'static str,
    /// The file name tracebacks and reprs show.
    pub file: &'static str,
    /// Title: English, Chinese.
    pub title: [&'static str; 2],
    /// What it teaches, two lines: English, Chinese.
    pub about: [&'static str; 2],
    /// The program, commented in English (the one that runs).
    pub source: &'static str,
    /// The same program commented in Chinese: line for line the same code.
    pub source_zh: &'static str,
}

macro_rules! scenario {
    ($id:literal, [$t_en:literal, $t_zh:literal], [$a_en:literal, $a_zh:literal]) => {
        Scenario {
            id: $id,
            file: concat!($id, ".py"),
            title: [$t_en, $t_zh],
            about: [$a_en, $a_zh],
            source: include_str!(concat!("../scenarios/", $id, ".py")),
            source_zh: include_str!(concat!("../scenarios/zh/", $id, ".py")),
        }
    };
}

/// The Ctrl+C a scenario runs with unless told otherwise: the cancel-all
/// lesson needs one (at t = 1.5 s) to show anything being cancelled.
pub fn default_interrupt(s: &Scenario) -> Option<f64> {
    (s.id == "cancel_on_interrupt").then_some(1.5)
}

/// Every scenario, in the order the menu lists them.
pub const SCENARIOS: &[Scenario] = &[
    scenario!(
        "spinner_asyncio",
        ["Spinner with asyncio", "asyncio 版旋转指针"],
        [
            "A spinner task animates the console while another task awaits a slow answer.\nBoth share one thread: they switch only at await, when the loop hands over.",
            "一个任务在控制台里画旋转指针，另一个任务在等待一个很慢的结果。\n两者共用一个线程：只有在 await 处、由事件循环交接时才会切换。"
        ]
    ),
    scenario!(
        "spinner_thread",
        ["Spinner with a thread", "线程版旋转指针"],
        [
            "The same spinner in a thread: the main thread blocks in time.sleep while the spinner thread runs.\nThreads are preemptive; a shared flag tells the spinner when to stop.",
            "同样的旋转指针，这次放在线程里：主线程在 time.sleep 中阻塞，指针线程照常运行。\n线程是抢占式的；用一个共享的标志告诉指针线程何时停止。"
        ]
    ),
    scenario!(
        "flags_sequential",
        ["Flags, one at a time", "依次下载国旗"],
        [
            "Ten flags downloaded one after another: each request waits for the previous one.\nThe total time is the sum of all the latencies.",
            "依次下载十面国旗：每个请求都要等前一个完成。\n总耗时是所有延迟之和。"
        ]
    ),
    scenario!(
        "flags_semaphore",
        ["Flags with a Semaphore", "用 Semaphore 限流下载"],
        [
            "All downloads start at once, but an asyncio.Semaphore(3) admits only three requests at a time.\nWatch the semaphore's value and its queue of waiting tasks.",
            "所有下载同时开始，但 asyncio.Semaphore(3) 同一时刻只放行三个请求。\n观察信号量的值和排队等待的任务。"
        ]
    ),
    scenario!(
        "flags_as_completed",
        ["as_completed, 404s and errors", "as_completed 与错误统计"],
        [
            "Results are handled in the order downloads finish, with asyncio.as_completed.\nA 404 counts as not found; a 500 or a dropped connection counts as an error.",
            "用 asyncio.as_completed 按完成的先后处理每个下载的结果。\n404 记为未找到；500 或连接中断记为错误。"
        ]
    ),
    scenario!(
        "flags_metadata",
        ["Flag plus metadata", "国旗加元数据"],
        [
            "Each download makes two requests in a row: the flag, then a JSON body with the country's name.\nEach request takes the semaphore on its own; gather collects the failures.",
            "每个下载连续发出两个请求：先取国旗，再取包含国家名称的 JSON。\n每个请求各自获取信号量；gather 收集失败的结果。"
        ]
    ),
    scenario!(
        "flags_executor",
        ["Saving with run_in_executor", "用 run_in_executor 保存文件"],
        [
            "Writing a file blocks, so each save runs in a worker thread via loop.run_in_executor.\nThe ticker keeps printing dots: the event loop stays free while the threads work.",
            "写文件是阻塞操作，所以每次保存都通过 loop.run_in_executor 交给工作线程。\n计时任务一直在打印点：线程工作时事件循环依然空闲可用。"
        ]
    ),
    scenario!(
        "flags_requests",
        ["Flags with requests", "用 requests 下载国旗"],
        [
            "The sequential downloader as tutorials write it, with requests: every call blocks until its flag is in.\nNo event loop runs at all; the total time is the sum of the round trips.",
            "教程里用 requests 写的顺序下载器：每次调用都阻塞，直到国旗下载完毕。\n这里根本没有事件循环；总耗时是所有往返时间之和。"
        ]
    ),
    scenario!(
        "flags_aiohttp",
        ["Flags with aiohttp", "用 aiohttp 下载国旗"],
        [
            "Fluent Python's downloader with aiohttp: one ClientSession, a Semaphore(3), results as they complete.\nEach download waits twice, for the headers in session.get() and for the body in resp.read().",
            "《流畅的 Python》中用 aiohttp 写的下载器：一个 ClientSession、Semaphore(3)，按完成顺序处理结果。\n每个下载等待两次：在 session.get() 中等响应头，在 resp.read() 中等响应体。"
        ]
    ),
    scenario!(
        "flags_httpx",
        ["Flags with httpx", "用 httpx 下载国旗"],
        [
            "The second edition's downloader with httpx: one AsyncClient, a coroutine per flag, all gathered at once.\nEach client.get() waits once, for the whole response.",
            "第二版中用 httpx 写的下载器：一个 AsyncClient，每面国旗一个协程，全部交给 gather 同时运行。\n每次 client.get() 只等待一次，等整个响应到达。"
        ]
    ),
    scenario!(
        "gather_wait_as_completed",
        ["gather vs wait vs as_completed", "gather、wait 与 as_completed"],
        [
            "Three ways to wait for the same three tasks of 0.3, 0.1 and 0.2 seconds.\ngather keeps the given order, wait returns done and pending sets, as_completed follows finishing order.",
            "用三种方式等待同样的三个任务（0.3、0.1、0.2 秒）。\ngather 按传入顺序返回，wait 返回已完成和未完成的集合，as_completed 按完成顺序给出。"
        ]
    ),
    scenario!(
        "cancel_on_interrupt",
        ["Cancel everything on Ctrl+C", "按下 Ctrl+C 时取消所有任务"],
        [
            "The tutorial's three tasks, and Ctrl+C at t=1.5 s: KeyboardInterrupt escapes run_until_complete with tasks still pending.\nThe handler cancels every task, then stop() + run_forever() turn the loop once more so the cancellations are delivered.",
            "教程中的三个任务，在 t=1.5 秒时按下 Ctrl+C：KeyboardInterrupt 穿出 run_until_complete，任务仍未完成。\n处理代码取消所有任务，再用 stop() + run_forever() 让事件循环多转一圈，让取消真正送达。"
        ]
    ),
    scenario!(
        "event_call_later",
        ["Event and call_later", "Event 与 call_later"],
        [
            "Two tasks wait on an asyncio.Event; a plain callback scheduled with call_later sets it.\nBoth wake in the order they started waiting.",
            "两个任务在等待同一个 asyncio.Event；由 call_later 安排的普通回调把它置位。\n两个任务按开始等待的顺序被唤醒。"
        ]
    ),
    scenario!(
        "master_worker",
        ["Master and workers with a Queue", "用 Queue 实现主从模式"],
        [
            "The master puts jobs on an asyncio.Queue; two workers take them off and sleep for each job's length.\nqueue.join() waits until every job is marked done, then the workers are cancelled.",
            "主任务把工作放进 asyncio.Queue；两个工作者取出任务，并按任务时长休眠。\nqueue.join() 等到每项工作都标记完成，然后取消工作者。"
        ]
    ),
    scenario!(
        "callbacks_vs_coroutines",
        ["Callbacks vs coroutines", "回调与协程"],
        [
            "Two dependent calls written as a chain of callbacks, then as one coroutine with two awaits.\nSame timeline, but the coroutine reads top to bottom and keeps its local state.",
            "同样两次相互依赖的调用，先写成回调链，再写成含两个 await 的协程。\n时间线相同，但协程自上而下阅读，并保留自己的局部状态。"
        ]
    ),
];

/// The scenario a fresh page opens.
pub const DEFAULT: &str = "spinner_asyncio";

/// The starting program of the "Your code" editor.
pub const STARTER: &str = "\
import asyncio


async def greet(name, delay):
    await asyncio.sleep(delay)
    print('hello,', name)
    return name


async def main():
    results = await asyncio.gather(greet('world', 0.2), greet('asyncio', 0.1))
    print(results)


asyncio.run(main())
";

/// The scenario with this id.
pub fn by_id(id: &str) -> Option<&'static Scenario> {
    SCENARIOS.iter().find(|s| s.id == id)
}

/// The index of a scenario in [`SCENARIOS`].
pub fn index_of(id: &str) -> Option<usize> {
    SCENARIOS.iter().position(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_the_default_exists() {
        for (i, s) in SCENARIOS.iter().enumerate() {
            assert_eq!(index_of(s.id), Some(i), "{} is listed twice", s.id);
            assert_eq!(s.about[0].lines().count(), 2, "{}: two English lines", s.id);
            assert_eq!(s.about[1].lines().count(), 2, "{}: two Chinese lines", s.id);
        }
        assert!(by_id(DEFAULT).is_some());
    }

    /// The code of a line: everything before a `#` outside quotes.
    fn code(line: &str) -> &str {
        let mut quote: Option<char> = None;
        let mut escaped = false;
        for (i, c) in line.char_indices() {
            match (quote, c) {
                _ if escaped => escaped = false,
                (Some(_), '\\') => escaped = true,
                (Some(q), c) if c == q => quote = None,
                (None, '\'' | '"') => quote = Some(c),
                (None, '#') => return line[..i].trim_end(),
                _ => {}
            }
        }
        line.trim_end()
    }

    #[test]
    fn each_scenario_reads_the_same_in_chinese_but_for_its_comments() {
        for s in SCENARIOS {
            let (en, zh): (Vec<&str>, Vec<&str>) =
                (s.source.lines().collect(), s.source_zh.lines().collect());
            assert_eq!(en.len(), zh.len(), "{}: the same lines", s.id);
            for (n, (a, b)) in en.iter().zip(&zh).enumerate() {
                assert_eq!(code(a), code(b), "{} line {}: the same code", s.id, n + 1);
                if a.contains('#') && code(a) != a.trim_end() {
                    assert!(
                        b.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
                        "{} line {}: the comment is in Chinese: {b}",
                        s.id,
                        n + 1
                    );
                }
            }
        }
        assert_eq!(code("x = '#'  # note"), "x = '#'");
        assert_eq!(code("# all"), "");
    }

    #[test]
    fn chinese_explanations_have_one_colon_to_a_sentence() {
        use aioscope_core::run::{run, Options};
        for s in SCENARIOS {
            let options = Options {
                lines: false,
                ..Options::default()
            };
            let trace = run(s.source, s.file, &options);
            for at in 0..trace.len() {
                let zh = trace.explanation_in(at as _, s.source_zh).zh;
                for sentence in zh.split('。') {
                    assert!(
                        sentence.matches('：').count() <= 1,
                        "{} frame {}: {zh}",
                        s.id,
                        at + 1
                    );
                }
            }
        }
    }
}
