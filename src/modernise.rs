//! "Modernise": rewrites a program written for old asyncio into current
//! asyncio, line by line, and shows the change as a diff before it is
//! applied. It handles what the tutorials of Python 3.4–3.7 use:
//! `@asyncio.coroutine` generators (→ `async def` with `await`, and
//! `with (yield from lock):` → `async with lock:`), `asyncio.async`
//! (→ `ensure_future`), `Task.all_tasks`/`Task.current_task`, the removed
//! `loop=` arguments, and a main loop that only runs one coroutine
//! (→ `asyncio.run`). Anything it does not recognise stays as written.

/// Functions and classes whose `loop=` argument Python 3.10 removed.
const LOOP_ARG_REMOVED: &[&str] = &[
    "sleep",
    "gather",
    "wait",
    "wait_for",
    "shield",
    "as_completed",
    "Queue",
    "LifoQueue",
    "PriorityQueue",
    "Lock",
    "Event",
    "Condition",
    "Semaphore",
    "BoundedSemaphore",
    "open_connection",
    "start_server",
];

/// The program rewritten to current asyncio (the same text when nothing
/// needs it).
pub fn modernise(source: &str) -> String {
    let mut out: Vec<String> = Vec::new();
    // The indentation of the `def` whose body is being converted.
    let mut converting: Option<usize> = None;
    // The indentation of the coroutine (`async def`, converted or not)
    // whose body this is: there a running loop exists.
    let mut in_coroutine: Option<usize> = None;
    let mut decorated = false;
    let loop_name = main_loop_name(source);
    for line in source.lines() {
        let indent = line.len() - line.trim_start().len();
        let code = line.trim_start();
        let significant = !code.is_empty() && !code.starts_with('#');
        if let Some(level) = converting {
            if significant && indent <= level {
                converting = None;
            }
        }
        if let Some(level) = in_coroutine {
            if significant && indent <= level {
                in_coroutine = None;
            }
        }
        if in_coroutine.is_none()
            && (code.starts_with("async def ") || (decorated && code.starts_with("def ")))
        {
            in_coroutine = Some(indent);
        }
        if code.split('#').next().map(str::trim_end) == Some("@asyncio.coroutine") {
            decorated = true;
            continue;
        }
        let mut text = line.to_string();
        if decorated && code.starts_with("def ") {
            text = format!("{}async {}", &line[..indent], code);
            decorated = false;
            converting = Some(indent);
        } else if converting.is_some() {
            text = convert_body_line(&text);
        }
        // Task.all_tasks() took the current loop, running or not;
        // asyncio.all_tasks() wants a running one unless given the loop.
        if in_coroutine.is_none() {
            if let Some(name) = &loop_name {
                text = text.replace(
                    "asyncio.Task.all_tasks()",
                    &format!("asyncio.all_tasks({name})"),
                );
            }
        }
        text = text
            .replace("asyncio.async(", "asyncio.ensure_future(")
            .replace("asyncio.Task.all_tasks(", "asyncio.all_tasks(")
            .replace("asyncio.Task.current_task(", "asyncio.current_task(");
        if !code.starts_with("def ") && !code.starts_with("async def ") {
            text = drop_loop_arguments(&text);
        }
        out.push(text);
    }
    let mut out = use_asyncio_run(out);
    if source.ends_with('\n') || out.is_empty() {
        out.push(String::new());
    }
    out.join("\n")
}

/// The name the program gives its event loop at the top level
/// (`loop = asyncio.get_event_loop()` or `new_event_loop()`), if any.
fn main_loop_name(source: &str) -> Option<String> {
    source.lines().find_map(|line| {
        let (name, value) = line.split_once('=')?;
        let name = name.trim();
        let value = value.split('#').next()?.trim();
        (is_identifier(name)
            && !line.starts_with(char::is_whitespace)
            && matches!(
                value,
                "asyncio.get_event_loop()" | "asyncio.new_event_loop()"
            ))
        .then(|| name.to_string())
    })
}

/// `yield from` → `await` in the body of a converted coroutine.
fn convert_body_line(line: &str) -> String {
    let indent = &line[..line.len() - line.trim_start().len()];
    let code = line.trim_start();
    // with (yield from lock):  →  async with lock:
    if let Some(rest) = code.strip_prefix("with (yield from ") {
        if let Some(close) = rest.find("):") {
            return format!(
                "{}async with {}{}",
                indent,
                &rest[..close],
                &rest[close + 1..]
            );
        }
    }
    let mut text = line.replace("(yield from ", "(await ");
    text = text.replace("yield from ", "await ");
    text
}

