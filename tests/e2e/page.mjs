// End-to-end tests of the page around the stepper: the user's work is never
// lost (saved as typed, links open beside it, Start over undoable), a
// link's program runs off the page's thread, the editor's keys, the
// keyboard, the first-visit guide and an accessibility audit (axe-core).
//   node tests/e2e/page.mjs http://127.0.0.1:PORT/
// scripts/e2e.sh builds dist/, serves it and runs this. Prints
// "N passed, M failed" last; exits non-zero if anything failed.
import { audit, check, launch, runner } from './harness.mjs';

const base = process.argv[2];
if (!base) {
  console.error('usage: node tests/e2e/page.mjs BASE_URL');
  process.exit(2);
}
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
  // a program much smaller) to the animation frame that first draws the
  // stepper, against the plain page on the same machine. Recorded by the
  // page itself as it happens: laying out the hundred thousand lines in the
  // editor afterwards keeps the page busy for seconds, and a probe sent
  // from here would only run after that.
  await page.addInitScript(() => {
    const seen = () => document.querySelector('button[aria-label="Step forward"]');
    const mark = () => requestAnimationFrame(() => {
      window.firstFrameAt = performance.now() - performance.getEntriesByType('navigation')[0].domInteractive;
    });
    new MutationObserver((_, observer) => {
      if (seen()) {
        observer.disconnect();
        mark();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const firstFrame = async () => {
    await page.waitForFunction(() => window.firstFrameAt !== undefined, null, { timeout: 60000 });
    return page.evaluate(() => window.firstFrameAt);
  };
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
  console.log(`    (first frame, linked and plain, ms: ${JSON.stringify(tries)})`);
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

await test('the first-visit guide appears once, steps, and Help brings it back', async (page) => {
  await page.goto(base);
  await page.evaluate(() => {
    sessionStorage.setItem('guide-test', '1');
    localStorage.removeItem('aioscope.guide');
  });
  await page.reload();
  const guide = page.getByRole('dialog', { name: 'Welcome to aioscope' });
  await guide.waitFor();
  await page.getByRole('button', { name: 'Next', exact: true }).click();
  await page.getByRole('dialog', { name: 'Pick a program' }).waitFor();
  check((await page.locator('.is-guided').count()) === 1, 'the step points at a part of the page');
  await page.getByRole('button', { name: 'Close the guide', exact: true }).click();
  check((await page.getByRole('dialog').count()) === 0, 'closed');
  await page.reload();
  await page.getByRole('button', { name: 'Step forward', exact: true }).waitFor();
  check((await page.getByRole('dialog').count()) === 0, 'never again once closed');
  await page.getByRole('button', { name: 'Help', exact: true }).click();
  await guide.waitFor();
  check(await page.evaluate(() => document.activeElement?.getAttribute('role') === 'dialog'), 'Help moves focus into it');
  await page.keyboard.press('Escape');
  check((await page.getByRole('dialog').count()) === 0, 'Escape closes it');
  check((await page.locator('.is-guided').count()) === 0, 'and its outline');
});

await test('Space toggles play wherever focus is but the editor; Escape closes menus', async (page) => {
  await page.goto(base + '#s=spinner_asyncio&n=1');
  const play = () => page.getByRole('button', { name: 'Pause', exact: true }).count();
  // After a click on a line number (a breakpoint), Space plays, and does not
  // remove the breakpoint.
  const lineButton = page.getByRole('region', { name: 'Code', exact: true }).locator('button').first();
  await lineButton.click();
  const bps = await page.locator('[aria-pressed="true"]').count();
  await page.keyboard.press('Space');
  check((await play()) === 1, 'Space after a line number plays');
  check((await page.locator('[aria-pressed="true"]').count()) === bps, 'and keeps the breakpoint');
  await page.keyboard.press('Space');
  check((await play()) === 0, 'Space pauses');
  // After any other button, Space does not press it again.
  await page.getByRole('button', { name: 'Step forward', exact: true }).click();
  await page.keyboard.press('Space');
  check((await play()) === 1, 'Space after Step forward plays (it does not step again)');
  await page.keyboard.press('Space');
  check((await play()) === 0, 'and pauses');
  // Escape closes a menu and gives focus back to its button.
  const menu = page.locator('summary', { hasText: 'Break on' });
  await menu.click();
  check((await page.locator('details[open]').count()) === 1, 'the menu opened');
  await page.getByRole('checkbox').first().focus();
  await page.keyboard.press('Escape');
  check((await page.locator('details[open]').count()) === 0, 'Escape closed it');
  check(await page.evaluate(() => document.activeElement?.tagName === 'SUMMARY'), 'focus is back on its button');
  // In the editor, Space types.
  const editor = await openEditor(page);
  await editor.fill('x');
  await editor.press('End');
  await editor.press('Space');
  check((await editor.inputValue()) === 'x ', 'Space types in the editor');
});

await test('the Scenario menu names what is shown after Back', async (page) => {
  await page.goto(base + '#s=spinner_asyncio&n=1');
  await page.getByRole('button', { name: 'Step forward', exact: true }).waitFor();
  const menu = page.getByLabel('Scenario', { exact: true });
  await page.evaluate(() => { location.hash = 's=flags_semaphore&n=1'; });
  await page.waitForFunction(() => document.querySelector('#scenario').value === 'flags_semaphore');
  await menu.selectOption({ label: 'Spinner with a thread' });
  await page.waitForFunction(() => /s=spinner_thread/.test(location.hash));
  // The menu's choice replaced the address; Back goes to the entry before.
  await page.goBack();
  await page.waitForFunction(() => /s=spinner_asyncio/.test(location.hash));
  await page.waitForFunction(() => document.querySelector('#scenario').value === 'spinner_asyncio', null, { timeout: 5000 });
  check((await page.locator('.intro__title').textContent()) === 'Spinner with asyncio', 'the title agrees');
});

// What sticks out of the window sideways: elements whose box passes its
// left or right edge and no scrolling or clipping box around them holds.
async function overflowing(page) {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const out = [];
    if (document.documentElement.scrollWidth > vw) out.push(`the page scrolls sideways: ${document.documentElement.scrollWidth} > ${vw}`);
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.height === 0 || (r.left >= -0.5 && r.right <= vw + 0.5)) continue;
      let held = false;
      for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
        const s = getComputedStyle(a);
        if (s.overflowX !== 'visible' || s.clip !== 'auto' || s.clipPath !== 'none') { held = true; break; }
      }
      const s = getComputedStyle(el);
      if (!held && s.visibility !== 'hidden' && s.position !== 'fixed') {
        const name = `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.trim().split(/\s+/).join('.') : ''}`;
        out.push(`${name} ${Math.round(r.left)}..${Math.round(r.right)}`);
      }
    }
    return out;
  });
}

