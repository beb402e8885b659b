// End-to-end tests of the page around the stepper: the user's work is never
// lost (saved as typed, links open beside it, Start over undoable), a
// link's program runs off the page's thread, the editor's keys, the
// keyboard, the first-visit guide and an accessibility audit (axe-core).
//   node tests/e2e/page.mjs http://127.0.0.1:PORT/
// scripts/e2e.sh builds dist/, serves it and runs this. Prints
// "N passed, M failed" last; exits non-zero if anything failed.
import { createRequire } from 'node:module';
import { check, launch, runner } from './harness.mjs';

const base = process.argv[2];
if (!base) {
  console.error('usage: node tests/e2e/page.mjs BASE_URL');
  process.exit(2);
}
const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

const browser = await launch();
// The first-visit guide is tested on its own; elsewhere it has been closed.
const seen = (page) => page.addInitScript(() => {
  if (location.protocol.startsWith('http') && !sessionStorage.getItem('guide-test')) {
    localStorage.setItem('aioscope.guide', 'closed');
  }
});
const { test, done } = runner(browser, { viewport: { width: 1280, height: 800 }, setup: seen });

const frame = async (page) => (await page.getByLabel('Frame', { exact: true }).textContent()).trim();
const consoleText = async (page) =>
  page.getByRole('region', { name: 'Console', exact: true }).locator('pre').textContent();
const editorRegion = (page) => page.getByRole('region', { name: 'Your code', exact: true });
const program = (page) => page.getByLabel('Your program', { exact: true });

