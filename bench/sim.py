"""Simulator throughput: aioscope's CLI against CPython 3.11 on the same program.

For each N, the flag-downloader program (bench/flags.py) runs under
`aioscope trace` (the full event trace is recorded; the transcript is
printed) and under the corpus oracle (real asyncio on a virtual clock), run
`--inline` so that CPython's time is its run of the program, without the
child interpreter the oracle otherwise starts.
Runs alternate, ours then CPython's, so both see the same machine noise;
each side's figure is its median, and the ratio is the median of the
per-pair ratios. The two transcripts must be identical, or the figure
would compare different work. Each run's peak memory (its maximum
resident set, from `wait4`) is kept too: the median per side.

    python3 bench/sim.py OUT.json [--sizes 1000,10000,100000] [--pairs 5]
"""
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
ORACLE = os.path.join(ROOT, 'tests', 'conformance', 'oracle.py')
OURS = os.path.join(ROOT, 'target', 'release', 'aioscope')
WORK = os.path.join(ROOT, 'target', 'bench')
# The oracle's default of 100,000 loop iterations is too few for N = 100,000.
GUARDS = ['--max-iterations', '100000000']
# Our CLI's default instruction budget stops runaways within seconds; the
# benchmark's biggest program must never meet it.
OURS_GUARDS = ['--instructions', '20000000000']

sys.path.insert(0, HERE)
import flags  # noqa: E402


def timed(cmd):
    """Runs `cmd`: seconds taken, stdout, stderr, and its peak memory in
    MB (the child's own maximum resident set, which `subprocess.run`
    cannot report: the rusage of all children together is a maximum over
    every run so far)."""
    # Output into files, so that nothing reaps the child before wait4 does.
    with tempfile.TemporaryFile() as fo, tempfile.TemporaryFile() as fe:
        start = time.perf_counter()
        p = subprocess.Popen(cmd, stdout=fo, stderr=fe)
        _, status, usage = os.wait4(p.pid, 0)
        elapsed = time.perf_counter() - start
        p.returncode = os.waitstatus_to_exitcode(status)
        fo.seek(0)
        fe.seek(0)
        out = fo.read().decode()
        err = fe.read().decode()
    if p.returncode != 0:
        sys.exit(f'{cmd[0]} failed ({p.returncode}):\n{err[-2000:]}')
    # ru_maxrss is in KiB on Linux.
    return elapsed, out, err, usage.ru_maxrss / 1024


def bench(n, pairs):
    path = os.path.join(WORK, f'flags_{n}.py')
    with open(path, 'w') as f:
        f.write(flags.program(n))
    ours_cmd = [OURS, 'trace', '--summary', *GUARDS, *OURS_GUARDS, path]
    cpython_cmd = [sys.executable, ORACLE, '--inline', *GUARDS, path]
    ours, theirs, ratios, mem_ours, mem_cpy = [], [], [], [], []
    summary = None
    for _ in range(pairs):
        t_ours, out_ours, err, m_ours = timed(ours_cmd)
        t_cpy, out_cpy, _, m_cpy = timed(cpython_cmd)
        if out_ours.strip() != out_cpy.strip():
            sys.exit(f'N={n}: aioscope and CPython printed different transcripts')
        summary = json.loads(err.strip().splitlines()[-1])
        ours.append(t_ours)
        theirs.append(t_cpy)
        ratios.append(t_ours / t_cpy)
        mem_ours.append(m_ours)
        mem_cpy.append(m_cpy)
    t = statistics.median(ours)
    return {
        'n': n,
        'pairs': pairs,
        'ours_s': round(t, 4),
        'cpython_s': round(statistics.median(theirs), 4),
        'ratio': round(statistics.median(ratios), 3),
        'frames': summary['frames'],
        'tasks': summary['tasks'],
        'events_per_s': round(summary['frames'] / t),
        'us_per_event': round(t / summary['frames'] * 1e6, 3),
        'peak_mb': round(statistics.median(mem_ours), 1),
        'cpython_peak_mb': round(statistics.median(mem_cpy), 1),
        'ratios': [round(x, 3) for x in ratios],
    }


def main(argv):
    out = argv[1]
    sizes = [1000, 10000, 100000]
    pairs = 5
    args = argv[2:]
    while args:
        a = args.pop(0)
        if a == '--sizes':
            sizes = [int(s) for s in args.pop(0).split(',')]
        elif a == '--pairs':
            pairs = int(args.pop(0))
        else:
            sys.exit(__doc__)
    os.makedirs(WORK, exist_ok=True)
    results = []
    for n in sizes:
        # Three pairs at the largest size: each takes seconds, and noise is
        # small beside it, but the median still needs more than one.
        r = bench(n, pairs if n <= 10000 else min(pairs, 3))
        print(f"  N={n:>7}: aioscope {r['ours_s']:.3f} s, CPython {r['cpython_s']:.3f} s, "
              f"ratio {r['ratio']:.2f}, {r['frames']} frames, {r['events_per_s']} events/s, "
              f"peak {r['peak_mb']:.0f} MB vs {r['cpython_peak_mb']:.0f} MB",
              flush=True)
        results.append(r)
    with open(out, 'w') as f:
        json.dump({'sim_scaling': results}, f, indent=2)


if __name__ == '__main__':
    main(sys.argv)
