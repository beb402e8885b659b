//! The mutations. Each takes the source text and a random source and
//! returns the mutated text, or `None` when it does not apply (no
//! statements, no tokens, ...); the caller then tries another.

use crate::{block_text, pool, reindent, shape, token_ranges, Block, Lines};

/// A small xorshift generator seeded by libFuzzer.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u32) -> Rng {
        Rng((seed as u64) << 32 ^ 0x9e37_79b9_7f4a_7c15 ^ seed as u64)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    /// A number in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }
    /// True with probability `n` in `d`.
    pub fn chance(&mut self, n: usize, d: usize) -> bool {
        self.below(d) < n
    }
    pub fn pick<'a, T>(&mut self, v: &'a [T]) -> Option<&'a T> {
        if v.is_empty() {
            None
        } else {
            Some(&v[self.below(v.len())])
        }
    }
}

/// Words inserted at token level. `python.dict` holds the same list for
/// libFuzzer's own dictionary mutations.
#[rustfmt::skip]
pub const WORDS: &[&str] = &[
    // Keywords and soft keywords.
    "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class",
    "continue", "def", "del", "elif", "else", "except", "finally", "for", "from", "global",
    "if", "import", "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return",
    "try", "while", "with", "yield", "match", "case", "_", "yield from", "async def",
    "async for", "async with", "except*", "is not", "not in",
    // Operators and delimiters.
    "+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "&", "|", "^", "~", ":=", "<", ">",
    "<=", ">=", "==", "!=", "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "=", "->", "+=",
    "-=", "*=", "/=", "//=", "%=", "**=", "&=", "|=", "^=", ">>=", "<<=", "...", "\\\n", "\n",
    "    ", "\t", "#",
    // Builtins.
    "print", "len", "range", "list", "dict", "set", "tuple", "str", "int", "float", "bool",
    "repr", "type", "isinstance", "super", "object", "iter", "next", "aiter", "anext", "sorted",
    "min", "max", "sum", "zip", "enumerate", "map", "filter", "getattr", "setattr", "hasattr",
    "id", "hash", "format", "divmod", "abs", "round", "chr", "ord", "Exception",
    "BaseException", "ValueError", "TypeError", "KeyError", "StopIteration",
    "StopAsyncIteration", "GeneratorExit", "RuntimeError", "SystemExit", "KeyboardInterrupt",
    "ExceptionGroup", "__init__", "__aenter__", "__aexit__", "__aiter__", "__anext__",
    "__await__", "__enter__", "__exit__", "__iter__", "__next__", "__repr__", "__str__",
    "__eq__", "__hash__", "__del__", "__getattr__", "__class__", "__dict__", "self", "cls",
    "@property", "@staticmethod", "@classmethod", "@dataclass", "@functools.wraps(f)",
    // asyncio.
    "import asyncio\n", "asyncio", "asyncio.run(main())", "asyncio.sleep(0)",
    "asyncio.sleep(1)", "asyncio.sleep(0.5)", "await asyncio.sleep(0)", "asyncio.create_task(",
    "asyncio.gather(", "asyncio.gather(*tasks, return_exceptions=True)", "asyncio.wait(",
    "asyncio.wait_for(", "asyncio.shield(", "asyncio.timeout(", "asyncio.TaskGroup()",
    "asyncio.Semaphore(1)", "asyncio.BoundedSemaphore(1)", "asyncio.Lock()", "asyncio.Event()",
    "asyncio.Condition()", "asyncio.Queue(maxsize=1)", "asyncio.Queue()",
    "asyncio.PriorityQueue()", "asyncio.LifoQueue()", "asyncio.Barrier(2)",
    "asyncio.Future()", "asyncio.get_running_loop()", "asyncio.get_event_loop()",
    "asyncio.current_task()", "asyncio.all_tasks()", "asyncio.as_completed(",
    "asyncio.to_thread(", "asyncio.CancelledError", "asyncio.TimeoutError",
    "asyncio.InvalidStateError", "asyncio.QueueEmpty", "asyncio.QueueFull",
    "asyncio.FIRST_COMPLETED", "asyncio.ALL_COMPLETED", "asyncio.FIRST_EXCEPTION",
    "asyncio.open_connection(", "asyncio.start_server(", "loop.call_soon(",
    "loop.call_later(", "loop.call_at(", "loop.create_future()", "loop.run_in_executor(",
    ".cancel()", ".cancel(msg='x')", ".cancelled()", ".done()", ".result()", ".exception()",
    ".add_done_callback(", ".set_result(", ".set_exception(", ".uncancel()",
    ".cancelling()", ".put(", ".get()", ".put_nowait(", ".get_nowait()", ".task_done()",
    ".join()", ".acquire()", ".release()", ".locked()", ".set()", ".clear()", ".wait()",
    ".notify()", ".notify_all()", ".qsize()", ".empty()", ".full()", "task", "tasks",
    "main", "loop", "q", "sem", "lock", "ev", "fut", "t", "x", "y", "e",
    "time.sleep(0.2)", "time.monotonic()", "threading.Thread(", "contextlib",
    "dataclasses", "collections", "functools", "itertools", "random", "json", "math",
    "typing", "sys",
    // Numbers.
    "0", "1", "-1", "2", "255", "256", "1_000", "0x7fffffffffffffff", "9223372036854775807",
    "-9223372036854775808", "9223372036854775808", "10**18", "10**100", "2**63", "2**64",
    "(-9223372036854775807 - 1)", "9223372036854775806", "4611686018427387904",
    "1 << 63", "1 << 64", "-1 >> 1", "0.0", "-0.0", "1e308", "1e309", "-1e308", "5e-324",
    "float('nan')", "float('inf')", "float('-inf')", "0o777", "0b1010", "1j", "1.5", "3.14",
    // Strings.
    "''", "'a'", "'abc'", "\"x\"", "'''", "\"\"\"", "'\\n'", "'\\x00'", "'\\u00e9'",
    "'\\U0001F600'", "'\\N{BULLET}'", "'\\777'", "'\\'", "r'\\d'", "b'\\xff'", "b''",
    "'é'", "'😀'", "'%s %d' % ", "'{}'.format(", "'{0!r:>{1}}'", "f''", "f'{x}'",
    "f'{x!r}'", "f'{x=}'", "f'{x:>10}'", "f'{x:{y}}'", "f'{{}}'", "f'{x:.3f}'",
    "f'{\"a\"}'", "f'''{x}'''", "rf'{x}\\n'", "'a' * 3", "[0] * 3",
];

