// Page benchmarks in headless Chromium against the release build served by
// aioscope-serve (run by scripts/bench.sh):
//   - first_frame_ms: navigation start to the first frame on screen (the
//     "Frame" readout shows "1 / N"), median of fresh page loads;
//   - first_frame_bytes: what the page downloaded until then (every
//     response of the page and its worker, headers and bodies as sent);
//   - imports_bytes: what running a program importing random, logging and
//     json downloads on top of that (the modules it imports);
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

// Counts the bytes of every response the page (or its worker) receives.
function countBytes(page) {
  const seen = { requests: 0, bytes: 0, pending: [] };
  page.on('requestfinished', (request) => {
    seen.pending.push(request.sizes().then((s) => {
      seen.requests += 1;
      seen.bytes += s.responseHeadersSize + s.responseBodySize;
    }, () => {}));
  });
  seen.settled = async () => {
    await Promise.all(seen.pending);
    return { requests: seen.requests, bytes: seen.bytes };
  };
  return seen;
}
const waitFirstFrame = async (page) => {
  await page.getByLabel('Frame', { exact: true }).waitFor({ timeout: 20000 });
  await page.waitForFunction(() => {
    const el = document.querySelector("[aria-label='Frame']");
    return el && /^1 \/ \d+$/.test(el.textContent.trim());
  });
};
const browser = await launch();
const results = {};

// First frame: a new context per load, so nothing is cached.
const loads = [];
const downloads = [];
for (let i = 0; i < 7; i++) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const counter = countBytes(page);
  await page.goto(base);
  await waitFirstFrame(page);
  const ms = await page.evaluate(() => performance.now());
  downloads.push(await counter.settled());
  if (i > 0) loads.push(ms); // the first load also warms the server's file cache
  await context.close();
}
results.first_frame_ms = median(loads);
results.first_frame_bytes = median(downloads.map((d) => d.bytes));
results.first_frame_requests = median(downloads.map((d) => d.requests));
console.log(`  first frame: median ${results.first_frame_ms.toFixed(0)} ms over ${loads.length} loads, ` +
  `${(results.first_frame_bytes / 1024).toFixed(0)} KiB downloaded in ${results.first_frame_requests} responses`);

// A program importing random, logging and json: what running it downloads
// beyond the page itself.
{
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const counter = countBytes(page);
  await page.goto(base);
  await waitFirstFrame(page);
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Your code' });
  await page.locator('.panel--editor[aria-busy="false"]').waitFor();
  const before = await counter.settled();
  const editor = page.getByLabel('Your program', { exact: true });
  await editor.fill([
    'import asyncio, json, logging, random',
    '',
    "logging.basicConfig(level=logging.INFO, format='%(message)s')",
    'random.seed(7)',
    '',
    'async def main():',
    '    await asyncio.sleep(random.random())',
    "    logging.info(json.dumps({'n': random.randint(1, 6)}))",
    "    print('imports ran')",
    '',
    'asyncio.run(main())',
    '',
  ].join('\n'));
  const region = page.getByRole('region', { name: 'Your code', exact: true });
  const runs = Number(await region.getAttribute('data-runs'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForFunction((n) => {
    const el = document.querySelector('.panel--editor');
    return Number(el.dataset.runs) > n && el.getAttribute('aria-busy') === 'false';
  }, runs, { timeout: 20000 });
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  const console_ = await page.getByRole('region', { name: 'Console', exact: true }).locator('pre').textContent();
  if (!console_.includes('imports ran')) throw new Error(`the program importing random, logging and json did not run: ${console_}`);
  const after = await counter.settled();
  results.imports_bytes = after.bytes - before.bytes;
  results.imports_requests = after.requests - before.requests;
  console.log(`  a program importing random, logging and json: ${results.imports_bytes} bytes more in ${results.imports_requests} responses`);
  await context.close();
}

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
