// End-to-end test of the BUILT app (dist/) in headless Chromium, driven only
// through accessible names, as a person with a screen reader would.
//   node tests/e2e/app.mjs http://127.0.0.1:PORT/
// scripts/e2e.sh builds dist/, serves it and runs this. Prints
// "N passed, M failed" last; exits non-zero if anything failed.
import { readFile } from 'node:fs/promises';
import { check, launch, runner } from './harness.mjs';

const base = process.argv[2];
if (!base) {
  console.error('usage: node tests/e2e/app.mjs BASE_URL');
  process.exit(2);
}

const browser = await launch();
const { test, done } = runner(browser, { viewport: { width: 1280, height: 800 } });

const clock = async (page) =>
  parseFloat((await page.getByLabel('Virtual time', { exact: true }).textContent()).trim());
const frame = async (page) => (await page.getByLabel('Frame', { exact: true }).textContent()).trim();
// Whether the frame counter comes to satisfy `ok` within 5 s: Yew renders
// after the event, and on a loaded machine it may yield to the browser first.
async function frameIs(page, ok) {
  const end = Date.now() + 5000;
  for (;;) {
    if (ok(await frame(page))) return true;
    if (Date.now() > end) return false;
    await new Promise((r) => setTimeout(r, 20));
  }
}
const consoleText = async (page) =>
  page.getByRole('region', { name: 'Console', exact: true }).locator('pre').textContent();

// The user's program runs in a Web Worker: the editor is aria-busy while it
// runs and counts the runs that ended in data-runs.
const editorRegion = (page) => page.getByRole('region', { name: 'Your code', exact: true });
async function openEditor(page) {
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Your code' });
  // Opening it runs the program kept in the browser: let that end first.
  await page.locator('.panel--editor[aria-busy="false"]').waitFor();
  return page.getByLabel('Your program', { exact: true });
}
async function runProgram(page) {
  const before = Number(await editorRegion(page).getAttribute('data-runs'));
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector('.panel--editor');
      return Number(el.dataset.runs) > n && el.getAttribute('aria-busy') === 'false';
    },
    before,
    { timeout: 20000 },
  );
}

await test('the asyncio spinner: step past t=0.3, step back once', async (page) => {
  await page.goto(base);
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Spinner with asyncio' });
  const forward = page.getByRole('button', { name: 'Step forward', exact: true });
  const back = page.getByRole('button', { name: 'Step back', exact: true });
  await forward.waitFor();
  for (const region of ['Code', 'Ready queue', 'Scheduled timers', 'Tasks', 'Console', 'Timeline']) {
    await page.getByRole('region', { name: region, exact: true }).waitFor();
  }
  check(await frameIs(page, (f) => f.startsWith('1 / ')), `starts at frame 1: ${await frame(page)}`);
  let steps = 0;
  while ((await clock(page)) <= 0.3) {
    await forward.click();
    steps++;
    check(steps < 100, 'virtual time never passed 0.3');
  }
  const total = (await frame(page)).split(' / ')[1];
  check(await frameIs(page, (f) => f === `${steps + 1} / ${total}`), `frame after ${steps} steps: ${await frame(page)}`);
  const after = await clock(page);
  await back.click();
  check(await frameIs(page, (f) => f === `${steps} / ${total}`), `one step back: ${await frame(page)}`);
  check((await clock(page)) <= 0.3 + 1e-9 && (await clock(page)) < after + 1e-9, 'the clock went back');
  const text = await consoleText(page);
  check(text.startsWith('spinner task: <Task pending'), `console starts with the task repr: ${text}`);
  const second = text.split('\n')[1];
  check(/^[|\/\\-] thinking!$/.test(second), `the console shows one spinner frame: ${JSON.stringify(second)}`);
  // The explanation is announced.
  const live = page.locator('[aria-live="polite"]');
  check((await live.textContent()).length > 10, 'an explanation is shown');
  // Play, then pause.
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  check(await frameIs(page, (f) => f === `${total} / ${total}`), 'at the end');
  check((await consoleText(page)).includes('Answer: 42'), 'the answer is printed');
  await page.getByRole('button', { name: 'Jump to start', exact: true }).click();
  check(await frameIs(page, (f) => f === `1 / ${total}`), 'back at the start');
  await page.getByRole('button', { name: 'Step into', exact: true }).click();
});