/// Literals an expression may become.
#[rustfmt::skip]
const LITERALS: &[&str] = &[
    "0", "1", "-1", "2", "3", "10", "255", "9223372036854775807", "-9223372036854775808",
    "9223372036854775807 + 1", "2**63", "10**18", "1e308", "1e308 * 10", "-0.0", "0.5",
    "float('nan')", "float('inf')", "True", "False", "None", "...", "''", "'x'", "'abc' * 3",
    "'\\x00\\n'", "'é😀'", "b'\\x00\\xff'", "[]", "[1, 2, 3]", "()", "(1,)", "{}", "{1: 2}",
    "{1, 2}", "set()", "range(3)", "range(-5)", "iter([])", "object()", "Exception('x')",
    "ValueError", "asyncio.CancelledError()", "asyncio.sleep(0)", "asyncio.sleep(1)",
    "asyncio.Future()", "asyncio.Event()", "asyncio.Lock()", "asyncio.Semaphore(0)",
    "asyncio.Queue(1)", "asyncio.current_task()", "asyncio.get_running_loop()",
    "lambda: None", "lambda *a, **k: a", "print", "len", "type", "main()", "main",
    "(-9223372036854775807 - 1)", "9223372036854775806", "-9223372036854775807", "2**62",
    "-2", "37", "36", "0x110000", "1114111", "sys.maxsize", "10**9", "1e-320", "-1e308",
    "float('-inf')", "'\\t'", "'\\N{DASH}'", "'{0}'", "'{'", "'%'", "'a\\tb'", "' '",
    "[[]]", "{'a': []}", "lambda x: x", "str", "int", "Exception", "asyncio.Queue()",
    "f'{1!r:>5}'", "'%s' % (1,)", "x", "self", "t", "tasks",
];

