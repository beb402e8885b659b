# Tasks produce records; the results are gathered, encoded with json and
# decoded again, and a malformed reply fails with CPython's message.
import asyncio
import json


async def fetch(i):
    await asyncio.sleep(0.1 * (3 - i % 3))
    payload = {"id": i, "score": i * 1.5, "tags": ["t%d" % i] * (i % 2), "ok": i % 4 != 3,
               "note": None if i % 2 else "é-%d" % i}
    return json.dumps(payload, sort_keys=True)


async def parse(text, delay):
    await asyncio.sleep(delay)
    return json.loads(text)


async def main():
    raw = await asyncio.gather(*(fetch(i) for i in range(5)))
    for line in raw:
        print(line)
    records = [json.loads(r) for r in raw]
    summary = {"count": len(records), "total": sum(r["score"] for r in records),
               "failed": [r["id"] for r in records if not r["ok"]]}
    print(json.dumps(summary, indent=2))
    tasks = [asyncio.create_task(parse(t, d)) for t, d in
             [('{"a": [1, 2, 3]}', 0.2), ('{"a": 1,}', 0.1), ('[1, 2', 0.3)]]
    for coro in asyncio.as_completed(tasks):
        try:
            print("parsed:", await coro)
        except json.JSONDecodeError as e:
            print("bad reply:", e, "at", (e.lineno, e.colno))
    print(json.dumps({"elapsed": asyncio.get_running_loop().time()}, ensure_ascii=False))


asyncio.run(main())
