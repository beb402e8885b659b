// End-to-end test of the BUILT app with the tutorials' own programs: an old
// @asyncio.coroutine spinner pasted as is (3.11's error and why, then run
// as Python 3.10 and stepped to its end), Modernise's diff and the modern
// program running, and Ctrl+C at t = 1.5 on the cancel-all scenario.
//   node tests/e2e/tutorials.mjs http://127.0.0.1:PORT/
// scripts/e2e.sh builds dist/, serves it and runs this with the others.
import { check, launch, runner } from './harness.mjs';

const base = process.argv[2];
if (!base) {
  console.error('usage: node tests/e2e/tutorials.mjs BASE_URL');
  process.exit(2);
}

const browser = await launch();
// The first-visit guide has been closed (page.mjs tests it).
const seen = (page) => page.addInitScript(() => {
  if (location.protocol.startsWith('http')) localStorage.setItem('aioscope.guide', 'closed');
});
const { test, done } = runner(browser, { viewport: { width: 1280, height: 800 }, setup: seen });

const frame = async (page) => (await page.getByLabel('Frame', { exact: true }).textContent()).trim();
async function frameIs(page, ok) {
  const end = Date.now() + 5000;
  for (;;) {
    if (ok(await frame(page))) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}
// The console's text without the cursor's cell after it.
const consoleText = async (page) =>
  (await page.getByRole('region', { name: 'Console', exact: true }).locator('pre').textContent()).trimEnd();
const editorRegion = (page) => page.getByRole('region', { name: 'Your code', exact: true });
const runs = async (page) => Number(await editorRegion(page).getAttribute('data-runs'));
async function runEnded(page, before) {
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector('.panel--editor');
      return Number(el.dataset.runs) > n && el.getAttribute('aria-busy') === 'false';
    },
    before,
    { timeout: 20000 },
  );
}
async function openEditor(page) {
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Your code' });
  await page.locator('.panel--editor[aria-busy="false"]').waitFor();
  return page.getByLabel('Your program', { exact: true });
}

// The spinner of the tutorials (seeds/003), pasted verbatim.
const OLD_SPINNER = `import asyncio
import itertools
import sys


@asyncio.coroutine
def spin(msg):
    write, flush = sys.stdout.write, sys.stdout.flush
    status = ''
    for char in itertools.cycle('|/-\\\\'):
        status = char + ' ' + msg
        write(status)
        flush()
        write('\\x08' * len(status))
        try:
            yield from asyncio.sleep(.1)
        except asyncio.CancelledError:
            break
    write(' ' * len(status) + '\\x08' * len(status))


@asyncio.coroutine
def slow_function():
    # 假装等待I/O一段时间
    yield from asyncio.sleep(3)
    return 42


@asyncio.coroutine
def supervisor():
    spinner = asyncio.ensure_future(spin('thinking!'))
    print('spinner object:', spinner)
    result = yield from slow_function()
    spinner.cancel()
    return result


def main():
    loop = asyncio.get_event_loop()
    result = loop.run_until_complete(supervisor())
    loop.close()
    print('Answer:', result)


if __name__ == '__main__':
    main()
`;