/// Ways to wrap an expression; `$` stands for it.
#[rustfmt::skip]
const EXPR_WRAPS: &[&str] = &[
    "($)", "await $", "[$]", "($,)", "{$}", "$ + $", "-$", "~$", "not $",
    "$ * 2", "$ ** 2", "$ // 0", "$ % 3", "$ & 1", "$ << 63", "$ == $", "$ < $",
    "$ is None", "$ in $", "$ if $ else None", "$ or $", "$ and $",
    "asyncio.create_task($)", "asyncio.ensure_future($)", "asyncio.gather($, $)",
    "asyncio.wait_for($, 0)", "asyncio.wait_for($, 0.5)", "asyncio.shield($)",
    "asyncio.wait([$])", "asyncio.run($)", "str($)", "repr($)", "len($)", "int($)",
    "float($)", "list($)", "tuple($)", "dict($)", "set($)", "sorted($)", "hash($)",
    "iter($)", "next(iter($))", "bool($)", "abs($)", "$[0]", "$[-1]", "$[::-1]",
    "$[1:2]", "$.x", "$()", "$($)", "$(*$)", "$(**{})", "*$", "($ for _ in range(3))",
    "[$ for _ in range(3)]", "{k: $ for k in range(2)}", "(lambda: $)()",
    "(_w := $)", "f'{$!r:>10}'", "f'{$}'", "'%s' % ($,)", "'{}'.format($)",
    "getattr($, 'x', None)", "isinstance($, int)", "type($)", "print($)",
    "(yield $)", "[*$]", "{**$}", "$.cancel()", "$.result()", "$.done()",
    "$.__await__()", "$.send(None)", "$.throw(ValueError)", "$.close()",
    "asyncio.get_running_loop().call_soon($)", "asyncio.to_thread($)",
    // `¤` is another expression: a literal or a seed program's.
    "$.split(¤)", "¤.join($)", "$.format(¤)", "$.replace(¤, ¤)", "$.center(¤)",
    "$.ljust(¤, '*')", "$.zfill(¤)", "$.expandtabs(¤)", "$.count(¤)", "$.find(¤, ¤)",
    "$.index(¤)", "$.insert(¤, ¤)", "$.pop(¤)", "$.setdefault(¤, ¤)", "$.get(¤)",
    "$.update(¤)", "$.to_bytes(¤, 'big')", "$.decode()", "$.encode()", "$.partition(¤)",
    "$.strip(¤)", "$.startswith(¤)", "$.__getitem__(¤)", "$[¤]", "$[¤:¤:¤]", "$[¤:¤]",
    "round($, ¤)", "pow($, ¤, ¤)", "pow($, ¤)", "divmod($, ¤)", "format($, ¤)", "chr($)",
    "ord($)", "range($, ¤, ¤)", "range(¤, $)", "$ % ¤", "$ // ¤", "$ << ¤", "$ >> ¤",
    "$ ** ¤", "$ - ¤", "$ * ¤", "$ / ¤", "¤ % $", "'%*d' % ($, ¤)", "'%.*f' % ($, ¤)",
    "'%s %r %d %x %c %e' % ($, ¤, ¤, ¤, ¤, ¤)", "f'{$:{¤}}'", "f'{$:>{¤}}'",
    "'{:{}}'.format($, ¤)", "int($, ¤)", "str($, ¤)", "bytes($)", "bytearray($)",
    "sorted($, key=¤)", "max($, ¤)", "min($, default=¤)", "sum($, ¤)", "list(map(¤, $))",
    "list(zip($, ¤))", "list(enumerate($, ¤))", "isinstance($, ¤)", "$.copy()", "$.sort()",
    "$.reverse()", "list($.items())", "$.keys()", "$.values()", "$.sort(key=¤)",
    "$.extend(¤)", "$.remove(¤)", "$.add(¤)", "$.discard(¤)", "$ | ¤", "$ & ¤", "$ ^ ¤",
    "$ - ¤", "{**$, **¤}", "[*$, *¤]", "$.fromkeys(¤)", "getattr($, ¤)", "setattr($, 'a', ¤)",
    "$.put_nowait(¤)", "$.get_nowait()", "$.set_result(¤)", "$.set_exception(¤)",
    "$.add_done_callback(¤)", "$.cancel(¤)", "asyncio.wait_for($, ¤)",
    "asyncio.gather($, ¤, return_exceptions=True)", "asyncio.wait([$, ¤], timeout=¤)",
    "asyncio.sleep(¤, $)", "asyncio.Semaphore($)", "asyncio.Queue($)", "asyncio.Barrier($)",
    "sys.exit($)", "time.sleep($)", "enum.Enum('E', $)", "typing.cast(¤, $)",
    "contextlib.suppress($)", "functools.partial($, ¤)()", "functools.lru_cache($)",
    "collections.namedtuple('P', $)", "collections.OrderedDict($)",
    "collections.defaultdict($)", "list(itertools.islice(itertools.count($, ¤), 5))",
    "list(itertools.chain($, ¤))", "itertools.cycle($)", "list(itertools.accumulate($))",
    "itertools.islice($, ¤)",
    "list(itertools.product($, repeat=¤))", "functools.reduce(¤, $)",
    "collections.Counter($)", "collections.deque($, ¤)", "dataclasses.replace($)",
];

