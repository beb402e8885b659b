// End-to-end test of the REAL downloader in headless Chromium, against the
// latency server (aioscope-serve) run with
//   --latency 200ms --jitter 50ms --fail CD=500 --missing ET
// The page is driven through accessible names only; the server's /stats
// endpoint says, from outside the browser, how many requests were really in
// flight at once and whether a cancel left any behind.
//   node tests/e2e/downloader.mjs http://127.0.0.1:PORT/
// scripts/e2e-downloader.sh builds dist/, starts the server and runs this.
// Against a plain static server (no /stats), only the checks that need no
// latency server run: then every flag must simply download.
// Set DOWNLOADER_SCREENSHOT=path.png to save a picture of a finished run.
// Prints "N passed, M failed" last; exits non-zero if anything failed.
import { audit, check, launch, runner } from './harness.mjs';

const base = process.argv[2];
if (!base) {
  console.error('usage: node tests/e2e/downloader.mjs BASE_URL');
  process.exit(2);
}
const page_url = new URL('#downloader', base).href;

const browser = await launch();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
async function stats() {
  const r = await fetch(new URL('stats', base));
  check(r.ok, `/stats answered ${r.status}`);
  return r.json();
}

async function resetStats() {
  const r = await fetch(new URL('stats/reset', base), { method: 'POST' });
  check(r.ok, `/stats/reset answered ${r.status}`);
}

async function hasStats() {
  try {
    const r = await fetch(new URL('stats', base));
    return r.ok && (r.headers.get('content-type') || '').includes('json');
  } catch {
    return false;
  }
}

const { test, done } = runner(browser, {
  viewport: { width: 1280, height: 900 },
  // A 404 or 500 answer is logged by Chromium itself; that is the test.
  ignore: (text) => text.startsWith('Failed to load resource'),
  setup: async (page) => {
    // The first-visit guide (tested in page.mjs) would cover the charts.
    await page.addInitScript(() => localStorage.setItem('aioscope.guide', 'closed'));
    await page.goto(page_url);
    await page
      .getByRole('region', { name: 'Real downloader', exact: true })
      .waitFor({ timeout: 10000 })
      .catch(() => {
        throw new Error(`no region "Real downloader" at ${page_url}: the page must mount aioscope::downloader::DownloaderPanel there`);
      });
  },
});

const region = (page) => page.getByRole('region', { name: 'Real downloader', exact: true });
const control = (page, name) => region(page).getByLabel(name, { exact: true });
const button = (page, name) => region(page).getByRole('button', { name, exact: true });

async function counts(page) {
  return control(page, 'Results').evaluate((el) => ({
    asked: Number(el.dataset.asked),
    ok: Number(el.dataset.ok),
    notFound: Number(el.dataset.notFound),
    error: Number(el.dataset.error),
    cancelled: Number(el.dataset.cancelled),
    pending: Number(el.dataset.pending),
    running: el.dataset.running === 'true',
  }));
}

async function settle(page, timeout = 20000) {
  const end = Date.now() + timeout;
  for (;;) {
    const c = await counts(page);
    if (!c.running && c.asked > 0 && c.pending === 0) return c;
    check(Date.now() < end, `the run did not end: ${JSON.stringify(c)}`);
    await sleep(50);
  }
}

async function configure(page, { mode = 'concurrent', limit = 5, flags = 20, metadata = false, timeout = 3000 }) {
  await control(page, 'Mode').selectOption(mode);
  if (mode === 'concurrent') await control(page, 'Concurrency limit').fill(String(limit));
  await control(page, 'Flags').fill(String(flags));
  await control(page, 'Timeout (ms)').fill(String(timeout));
  await control(page, 'Fetch metadata').setChecked(metadata);
}

async function flagStatus(page, cc) {
  return region(page).locator(`li[data-cc="${cc}"] .dl-flag__status`).textContent();
}