await test('the old @asyncio.coroutine spinner: 3.11 explains its error, 3.10 runs it to the end', async (page) => {
  await page.goto(base);
  const editor = await openEditor(page);
  await editor.fill(OLD_SPINNER);
  let before = await runs(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await runEnded(page, before);
  const alert = editorRegion(page).getByRole('alert');
  check(
    (await alert.textContent()).includes("AttributeError: module 'asyncio' has no attribute 'coroutine'"),
    `CPython 3.11's error: ${await alert.textContent()}`,
  );
  const why = page.getByRole('note');
  check(/3\.11/.test(await why.textContent()) && /async def/.test(await why.textContent()),
    `an explanation says when it went and what to write now: ${await why.textContent()}`);
  before = await runs(page);
  await why.getByRole('button', { name: 'Run as Python 3.10', exact: true }).click();
  await runEnded(page, before);
  check(page.url().includes('&py=3.10'), `the link says 3.10: ${page.url()}`);
  check((await editorRegion(page).getByRole('alert').count()) === 0, 'no error as Python 3.10');
  // Step it to the end, a frame at a time for a while, then the rest.
  const forward = page.getByRole('button', { name: 'Step forward', exact: true });
  for (let i = 0; i < 5; i++) await forward.click();
  check(await frameIs(page, (f) => f.startsWith('6 / ')), `stepped: ${await frame(page)}`);
  check((await consoleText(page)).includes('spinner object: <Task pending'), 'the spinner task shows');
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  check(await frameIs(page, (f) => { const [a, b] = f.split(' / '); return a === b; }), `at the end: ${await frame(page)}`);
  check((await consoleText(page)).endsWith('Answer: 42'), `it ends as the tutorial says: ${await consoleText(page)}`);
});

await test('Modernise shows a diff, and the modern program runs as Python 3.11', async (page) => {
  await page.goto(base);
  const editor = await openEditor(page);
  await editor.fill(OLD_SPINNER);
  let before = await runs(page);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await runEnded(page, before);
  await page.getByRole('button', { name: 'Modernise…', exact: true }).click();
  const diff = page.getByRole('region', { name: 'Modernised program', exact: true });
  const text = await diff.textContent();
  check(text.includes('- @asyncio.coroutine'), `the decorator goes: ${text.slice(0, 300)}`);
  check(text.includes('+ async def spin(msg):'), 'async def comes');
  check(text.includes('+     result = await slow_function()'), 'yield from becomes await');
  before = await runs(page);
  await diff.getByRole('button', { name: 'Apply and run', exact: true }).click();
  await runEnded(page, before);
  check((await editor.inputValue()).includes('async def supervisor():'), 'the editor holds the modern program');
  check((await editorRegion(page).getByRole('alert').count()) === 0, 'it runs without an error');
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  check((await consoleText(page)).endsWith('Answer: 42'), `and ends as before: ${await consoleText(page)}`);
});

// What CPython 3.11.7 prints for scenarios/cancel_on_interrupt.py with
// Ctrl+C at t = 1.5 (tests/conformance/oracle.py --interrupt-at 1.5), and
// without.
const CPYTHON_AT_1_5 = "Waiting:  1\nWaiting:  2\nWaiting:  3\n['Task-2', 'Task-3', 'Task-4']\nTrue\nTrue\nTrue\nTask-1 Done after 1s\nTask-2 cancelled\nTask-3 cancelled\n".trimEnd();
const CPYTHON_NO_CTRL_C = 'Waiting:  1\nWaiting:  2\nWaiting:  3\nTask-1 Done after 1s\nTask-2 Done after 2s\nTask-3 Done after 3s\n'.trimEnd();

await test('Ctrl+C at t = 1.5 on the cancel-all scenario prints what CPython prints', async (page) => {
  await page.goto(base);
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Cancel everything on Ctrl+C' });
  const time = page.getByLabel('Ctrl+C time in seconds', { exact: true });
  await page.getByRole('button', { name: 'No Ctrl+C', exact: true }).click();
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  check((await consoleText(page)) === CPYTHON_NO_CTRL_C, `without Ctrl+C: ${JSON.stringify(await consoleText(page))}`);
  await time.fill('1.5');
  await page.getByRole('button', { name: 'Press Ctrl+C', exact: true }).click();
  await page.getByText('This run got Ctrl+C at t = 1.5 s.').waitFor();
  check(page.url().includes('s=cancel_on_interrupt'), `the link names the scenario: ${page.url()}`);
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  check((await consoleText(page)) === CPYTHON_AT_1_5, `with Ctrl+C at 1.5: ${JSON.stringify(await consoleText(page))}`);
  // The frame where it arrives says what happened.
  await page.getByRole('button', { name: 'Jump to start', exact: true }).click();
  const forward = page.getByRole('button', { name: 'Step forward', exact: true });
  let seen = false;
  for (let i = 0; i < 40 && !seen; i++) {
    seen = /Ctrl\+C at 1\.5 s/.test(await page.locator('.explain__text').textContent());
    if (!seen) await forward.click();
  }
  check(seen, 'a frame explains the Ctrl+C');
  // "Ctrl+C here" on a frame at t = 1 presses it then.
  await page.getByRole('button', { name: 'Jump to start', exact: true }).click();
  await page.getByRole('button', { name: 'Ctrl+C here', exact: true }).click();
  await page.getByText('This run got Ctrl+C at t = 0 s.').waitFor();
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  check((await consoleText(page)).includes("['Task-1', 'Task-2', 'Task-3', 'Task-4']"),
    `Ctrl+C at 0 finds every task pending: ${JSON.stringify(await consoleText(page))}`);
});

await done();