await test('the debugger: variables after a line, Follow a task and step over its awaits', async (page) => {
  await page.goto(base);
  await page.getByRole('button', { name: 'Step forward', exact: true }).waitFor();
  const editor = await openEditor(page);
  await editor.fill([
    'import asyncio', '',
    'async def work(name, n):',
    '    total = 0',
    '    for i in range(n):',
    '        total += i',
    '        await asyncio.sleep(0.1)',
    '    return total', '',
    'async def main():',
    "    a = asyncio.create_task(work('a', 3))",
    "    b = asyncio.create_task(work('b', 3))",
    '    print(await a + await b)', '',
    'asyncio.run(main())', '',
  ].join('\n'));
  await runProgram(page);
  const vars = page.getByRole('region', { name: 'Variables', exact: true });
  await page.getByLabel('Follow a task', { exact: true }).selectOption({ label: 'Task-3' });
  const into = page.getByRole('button', { name: 'Step into', exact: true });
  const over = page.getByRole('button', { name: 'Step over', exact: true });
  const current = () => page.locator('.ln--cur .ln__num').textContent();
  // Task-3's first lines: total = 0, then the loop, then total += i.
  for (let i = 0; i < 3; i++) await into.click();
  check((await current()) === '6', `at line 6: ${await current()}`);
  const text = async () => (await vars.textContent()).replace(/\s+/g, ' ');
  check(/after line 6/.test(await text()), `after the line: ${await text()}`);
  check(/name\s*'b'/.test(await text()) && /total\s*0/.test(await text()), `b's variables: ${await text()}`);
  // Over the await: the same task's next lines, its total growing.
  await over.click();
  await over.click();
  check((await current()) === '5', `back at the loop: ${await current()}`);
  await over.click();
  check(/total\s*1/.test(await text()) && /i\s*1/.test(await text()), `the second round: ${await text()}`);
  const back = page.getByRole('button', { name: 'Step back a line', exact: true });
  await back.click();
  check((await current()) === '5', `a line back: ${await current()}`);
});

await test('stepping by line, the console shows what each line printed', async (page) => {
  await page.goto(base);
  await page.getByRole('button', { name: 'Step forward', exact: true }).waitFor();
  const editor = await openEditor(page);
  await editor.fill([
    'import asyncio', '',
    'async def main():',
    "    print('one')",
    "    print('two', end='')",
    "    print('!')",
    '    await asyncio.sleep(0)',
    "    print('three')", '',
    'asyncio.run(main())', '',
  ].join('\n'));
  await runProgram(page);
  const into = page.getByRole('button', { name: 'Step into', exact: true });
  const current = () => page.locator('.ln--cur .ln__num').textContent();
  for (let i = 0; i < 10 && (await page.locator('.ln--cur .ln__num').count() === 0 || (await current()) !== '4'); i++) {
    await into.click();
  }
  check((await current()) === '4', `at line 4: ${await current()}`);
  // One step (one turn of the loop) runs lines 4 to 7; each line shows
  // the output once it ran.
  const out = async () => (await consoleText(page)).trim();
  check((await out()) === 'one', `after line 4: ${JSON.stringify(await out())}`);
  await into.click();
  check((await out()) === 'one\ntwo', `after line 5: ${JSON.stringify(await out())}`);
  await into.click();
  check((await out()) === 'one\ntwo!', `after line 6: ${JSON.stringify(await out())}`);
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  check((await out()) === 'one\ntwo!\nthree', `at the end: ${JSON.stringify(await out())}`);
});

