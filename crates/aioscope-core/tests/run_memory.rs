//! Property: a run keeps no memory once it has ended. Programs whose
//! objects refer to each other in cycles (which `Rc` alone never frees)
//! run many times on one thread; the bytes still allocated on the thread
//! after the last run are those after the first (which may fill
//! per-thread caches, such as the compiled library modules).
//!
//! Bytes are counted per thread by this binary's allocator, so the tests
//! may run in parallel.

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::path::PathBuf;

use aioscope_core::run::{run, Options};

struct Counting;

thread_local! {
    /// Bytes allocated minus bytes freed on this thread. Constant-
    /// initialised and without a destructor, so the allocator may read it
    /// at any time, even while the thread exits.
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

fn count(delta: isize) {
    let _ = LIVE.try_with(|l| l.set(l.get() + delta));
}

// SAFETY: every call forwards to the system allocator unchanged; the
// counting touches only a thread-local integer and never allocates.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc(layout);
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }
    unsafe fn dealloc(&self, p: *mut u8, layout: Layout) {
        System.dealloc(p, layout);
        count(-(layout.size() as isize));
    }
    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        let p = System.alloc_zeroed(layout);
        if !p.is_null() {
            count(layout.size() as isize);
        }
        p
    }
    unsafe fn realloc(&self, p: *mut u8, layout: Layout, size: usize) -> *mut u8 {
        let q = System.realloc(p, layout, size);
        if !q.is_null() {
            count(size as isize - layout.size() as isize);
        }
        q
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn live() -> isize {
    LIVE.with(|l| l.get())
}

/// As the page runs programs: lines and the debugger's variables
/// recorded (the recordings are part of the trace, freed with it). The
/// instruction budget is small, so the runaway ends in a moment even in
/// an unoptimised build; the other programs need far less.
fn options() -> Options {
    Options {
        locals: true,
        instructions: 2_000_000,
        ..Options::default()
    }
}

/// The bytes a run of `source` leaves allocated on this thread, once it
/// has run once: `None` when every later run gives back all it took.
fn kept_after_runs(source: &str, runs: usize) -> Option<isize> {
    drop(run(source, "main.py", &options()));
    let after_first = live();
    for _ in 0..runs {
        drop(run(source, "main.py", &options()));
    }
    let kept = live() - after_first;
    (kept != 0).then_some(kept)
}

/// Each program makes cycles of one kind, and some garbage in cycles that
/// becomes unreachable long before the run ends; beside it, what `python3`
/// printed (the last two end with an exception and a runaway).
const CYCLES: &[(&str, &str, &str)] = &[
    (
        "a list and a dict holding themselves",
        "x = [1]\nx.append(x)\nd = {}\nd['d'] = d\nprint(x, d)\n\
         def f():\n    y = []\n    y.append(y)\n    z = {'z': None}\n    z['z'] = z\n\
         for _ in range(50):\n    f()\n",
        "[1, [...]] {'d': {...}}\n",
    ),
    (
        "a class hierarchy with methods, properties and a metaclass",
        "class Meta(type):\n    def __call__(cls, *a):\n        return super().__call__(*a)\n\
         class A(metaclass=Meta):\n    registry = []\n    def __init__(self, n):\n        self.n = n\n        A.registry.append(self)\n\
         \x20   @property\n    def double(self):\n        return self.n * 2\n    @classmethod\n    def make(cls):\n        return cls(1)\n\
         class B(A):\n    def __init__(self, n):\n        super().__init__(n)\n        self.me = self\n\
         print(B(3).double, A.make().n, len(A.registry))\n",
        "6 1 2\n",
    ),
    (
        "recursive closures and functions in their own defaults",
        "def outer():\n    def inner(n):\n        return 0 if n == 0 else inner(n - 1)\n    return inner\n\
         fs = [outer() for _ in range(20)]\nprint(sum(f(5) for f in fs))\n\
         def g(me=None):\n    return me\ng.self = g\n",
        "0\n",
    ),
    (
        "exceptions kept with their tracebacks",
        "def boom(n):\n    if n == 0:\n        raise ValueError('deep')\n    boom(n - 1)\nkept = []\n\
         for i in range(30):\n    try:\n        boom(5)\n    except ValueError as e:\n        kept.append(e)\n\
         def swallow():\n    try:\n        1 / 0\n    except ZeroDivisionError as e:\n        err = e\n    return 'ok'\n\
         print(swallow(), len(kept))\n\
         try:\n    raise KeyError('x') from kept[0]\nexcept KeyError as k:\n    last = k\n",
        "ok 30\n",
    ),
    (
        "generators suspended and holding themselves",
        "def gen():\n    me = yield 1\n    yield me\n\
         gs = []\nfor _ in range(20):\n    g = gen()\n    next(g)\n    g.send(g)\n    gs.append(g)\n\
         def count():\n    n = 0\n    while True:\n        yield n\n        n += 1\n\
         c = count()\nprint(next(c), next(c), len(gs))\n",
        "0 1 20\n",
    ),
    (
        "tasks, gather, sleeps and a task holding itself",
        "import asyncio\n\
         async def work(i):\n    me = asyncio.current_task()\n    await asyncio.sleep(0.01 * (i % 3))\n    return i\n\
         async def main():\n    results = await asyncio.gather(*(work(i) for i in range(300)))\n\
         \x20   t = asyncio.create_task(work(1))\n    t.add_done_callback(lambda _: t)\n    await t\n    print(sum(results))\n\
         asyncio.run(main())\n",
        "44850\n",
    ),
    (
        "failing tasks, cancellation, timeouts and a task group",
        "import asyncio\n\
         async def fail(i):\n    await asyncio.sleep(0)\n    raise RuntimeError(i)\n\
         async def forever():\n    await asyncio.sleep(100)\n\
         async def main():\n    r = await asyncio.gather(*(fail(i) for i in range(20)), return_exceptions=True)\n\
         \x20   t = asyncio.create_task(forever())\n    await asyncio.sleep(0)\n    t.cancel()\n\
         \x20   try:\n        await asyncio.wait_for(forever(), 0.5)\n    except asyncio.TimeoutError as e:\n        r.append(e)\n\
         \x20   try:\n        async with asyncio.TaskGroup() as tg:\n            tg.create_task(fail(1))\n            tg.create_task(forever())\n\
         \x20   except* RuntimeError as eg:\n        r.append(eg)\n\
         \x20   asyncio.create_task(fail(99))\n    await asyncio.sleep(0.1)\n    print(len(r))\n\
         asyncio.run(main())\n",
        "22\n",
    ),
    (
        "queues, locks, events, async generators and context variables",
        "import asyncio, contextvars, collections, weakref\n\
         var = contextvars.ContextVar('v')\n\
         async def agen():\n    for i in range(10):\n        yield i\n\
         async def producer(q):\n    for i in range(20):\n        await q.put(i)\n    await q.put(None)\n\
         async def consumer(q, lock, ev):\n    total = 0\n    while (x := await q.get()) is not None:\n        async with lock:\n            total += x\n    ev.set()\n    return total\n\
         async def main():\n    var.set(asyncio.current_task())\n    q = asyncio.Queue(3)\n    lock = asyncio.Lock()\n    ev = asyncio.Event()\n\
         \x20   c = asyncio.create_task(consumer(q, lock, ev))\n    await producer(q)\n    await ev.wait()\n\
         \x20   a = agen()\n    print(await c, await a.__anext__())\n\
         \x20   d = collections.deque([1])\n    d.append(d)\n\
         \x20   class Node:\n        pass\n    n = Node()\n    n.ref = weakref.ref(n, lambda r: n)\n\
         asyncio.run(main())\n",
        "190 0\n",
    ),
    (
        "a program that fails with a traceback through tasks",
        "import asyncio\n\
         async def inner():\n    await asyncio.sleep(0)\n    raise ValueError('no')\n\
         async def main():\n    await asyncio.gather(inner(), inner())\n\
         asyncio.run(main())\n",
        "",
    ),
    (
        "a program stopped by its instruction budget mid-cycle",
        "import asyncio\n\
         async def spin(box):\n    box.append(box)\n    while True:\n        await asyncio.sleep(0)\n\
         async def main():\n    await asyncio.gather(*(spin([]) for _ in range(10)))\n\
         asyncio.run(main())\n",
        "",
    ),
];

#[test]
fn runs_making_reference_cycles_give_back_all_their_memory() {
    for (what, source, stdout) in CYCLES {
        let trace = run(source, "main.py", &options());
        let ending = (trace.exit.summary(), trace.stderr.clone());
        assert_eq!(trace.stdout, *stdout, "{what}: {ending:?}");
    }
    let failures: Vec<String> = CYCLES
        .iter()
        .filter_map(|(what, source, _)| {
            kept_after_runs(source, 5).map(|bytes| format!("{what}: {bytes} bytes kept"))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn a_ten_thousand_task_gather_keeps_nothing_after_its_run() {
    let source = "import asyncio\n\
                  async def work(i):\n    await asyncio.sleep(0)\n    return i\n\
                  async def main():\n    print(sum(await asyncio.gather(*(work(i) for i in range(10000)))))\n\
                  asyncio.run(main())\n";
    let options = Options {
        lines: false,
        ..Options::default()
    };
    drop(run(source, "main.py", &options));
    let after_first = live();
    for _ in 0..2 {
        let trace = run(source, "main.py", &options);
        assert_eq!(trace.stdout, "49995000\n");
    }
    assert_eq!(live() - after_first, 0);
}

#[test]
fn every_conformance_case_gives_back_its_memory() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/conformance/cases");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("the conformance cases")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "py"))
        .collect();
    paths.sort();
    assert!(paths.len() > 50, "too few cases in {}", dir.display());
    // Every case in a release build; an unoptimised build (`cargo test`)
    // takes every fifth, as all of them take minutes there.
    let step = if cfg!(debug_assertions) { 5 } else { 1 };
    let failures: Vec<String> = paths
        .iter()
        .step_by(step)
        .filter_map(|p| {
            let source = std::fs::read_to_string(p).ok()?;
            kept_after_runs(&source, 1).map(|bytes| format!("{}: {bytes} bytes kept", p.display()))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}