/// Headers (and what follows the indented block) that a block may be
/// wrapped in. `|` separates lines after the block; lines indented with
/// `>` go inside the block's indentation.
#[rustfmt::skip]
const BLOCK_WRAPS: &[(&str, &str)] = &[
    ("try:", "except Exception as _e:|    print(type(_e).__name__, _e)"),
    ("try:", "except BaseException:|    pass"),
    ("try:", "finally:|    print('finally')"),
    ("try:", "except* ValueError:|    pass"),
    ("try:", "except ValueError:|    raise|else:|    pass"),
    ("for _i in range(2):", ""),
    ("for _i in range(2):", "else:|    pass"),
    ("while True:", ">break"),
    ("if True:", "else:|    pass"),
    ("if False:", ""),
    ("async with asyncio.Lock():", ""),
    ("async with asyncio.Semaphore(1):", ""),
    ("async with asyncio.timeout(0.1):", ""),
    ("async with asyncio.TaskGroup() as _tg:", ""),
    ("with contextlib.suppress(Exception):", ""),
    ("def _f():", "_f()"),
    ("def _g():", "list(_g())"),
    ("async def _w():", "asyncio.run(_w())"),
    ("async def _w():", "await _w()"),
    ("async def _w():", "_t = asyncio.create_task(_w())"),
    ("async def _w():", "await asyncio.gather(_w(), _w())"),
    ("async def _w():", "await asyncio.wait_for(_w(), 0.01)"),
    ("async def _w():", "_t = asyncio.ensure_future(_w())|_t.cancel()"),
    ("async def _w():", "_t = asyncio.create_task(_w())|await asyncio.sleep(0)|_t.cancel()"),
    ("class _K:", ""),
    ("async def __aenter__(self):", ""),
];