await test('a syntax error is shown at its line; the last good run stays', async (page) => {
  await page.goto(base);
  await page.getByRole('button', { name: 'Step forward', exact: true }).waitFor();
  const editor = await openEditor(page);
  // First a good program.
  await editor.fill("import asyncio\n\nasync def main():\n    await asyncio.sleep(0.5)\n    print('done')\n\nasyncio.run(main())\n");
  await runProgram(page);
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  check((await consoleText(page)).includes('done'), 'the program ran');
  const good = await frame(page);
  // Then a broken one: line 3 lacks its colon.
  await editor.fill("import asyncio\n\nasync def main()\n    await asyncio.sleep(0.5)\n\nasyncio.run(main())\n");
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const alert = page.getByRole('alert');
  await alert.waitFor();
  const msg = await alert.textContent();
  check(/SyntaxError at line 3/.test(msg), `the message names line 3: ${msg}`);
  check(/expected ':'/.test(msg), `the message says what is wrong: ${msg}`);
  // At the line in the editor: the line number and the line are marked.
  const marked = page.locator('.editor__n.is-error');
  check((await marked.count()) === 1 && (await marked.textContent()) === '3', 'line 3 is marked in the gutter');
  const line = page.locator('.editor__line.is-error');
  check((await line.getAttribute('data-msg')).includes("expected ':'"), 'the message is on the line');
  // The last good run is still on screen.
  check(await frameIs(page, (f) => f === good), `the last good trace stays: ${await frame(page)} vs ${good}`);
  check((await consoleText(page)).includes('done'), 'its console too');
});

await test('a runtime error is shown at its line', async (page) => {
  await page.goto(base);
  const editor = await openEditor(page);
  await editor.fill("import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)\n    return 1 / 0\n\nasyncio.run(main())\n");
  await runProgram(page);
  const msg = await page.getByRole('alert').textContent();
  check(/ZeroDivisionError/.test(msg) && /line 5/.test(msg), `runtime error at line 5: ${msg}`);
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  const note = page.getByRole('region', { name: 'Code', exact: true }).locator('.ln-note--error');
  check((await note.textContent()).includes('ZeroDivisionError'), 'the code panel shows it under its line');
});

