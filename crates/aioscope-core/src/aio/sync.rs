//! What a lock, semaphore, event, condition or queue holds, read from the
//! Python objects of `asyncio.py` in this one place.
//!
//! The library keeps its state in private attributes, as CPython's does
//! (`_locked`, `_value`, `_waiters`, `_queue`, ...). Only this module knows
//! their names; the trace and the page get a typed [`SyncState`], so a
//! renamed attribute fails the tests here instead of silently breaking a
//! panel.

use std::rc::Rc;

use crate::vm::value::{Instance, Value};

/// The state of one synchronisation object.
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
pub enum SyncState {
    /// `asyncio.Lock`.
    Lock {
        /// Whether it is held.
        locked: bool,
    },
    /// `asyncio.Semaphore` or `asyncio.BoundedSemaphore`.
    Semaphore {
        /// Its counter: permits left (0 when exhausted).
        value: i64,
        /// A `BoundedSemaphore`'s bound (its initial value).
        bound: Option<i64>,
    },
    /// `asyncio.Event`.
    Event {
        /// Whether it is set.
        set: bool,
    },
    /// `asyncio.Condition`.
    Condition {
        /// Whether its lock is held.
        locked: bool,
    },
    /// `asyncio.Queue` (and its LIFO and priority kinds).
    Queue {
        /// Items in it.
        len: u32,
        /// `maxsize` (0: unbounded).
        maxsize: i64,
    },
}

/// One object read: its state, the waiter lists (deques of futures, first
/// waiter first) and, for a queue, its first items.
pub struct SyncRead {
    /// The class's name (`Lock`, `BoundedSemaphore`, `LifoQueue`, ...).
    pub class: Rc<str>,
    /// Its state.
    pub state: SyncState,
    /// Futures of tasks waiting to acquire, wait or get, first first (a
    /// deque, a list or `None`, read in place by the caller).
    pub waiters: Option<Value>,
    /// A queue's futures of tasks waiting to put.
    pub putters: Option<Value>,
    /// A queue's items container.
    pub items: Option<Value>,
}

fn flag(inst: &Instance, name: &str) -> bool {
    matches!(inst.attrs.borrow().get(name), Some(Value::Bool(true)))
}

fn int(inst: &Instance, name: &str) -> Option<i64> {
    match inst.attrs.borrow().get(name) {
        Some(Value::Int(n)) => Some(*n),
        Some(Value::Bool(b)) => Some(*b as i64),
        _ => None,
    }
}

fn attr(inst: &Instance, name: &str) -> Option<Value> {
    inst.attrs.borrow().get(name).cloned()
}

/// Whether `class` (or a base of it) is the library's class `name`.
fn derives_from(inst: &Instance, name: &str) -> bool {
    &*inst.class.name == name
        || inst
            .class
            .mro
            .iter()
            .any(|c| &*c.name == name && c.module.starts_with("asyncio"))
}

/// Reads a tracked object; `None` for anything that is not one of the
/// library's synchronisation objects.
pub fn read(obj: &Value) -> Option<SyncRead> {
    let Value::Instance(inst) = obj else {
        return None;
    };
    let class = inst.class.name.clone();
    let mut out = SyncRead {
        class,
        state: SyncState::Event { set: false },
        waiters: attr(inst, "_waiters"),
        putters: None,
        items: None,
    };
    out.state = if derives_from(inst, "Queue") {
        out.waiters = attr(inst, "_getters");
        out.putters = attr(inst, "_putters");
        out.items = attr(inst, "_queue");
        let len = out.items.as_ref().map(seq_len).unwrap_or(0);
        SyncState::Queue {
            len: len as u32,
            maxsize: int(inst, "_maxsize").unwrap_or(0),
        }
    } else if derives_from(inst, "Semaphore") {
        SyncState::Semaphore {
            value: int(inst, "_value").unwrap_or(0),
            bound: int(inst, "_bound_value"),
        }
    } else if derives_from(inst, "Lock") {
        SyncState::Lock {
            locked: flag(inst, "_locked"),
        }
    } else if derives_from(inst, "Event") {
        SyncState::Event {
            set: flag(inst, "_value"),
        }
    } else if derives_from(inst, "Condition") {
        let locked = match attr(inst, "_lock") {
            Some(Value::Instance(lock)) => flag(&lock, "_locked"),
            _ => false,
        };
        SyncState::Condition { locked }
    } else {
        return None;
    };
    Some(out)
}

/// The length of a list or deque (0 for anything else, `None` included).
pub fn seq_len(v: &Value) -> usize {
    seq_visit(v, &mut |_| false)
}

/// The length of a list or deque and its first `n` items, cloned.
pub fn seq_prefix(v: &Value, n: usize) -> (usize, Vec<Value>) {
    let mut head = Vec::new();
    let len = seq_visit(v, &mut |x| {
        if head.len() < n {
            head.push(x.clone());
        }
        head.len() < n
    });
    (len, head)
}

