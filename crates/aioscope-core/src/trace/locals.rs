//! The debugger's reading of [`Trace::line_locals`]: the variables after a
//! line ran, and the lines that step over, into and out of it.
//!
//! Each record links a line hit to the previous one of the same frame
//! (`after`) and to the caller's (`caller`); a frame's next line is the
//! record whose `after` is the line, found through an index built once.

use super::{LineLocals, Trace};

/// No record (in the index's tables).
const NONE: u32 = u32::MAX;

/// Lookups into a trace's [`LineLocals`]. Invariant: built from the trace
/// it is asked about (its tables have one entry per line hit).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LocalsIndex {
    /// For each line hit, the record made when it started (`hit`).
    started: Vec<u32>,
    /// For each line hit, the record made when its frame went on to its
    /// next line or returned (`after`): the state after the line.
    ended: Vec<u32>,
}

impl LocalsIndex {
    /// The index of `trace`'s records.
    pub fn new(trace: &Trace) -> LocalsIndex {
        let n = trace.lines.len();
        let mut started = vec![NONE; n];
        let mut ended = vec![NONE; n];
        for (i, r) in trace.line_locals.iter().enumerate() {
            if let Some(slot) = r.hit.and_then(|h| started.get_mut(h as usize)) {
                *slot = i as u32;
            }
            if let Some(slot) = r.after.and_then(|h| ended.get_mut(h as usize)) {
                *slot = i as u32;
            }
        }
        LocalsIndex { started, ended }
    }

    /// Whether the run recorded the frames of its lines.
    pub fn is_empty(&self) -> bool {
        self.started.iter().all(|r| *r == NONE)
    }