async function openEditor(page) {
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Your code' });
  await page.locator('.panel--editor[aria-busy="false"]').waitFor();
  return program(page);
}
async function runsEnded(page, before, timeout = 30000) {
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector('.panel--editor');
      return el && Number(el.dataset.runs) > n && el.getAttribute('aria-busy') === 'false';
    },
    before,
    { timeout },
  );
}
async function runProgram(page) {
  const before = Number(await editorRegion(page).getAttribute('data-runs'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await runsEnded(page, before);
}
// A link to `src` in the app's format (src/lz.rs) with literals only: the
// length as a LEB128 varint, then a zero flag byte before each 8 bytes.
function packedLink(src) {
  const bytes = Buffer.from(src, 'utf8');
  const out = [];
  let n = bytes.length;
  do {
    out.push((n & 0x7f) | (n > 0x7f ? 0x80 : 0));
    n >>>= 7;
  } while (n > 0);
  for (let i = 0; i < bytes.length; i += 8) {
    out.push(0, ...bytes.subarray(i, i + 8));
  }
  return `${base}#c=${Buffer.from(out).toString('base64url')}&n=1`;
}
// A link to `src`, made the way a user makes one: run it, take the address.
async function linkTo(context, src) {
  const page = await context.newPage();
  await page.goto(base);
  await (await openEditor(page)).fill(src);
  await runProgram(page);
  const url = page.url();
  await page.close();
  return url;
}

await test("a large link's program runs in the worker; the default scenario shows at once", async (page) => {
  const lines = Array.from({ length: 100000 }, (_, i) => `x${i % 7} = ${i % 100}`).join('\n');
  const url = packedLink(`${lines}\nprint('big done')\n`);
  // Timed in the page from when its document is parsed (the browser's own
  // handling of a 1.4 MB address comes before that; a real link packs such
  // a program much smaller), against the plain page on the same machine.
  const firstFrame = () => page.evaluate(() => new Promise((resolve) => {
    const look = () => document.querySelector('button[aria-label="Step forward"]')
      ? resolve(performance.now() - performance.getEntriesByType('navigation')[0].domInteractive)
      : requestAnimationFrame(look);
    look();
  }));
  // The best of three tries: other work on a shared machine only slows.
  const tries = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(base);
    const plain = await firstFrame();
    await page.goto('about:blank');
    await page.goto(url);
    tries.push([await firstFrame(), plain].map(Math.round));
    if (tries[i][0] - tries[i][1] < 2000) break;
  }
  const best = Math.min(...tries.map(([linked, plain]) => linked - plain));
  check(best < 2000, `the default scenario shows within 2 s of the plain page's (linked, plain ms): ${JSON.stringify(tries)}`);
  check((await page.getByRole('status').filter({ hasText: 'default scenario' }).count()) === 1, 'says why');
  const t0 = Date.now();
  await runsEnded(page, 0, 120000);
  console.log(`    (the 100,000 lines ran in the worker in ${Date.now() - t0} ms)`);
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  check((await consoleText(page)).includes('big done'), 'then the program itself');
});

await test('a broken program in a link is refused by the worker; the default scenario stays', async (page) => {
  const url = packedLink('def f(:\n    pass\n');
  await page.goto(url);
  const alert = editorRegion(page).getByRole('alert');
  await alert.waitFor();
  check(/SyntaxError at line 1/.test(await alert.textContent()), `refused: ${await alert.textContent()}`);
  check((await page.getByRole('button', { name: 'Step forward', exact: true }).count()) === 1, 'a scenario is on screen');
});

await test('reload after edits not yet run keeps them', async (page) => {
  await page.goto(base);
  const editor = await openEditor(page);
  await editor.fill("print('ran')\n");
  await runProgram(page);
  await editor.fill("print('ran')\nprint('typed, not run')\n");
  await page.reload();
  await page.locator('.panel--editor[aria-busy="false"]').waitFor();
  check((await program(page).inputValue()).includes('typed, not run'), `the edits stay: ${await program(page).inputValue()}`);
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  check((await consoleText(page)).includes('ran'), "the link's run is on screen");
});

await test("opening someone's link keeps the user's own program beside it", async (page) => {
  const theirs = await linkTo(await browser.newContext(), "print('theirs')\n");
  await page.goto(base);
  await (await openEditor(page)).fill("print('mine')\n");
  await page.goto(theirs);
  await page.locator('.panel--editor[aria-busy="false"]').waitFor();
  check((await program(page).inputValue()) === "print('theirs')\n", "the link's program is in the editor");
  await page.getByRole('button', { name: 'Back to my program', exact: true }).click();
  check((await program(page).inputValue()) === "print('mine')\n", 'mine is back');
  // Typing into the link's program keeps it; mine can still be brought back.
  await page.reload();
  await page.locator('.panel--editor[aria-busy="false"]').waitFor();
  await program(page).press('End');
  await program(page).pressSequentially('# edited');
  check((await page.getByRole('button', { name: 'Back to my program' }).count()) === 0, 'typing chose the link');
  await page.getByRole('button', { name: 'Bring back the earlier program', exact: true }).click();
  check((await program(page).inputValue()) === "print('mine')\n", 'mine is the earlier program');
  await page.getByRole('button', { name: 'Bring back the earlier program', exact: true }).click();
  check((await program(page).inputValue()).includes('# edited'), 'and the swap goes back');
});

await test('Start over can be undone, with Ctrl+Z or the button', async (page) => {
  await page.goto(base);
  const editor = await openEditor(page);
  await editor.fill("print('my work')\n");
  await page.getByRole('button', { name: 'Start over', exact: true }).click();
  check((await editor.inputValue()).includes('import asyncio'), 'the starter program is back');
  await editor.press('Control+z');
  check((await editor.inputValue()) === "print('my work')\n", `Ctrl+Z undoes it: ${await editor.inputValue()}`);
  await page.getByRole('button', { name: 'Start over', exact: true }).click();
  await page.reload();
  await page.locator('.panel--editor[aria-busy="false"]').waitFor();
  await page.getByRole('button', { name: 'Bring back the earlier program', exact: true }).click();
  check((await program(page).inputValue()) === "print('my work')\n", 'after a reload too');
});

await test('the editor indents, pairs brackets and quotes, and Tab leaves it after Escape', async (page) => {
  await page.goto(base);
  const editor = await openEditor(page);
  await editor.fill('');
  await editor.pressSequentially('async def main():');
  await editor.press('Enter');
  await editor.pressSequentially('print(');
  await editor.pressSequentially("'hi");
  await editor.pressSequentially("')");
  await editor.press('Enter');
  await editor.press('Tab');
  await editor.pressSequentially('x');
  check(
    (await editor.inputValue()) === "async def main():\n    print('hi')\n        x",
    `as typed: ${JSON.stringify(await editor.inputValue())}`,
  );
  await editor.press('Shift+Tab');
  await editor.press('Control+z');
  check((await editor.inputValue()).endsWith('\n        x'), 'undo covers the edits');
  await editor.press('Escape');
  await editor.press('Tab');
  check(await page.evaluate(() => document.activeElement?.getAttribute('aria-label') !== 'Your program'), 'Tab left the editor');
});

await done();
