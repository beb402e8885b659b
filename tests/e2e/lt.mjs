import { launch } from '/work/main/tests/e2e/harness.mjs';
const base = process.argv[2];
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
await page.goto(base);
await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Your code' });
await page.locator('.panel--editor[aria-busy="false"]').waitFor();
for (const prog of [
  "import asyncio\n\nasync def main():\n    while True:\n        await asyncio.sleep(0)\n\nasyncio.run(main())\n",
  "import asyncio\n\nasync def w(i):\n    await asyncio.sleep(i * 0.001)\n    return i\n\nasync def main():\n    print(sum(await asyncio.gather(*[w(i) for i in range(5000)])))\n\nasyncio.run(main())\n",
]) {
  await page.evaluate(() => { window.__lt = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__lt.push(Math.round(e.duration)); }).observe({ type: 'longtask' }); });
  await page.getByLabel('Your program', { exact: true }).fill(prog);
  const t0 = Date.now();
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.locator('.panel--editor[aria-busy="true"]').waitFor().catch(() => {});
  await page.locator('.panel--editor[aria-busy="false"]').waitFor({ timeout: 60000 });
  await page.waitForTimeout(300);
  console.log('ms', Date.now() - t0, 'frame', await page.getByLabel('Frame', { exact: true }).textContent(), 'long tasks', JSON.stringify(await page.evaluate(() => window.__lt)));
}
await browser.close();
