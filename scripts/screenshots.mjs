// Takes the README's screenshots of the built app (dist/, served by
// scripts/screenshots.sh): the asyncio spinner and the semaphore
// downloader mid-run, at 1280x800 and 390x844, and the two spinners side by
// side at 1280x800, into docs/screenshots/.
//   node scripts/screenshots.mjs BASE_URL OUT_DIR
import { chromium } from 'playwright-core';

const [base, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
    '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const shots = [
  ['spinner-asyncio', 'spinner_asyncio', 21],
  ['flags-semaphore', 'flags_semaphore', 37],
];
const sizes = [
  ['desktop', 1280, 800],
  ['phone', 390, 844],
];
const schemes = (process.env.SCHEMES || 'light').split(',');
for (const scheme of schemes) {
  for (const [name, id, frame] of shots) {
    for (const [size, width, height] of sizes) {
      const page = await browser.newPage({ viewport: { width, height }, colorScheme: scheme, locale: 'en-US' });
      await page.goto(`${base}#s=${id}&f=${frame}`);
      await page.getByRole('button', { name: 'Step forward', exact: true }).waitFor();
      await page.waitForTimeout(500);
      const suffix = scheme === 'light' ? '' : `-${scheme}`;
      await page.screenshot({ path: `${out}/${name}-${size}${suffix}.png` });
      await page.close();
    }
  }
}
// The two spinners side by side, at t = 0.1 s (ten merged frames in).
{
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
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