    fn record<'t>(&self, trace: &'t Trace, table: &[u32], hit: u32) -> Option<&'t LineLocals> {
        let i = *table.get(hit as usize)?;
        trace.line_locals.get(i as usize)
    }

    /// The record of line hit `hit` starting: its frame before it ran.
    pub fn before<'t>(&self, trace: &'t Trace, hit: u32) -> Option<&'t LineLocals> {
        self.record(trace, &self.started, hit)
    }

    /// The record of the frame of `hit` once the line ran: at its next
    /// line, or as it returned. `None` while it has not gone on (a
    /// coroutine suspended for good, the run's end) or past the budget.
    pub fn after<'t>(&self, trace: &'t Trace, hit: u32) -> Option<&'t LineLocals> {
        self.record(trace, &self.ended, hit)
    }

    /// The next line of the same frame (stepping over the line: calls and
    /// awaits it made run to their end); `None` if the frame returned or
    /// never went on.
    pub fn next_in_frame(&self, trace: &Trace, hit: u32) -> Option<u32> {
        self.after(trace, hit)?.hit
    }

    /// The previous line of the same frame.
    pub fn prev_in_frame(&self, trace: &Trace, hit: u32) -> Option<u32> {
        self.before(trace, hit)?.after
    }

    /// The line of the caller (or awaiting coroutine) running when the
    /// frame of `hit` was entered, if it is the program's.
    pub fn caller(&self, trace: &Trace, hit: u32) -> Option<u32> {
        self.before(trace, hit)?.caller
    }

    /// Whether the frame of `hit` returned right after it.
    pub fn returns_after(&self, trace: &Trace, hit: u32) -> bool {
        self.after(trace, hit).is_some_and(|r| r.hit.is_none())
    }

    /// Step over: the frame's next line; when the frame returns after
    /// `hit`, the caller's next line (step out).
    pub fn step_over(&self, trace: &Trace, hit: u32) -> Option<u32> {
        match self.after(trace, hit)? {
            LineLocals {
                hit: Some(next), ..
            } => Some(*next),
            LineLocals { hit: None, .. } => self.step_out(trace, hit),
        }
    }

    /// Step out: the line the caller runs once the frame of `hit` has
    /// returned (the caller's next line after the call; a caller that
    /// returns too passes it on to its own caller).
    pub fn step_out(&self, trace: &Trace, hit: u32) -> Option<u32> {
        let mut caller = self.caller(trace, hit)?;
        // Bounded by the depth of the call chain.
        for _ in 0..10_000 {
            match self.after(trace, caller)? {
                LineLocals {
                    hit: Some(next), ..
                } => return Some(*next),
                LineLocals { hit: None, .. } => caller = self.caller(trace, caller)?,
            }
        }
        None
    }

    /// The frames running `hit`, innermost first: the frame's function,
    /// then each caller's, as (line hit, record of its start).
    pub fn chain<'t>(&self, trace: &'t Trace, hit: u32) -> Vec<(u32, &'t LineLocals)> {
        let mut out = Vec::new();
        let mut at = Some(hit);
        while let Some(h) = at {
            let Some(r) = self.before(trace, h) else {
                break;
            };
            out.push((h, r));
            if out.len() >= 64 {
                break;
            }
            at = r.caller;
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::run::{run, Options};
    use std::rc::Rc;

    const PROGRAM: &str = "\
import asyncio

def double(x):
    y = x * 2
    return y

async def worker(n):
    total = 0
    for i in range(n):
        total += double(i)
        await asyncio.sleep(0.1)
    return total

async def main():
    t = asyncio.create_task(worker(2))
    r = await t
    print(r)

asyncio.run(main())
";

    fn traced(src: &str) -> (Trace, LocalsIndex) {
        let trace = run(
            src,
            "main.py",
            &Options {
                locals: true,
                ..Options::default()
            },
        );
        let index = LocalsIndex::new(&trace);
        (trace, index)
    }

    fn line(trace: &Trace, hit: u32) -> u32 {
        trace.lines[hit as usize].line
    }

    fn var(r: &LineLocals, name: &str) -> Option<String> {
        let l = r.locals.as_ref()?;
        l.vars
            .iter()
            .find(|v| &*v.name == name)
            .map(|v| v.repr.to_string())
    }

    /// The `n`-th hit (from 0) of `line`.
    fn nth_hit(trace: &Trace, line: u32, n: usize) -> u32 {
        (0..trace.lines.len() as u32)
            .filter(|h| trace.lines[*h as usize].line == line)
            .nth(n)
            .unwrap()
    }

    #[test]
    fn the_variables_after_a_line_are_its_frames_at_the_next_one() {
        let (trace, ix) = traced(PROGRAM);
        assert_eq!(trace.stdout, "2\n");
        let h = nth_hit(&trace, 4, 1); // y = x * 2, with x = 1
        let before = ix.before(&trace, h).unwrap();
        assert_eq!(&*before.function, "double");
        assert_eq!(var(before, "x").as_deref(), Some("1"));
        assert_eq!(var(before, "y"), None);
        let after = ix.after(&trace, h).unwrap();
        assert_eq!(var(after, "y").as_deref(), Some("2"));
        // The frame returns after line 5: its record ends the frame.
        let ret = ix.next_in_frame(&trace, h).unwrap();
        assert_eq!(line(&trace, ret), 5);
        assert!(ix.returns_after(&trace, ret));
    }

    #[test]
    fn stepping_over_a_call_and_an_await_stays_in_the_frame() {
        let (trace, ix) = traced(PROGRAM);
        // total += double(i): over the call, to the await.
        let h = nth_hit(&trace, 10, 0);
        let next = ix.step_over(&trace, h).unwrap();
        assert_eq!(line(&trace, next), 11);
        // Over the await: the loop's next line in the same task, in a
        // later step of the loop.
        let resumed = ix.step_over(&trace, next).unwrap();
        assert_eq!(line(&trace, resumed), 9);
        assert!(ix.before(&trace, resumed).unwrap().at > ix.before(&trace, next).unwrap().at);
        let after = ix.after(&trace, next).unwrap();
        assert_eq!(var(after, "total").as_deref(), Some("0"));
        assert_eq!(var(after, "i").as_deref(), Some("0"));
        // Stepping into the call goes to double's first line.
        assert_eq!(line(&trace, h + 1), 4);
        assert_eq!(ix.caller(&trace, h + 1), Some(h));
    }

    #[test]
    fn stepping_out_returns_to_the_callers_next_line() {
        let (trace, ix) = traced(PROGRAM);
        let inside = nth_hit(&trace, 4, 0);
        let out = ix.step_out(&trace, inside).unwrap();
        assert_eq!(line(&trace, out), 11, "the await after the call");
        // From the last line of the function, stepping over steps out.
        let ret = nth_hit(&trace, 5, 0);
        assert_eq!(ix.step_over(&trace, ret), Some(out));
        // A task's coroutine has no caller of the program's: nothing to
        // step out to.
        let w = nth_hit(&trace, 8, 0);
        assert_eq!(ix.step_out(&trace, w), None);
    }

    #[test]
    fn the_chain_of_a_line_lists_its_callers_innermost_first() {
        let (trace, ix) = traced(
            "\
import asyncio

async def leaf(k):
    await asyncio.sleep(0)
    return k

async def mid(k):
    v = await leaf(k + 1)
    return v

async def main():
    print(await mid(1))

asyncio.run(main())
",
        );
        assert_eq!(trace.stdout, "2\n");
        let h = nth_hit(&trace, 4, 0);
        let chain: Vec<(u32, String)> = ix
            .chain(&trace, h)
            .iter()
            .map(|(h, r)| (line(&trace, *h), r.function.to_string()))
            .collect();
        assert_eq!(
            chain,
            [(4, "leaf".into()), (8, "mid".into()), (12, "main".into())]
        );
        let (_, leaf) = ix.chain(&trace, h)[0];
        assert_eq!(var(leaf, "k").as_deref(), Some("2"));
    }

    #[test]
    fn a_line_that_changes_no_variable_shares_the_record_before() {
        let (trace, ix) = traced("def f():\n    x = 1\n    pass\n    pass\n    x = 2\n\nf()\n");
        let h = nth_hit(&trace, 3, 0);
        let a = ix.after(&trace, h - 1).unwrap().locals.clone().unwrap();
        let b = ix.after(&trace, h).unwrap().locals.clone().unwrap();
        let c = ix.after(&trace, h + 1).unwrap().locals.clone().unwrap();
        assert!(Rc::ptr_eq(&a, &b) && Rc::ptr_eq(&b, &c), "x = 1 throughout");
        let d = ix.after(&trace, h + 2).unwrap().locals.clone().unwrap();
        assert!(!Rc::ptr_eq(&c, &d));
        assert_eq!(&*d.vars[0].repr, "2");
    }

    #[test]
    fn the_output_after_a_line_is_what_it_printed_so_far() {
        let (trace, ix) = traced(
            "import asyncio\n\nasync def main():\n    print('a')\n    print('b', end='')\n    print('c')\n    await asyncio.sleep(0)\n    print('d')\n\nasyncio.run(main())\n",
        );
        assert_eq!(trace.stdout, "a\nbc\nd\n");
        let out = |line: u32| {
            let h = nth_hit(&trace, line, 0);
            &trace.stdout[..ix.after(&trace, h).unwrap().out as usize]
        };
        assert_eq!(out(4), "a\n");
        assert_eq!(out(5), "a\nb");
        assert_eq!(out(6), "a\nbc\n");
        assert_eq!(out(8), "a\nbc\nd\n");
    }

    #[test]
    fn without_the_option_nothing_is_recorded() {
        let trace = run(PROGRAM, "main.py", &Options::default());
        assert!(trace.line_locals.is_empty());
        assert!(LocalsIndex::new(&trace).is_empty());
    }

    #[test]
    fn module_variables_leave_out_definitions_and_imports() {
        let (trace, ix) = traced("import asyncio\nx = [1, 2]\ndef f():\n    pass\ny = {'a': x}\n");
        let h = nth_hit(&trace, 5, 0);
        let after = ix.after(&trace, h).unwrap();
        let names: Vec<&str> = after
            .locals
            .as_ref()
            .unwrap()
            .vars
            .iter()
            .map(|v| &*v.name)
            .collect();
        assert_eq!(names, ["x", "y"]);
        assert_eq!(var(after, "y").as_deref(), Some("{'a': [1, 2]}"));
    }

    #[test]
    fn variables_show_classes_and_builtin_subclasses_without_running_their_code() {
        let (trace, ix) = traced(
            "\
class Meta(type):
    def __repr__(cls):
        print('ran')
        return 'M'
class C(metaclass=Meta):
    pass
class L(list):
    pass
c = [C]
l = L([1, 2])
n = 0
",
        );
        assert_eq!(trace.stdout, "");
        let h = nth_hit(&trace, 11, 0);
        let before = ix.before(&trace, h).unwrap();
        assert_eq!(var(before, "c").as_deref(), Some("[<class '__main__.C'>]"));
        assert_eq!(var(before, "l").as_deref(), Some("[1, 2]"));
    }
}