/// Statements that may be inserted or replace another.
#[rustfmt::skip]
const STATEMENTS: &[&str] = &[
    "pass\n", "break\n", "continue\n", "return\n", "return None\n", "yield\n", "raise\n",
    "raise ValueError('x')\n", "raise asyncio.CancelledError\n", "await asyncio.sleep(0)\n",
    "await asyncio.sleep(1)\n", "import asyncio\n", "import sys\n", "global x\n",
    "nonlocal x\n", "del x\n", "x = 1\n", "x += 1\n", "print(x)\n", "assert x, x\n",
    "asyncio.current_task().cancel()\n", "asyncio.run(main())\n", "sys.exit(0)\n",
    "sys.exit(1)\n", "exit()\n", "t = asyncio.create_task(asyncio.sleep(1))\n",
    "await asyncio.gather(*[asyncio.sleep(0) for _ in range(3)])\n",
    "loop = asyncio.get_running_loop()\n", "loop.call_soon(print, 1)\n",
    "loop.call_later(0.1, print, 2)\n", "loop.stop()\n", "time.sleep(0.2)\n",
    "from asyncio import *\n", "x = yield from range(2)\n",
    "async with asyncio.timeout(0):\n    await asyncio.sleep(1)\n",
    "async for x in x:\n    pass\n", "with x as (a, b):\n    pass\n",
    "match x:\n    case [a, *b]:\n        pass\n    case _:\n        pass\n",
    "class C(Exception):\n    pass\n", "def f(*, a=1, **k):\n    return f\n",
    "@dataclass\nclass D:\n    a: int = 0\n",
];

/// The dictionary, read by the tests and written to `python.dict`.
pub fn dictionary() -> String {
    let mut out = String::from("# Python and asyncio words for libFuzzer's -dict= (made from\n# aioscope_fuzz::mutate::WORDS by `cargo test` in fuzz/).\n");
    for w in WORDS {
        out.push('"');
        for b in w.bytes() {
            match b {
                b'"' | b'\\' => {
                    out.push('\\');
                    out.push(b as char);
                }
                0x20..=0x7e => out.push(b as char),
                _ => out.push_str(&format!("\\x{:02X}", b)),
            }
        }
        out.push_str("\"\n");
    }
    out
}

/// One structural mutation of `src`, or `None` if the chosen one did not
/// apply.
pub fn mutate_text(src: &str, rng: &mut Rng) -> Option<String> {
    match rng.below(10) {
        0..=3 => mutate_tokens(src, rng),
        4..=6 => mutate_statements(src, rng),
        7..=8 => mutate_exprs(src, rng),
        _ => mutate_lines(src, rng),
    }
}

/// The modules the templates use; put in front of a program now and then.
const PRELUDE: &str = "import asyncio, sys, time, itertools, functools, collections, contextlib, dataclasses, typing, enum\n";

/// Several mutations in a row (1 to 4), each on the last one's result;
/// those that do not apply are retried a few times.
pub fn mutate_many(src: &str, rng: &mut Rng) -> Option<String> {
    let n = 1 + rng.below(4);
    let mut text = src.to_string();
    let mut changed = false;
    if rng.chance(1, 12) && !text.starts_with(PRELUDE) {
        text.insert_str(0, PRELUDE);
        changed = true;
    }
    for _ in 0..n {
        for _ in 0..4 {
            if let Some(t) = mutate_text(&text, rng) {
                text = t;
                changed = true;
                break;
            }
        }
    }
    changed.then_some(text)
}

fn splice(src: &str, a: usize, b: usize, with: &str) -> String {
    let mut out = String::with_capacity(src.len() + with.len());
    out.push_str(&src[..a]);
    out.push_str(with);
    out.push_str(&src[b..]);
    out
}

// --- tokens -----------------------------------------------------------------

