# A downloader that records each result in a CSV report as soon as it
# arrives (so the rows come in completion order, not request order), then
# reads the report back with DictReader to summarise it. A bounded
# semaphore keeps three requests in flight.
import asyncio
import csv
import io
import json

import net

SITES = {
    'alpha': (0.3, 200, {'items': [1, 2, 3]}),
    'beta': (0.1, 200, {'items': []}),
    'gamma, inc': (0.25, 404, None),
    'delta "d"': (0.05, 500, None),
    'epsilon': (0.2, 200, {'items': list(range(7))}),
}
for name, (delay, status, payload) in SITES.items():
    url = f'http://api.test/{name.split()[0].strip(",")}'
    if payload is None:
        net.route(url, status=status, delay=delay)
    else:
        net.route(url, json=payload, delay=delay)


async def fetch(name, limit, writer):
    url = f'http://api.test/{name.split()[0].strip(",")}'
    async with limit:
        loop = asyncio.get_running_loop()
        started = loop.time()
        resp = await net.get(url)
        count = len((await resp.json())['items']) if resp.status == 200 else ''
        row = [name, url, resp.status, resp.reason, count,
               round(loop.time() - started, 3)]
        writer.writerow(row)
        print(f'{loop.time():.2f} {name!r}: {resp.status}')


async def main():
    limit = asyncio.Semaphore(3)
    with open('report.csv', 'w', newline='') as fh:
        writer = csv.writer(fh)
        writer.writerow(['site', 'url', 'status', 'reason', 'items', 'seconds'])
        await asyncio.gather(*(fetch(name, limit, writer) for name in SITES))
    with open('report.csv', newline='') as fh:
        print(fh.read(), end='')
    with open('report.csv', newline='') as fh:
        rows = list(csv.DictReader(fh))
    ok = [r for r in rows if r['status'] == '200']
    print(len(rows), 'rows;', len(ok), 'ok;',
          sum(int(r['items']) for r in ok), 'items;',
          max(rows, key=lambda r: float(r['seconds']))['site'])
    summary = io.StringIO()
    out = csv.DictWriter(summary, fieldnames=['site', 'status'], extrasaction='ignore',
                         quoting=csv.QUOTE_NONNUMERIC, lineterminator='\n')
    out.writeheader()
    out.writerows({**r, 'status': int(r['status'])} for r in rows)
    print(summary.getvalue(), end='')
    print(json.dumps([r['site'] for r in rows]))


asyncio.run(main())
