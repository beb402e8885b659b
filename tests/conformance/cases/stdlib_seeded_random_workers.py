# Workers sleep for seeded random delays: the seed decides the order in
# which they finish, and every run (and CPython) agrees on it.
import asyncio
import random

random.seed(2024)


async def worker(name, results):
    delay = round(random.uniform(0.1, 1.0), 2)
    jitter = random.randint(1, 3)
    print(f"{name} sleeps {delay}s (jitter {jitter})")
    await asyncio.sleep(delay)
    for _ in range(jitter):
        await asyncio.sleep(0)
    results.append(name)
    return name, delay


async def main():
    results = []
    names = [f"w{i}" for i in range(6)]
    random.shuffle(names)
    print("launch order:", names)
    done = await asyncio.gather(*(worker(n, results) for n in names))
    print("finish order:", results)
    print("gathered:", done)
    picks = random.sample(names, 3)
    winner = random.choice(picks)
    weights = random.choices(["ok", "retry", "fail"], weights=[6, 3, 1], k=8)
    print("picks:", picks, "winner:", winner, "weights:", weights)
    delays = [random.expovariate(5.0) for _ in range(3)]
    await asyncio.gather(*(asyncio.sleep(d) for d in delays))
    print(f"after exponential delays: {asyncio.get_running_loop().time():.6f}", [round(d, 4) for d in delays])


asyncio.run(main())
