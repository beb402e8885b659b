//! What a console reads from the one door: each frame's output in write
//! order with its stream, and the program lines tracebacks name as typed
//! links (so the page never reads the text back).

use aioscope_core::run::{run, Options};
use aioscope_core::trace::{OutputChunk, Stream, Trace};

/// A task's exception never retrieved (stderr mid-run, when the task
/// dies), a logged exception, then an uncaught one.
const FAILING: &str = "\
import asyncio
import logging

async def fail():
    await asyncio.sleep(0.1)
    raise ValueError(\"bad value\")

async def main():
    t = asyncio.create_task(fail())
    await asyncio.sleep(0.2)
    print(\"before\")
    del t
    await asyncio.sleep(0.1)
    try:
        {}[\"key\"]
    except KeyError:
        logging.exception(\"caught\")
    print(\"after\")
    return 1 / 0

asyncio.run(main())
";

fn trace_of(src: &str) -> Trace {
    run(src, "main.py", &Options::default())
}

/// The text of each link of `c` with its line.
fn links(c: &OutputChunk) -> Vec<(String, u32)> {
    c.links
        .iter()
        .map(|l| (c.text[l.range.0..l.range.1].to_string(), l.line))
        .collect()
}

fn first_frame_with_stderr(trace: &Trace) -> u32 {
    (0..trace.len() as u32)
        .find(|&f| trace.output_at(f).iter().any(|c| c.stream == Stream::Err))
        .expect("some frame writes stderr")
}

#[test]
fn stderr_appears_at_the_frame_that_writes_it_between_stdout_writes() {
    let trace = trace_of(FAILING);
    // The step that prints "before" then drops the failed task: the
    // message comes at its frame, after the print, before anything later.
    let f = first_frame_with_stderr(&trace);
    assert!(trace.output_at(f - 1).is_empty());
    let during = trace.output_during(f);
    let streams: Vec<_> = during
        .iter()
        .map(|c| (c.stream, c.text.lines().next()))
        .collect();
    assert_eq!(
        streams,
        [
            (Stream::Out, Some("before")),
            (Stream::Err, Some("Task exception was never retrieved")),
        ]
    );
    let last = trace.output_at(trace.len() as u32 - 1);
    let streams: Vec<_> = last
        .iter()
        .map(|c| (c.stream, c.text.lines().next()))
        .collect();
    assert_eq!(
        streams,
        [
            (Stream::Out, Some("before")),
            (Stream::Err, Some("Task exception was never retrieved")),
            (Stream::Err, Some("ERROR:root:caught")),
            (Stream::Out, Some("after")),
            (Stream::Err, Some("Traceback (most recent call last):")),
        ]
    );
}

#[test]
fn tracebacks_name_the_programs_lines_as_links_and_not_the_librarys() {
    let trace = trace_of(FAILING);
    let last = trace.output_at(trace.len() as u32 - 1);
    let found: Vec<_> = last.iter().map(links).collect();
    let at = |line: u32| (format!("File \"main.py\", line {}", line), line);
    assert_eq!(found[0], []);
    assert_eq!(found[1], [at(6)]);
    assert_eq!(found[2], [at(15)]);
    assert_eq!(found[3], []);
    // asyncio.run's frames are the library's: no link.
    assert_eq!(found[4], [at(21), at(19)]);
}

#[test]
fn a_syntax_errors_place_is_a_link() {
    let trace = trace_of("x = 1\nif x\n    pass\n");
    let last = trace.output_at(trace.len().saturating_sub(1) as u32);
    let err: Vec<_> = last.iter().filter(|c| c.stream == Stream::Err).collect();
    assert_eq!(err.len(), 1);
    assert_eq!(links(err[0]), [("File \"main.py\", line 2".to_string(), 2)]);
}

#[test]
fn text_a_program_prints_that_looks_like_a_traceback_is_not_a_link() {
    let trace =
        trace_of("import sys\nprint('  File \"main.py\", line 1, in <module>', file=sys.stderr)\n");
    let last = trace.output_at(trace.len().saturating_sub(1) as u32);
    assert_eq!(last.len(), 1);
    assert_eq!(last[0].stream, Stream::Err);
    assert!(last[0].links.is_empty());
}

#[test]
fn links_inside_an_exception_group_box_point_at_each_failing_task() {
    let trace = trace_of(
        "\
import asyncio

async def boom(n):
    raise ValueError(n)

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(boom(1))
        tg.create_task(boom(2))

asyncio.run(main())
",
    );
    let last = trace.output_at(trace.len() as u32 - 1);
    let lines: Vec<u32> = last
        .iter()
        .flat_map(|c| c.links.iter().map(|l| l.line))
        .collect();
    assert_eq!(lines, [11, 7, 4, 4]);
}

#[test]
fn the_output_once_a_line_ran_is_a_mark_of_both_streams() {
    let options = Options {
        lines: true,
        locals: true,
        ..Options::default()
    };
    let trace = run(
        "import sys\nprint('a')\nprint('b', file=sys.stderr)\nprint('c')\n",
        "main.py",
        &options,
    );
    let after_stderr = trace
        .line_locals
        .iter()
        .find(|r| {
            r.after
                .and_then(|h| trace.lines.get(h as usize))
                .map(|h| h.line)
                == Some(3)
        })
        .expect("line 3 recorded");
    let chunks = trace.output_between(Default::default(), after_stderr.output);
    let texts: Vec<_> = chunks.iter().map(|c| (c.stream, c.text)).collect();
    assert_eq!(texts, [(Stream::Out, "a\n"), (Stream::Err, "b\n")]);
}

#[test]
fn a_never_awaited_warnings_place_is_a_link() {
    let trace = trace_of(
        "\
import asyncio

async def work():
    pass

async def main():
    work()
    await asyncio.sleep(0)

asyncio.run(main())
",
    );
    let last = trace.output_at(trace.len() as u32 - 1);
    let err: Vec<_> = last.iter().filter(|c| c.stream == Stream::Err).collect();
    assert!(
        err[0]
            .text
            .starts_with("main.py:7: RuntimeWarning: coroutine 'work' was never awaited\n"),
        "{:?}",
        err[0].text
    );
    assert_eq!(links(err[0]), [("main.py:7".to_string(), 7)]);
}
