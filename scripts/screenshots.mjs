// Takes the README's screenshots of the built app (dist/, served by
// scripts/screenshots.sh) into docs/screenshots/: the asyncio spinner and
// the semaphore downloader mid-run at 1280x800 and 390x844, the semaphore
// downloader in the dark theme and in Chinese (desktop and phone), and the
// two spinners side by side at 1280x800, and a failing program's console
// (a traceback at its frame, ANSI colours) in both themes. The first-visit
// guide is closed. Names after OUT_DIR retake only those pictures.
//   node scripts/screenshots.mjs BASE_URL OUT_DIR [NAME...]
import { chromium } from 'playwright-core';

const [base, out, ...only] = process.argv.slice(2);
const wanted = (name) => only.length === 0 || only.includes(name);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const desktop = { width: 1280, height: 800 };
const phone = { width: 390, height: 844 };

async function open(viewport, { scheme = 'light', locale = 'en-US' } = {}) {
  const page = await browser.newPage({ viewport, colorScheme: scheme, reducedMotion: 'reduce', locale });
  await page.addInitScript(() => localStorage.setItem('aioscope.guide', 'closed'));
  return page;
}

// [file, scenario, frame (n=, as the screen counts), viewport, options]
const shots = [
  ['spinner-asyncio-desktop', 'spinner_asyncio', 22, desktop],
  ['spinner-asyncio-phone', 'spinner_asyncio', 22, phone],
  ['flags-semaphore-desktop', 'flags_semaphore', 16, desktop],
  ['flags-semaphore-phone', 'flags_semaphore', 16, phone],
  ['flags-semaphore-desktop-dark', 'flags_semaphore', 16, desktop, { scheme: 'dark' }],
  ['flags-semaphore-phone-dark', 'flags_semaphore', 16, phone, { scheme: 'dark' }],
  ['flags-semaphore-desktop-zh', 'flags_semaphore', 16, desktop, { locale: 'zh-CN' }],
  ['flags-semaphore-phone-zh', 'flags_semaphore', 16, phone, { locale: 'zh-CN' }],
];
for (const [name, id, frame, viewport, options] of shots) {
  if (!wanted(name)) continue;
  const page = await open(viewport, options);
  await page.goto(`${base}#s=${id}&n=${frame}`);
  await page.locator('.controls .tbtn').first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/${name}.png` });
  await page.close();
}
// The two spinners side by side, at t = 0.1 s (ten merged frames in).
if (wanted('spinners-side-by-side')) {
  const page = await open(desktop);
  await page.goto(`${base}#s=spinner_thread`);
  await page.getByRole('button', { name: 'Side by side: threads vs asyncio', exact: true }).click();
  const view = page.getByRole('region', { name: 'Side by side', exact: true });
  for (let i = 0; i < 9; i++) await view.getByRole('button', { name: 'Step forward', exact: true }).click();
  await view.scrollIntoViewIfNeeded();
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/spinners-side-by-side.png` });
  await page.close();
}
// A failing program: a task's exception nobody retrieved, a coloured log
// line, then an uncaught error, at the end of the run, in both themes.
const failing = [
  'import asyncio', '',
  'async def fetch(n):',
  '    await asyncio.sleep(0.1 * n)',
  '    if n == 2:',
  "        raise ConnectionError(f'host {n} refused')",
  '    return n', '',
  'async def main():',
  '    t = asyncio.create_task(fetch(2))',
  '    await asyncio.sleep(0.3)',
  "    print('\\033[33mWARNING\\033[0m task 2:', t.done())",
  '    del t',
  '    results = await asyncio.gather(fetch(1), fetch(3))',
  "    print('\\033[32mOK\\033[0m', results)",
  "    return {'total': sum(results)}['count']", '',
  'asyncio.run(main())', '',
].join('\n');
for (const [name, scheme] of [['console-traceback-desktop', 'light'], ['console-traceback-desktop-dark', 'dark']]) {
  if (!wanted(name)) continue;
  const page = await open(desktop, { scheme });
  await page.goto(base);
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Your code' });
  await page.locator('.panel--editor[aria-busy="false"]').waitFor();
  await page.getByLabel('Your program', { exact: true }).fill(failing);
  const runs = Number(await page.locator('.panel--editor').getAttribute('data-runs'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForFunction((n) => {
    const el = document.querySelector('.panel--editor');
    return Number(el.dataset.runs) > n && el.getAttribute('aria-busy') === 'false';
  }, runs);
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  // The console from its first line (the coloured print, the task's
  // traceback), its link to line 6 followed, scrolled to the console's end.
  const console_ = page.getByRole('region', { name: 'Console', exact: true });
  await console_.getByRole('button', { name: 'Show line 6 in the code', exact: true }).click();
  await page.mouse.move(0, 0);
  await page.evaluate(() => {
    document.querySelector('.panel--console .term').scrollTop = 0;
    const bottom = document.querySelector('.panel--console').getBoundingClientRect().bottom + window.scrollY;
    window.scrollTo(0, bottom + 16 - window.innerHeight);
  });
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${out}/${name}.png` });
  await page.close();
}
await browser.close();