await test('stderr: a traceback appears at the frame that prints it, in the error colour; its line link moves the code view; ANSI colours render', async (page) => {
  await page.goto(base);
  const editor = await openEditor(page);
  await editor.fill([
    'import asyncio', '',
    'async def fail():',
    '    await asyncio.sleep(0.1)',
    "    raise ValueError('bad value')", '',
    'async def main():',
    '    t = asyncio.create_task(fail())',
    '    await asyncio.sleep(0.2)',
    "    print('\\033[32mgreen\\033[0m and \\033[1;31mbold red\\033[0m\\033[?25l')",
    '    del t',
    '    await asyncio.sleep(0.1)',
    "    print('after')",
    '    return 1 / 0', '',
    'asyncio.run(main())', '',
  ].join('\n'));
  await runProgram(page);
  // The error box keeps its one line and offers the whole traceback.
  const alert = page.getByRole('alert');
  check(/ZeroDivisionError: division by zero \(raised at line 14\)/.test(await alert.textContent()), `the one line: ${await alert.textContent()}`);
  await alert.getByText('Full traceback', { exact: true }).click();
  const full = await alert.locator('pre').textContent();
  check(full.startsWith('Traceback (most recent call last):\n  File "main.py", line 16, in <module>\n') && full.endsWith('           ~~^~~\nZeroDivisionError: division by zero\n'), `the whole traceback: ${JSON.stringify(full)}`);
  const cons = page.getByRole('region', { name: 'Console', exact: true });
  const code = page.getByRole('region', { name: 'Code', exact: true });
  // A new run opens at its first frame.
  check(await page.getByRole('button', { name: 'Jump to start', exact: true }).isDisabled(), 'at the first frame');
  check((await consoleText(page)).trim() === '', `nothing printed at the start: ${JSON.stringify(await consoleText(page))}`);
  await page.getByRole('button', { name: 'Next output', exact: true }).click();
  const err = cons.locator('.term__err').filter({ hasText: 'Task exception was never retrieved' });
  await err.first().waitFor();
  const at = await frame(page);
  const text = await consoleText(page);
  check(text.startsWith('green and bold red\nTask exception was never retrieved\n'), `stdout, then the traceback under it: ${JSON.stringify(text)}`);
  check(!text.includes('\u001b') && !text.includes('[32m') && !text.includes('[?25l'), `no escape sequence shows: ${JSON.stringify(text)}`);
  check(!text.includes('ZeroDivisionError'), 'the end\'s traceback is not there yet');
  // The terminal's error colour (8.1:1 on its background).
  const colour = (loc) => loc.evaluate((el) => getComputedStyle(el).color);
  check((await colour(err.first())) === 'rgb(255, 143, 143)', `stderr in the error colour: ${await colour(err.first())}`);
  // ANSI colours: green, then bold red, as a terminal draws them.
  const green = cons.locator('.ansi-f2');
  check((await green.textContent()) === 'green' && (await colour(green)) === 'rgb(63, 185, 80)', `green: ${await green.textContent()} ${await colour(green)}`);
  const red = cons.locator('.ansi-f1.ansi-bold');
  check((await red.textContent()) === 'bold red', `bold red: ${await red.textContent()}`);
  check((await red.evaluate((el) => getComputedStyle(el).fontWeight)) === '700', 'bold is bold');
  // One frame back, the traceback is not printed yet.
  await page.getByRole('button', { name: 'Step back', exact: true }).click();
  check(await frameIs(page, (f) => f !== at), 'stepped back');
  check(!(await consoleText(page)).includes('Task exception'), `not before its frame: ${JSON.stringify(await consoleText(page))}`);
  await page.getByRole('button', { name: 'Step forward', exact: true }).click();
  check(await frameIs(page, (f) => f === at), 'forward again');
  // The traceback's line is a link: it moves the code view to line 5 and marks it.
  const link = cons.getByRole('button', { name: 'Show line 5 in the code', exact: true });
  check((await link.textContent()) === 'File "main.py", line 5', `the link covers the place: ${await link.textContent()}`);
  await link.click();
  const marked = code.locator('.ln--linked');
  await marked.waitFor();
  check((await marked.locator('.ln__num').textContent()) === '5', 'line 5 is marked in the gutter');
  const inView = await marked.evaluate((el) => {
    const box = el.closest('.code').getBoundingClientRect();
    const r = el.getBoundingClientRect();
    return r.top >= box.top && r.bottom <= box.bottom;
  });
  check(inView, 'line 5 is scrolled into the code view');
  // At the end, the uncaught traceback follows 'after', with links to the
  // program's frames only (asyncio's own are not).
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  const end = await consoleText(page);
  check(/after\nTraceback \(most recent call last\):\n  File "main\.py", line 16, in <module>/.test(end), `the uncaught traceback at the end: ${JSON.stringify(end.slice(-400))}`);
  check(end.includes('           ~~^~~\nZeroDivisionError: division by zero'), 'with its carets');
  const names = await cons.locator('.term__link').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  check(JSON.stringify(names) === JSON.stringify(['Show line 5 in the code', 'Show line 16 in the code', 'Show line 14 in the code']), `links: ${names}`);
  await cons.getByRole('button', { name: 'Show line 14 in the code', exact: true }).click();
  await code.locator('.ln--linked .ln__num', { hasText: '14' }).waitFor();
});