const adds = (c) => c.ok + c.notFound + c.error + c.cancelled === c.asked;
const withServer = await hasStats();

await test('the panel has its controls, and a prediction before any run', async (page) => {
  for (const name of ['Download', 'Cancel', 'Block the loop']) {
    await button(page, name).waitFor();
  }
  for (const name of ['Mode', 'Concurrency limit', 'Fetch metadata', 'Results']) {
    await control(page, name).waitFor();
  }
  check(await button(page, 'Cancel').isDisabled(), 'Cancel is disabled before a run');
  // The prediction simulates after the page's first paint.
  await region(page).locator('figure[aria-busy="false"]').first().waitFor();
  const bars = await region(page)
    .getByRole('img', { name: 'Timeline the simulator predicts', exact: true })
    .locator('rect.dl-tl__bar--wait')
    .count();
  check(bars === 20, `the prediction draws 20 requests: ${bars}`);
});

if (withServer) {
  await test('20 flags, limit 5, 200 ms: counts match the failures, 5 in flight at most', async (page) => {
    await configure(page, { limit: 5 });
    await resetStats();
    const t0 = Date.now();
    await button(page, 'Download').click();
    // While it runs, the spinner keeps turning.
    await sleep(300);
    const ticks1 = Number(await region(page).locator('.dl-spinner').getAttribute('data-ticks'));
    await sleep(300);
    const ticks2 = Number(await region(page).locator('.dl-spinner').getAttribute('data-ticks'));
    check(ticks2 > ticks1, `the spinner turns during the downloads: ${ticks1} -> ${ticks2}`);
    const c = await settle(page);
    const wall = Date.now() - t0;
    check(c.asked === 20, `asked 20: ${JSON.stringify(c)}`);
    check(c.ok === 18 && c.notFound === 1 && c.error === 1 && c.cancelled === 0, `counts: ${JSON.stringify(c)}`);
    check(wall >= 600, `four rounds of ~200 ms take a while: ${wall} ms`);
    check((await flagStatus(page, 'CD')).trim() === 'HTTP 500 Internal Server Error', `CD: ${await flagStatus(page, 'CD')}`);
    check((await flagStatus(page, 'ET')).trim() === 'HTTP 404 Not Found', `ET: ${await flagStatus(page, 'ET')}`);
    const s = await stats();
    check(s.max_in_flight === 5, `the server saw at most 5 in flight: ${JSON.stringify(s)}`);
    check(s.in_flight === 0, `nothing left in flight: ${JSON.stringify(s)}`);
    check(s.requests === 20 && s.completed === 20, `20 requests answered: ${JSON.stringify(s)}`);
    check(s.by_status['200'] === 18 && s.by_status['404'] === 1 && s.by_status['500'] === 1, `statuses: ${JSON.stringify(s)}`);
    const realBars = await region(page)
      .getByRole('img', { name: 'Timeline of the real run', exact: true })
      .locator('rect.dl-tl__bar--recv')
      .count();
    check(realBars === 20, `the real timeline has 20 answered requests: ${realBars}`);
    const caption = await region(page).locator('figure').nth(0).locator('figcaption').textContent();
    check(caption.includes('at most 5 requests in flight'), `real caption: ${caption}`);
  });

  await test('cancel mid-run: nothing left in flight, the counts add up', async (page) => {
    await configure(page, { limit: 5 });
    await resetStats();
    await button(page, 'Download').click();
    await sleep(300); // round two is in flight
    const before = await stats();
    check(before.in_flight > 0, `requests in flight before the cancel: ${JSON.stringify(before)}`);
    await button(page, 'Cancel').click();
    const c = await settle(page);
    check(adds(c), `counts add up: ${JSON.stringify(c)}`);
    check(c.cancelled > 0 && c.cancelled < 20, `some flags were cancelled: ${JSON.stringify(c)}`);
    await sleep(250);
    const s = await stats();
    check(s.in_flight === 0, `zero in flight after the cancel: ${JSON.stringify(s)}`);
    check(s.aborted > 0, `the server saw the aborted requests: ${JSON.stringify(s)}`);
    check(s.requests === s.completed + s.aborted, `every request answered or aborted: ${JSON.stringify(s)}`);
    check((await flagStatus(page, 'FR')).trim() === 'cancelled', 'FR, last in line, was cancelled');
  });

  await test('sequential with metadata: one request at a time, names from metadata.json', async (page) => {
    await configure(page, { mode: 'sequential', flags: 3, metadata: true });
    await resetStats();
    await button(page, 'Download').click();
    const c = await settle(page);
    check(c.ok === 3 && adds(c), `counts: ${JSON.stringify(c)}`);
    const s = await stats();
    check(s.max_in_flight === 1 && s.requests === 6, `one at a time, 6 requests: ${JSON.stringify(s)}`);
    check((await flagStatus(page, 'CN')).trim() === 'China', `CN named from its metadata: ${await flagStatus(page, 'CN')}`);
    const img = region(page).getByRole('img', { name: 'Flag of China', exact: true });
    check(await img.isVisible(), 'the downloaded flag is shown');
  });

  await test('a timeout shorter than the latency aborts each request', async (page) => {
    await configure(page, { limit: 5, flags: 3, timeout: 100 });
    await resetStats();
    await button(page, 'Download').click();
    const c = await settle(page);
    check(c.error === 3 && adds(c), `all time out: ${JSON.stringify(c)}`);
    check((await flagStatus(page, 'US')).trim() === 'timed out after 100 ms', `US: ${await flagStatus(page, 'US')}`);
    await sleep(250);
    const s = await stats();
    check(s.in_flight === 0 && s.aborted === 3, `aborted, not left in flight: ${JSON.stringify(s)}`);
  });

  await test('timeouts under the latency never put more than the limit in flight', async (page) => {
    // 200 ± 50 ms answers against a 250 ms timeout: some time out, and
    // each one's successor waits until its connection is gone.
    await configure(page, { limit: 5, flags: 20, timeout: 250 });
    await resetStats();
    await button(page, 'Download').click();
    const c = await settle(page);
    check(adds(c), `counts: ${JSON.stringify(c)}`);
    await sleep(300);
    const s = await stats();
    check(s.max_in_flight <= 5, `the server saw at most 5 in flight: ${JSON.stringify(s)}`);
    check(s.in_flight === 0, `nothing left in flight: ${JSON.stringify(s)}`);
  });

  await test('the blocked interval is marked on the real timeline; the run steps in the simulator', async (page) => {
    await configure(page, { limit: 2, flags: 6, timeout: 3000 });
    await button(page, 'Download').click();
    await sleep(150);
    await button(page, 'Block the loop').click();
    const c = await settle(page);
    check(c.ok === 6 && adds(c), `counts: ${JSON.stringify(c)}`);
    const real = region(page).getByRole('img', { name: /^Timeline of the real run; the loop was blocked/ });
    check((await real.locator('rect.dl-tl__blocked').count()) === 1, 'the blocked interval is drawn');
    await button(page, 'Step this run in the simulator').click();
    const editor = page.locator('.panel--editor');
    await page.waitForFunction(() => {
      const el = document.querySelector('.panel--editor');
      return el && Number(el.dataset.runs) > 0 && el.getAttribute('aria-busy') === 'false';
    }, null, { timeout: 20000 });
    const program = await page.getByLabel('Your program', { exact: true }).inputValue();
    check(program.includes('LIMIT = 2') && program.includes("'CN IN US ID BR PK'"), `the run's program: ${program.slice(0, 300)}`);
    await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
    const out = await page.getByRole('region', { name: 'Console', exact: true }).locator('pre').textContent();
    check(out.includes('6 of 6 flags downloaded'), `the simulated run: ${out}`);
    check(await editor.isVisible(), 'the editor shows it');
  });
} else {
  await test('without the latency server, every flag downloads from the static site', async (page) => {
    await configure(page, { limit: 5 });
    await button(page, 'Download').click();
    const c = await settle(page);
    check(c.ok === 20 && adds(c), `counts: ${JSON.stringify(c)}`);
  });
}