await test('at 390×844 nothing overflows, every menu fits, and the explanation is visible after 10 steps', async (page) => {
  await page.goto(base + '#s=flags_semaphore&n=1');
  const forward = page.getByRole('button', { name: 'Step forward', exact: true });
  await forward.waitFor();
  let found = await overflowing(page);
  check(found.length === 0, `on opening: ${found.slice(0, 8).join('; ')}`);
  // Read further down the page (the console), then step with the controls.
  await page.getByRole('region', { name: 'Console', exact: true }).scrollIntoViewIfNeeded();
  const first = parseInt(await frame(page), 10);
  for (let i = 0; i < 10; i++) {
    const before = await frame(page);
    await forward.click();
    await page.waitForFunction((b) => document.querySelector('[aria-label="Frame"]')?.textContent.trim() !== b, before);
  }
  check(parseInt(await frame(page), 10) === first + 10, `ten steps: frame ${await frame(page)}`);
  const explain = page.locator('.explain__text');
  const box = await explain.boundingBox();
  check(box && box.y >= 0 && box.y + Math.min(box.height, 40) <= 844, `the explanation is in the window: ${JSON.stringify(box)}`);
  check(await explain.isVisible(), 'the explanation is visible');
  found = await overflowing(page);
  check(found.length === 0, `after 10 steps: ${found.slice(0, 8).join('; ')}`);
  // Each menu opens inside the window.
  for (const summary of await page.locator('details.menu > summary').all()) {
    await summary.click();
    const body = page.locator('details.menu[open] .menu__body');
    const b = await body.boundingBox();
    check(b && b.x >= 0 && b.x + b.width <= 390 + 0.5, `the menu ${await summary.getAttribute('aria-label') || await summary.textContent()} fits: ${JSON.stringify(b)}`);
    await page.keyboard.press('Escape');
  }
  // The panels' own selects and the downloader below fit too.
  await page.getByRole('region', { name: 'Real downloader', exact: true }).scrollIntoViewIfNeeded();
  found = await overflowing(page);
  check(found.length === 0, `down the page: ${found.slice(0, 8).join('; ')}`);
}, { viewport: { width: 390, height: 844 } });

// WCAG 2.2 AA with axe-core, on each main screen in both themes: no serious
// or critical violation (the real downloader's panel after a run: tests/e2e/downloader.mjs).
for (const scheme of ['light', 'dark']) {
  await test(`axe: no serious or critical violations (${scheme})`, async (page) => {
    const found = [];
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(base + '#s=flags_semaphore&n=12');
    await page.getByRole('button', { name: 'Step forward', exact: true }).waitFor();
    await audit(page, 'the stepper', found);
    await openEditor(page);
    await audit(page, 'Your code', found);
    await page.goto(base + '#s=spinner_asyncio&v=side&n=3');
    await page.getByRole('button', { name: 'Back to one program' }).waitFor();
    await audit(page, 'side by side', found);
    await page.evaluate(() => {
      sessionStorage.setItem('guide-test', '1');
      localStorage.removeItem('aioscope.guide');
    });
    await page.reload();
    await page.getByRole('dialog').waitFor();
    await audit(page, 'the guide', found);
    check(found.length === 0, found.join('\n      '));
  });
}

await done();