/// The length of a list or deque; visits its items from the first, in
/// place (nothing cloned: the recorder calls this at every frame), while
/// `visit` says so.
pub fn seq_visit(v: &Value, visit: &mut dyn FnMut(&Value) -> bool) -> usize {
    fn walk<'a>(items: impl Iterator<Item = &'a Value>, visit: &mut dyn FnMut(&Value) -> bool) {
        for x in items {
            if !visit(x) {
                break;
            }
        }
    }
    match v {
        Value::List(l) => {
            let l = l.borrow();
            walk(l.iter(), visit);
            l.len()
        }
        Value::Object(_) => match v.downcast::<crate::vm::modules::stdlib::Deque>() {
            Some(d) => {
                let items = d.items.borrow();
                walk(items.iter(), visit);
                items.len()
            }
            None => 0,
        },
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vm::Vm;

    /// Runs `src` (which leaves the object in `obj`) and reads `obj`.
    fn state_after(src: &str) -> (SyncState, usize, usize) {
        let mut vm = Vm::new();
        crate::aio::install(&mut vm);
        let full = format!("import asyncio\n{}", src);
        if let Err(e) = vm.run_main(&full, "t.py") {
            let msg = match e {
                crate::vm::RunError::Exception(v) => vm.format_traceback(&v),
                other => format!("{:?}", other),
            };
            panic!("{}", msg);
        }
        let obj = vm.modules["__main__"].get("obj").expect("obj is set");
        let r = read(&obj).expect("a synchronisation object");
        let waiting = r.waiters.as_ref().map(seq_len).unwrap_or(0);
        let putting = r.putters.as_ref().map(seq_len).unwrap_or(0);
        (r.state, waiting, putting)
    }

    /// A loop left with its tasks pending: `run_until_complete` returns
    /// at the middle of the story, with no shutdown cancelling anything.
    const MIDWAY: &str = "\
loop = asyncio.new_event_loop()
obj = None
async def hold(l):
    async with l:
        await asyncio.sleep(1)
";

    #[test]
    fn a_lock_reads_held_while_a_task_holds_it_and_counts_its_waiters() {
        let src = format!(
            "{MIDWAY}\
async def main():
    global obj
    obj = asyncio.Lock()
    for _ in range(3):
        loop.create_task(hold(obj))
    await asyncio.sleep(0.5)
loop.run_until_complete(main())
"
        );
        assert_eq!(state_after(&src), (SyncState::Lock { locked: true }, 2, 0));
        let after = "obj = asyncio.Lock()\nasync def main():\n    async with obj:\n        pass\nasyncio.run(main())\n";
        assert_eq!(
            state_after(after),
            (SyncState::Lock { locked: false }, 0, 0)
        );
    }

    #[test]
    fn a_semaphore_reads_its_value_and_a_bounded_one_its_bound() {
        let src = "obj = asyncio.Semaphore(3)\nasync def main():\n    await obj.acquire()\nasyncio.run(main())\n";
        assert_eq!(
            state_after(src).0,
            SyncState::Semaphore {
                value: 2,
                bound: None
            }
        );
        let src = "obj = asyncio.BoundedSemaphore(2)\n";
        assert_eq!(
            state_after(src).0,
            SyncState::Semaphore {
                value: 2,
                bound: Some(2)
            }
        );
    }

    #[test]
    fn an_event_reads_set_and_a_condition_its_lock() {
        assert_eq!(
            state_after("obj = asyncio.Event()\nobj.set()\n").0,
            SyncState::Event { set: true }
        );
        let src = "obj = asyncio.Condition()\nasync def main():\n    await obj.acquire()\nasyncio.run(main())\n";
        assert_eq!(state_after(src).0, SyncState::Condition { locked: true });
    }

    #[test]
    fn a_queue_reads_its_length_and_maxsize_and_its_waiting_putters() {
        let src = format!(
            "{MIDWAY}\
async def main():
    global obj
    obj = asyncio.Queue(maxsize=2)
    for i in range(4):
        loop.create_task(obj.put(i))
    await asyncio.sleep(0)
loop.run_until_complete(main())
"
        );
        assert_eq!(
            state_after(&src),
            (SyncState::Queue { len: 2, maxsize: 2 }, 0, 2)
        );
        let unbounded = "obj = asyncio.Queue()\nobj.put_nowait(1)\n";
        assert_eq!(
            state_after(unbounded).0,
            SyncState::Queue { len: 1, maxsize: 0 }
        );
    }

    #[test]
    fn anything_else_is_not_a_synchronisation_object() {
        assert!(read(&Value::Int(3)).is_none());
    }
}