await test('an out-of-range number is clamped, and the value used is said', async (page) => {
  const limit = control(page, 'Concurrency limit');
  await limit.fill('99');
  const note = region(page).getByRole('status').filter({ hasText: 'Using 20 (1–20)' });
  await note.waitFor({ timeout: 5000 });
  await limit.evaluate((el) => el.blur());
  await note.waitFor({ state: 'detached', timeout: 5000 });
  check((await limit.inputValue()) === '20', `the field shows the value used: ${await limit.inputValue()}`);
  const flags = control(page, 'Flags');
  const using = region(page).getByRole('status').filter({ hasText: 'Using' });
  await flags.fill('');
  await using.filter({ hasText: 'Using 20 (1–20)' }).waitFor({ timeout: 5000 });
  await flags.fill('3');
  await using.waitFor({ state: 'detached', timeout: 5000 });
  check((await using.count()) === 0, 'no note once the text is the value');
});

await test('offline: each flag fails with a clear reason, nothing is sent', async (page, context) => {
  await configure(page, { limit: 5, flags: 4 });
  await context.setOffline(true);
  await button(page, 'Download').click();
  const c = await settle(page);
  await context.setOffline(false);
  check(c.error === 4 && adds(c), `counts: ${JSON.stringify(c)}`);
  const why = (await flagStatus(page, 'IN')).trim();
  check(why === 'offline: the browser has no network', `IN: ${why}`);
});