pub fn mutate_tokens(src: &str, rng: &mut Rng) -> Option<String> {
    let toks = token_ranges(src);
    let &(a, b, number) = rng.pick(&toks)?;
    let word = *rng.pick(WORDS)?;
    Some(match rng.below(8) {
        0 => splice(src, a, b, ""),
        1 => {
            let t = &src[a..b];
            splice(src, b, b, &format!(" {}", t))
        }
        2 => splice(src, a, b, word),
        3 => splice(src, a, a, &format!("{} ", word)),
        4 => splice(src, b, b, &format!(" {}", word)),
        5 if number => splice(src, a, b, rng.pick(LITERALS[..22].as_ref())?),
        5 | 6 => {
            // Swap two tokens (the later one first, to keep offsets).
            let &(c, d, _) = rng.pick(&toks)?;
            if d <= a {
                let (x, y) = (src[c..d].to_string(), src[a..b].to_string());
                let s = splice(src, a, b, &x);
                splice(&s, c, d, &y)
            } else if c >= b {
                let (x, y) = (src[a..b].to_string(), src[c..d].to_string());
                let s = splice(src, c, d, &x);
                splice(&s, a, b, &y)
            } else {
                return None;
            }
        }
        _ => {
            // Copy a run of tokens elsewhere.
            let i = toks.iter().position(|t| t.0 == a)?;
            let j = (i + 1 + rng.below(12)).min(toks.len() - 1);
            let text = src[a..toks[j].1].to_string();
            let &(at, _, _) = rng.pick(&toks)?;
            splice(src, at, at, &text)
        }
    })
}

// --- statements ---------------------------------------------------------------

pub fn mutate_statements(src: &str, rng: &mut Rng) -> Option<String> {
    let shape = shape(src)?;
    let lines = Lines::new(src);
    let &block = rng.pick(&shape.blocks)?;
    let (start, _) = lines.line_range(block.first)?;
    let (_, end) = lines.line_range(block.last)?;
    let text = block_text(&lines, block)?;
    let text = if text.ends_with('\n') {
        text.to_string()
    } else {
        format!("{}\n", text)
    };
    let indent = lines.indent(block.first).to_string();
    // The rest of the file must start on a new line.
    let src_nl;
    let src = if src[..end].ends_with('\n') {
        src
    } else {
        src_nl = format!("{}\n", src);
        &src_nl
    };
    let end = if src.as_bytes().get(end.saturating_sub(1)) == Some(&b'\n') {
        end
    } else {
        end + 1
    };
    Some(match rng.below(9) {
        // Delete (a body must keep a statement).
        0 => splice(src, start, end, &format!("{}pass\n", indent)),
        1 => splice(src, start, end, ""),
        // Duplicate.
        2 => splice(src, end, end, &text),
        // Replace with, or insert, a statement of a seed program or a
        // chosen one.
        3 | 4 => {
            let p = pool();
            let piece = if rng.chance(3, 4) && !p.stmts.is_empty() {
                rng.pick(&p.stmts)?.as_str()
            } else {
                *rng.pick(STATEMENTS)?
            };
            let piece = reindent(piece, "", &indent);
            if rng.chance(1, 2) {
                splice(src, start, end, &piece)
            } else {
                splice(src, start, start, &piece)
            }
        }
        // Move: swap with another block that does not overlap.
        5 => {
            let &other = rng.pick(&shape.blocks)?;
            let (s2, _) = lines.line_range(other.first)?;
            let (_, e2) = lines.line_range(other.last)?;
            let other_text = reindent(
                block_text(&lines, other)?,
                lines.indent(other.first),
                &indent,
            );
            let this_text = reindent(&text, &indent, lines.indent(other.first));
            if e2 <= start {
                let s = splice(src, start, end, &other_text);
                splice(&s, s2, e2, &this_text)
            } else if s2 >= end && e2 <= src.len() {
                let s = splice(src, s2, e2, &this_text);
                splice(&s, start, end, &other_text)
            } else {
                return None;
            }
        }
        // Wrap.
        _ => {
            let &(header, after) = rng.pick(BLOCK_WRAPS)?;
            let inner = format!("{}    ", indent);
            let mut piece = format!("{}{}\n{}", indent, header, reindent(&text, &indent, &inner));
            for line in after.split('|').filter(|l| !l.is_empty()) {
                match line.strip_prefix('>') {
                    Some(l) => piece.push_str(&format!("{}{}\n", inner, l)),
                    None => piece.push_str(&format!("{}{}\n", indent, line)),
                }
            }
            splice(src, start, end, &piece)
        }
    })
}

