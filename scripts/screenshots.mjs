// Takes the README's screenshots of the built app (dist/, served by
// scripts/screenshots.sh) into docs/screenshots/: the asyncio spinner and
// the semaphore downloader mid-run at 1280x800 and 390x844, the semaphore
// downloader in the dark theme and in Chinese (desktop and phone), and the
// two spinners side by side at 1280x800. The first-visit guide is closed.
//   node scripts/screenshots.mjs BASE_URL OUT_DIR
import { chromium } from 'playwright-core';

const [base, out] = process.argv.slice(2);
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
  const page = await open(viewport, options);
  await page.goto(`${base}#s=${id}&n=${frame}`);
  await page.locator('.controls .tbtn').first().waitFor();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `${out}/${name}.png` });
  await page.close();
}
// The two spinners side by side, at t = 0.1 s (ten merged frames in).
{
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
await browser.close();
