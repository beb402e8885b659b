// What the end-to-end suites share: headless Chromium started the way this
// machine needs it, a runner that gives each test a fresh context, fails it
// on any error in the page, and prints "N passed, M failed" at the end.
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

// axe-core's source, evaluated in the page (an added <script> would break
// the page's CSP).
const axeSource = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

// WCAG 2.2 AA with axe-core on `selector` (the whole page by default): each
// serious or critical violation is pushed onto `found`, named by `where`.
export async function audit(page, where, found, selector = null) {
  await page.evaluate(axeSource);
  const result = await page.evaluate((sel) =>
    window.axe.run(sel ? document.querySelector(sel) : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    }), selector);
  for (const v of result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')) {
    const nodes = v.nodes.slice(0, 6).map((n) => `${n.target.join(' ')}: ${(n.failureSummary || '').split('\n').slice(1, 2).join('')}`);
    found.push(`${where}: ${v.id} (${v.impact})\n        ${nodes.join('\n        ')}`);
  }
}

export function check(cond, msg) {
  if (!cond) throw new Error(msg);
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless=new',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-dev-shm-usage',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

// `ignore(text)` says which console errors are expected (e.g. Chromium
// logging a 404 the test asked for); `setup(page)` runs before each body.
export function runner(browser, { viewport, ignore = () => false, setup = async () => {} } = {}) {
  let passed = 0;
  let failed = 0;
  async function test(name, body, options = {}) {
    // E2E_ONLY=REGEX runs only the tests whose names match (while fixing one).
    if (process.env.E2E_ONLY && !new RegExp(process.env.E2E_ONLY).test(name)) return;
    const context = await browser.newContext({ viewport: options.viewport || viewport, locale: 'en-US' });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !ignore(m.text())) errors.push(m.text());
    });
    try {
      await setup(page);
      await body(page, context);
      check(errors.length === 0, `errors in the page (an unhandled rejection shows here): ${errors.join(' | ')}`);
      passed++;
      console.log(`ok - ${name}`);
    } catch (e) {
      failed++;
      console.log(`FAILED - ${name}\n    ${String(e.stack || e).split('\n').join('\n    ')}`);
    } finally {
      await context.close();
    }
  }
  async function done() {
    await browser.close();
    console.log(`${passed} passed, ${failed} failed`);
    process.exit(failed === 0 ? 0 : 1);
  }
  return { test, done };
}
