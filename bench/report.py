"""Merges the benchmark parts into target/bench.json and prints the table.

    python3 bench/report.py target/bench target/bench.json
"""
import glob
import gzip
import json
import os
import platform
import subprocess
import sys


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        with open('/proc/cpuinfo') as f:
            for line in f:
                if line.startswith('model name'):
                    cpu = line.split(':', 1)[1].strip()
                    break
    except OSError:
        pass

    def version(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
        except (OSError, IndexError):
            return 'unknown'

    return {
        'cpu': cpu,
        'cores': os.cpu_count(),
        'os': f'{platform.system()} {platform.release()}',
        'rustc': version(['rustc', '--version']),
        'python': platform.python_version(),
        'chromium': version(['chromium', '--version']),
    }


def sizes():
    wasm = glob.glob('dist/*.wasm')
    js = [p for p in glob.glob('dist/*.js') if not p.endswith('boot.js')]
    css = glob.glob('dist/*.css')

    def gz(path):
        with open(path, 'rb') as f:
            return len(gzip.compress(f.read(), 9))

    total = lambda paths, f: sum(f(p) for p in paths)  # noqa: E731
    html = glob.glob('dist/index.html')
    return {
        # What the page fetches before its first frame, as a server that
        # gzips would send it: the page, its module, glue and styles.
        'first_download_gzip_bytes': total(wasm + js + css + html, gz),
        'wasm_bytes': total(wasm, os.path.getsize),
        'wasm_gzip_bytes': total(wasm, gz),
        'js_bytes': total(js, os.path.getsize),
        'js_gzip_bytes': total(js, gz),
        'css_gzip_bytes': total(css, gz),
    }


def browser(log):
    out = {}
    with open(log) as f:
        for line in f:
            if line.startswith('BENCH '):
                out.update(json.loads(line[len('BENCH '):]))
    return out


def main(parts, out):
    with open(os.path.join(parts, 'sim.json')) as f:
        sim = json.load(f)
    with open(os.path.join(parts, 'page.json')) as f:
        page = json.load(f)
    b = browser(os.path.join(parts, 'browser.log'))
    scaling = sim['sim_scaling']
    at = {s['n']: s for s in scaling}
    at10k = at[10000]
    native_ms = at10k['ours_s'] * 1000
    # The acceptance figures of issue 18, by name.
    per_size = {}
    for n, name in ((1000, '1k'), (10000, '10k'), (100000, '100k')):
        if n in at:
            per_size[f'us_per_event_{name}'] = at[n]['us_per_event']
            per_size[f'peak_mb_{name}'] = at[n]['peak_mb']
            per_size[f'cpython_peak_mb_{name}'] = at[n]['cpython_peak_mb']
    if 100000 in at:
        s = at[100000]
        per_size['sim_ratio_vs_cpython_100k'] = s['ratio']
        per_size['bytes_per_frame_100k'] = round(s['peak_mb'] * 2**20 / s['frames'])
    r = {
        'sim_ratio_vs_cpython': at10k['ratio'],
        **per_size,
        'sim_ms': round(native_ms, 1),
        'cpython_ms': round(at10k['cpython_s'] * 1000, 1),
        'sim_events_per_s': at10k['events_per_s'],
        'browser_sim_ms': b['browser_sim_ms'],
        'wasm_vs_native': round(b['browser_sim_ms'] / native_ms, 3),
        'jump_frames': int(b['jump_frames']),
        'jump_median_ms': b['jump_median_ms'],
        'jump_p95_ms': b['jump_p95_ms'],
        'step_100k_median_ms': b['step_100k_median_ms'],
        'step_median_ms': b['step_100k_median_ms'],
        # Where a jump's time goes: the core's queries for one frame.
        'jump_core_queries_ms': {k[2:]: v for k, v in b.items() if k.startswith('q_')},
        'render_tasks': int(b['render_tasks']),
        'render_median_ms': b['render_median_ms'],
        'render_p95_ms': b['render_p95_ms'],
        'scenario_first_run_ms': b['scenario_first_run_ms'],
        'scenario_run_max_ms': b['scenario_run_max_ms'],
        'scenario_render_median_ms': b['scenario_render_median_ms'],
        'scenario_render_max_ms': b['scenario_render_max_ms'],
        **sizes(),
        'first_frame_ms': round(page['first_frame_ms'], 1),
        'first_frame_bytes': page['first_frame_bytes'],
        'first_frame_requests': page['first_frame_requests'],
        'imports_bytes': page['imports_bytes'],
        'imports_requests': page['imports_requests'],
        'downloader_ratio_max': round(page['downloader_ratio_max'], 3),
        'downloader_browser_ratio_max': round(page['downloader_browser_ratio_max'], 3),
        'sim_scaling': scaling,
        'downloader': page['downloader'],
        'machine': machine(),
    }
    with open(out, 'w') as f:
        json.dump(r, f, indent=2)
        f.write('\n')

    rows = [('Simulator, N = 10,000 flags: aioscope / CPython',
             f"{r['sim_ms']:.0f} ms / {r['cpython_ms']:.0f} ms = {r['sim_ratio_vs_cpython']:.2f}", '<= 0.5')]
    for s in scaling:
        rows.append((f"  scaling N = {s['n']:,}: {s['frames']:,} frames",
                     f"{s['ours_s']:.2f} s vs {s['cpython_s']:.2f} s = {s['ratio']:.2f}, "
                     f"{s['us_per_event']:.1f} µs/event; peak {s['peak_mb']:.0f} MB vs {s['cpython_peak_mb']:.0f} MB",
                     '<= 0.5, within 20%, peak <= CPython\'s'))
    rows += [
        ('Simulator in Chromium (wasm) / native', f"{r['browser_sim_ms']:.0f} ms / {r['sim_ms']:.0f} ms = {r['wasm_vs_native']:.2f}", '<= 1.5'),
        (f"Jump to a random frame of {r['jump_frames']:,}: median, p95", f"{r['jump_median_ms']:.1f} ms, {r['jump_p95_ms']:.1f} ms", 'p95 < 8 ms'),
        ('Step one frame in that trace: median', f"{r['step_median_ms']:.1f} ms", '< 4 ms'),
        (f"Render a frame with {r['render_tasks']:,} live tasks: median, p95", f"{r['render_median_ms']:.1f} ms, {r['render_p95_ms']:.1f} ms", 'p95 < 16 ms'),
        ('Switch scenario: run (worst), first render (median, worst)',
         f"{r['scenario_run_max_ms']:.1f} ms; {r['scenario_render_median_ms']:.1f} ms, {r['scenario_render_max_ms']:.1f} ms"
         f" (first run of the page {r['scenario_first_run_ms']:.0f} ms)", 'run + render < 50 ms'),
        ('Release .wasm: raw, gzip', f"{r['wasm_bytes'] / 1024:.0f} KiB, {r['wasm_gzip_bytes'] / 1024:.0f} KiB", ''),
        ('First download (page, .wasm, JS, CSS), gzip', f"{r['first_download_gzip_bytes']:,} bytes", '<= 300,000 bytes'),
        ('JS glue: raw, gzip; CSS gzip', f"{r['js_bytes'] / 1024:.0f} KiB, {r['js_gzip_bytes'] / 1024:.0f} KiB; {r['css_gzip_bytes'] / 1024:.0f} KiB", ''),
        ('First frame on localhost (median)', f"{r['first_frame_ms']:.0f} ms", '< 400 ms'),
        ('Downloaded before the first frame', f"{r['first_frame_bytes'] / 1024:.0f} KiB in {r['first_frame_requests']} responses", ''),
        ('Then a program importing random, logging, json', f"+{r['imports_bytes'] / 1024:.1f} KiB in {r['imports_requests']} responses", ''),
    ]
    for d in page['downloader']:
        rows.append((f"Real downloader, limit {d['limit']}: total / ideal",
                     f"{d['ms']:.0f} ms / {d['ideal_ms']} ms = {d['ratio']:.2f}"
                     + (f" (browser's 6 per host: {d['browser_ratio']:.2f})" if d['limit'] > 6 else ''),
                     '<= 1.2'))
    w = max(len(a) for a, _, _ in rows)
    v = max(len(b) for _, b, _ in rows)
    print()
    print(f"{'measure':<{w}}  {'result':<{v}}  target")
    for a, b_, c in rows:
        print(f'{a:<{w}}  {b_:<{v}}  {c}')
    m = r['machine']
    print(f"\n{m['cpu']}, {m['cores']} cores, {m['os']}; {m['rustc']}; CPython {m['python']}; {m['chromium']}")
    print(f'wrote {out}')


if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