// --- expressions --------------------------------------------------------------

pub fn mutate_exprs(src: &str, rng: &mut Rng) -> Option<String> {
    let shape = shape(src)?;
    let lines = Lines::new(src);
    let &span = rng.pick(&shape.exprs)?;
    let (a, b) = lines.span(span)?;
    let this = &src[a..b];
    Some(match rng.below(6) {
        0 | 1 => {
            let p = pool();
            let piece = rng.pick(&p.exprs)?;
            splice(src, a, b, piece)
        }
        2 => splice(src, a, b, rng.pick(LITERALS)?),
        3 | 4 => {
            let wrap = rng.pick(EXPR_WRAPS)?;
            let mut out = wrap.replace('$', this);
            while let Some(at) = out.find('¤') {
                let other = if rng.chance(1, 2) {
                    rng.pick(LITERALS)?.to_string()
                } else {
                    rng.pick(&pool().exprs)?.clone()
                };
                out.replace_range(at..at + '¤'.len_utf8(), &other);
            }
            splice(src, a, b, &out)
        }
        _ => {
            // Swap with another expression that does not overlap.
            let &other = rng.pick(&shape.exprs)?;
            let (c, d) = lines.span(other)?;
            let that = src[c..d].to_string();
            let this = this.to_string();
            if d <= a {
                let s = splice(src, a, b, &that);
                splice(&s, c, d, &this)
            } else if c >= b {
                let s = splice(src, c, d, &this);
                splice(&s, a, b, &that)
            } else {
                return None;
            }
        }
    })
}

// --- lines --------------------------------------------------------------------

pub fn mutate_lines(src: &str, rng: &mut Rng) -> Option<String> {
    let mut lines: Vec<&str> = src.split_inclusive('\n').collect();
    if lines.is_empty() {
        return None;
    }
    let i = rng.below(lines.len());
    let owned;
    match rng.below(5) {
        0 => {
            lines.remove(i);
        }
        1 => lines.insert(i, lines[i]),
        2 => {
            let j = rng.below(lines.len());
            lines.swap(i, j);
        }
        3 => {
            owned = format!("    {}", lines[i]);
            lines[i] = &owned;
        }
        _ => {
            let l = lines[i];
            lines[i] = l.strip_prefix("    ").or_else(|| l.strip_prefix('\t'))?;
        }
    }
    Some(lines.concat())
}

// --- crossover ------------------------------------------------------------------

/// A child of two programs: a statement of `b` put into `a` (in place of
/// one of `a`'s, or beside it), or, when either does not parse, the first
/// lines of `a` followed by the last lines of `b`.
pub fn crossover(a: &str, b: &str, rng: &mut Rng) -> Option<String> {
    if let (Some(sa), Some(sb)) = (shape(a), shape(b)) {
        let la = Lines::new(a);
        let lb = Lines::new(b);
        let &Block { first, last } = rng.pick(&sa.blocks)?;
        let &other = rng.pick(&sb.blocks)?;
        let piece = reindent(
            block_text(&lb, other)?,
            lb.indent(other.first),
            la.indent(first),
        );
        let (s, _) = la.line_range(first)?;
        let (_, e) = la.line_range(last)?;
        if !a[..e].ends_with('\n') {
            return Some(format!("{}\n{}", a, piece));
        }
        return Some(if rng.chance(1, 2) {
            splice(a, s, e, &piece)
        } else {
            splice(a, e, e, &piece)
        });
    }
    let la: Vec<&str> = a.split_inclusive('\n').collect();
    let lb: Vec<&str> = b.split_inclusive('\n').collect();
    let i = rng.below(la.len() + 1);
    let j = rng.below(lb.len() + 1);
    let mut out = la[..i].concat();
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    out.push_str(&lb[j..].concat());
    Some(out)
}