await test('Block the loop freezes the spinner for about 1.5 s', async (page) => {
  await sleep(400);
  const spinner = region(page).locator('.dl-spinner');
  const before = Number(await spinner.getAttribute('data-max-pause'));
  check(before < 1000, `no long pause yet: ${before}`);
  await button(page, 'Block the loop').click();
  await sleep(300);
  const after = Number(await spinner.getAttribute('data-max-pause'));
  check(after >= 1400, `the spinner froze: longest pause ${after} ms`);
});

// WCAG 2.2 AA with axe-core on the panel, before and after a run (with the
// latency server: failures, a timeout and the blocked interval on its chart),
// in both themes: no serious or critical violation.
for (const scheme of ['light', 'dark']) {
  await test(`axe: the panel has no serious or critical violations (${scheme})`, async (page) => {
    const found = [];
    await page.emulateMedia({ colorScheme: scheme });
    const panel = 'section.dl';
    await audit(page, 'before a run', found, panel);
    await configure(page, { limit: 5, flags: 20, metadata: true, timeout: withServer ? 240 : 3000 });
    await button(page, 'Download').click();
    await sleep(100);
    await button(page, 'Block the loop').click();
    const c = await settle(page);
    check(adds(c), `counts: ${JSON.stringify(c)}`);
    if (withServer) check(c.ok < 20, `some failed: ${JSON.stringify(c)}`);
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await audit(page, 'after a run', found, panel);
    await region(page).locator('details.dl-source > summary').click();
    await audit(page, 'with its source open', found, panel);
    check(found.length === 0, found.join('\n      '));
  });
}

const shot = process.env.DOWNLOADER_SCREENSHOT;
if (shot && withServer) {
  await test(`screenshot of a real run beside its prediction (${shot})`, async (page) => {
    await configure(page, { limit: 5, metadata: true });
    await button(page, 'Download').click();
    const c = await settle(page);
    check(adds(c), `counts: ${JSON.stringify(c)}`);
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await region(page).screenshot({ path: shot });
  }, { viewport: { width: 1100, height: 900 } });
}

await done();