/// Removes `loop=NAME` arguments from calls of the functions that lost it.
fn drop_loop_arguments(line: &str) -> String {
    let mut text = line.to_string();
    let mut from = 0;
    while let Some(found) = text[from..].find("loop=") {
        let at = from + found;
        from = at + 5;
        // A keyword: preceded by `(` or `, ` (not `new_loop=` or `==`).
        let before = text[..at].trim_end();
        if !(before.ends_with('(') || before.ends_with(',')) {
            continue;
        }
        if text[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_') {
            continue;
        }
        // The value: a dotted name or a call without nesting.
        let value_len = text[at + 5..]
            .find(|c: char| !(c.is_alphanumeric() || c == '_' || c == '.'))
            .unwrap_or(text.len() - at - 5);
        if value_len == 0 {
            continue;
        }
        let end = at + 5 + value_len;
        if !matches!(text[end..].chars().next(), Some(')' | ',')) {
            continue;
        }
        let Some(callee) = callee_of(&text, at) else {
            continue;
        };
        if !LOOP_ARG_REMOVED.contains(&callee.as_str()) {
            continue;
        }
        let (start, stop) = if before.ends_with(',') {
            // `, loop=x` goes with its comma.
            (before.len() - 1, end)
        } else if text[end..].starts_with(", ") {
            // `(loop=x, ...`
            (at, end + 2)
        } else {
            (at, end)
        };
        text.replace_range(start..stop, "");
        from = start;
    }
    text
}

/// The name of the function called by the innermost open `(` before `at`.
fn callee_of(text: &str, at: usize) -> Option<String> {
    let mut depth = 0i32;
    for (i, c) in text[..at].char_indices().rev() {
        match c {
            ')' | ']' => depth += 1,
            '(' | '[' if depth > 0 => depth -= 1,
            '(' => {
                let name: String = text[..i]
                    .chars()
                    .rev()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect();
                return (!name.is_empty()).then_some(name);
            }
            _ => {}
        }
    }
    None
}

/// `loop = asyncio.get_event_loop()` / `X = loop.run_until_complete(main())`
/// / `loop.close()` → `X = asyncio.run(main())`, when the loop is used for
/// nothing else and `main` is a coroutine function of the program.
fn use_asyncio_run(lines: Vec<String>) -> Vec<String> {
    let Some((get_ix, name)) = lines.iter().enumerate().find_map(|(i, l)| {
        let code = l.trim();
        let name = code.strip_suffix(" = asyncio.get_event_loop()")?;
        is_identifier(name).then(|| (i, name.to_string()))
    }) else {
        return lines;
    };
    let indent = |l: &str| l.len() - l.trim_start().len();
    let level = indent(&lines[get_ix]);
    let run_call = format!("{name}.run_until_complete(");
    let close_call = format!("{name}.close()");
    let mut run_ix = None;
    let mut close_ix = None;
    for (i, l) in lines.iter().enumerate() {
        if i == get_ix || !mentions(l, &name) {
            continue;
        }
        if l.trim() == close_call && close_ix.is_none() && indent(l) == level {
            close_ix = Some(i);
        } else if l.contains(&run_call) && run_ix.is_none() && indent(l) == level && i > get_ix {
            run_ix = Some(i);
        } else {
            return lines;
        }
    }
    let Some(run_ix) = run_ix else {
        return lines;
    };
    // The coroutine run must be a call of an `async def` of the program,
    // and nothing else at that level may make tasks for the old loop.
    let arg = lines[run_ix].split(&run_call).nth(1).unwrap_or("");
    let callee: String = arg
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect();
    let is_coroutine_fn = lines
        .iter()
        .any(|l| l.trim_start().starts_with(&format!("async def {callee}(")));
    let makes_tasks = lines.iter().enumerate().any(|(i, l)| {
        i != run_ix
            && indent(l) == level
            && ["ensure_future(", "create_task(", "gather(", "wait("]
                .iter()
                .any(|f| l.contains(f))
    });
    if callee.is_empty() || !is_coroutine_fn || makes_tasks {
        return lines;
    }
    lines
        .into_iter()
        .enumerate()
        .filter(|(i, _)| *i != get_ix && Some(*i) != close_ix)
        .map(|(i, l)| {
            if i == run_ix {
                l.replacen(&run_call, "asyncio.run(", 1)
            } else {
                l
            }
        })
        .collect()
}

fn is_identifier(s: &str) -> bool {
    !s.is_empty()
        && !s.starts_with(|c: char| c.is_ascii_digit())
        && s.chars().all(|c| c.is_alphanumeric() || c == '_')
}

/// Whether `line` uses `name` as a whole word.
fn mentions(line: &str, name: &str) -> bool {
    let word = |c: char| c.is_alphanumeric() || c == '_';
    line.match_indices(name)
        .any(|(i, _)| !line[..i].ends_with(word) && !line[i + name.len()..].starts_with(word))
}

/// One line of a diff.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DiffLine {
    /// In both.
    Same(String),
    /// Only in the old text.
    Removed(String),
    /// Only in the new text.
    Added(String),
}

