# A Counter of outcomes tallied as tasks complete (as_completed), with a
# defaultdict grouping and heapq picking the fastest.
import asyncio
import heapq
import random
from collections import Counter, defaultdict, deque


async def job(n, rng):
    delay = rng.randint(1, 9) / 10
    await asyncio.sleep(delay)
    outcome = rng.choice(["ok", "ok", "slow", "error"])
    return n, delay, outcome


async def main():
    rng = random.Random("outcomes")
    outcomes = Counter()
    by_outcome = defaultdict(list)
    timings = []
    recent = deque(maxlen=3)
    tasks = [asyncio.create_task(job(n, rng)) for n in range(10)]
    for fut in asyncio.as_completed(tasks):
        n, delay, outcome = await fut
        outcomes[outcome] += 1
        by_outcome[outcome].append(n)
        heapq.heappush(timings, (delay, n))
        recent.append(n)
        print(f"t={asyncio.get_running_loop().time():.1f} job {n} -> {outcome}; recent {list(recent)}")
    print(outcomes)
    print(outcomes.most_common(2), outcomes.total())
    print(dict(by_outcome))
    print("fastest:", heapq.nsmallest(3, timings), "slowest:", heapq.nlargest(2, timings))
    print(Counter(n % 3 for n in range(10)) - Counter({0: 2}))


asyncio.run(main())
