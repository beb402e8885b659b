// Page benchmarks in headless Chromium against the release build served by
// aioscope-serve (run by scripts/bench.sh):
//   - first_frame_ms: navigation start to the first frame on screen (the
//     "Frame" readout shows "1 / N"), median of fresh page loads;
//   - the real downloader: 20 flags at 200 ms for limits 1, 5 and 20, each
//     run's total time (the panel's own clock) against the ideal
//     ceil(20 / limit) x 200 ms.
//   node bench/page.mjs BASE_URL OUT.json
// The server must run with --latency 200ms and no jitter or failures.
import { writeFileSync } from 'node:fs';
import { launch } from '../tests/e2e/harness.mjs';

const [base, out] = process.argv.slice(2);
if (!base || !out) {
  console.error('usage: node bench/page.mjs BASE_URL OUT.json');
  process.exit(2);
}
const LATENCY_MS = 200;
const FLAGS = 20;
// Chromium opens at most 6 HTTP/1.1 connections to one server.
const BROWSER_PER_HOST = 6;

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)];
const browser = await launch();
const results = {};

// First frame: a new context per load, so nothing is cached.
const loads = [];
for (let i = 0; i < 7; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(base);
  const frame = page.getByLabel('Frame', { exact: true });
  await frame.waitFor({ timeout: 20000 });
  await page.waitForFunction(() => {
    const el = document.querySelector("[aria-label='Frame']");
    return el && /^1 \/ \d+$/.test(el.textContent.trim());
  });
  const ms = await page.evaluate(() => performance.now());
  if (i > 0) loads.push(ms); // the first load also warms the server's file cache
  await context.close();
}
results.first_frame_ms = median(loads);
console.log(`  first frame: median ${results.first_frame_ms.toFixed(0)} ms over ${loads.length} loads`);

// The real downloader.
const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
const page = await context.newPage();
await page.goto(new URL('#downloader', base).href);
const region = page.getByRole('region', { name: 'Real downloader', exact: true });
await region.waitFor({ timeout: 20000 });
const control = (name) => region.getByLabel(name, { exact: true });
const runs = [];
for (const limit of [1, 5, 20]) {
  await control('Mode').selectOption('concurrent');
  await control('Concurrency limit').fill(String(limit));
  await control('Flags').fill(String(FLAGS));
  await control('Timeout (ms)').fill('10000');
  await control('Fetch metadata').setChecked(false);
  const samples = [];
  for (let k = 0; k < 3; k++) {
    await region.getByRole('button', { name: 'Download', exact: true }).click();
    const results_el = control('Results');
    await page.waitForFunction(
      (el) => el.dataset.running === 'false' && Number(el.dataset.asked) > 0 && Number(el.dataset.pending) === 0 && el.dataset.elapsedMs,
      await results_el.elementHandle(),
      { timeout: 60000 },
    );
    const c = await results_el.evaluate((el) => ({ ok: Number(el.dataset.ok), ms: Number(el.dataset.elapsedMs) }));
    if (c.ok !== FLAGS) throw new Error(`limit ${limit}: ${c.ok} of ${FLAGS} flags downloaded`);
    samples.push(c.ms);
  }
  const ms = median(samples);
  const ideal = Math.ceil(FLAGS / limit) * LATENCY_MS;
  const idealInBrowser = Math.ceil(FLAGS / Math.min(limit, BROWSER_PER_HOST)) * LATENCY_MS;
  runs.push({ limit, ms, ideal_ms: ideal, ratio: ms / ideal, browser_ideal_ms: idealInBrowser, browser_ratio: ms / idealInBrowser });
  console.log(`  downloader limit ${String(limit).padStart(2)}: ${ms.toFixed(0)} ms, ideal ${ideal} ms (x${(ms / ideal).toFixed(2)}); with the browser's 6 per host ${idealInBrowser} ms (x${(ms / idealInBrowser).toFixed(2)})`);
}
await context.close();
await browser.close();
results.downloader = runs;
results.downloader_ratio_max = Math.max(...runs.map((r) => r.ratio));
results.downloader_browser_ratio_max = Math.max(...runs.map((r) => r.browser_ratio));
writeFileSync(out, JSON.stringify(results, null, 2));