/// A line diff of `old` and `new` (longest common subsequence).
pub fn diff(old: &str, new: &str) -> Vec<DiffLine> {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let (n, m) = (a.len(), b.len());
    // lcs[i][j]: the common length of a[i..] and b[j..].
    let mut lcs = vec![vec![0u32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i][j] = if a[i] == b[j] {
                lcs[i + 1][j + 1] + 1
            } else {
                lcs[i + 1][j].max(lcs[i][j + 1])
            };
        }
    }
    let (mut i, mut j) = (0, 0);
    let mut out = Vec::new();
    while i < n || j < m {
        if i < n && j < m && a[i] == b[j] {
            out.push(DiffLine::Same(a[i].to_string()));
            i += 1;
            j += 1;
        } else if i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1]) {
            out.push(DiffLine::Removed(a[i].to_string()));
            i += 1;
        } else {
            out.push(DiffLine::Added(b[j].to_string()));
            j += 1;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_generator_coroutine_becomes_async_def_with_await() {
        let old = "\
import asyncio

@asyncio.coroutine
def slow_function():
    yield from asyncio.sleep(3)  # pretend I/O
    return 42

@asyncio.coroutine
def supervisor():
    spinner = asyncio.async(spin('thinking!'))
    result = yield from slow_function()
    with (yield from semaphore):
        x = (yield from get())
    return result

def plain():
    yield from range(3)
";
        let new = "\
import asyncio

async def slow_function():
    await asyncio.sleep(3)  # pretend I/O
    return 42

async def supervisor():
    spinner = asyncio.ensure_future(spin('thinking!'))
    result = await slow_function()
    async with semaphore:
        x = (await get())
    return result

def plain():
    yield from range(3)
";
        assert_eq!(modernise(old), new);
    }

    #[test]
    fn removed_task_methods_and_loop_arguments_are_rewritten() {
        let old = "\
for task in asyncio.Task.all_tasks():
    print(asyncio.Task.current_task())
await asyncio.sleep(1, loop=loop)
q = asyncio.Queue(loop=self.loop, maxsize=3)
f = asyncio.run_coroutine_threadsafe(coro, loop=new_loop)
def __init__(self, loop=None):
";
        let new = "\
for task in asyncio.all_tasks():
    print(asyncio.current_task())
await asyncio.sleep(1)
q = asyncio.Queue(maxsize=3)
f = asyncio.run_coroutine_threadsafe(coro, loop=new_loop)
def __init__(self, loop=None):
";
        assert_eq!(modernise(old), new);
    }

    #[test]
    fn all_tasks_outside_a_coroutine_names_the_loop() {
        let old = "\
import asyncio

async def task(x):
    await asyncio.sleep(x)
    print(len(asyncio.Task.all_tasks()))

tasks = [asyncio.ensure_future(task(1))]
loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(asyncio.wait(tasks))
except KeyboardInterrupt as e:
    print(asyncio.Task.all_tasks())
    for task in asyncio.Task.all_tasks():
        print(task.cancel())
";
        let new = "\
import asyncio

async def task(x):
    await asyncio.sleep(x)
    print(len(asyncio.all_tasks()))

tasks = [asyncio.ensure_future(task(1))]
loop = asyncio.get_event_loop()
try:
    loop.run_until_complete(asyncio.wait(tasks))
except KeyboardInterrupt as e:
    print(asyncio.all_tasks(loop))
    for task in asyncio.all_tasks(loop):
        print(task.cancel())
";
        assert_eq!(modernise(old), new);
    }

    #[test]
    fn a_loop_running_one_coroutine_becomes_asyncio_run() {
        let old = "\
async def main():
    return 1

def run():
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(main())
    loop.close()
    print(result)
";
        let new = "\
async def main():
    return 1

def run():
    result = asyncio.run(main())
    print(result)
";
        assert_eq!(modernise(old), new);
    }

    #[test]
    fn a_loop_used_for_more_is_kept() {
        let old = "\
async def main():
    return 1
loop = asyncio.get_event_loop()
tasks = [asyncio.ensure_future(main())]
loop.run_until_complete(main())
loop.close()
";
        assert_eq!(modernise(old), old);
        let threads = "\
async def main():
    return 1
loop = asyncio.get_event_loop()
loop.call_soon(print)
loop.run_until_complete(main())
";
        assert_eq!(modernise(threads), threads);
    }

    #[test]
    fn the_diff_lists_removed_and_added_lines_in_order() {
        let d = diff("a\nb\nc\n", "a\nB\nc\nd\n");
        assert_eq!(
            d,
            vec![
                DiffLine::Same("a".into()),
                DiffLine::Removed("b".into()),
                DiffLine::Added("B".into()),
                DiffLine::Same("c".into()),
                DiffLine::Added("d".into()),
            ]
        );
    }
}