await test('the link keeps the program and the frame; a bad link falls back', async (page) => {
  // The link names the frame by the counter's number.
  await page.goto(base + '#s=flags_semaphore&n=21');
  await page.getByRole('button', { name: 'Step forward', exact: true }).click();
  check(await frameIs(page, (f) => f.startsWith('22 / ')), `opened at frame 21, stepped to 22: ${await frame(page)}`);
  check(page.url().endsWith('#s=flags_semaphore&n=22'), `the URL follows: ${page.url()}`);
  // The user's program travels in the link, compressed.
  await (await openEditor(page)).fill("print('hello from a link')\n");
  await runProgram(page);
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  const link = page.url();
  check(/#c=[A-Za-z0-9_-]+&n=\d+$/.test(link), `a compressed program in the link: ${link}`);
  const other = await page.context().newPage();
  await other.goto(link);
  // The program runs in the worker (the default scenario is shown
  // meanwhile); its frames appear when it ends.
  await other.waitForFunction(() => {
    const el = document.querySelector('.panel--editor');
    return el && Number(el.dataset.runs) > 0 && el.getAttribute('aria-busy') === 'false';
  });
  check((await consoleText(other)).includes('hello from a link'), 'the link reopens the program at its frame');
  check(await frameIs(other, (f) => f.split(' / ')[0] === f.split(' / ')[1]), `at the link's frame: ${await frame(other)}`);
  // A bad link opened afresh (a reload right after a hash change would race
  // the page replacing the hash with the default scenario's).
  const bad = await page.context().newPage();
  await bad.goto(base + '#s=no_such_thing');
  const alert = bad.getByRole('alert');
  check((await alert.textContent()).includes('could not be opened'), 'a message for a bad link');
  check((await bad.getByLabel('Scenario', { exact: true }).inputValue()) === 'spinner_asyncio', 'the default scenario');
});

await test('a program that never ends runs off the page thread, shows its frames so far and can be stopped', async (page) => {
  await page.goto(base);
  const editor = await openEditor(page);
  const forward = page.getByRole('button', { name: 'Step forward', exact: true });
  const before = await frame(page);
  // Heavy steps that never end: only the instruction budget would stop it.
  await editor.fill(
    "import asyncio\n\nasync def main():\n    n = 0\n    while True:\n        n += 1\n        for i in range(20000):\n            pass\n        print('tick', n)\n        await asyncio.sleep(0.1)\n\nasyncio.run(main())\n",
  );
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const status = page.getByRole('status', { name: 'Run progress', exact: true });
  await status.waitFor();
  // Frames arrive while it runs.
  await page.waitForFunction(() => /Running… [1-9]\d* frames/.test(document.querySelector('.running')?.textContent || ''));
  check(/tick \d+/.test(await status.textContent()), `its output shows as it runs: ${await status.textContent()}`);
  // The page is not frozen: the last run still steps.
  await forward.click();
  const [n] = before.split(' / ');
  check(await frameIs(page, (f) => f.startsWith(`${Number(n) + 1} / `)), `the old run steps meanwhile: ${await frame(page)}`);
  // A look at the frames so far, while it goes on running.
  await page.getByRole('button', { name: 'Show frames so far', exact: true }).click();
  check(
    await frameIs(page, (f) => { const [a, b] = f.split(' / ').map(Number); return b > 1 && a === b; }),
    `the frames so far, at the last: ${await frame(page)}`,
  );
  check((await consoleText(page)).includes('tick 1'), 'with their output');
  check((await status.count()) === 1, 'and the program is still running');
  await page.getByRole('button', { name: 'Jump to start', exact: true }).click();
  check(await frameIs(page, (f) => f.startsWith('1 / ')), `the snapshot steps: ${await frame(page)}`);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  const alert = editorRegion(page).getByRole('alert');
  await alert.waitFor();
  check(/You stopped the program/.test(await alert.textContent()), `a message says so: ${await alert.textContent()}`);
  check((await status.count()) === 0, 'no longer running');
  // The frames recorded up to then are on screen, at the last of them.
  const shown = await frame(page);
  const [at, total] = shown.split(' / ').map(Number);
  check(total > 1 && at === total, `the frames so far, at the last: ${shown}`);
  check((await consoleText(page)).includes('tick 1'), 'with their output');
  await page.getByRole('button', { name: 'Jump to start', exact: true }).click();
  check(await frameIs(page, (f) => f === `1 / ${total}`), 'and they can be stepped');
  // Runs after a stop work (a fresh worker).
  await editor.fill("print('after the stop')\n");
  await runProgram(page);
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  check((await consoleText(page)).includes('after the stop'), 'the next run works');
});

await test('keyboard, language switch and exports', async (page) => {
  await page.goto(base + '#s=spinner_asyncio&f=0');
  await page.getByRole('button', { name: 'Step forward', exact: true }).waitFor();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  check(await frameIs(page, (f) => f.startsWith('3 / ')), `arrow keys step: ${await frame(page)}`);
  await page.keyboard.press('End');
  const [total] = (await frame(page)).split(' / ').slice(1);
  check(await frameIs(page, (f) => f === `${total} / ${total}`), 'End jumps to the end');
  await page.keyboard.press('Home');
  check(await frameIs(page, (f) => f.startsWith('1 / ')), 'Home jumps to the start');
  const download = page.waitForEvent('download');
  await page.locator('summary', { hasText: 'Export' }).click();
  await page.getByRole('button', { name: 'Trace as Perfetto JSON' }).click();
  const file = await download;
  check(file.suggestedFilename() === 'aioscope-trace.json', 'a trace file');
  const json = JSON.parse(await readFile(await file.path(), 'utf8'));
  check(Array.isArray(json.traceEvents) && json.traceEvents.length > 10, 'Perfetto trace events');
  await page.getByRole('button', { name: '中文' }).click();
  await page.getByRole('button', { name: '前进一步', exact: true }).click();
  check((await page.getByLabel('帧', { exact: true }).textContent()).startsWith('2 / '), 'Chinese labels work');
  check((await page.locator('html').getAttribute('lang')) === 'zh-Hans', 'the page language follows');
  await page.getByRole('button', { name: 'EN' }).click();
});

// Fluent Python's second-edition downloader, as a learner pastes it.
const HTTPX_FLAGS = "import asyncio\nimport time\n\nimport httpx\n\nPOP20_CC = ('CN IN US ID BR PK NG BD RU JP '\n            'MX PH VN ET EG DE IR TR CD FR').split()\nBASE_URL = 'https://www.fluentpython.com/data/flags'\n\n\nasync def get_flag(client, cc):\n    url = f'{BASE_URL}/{cc}/{cc}.gif'.lower()\n    resp = await client.get(url, timeout=6.1, follow_redirects=True)\n    resp.raise_for_status()\n    return resp.content\n\n\nasync def download_one(client, cc, semaphore):\n    async with semaphore:\n        image = await get_flag(client, cc)\n    print(cc, end=' ', flush=True)\n    return cc\n\n\nasync def supervisor(cc_list, concur_req):\n    semaphore = asyncio.Semaphore(concur_req)\n    async with httpx.AsyncClient() as client:\n        to_do = [download_one(client, cc, semaphore) for cc in sorted(cc_list)]\n        res = await asyncio.gather(*to_do)\n    return len(res)\n\n\ndef main():\n    t0 = time.perf_counter()\n    count = asyncio.run(supervisor(POP20_CC, 5))\n    elapsed = time.perf_counter() - t0\n    print(f'\\n{count} flags downloaded in {elapsed:.2f}s')\n\n\nmain()\n";

await test('an httpx downloader runs as pasted; a slower host in the Virtual internet slows it', async (page) => {
  await page.goto(base);
  const editor = await openEditor(page);
  await editor.fill(HTTPX_FLAGS);
  await runProgram(page);
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  const first = await consoleText(page);
  check(/20 flags downloaded in 1\.32s/.test(first), `it runs as is: ${JSON.stringify(first.slice(-60))}`);
  const panel = page.getByRole('region', { name: 'Virtual internet', exact: true });
  const host = panel.locator('tr', { has: page.getByRole('rowheader', { name: 'www.fluentpython.com', exact: true }) });
  check((await host.textContent()).includes('20'), 'the panel lists the host with its 20 requests');
  const before = Number(await editorRegion(page).getAttribute('data-runs'));
  const latency = panel.getByLabel('Latency of www.fluentpython.com in ms', { exact: true });
  await latency.fill('1000');
  await latency.press('Tab');
  await page.waitForFunction(
    (n) => {
      const el = document.querySelector('.panel--editor');
      return Number(el.dataset.runs) > n && el.getAttribute('aria-busy') === 'false';
    },
    before,
    { timeout: 20000 },
  );
  await page.getByRole('button', { name: 'Jump to end', exact: true }).click();
  const second = await consoleText(page);
  check(/20 flags downloaded in 4\.52s/.test(second), `the slower host slows the run: ${JSON.stringify(second.slice(-60))}`);
});

await test("the real downloader's prediction runs on the Virtual internet: a slower flags.test slows it", async (page) => {
  await page.goto(base);
  await page.getByLabel('Scenario', { exact: true }).selectOption({ label: 'Flags with aiohttp' });
  const caption = page
    .getByRole('region', { name: 'Real downloader', exact: true })
    .locator('figure', { has: page.getByRole('img', { name: 'Timeline the simulator predicts', exact: true }) })
    .locator('figcaption');
  // The prediction simulates after the page's first paint.
  await page.locator('.dl figure[aria-busy="false"]').first().waitFor();
  const before = await caption.textContent();
  check(/flags\.test answering in 100 ms on the Virtual internet: 400 ms; ok 20/.test(before), `the base world's flags.test: ${before}`);
  const panel = page.getByRole('region', { name: 'Virtual internet', exact: true });
  const latency = panel.getByLabel('Latency of flags.test in ms', { exact: true });
  await latency.fill('1000');
  await latency.press('Tab');
  // 20 flags, 5 at a time (the panel's default): four rounds of 1 s.
  await page.waitForFunction(
    () => [...document.querySelectorAll('.dl figcaption')].some((c) => /answering in 1000 ms/.test(c.textContent)),
    null,
    { timeout: 20000 },
  );
  const after = await caption.textContent();
  check(/flags\.test answering in 1000 ms on the Virtual internet: 4000 ms; ok 20/.test(after), `the panel's latency: ${after}`);
});

await test('the running task and the tasks it touched stay in view in the Tasks panel at 1280×800', async (page) => {
  // More tasks than the panel holds (twenty flags downloaded by twenty
  // tasks, flags with their metadata), and tasks that wake one another
  // (gather, wait, a queue's workers): the rule is checked at every step.
  let running = 0;
  let together = 0;
  let scrolled = false;
  for (const id of ['flags_httpx', 'flags_metadata', 'gather_wait_as_completed', 'master_worker']) {
    await page.goto(base + `#s=${id}&n=1`);
    const forward = page.getByRole('button', { name: 'Step forward', exact: true });
    await forward.waitFor();
    for (let i = 0; i < 80; i++) {
      const before = await frame(page);
      if (await forward.isDisabled()) break;
      await forward.click();
      check(await frameIs(page, (f) => f !== before), `step ${i + 1} moved`);
      // The list scrolls in an effect after the render.
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      const seen = await page.evaluate(() => {
        const list = document.querySelector('.panel--tasks .tasks');
        if (!list) return null;
        const box = list.getBoundingClientRect();
        const shown = (b) => b.top >= Math.max(box.top, 0) - 1 && b.bottom <= Math.min(box.bottom, innerHeight) + 1;
        const run = list.querySelector('.task--running')?.getBoundingClientRect();
        const first = list.querySelector('.task--touched')?.getBoundingClientRect();
        return {
          frame: document.querySelector('[aria-label="Frame"]').textContent.trim(),
          scrolls: list.scrollHeight > list.clientHeight + 1,
          scrollTop: list.scrollTop,
          running: run ? shown(run) : null,
          // The running task and the first task it touched, if both fit.
          fit: run && first ? Math.max(run.bottom, first.bottom) - Math.min(run.top, first.top) <= list.clientHeight : false,
          both: run && first ? shown(run) && shown(first) : null,
        };
      });
      check(seen !== null, 'the Tasks panel lists tasks');
      scrolled ||= seen.scrolls && seen.scrollTop > 0;
      if (seen.running !== null) {
        check(seen.running, `frame ${seen.frame}: the running task is in view: ${JSON.stringify(seen)}`);
        running++;
      }
      if (seen.fit) {
        check(seen.both, `frame ${seen.frame}: the task it touched is in view too: ${JSON.stringify(seen)}`);
        together++;
      }
    }
  }
  check(running >= 20 && together >= 5, `checked ${running} running tasks, ${together} with a touched one`);
  check(scrolled, 'the list had to scroll to keep them in view');
});

await test("a scenario's comments follow the page's language, on the same frame", async (page) => {
  await page.goto(base + '#s=spinner_asyncio&n=5');
  await page.getByRole('button', { name: 'Step forward', exact: true }).waitFor();
  const code = () => page.locator('.panel--code').textContent();
  check((await code()).includes('# The asyncio spinner: one task draws'), 'English comments on the English page');
  await page.getByRole('button', { name: '中文' }).click();
  await page.waitForFunction(() => document.querySelector('.panel--code')?.textContent.includes('# asyncio 版旋转指针'));
  check(!(await code()).includes('The asyncio spinner'), 'no English comment left');
  check((await code()).includes('await asyncio.sleep(3)  # 假装要等很久的 I/O'), 'the code itself unchanged');
  check((await page.getByLabel('帧', { exact: true }).textContent()).trim().startsWith('5 / '), 'the same frame');
  await page.getByRole('button', { name: 'EN' }).click();
  await page.waitForFunction(() => document.querySelector('.panel--code')?.textContent.includes('# The asyncio spinner'));
});

await done();
