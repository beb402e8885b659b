# A breadth-first crawler as the tutorials write it: worker tasks take
# URLs from a queue, "fetch" a page (a sleep whose length depends on the
# host), resolve its links with urljoin, stay on the start host and skip
# what they have seen. The Windows loop-policy check runs first.
import asyncio
import platform
from urllib.parse import urljoin, urlparse, urldefrag

if platform.system() == "Windows":
    asyncio.set_event_loop_policy(asyncio.WindowsSelectorEventLoopPolicy())

SITE = {
    "https://docs.example.org/": ["guide/", "api/index.html", "https://other.org/x", "#top"],
    "https://docs.example.org/guide/": ["intro.html", "../api/index.html", "tasks.html?v=2#run"],
    "https://docs.example.org/api/index.html": ["../guide/intro.html", "queues.html", "//docs.example.org/"],
    "https://docs.example.org/guide/intro.html": ["./tasks.html?v=2", "/", "mailto:team@example.org"],
    "https://docs.example.org/guide/tasks.html?v=2": ["intro.html"],
    "https://docs.example.org/api/queues.html": ["../missing.html"],
}


async def fetch(url):
    await asyncio.sleep(0.1 * (1 + len(urlparse(url).path) % 3))
    if url not in SITE:
        raise LookupError(f"404 {url}")
    return SITE[url]


async def worker(name, queue, seen, host, log):
    while True:
        url = await queue.get()
        try:
            links = await fetch(url)
        except LookupError as e:
            log.append((name, "error", str(e)))
        else:
            log.append((name, "ok", url))
            for link in links:
                absolute, _ = urldefrag(urljoin(url, link))
                parts = urlparse(absolute)
                if parts.scheme in ("http", "https") and parts.hostname == host and absolute not in seen:
                    seen.add(absolute)
                    await queue.put(absolute)
        finally:
            queue.task_done()


async def main():
    start = "https://docs.example.org/"
    queue = asyncio.Queue()
    seen = {start}
    log = []
    await queue.put(start)
    host = urlparse(start).hostname
    workers = [asyncio.create_task(worker(f"w{i}", queue, seen, host, log), name=f"w{i}") for i in range(3)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    for entry in log:
        print(*entry)
    print(len(seen), "pages seen at", asyncio.get_running_loop().time())
    print(sorted(urlparse(u).path for u in seen))


asyncio.run(main())
