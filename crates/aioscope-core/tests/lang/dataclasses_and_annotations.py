import asyncio
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError
from typing import ClassVar, List

@dataclass
class Job:
    name: str
    delay: float = 0.1
    tags: List[str] = field(default_factory=list)
    count: ClassVar[int] = 0

@dataclass(order=True, frozen=True)
class Point:
    x: int
    y: int = 0

@dataclass
class Result:
    job: Job
    value: int
    def __post_init__(self):
        self.double = self.value * 2

async def run(job):
    await asyncio.sleep(job.delay / 10)
    return Result(job, len(job.name))

async def main():
    jobs = [Job('a', 0.3), Job('bb'), Job(name='ccc', delay=0.2, tags=['x'])]
    print(jobs[0], jobs[1] == Job('bb'), jobs[0] == jobs[1])
    results = await asyncio.gather(*(run(j) for j in jobs))
    for r in results:
        print(r.job.name, r.value, r.double, asdict(r.job), astuple(r.job))
    p = Point(1, 2)
    print(p, p < Point(2), sorted([Point(3), p, Point(1, 1)]), hash(p) == hash(Point(1, 2)))
    print(replace(p, y=5), [f.name for f in fields(Job)], Job.count)
    try:
        p.x = 3
    except FrozenInstanceError as e:
        print('FrozenInstanceError:', e)
    for bad in [lambda: Job(), lambda: Job('a', 1, [], 4), lambda: Job('a', nme=1), lambda: Job('a', name='b'), lambda: Point()]:
        try:
            bad()
        except TypeError as e:
            print('TypeError:', e)
    try:
        @dataclass
        class Bad:
            items: list = []
    except ValueError as e:
        print('ValueError:', e)
    try:
        hash(jobs[0])
    except TypeError as e:
        print('TypeError:', e)

asyncio.run(main())
x: int = 5
y: str
class P:
    a: int
    b: 'str' = 'B'
    if True:
        c: float = 1.0
    def f(self):
        z: undefined_name = 1
        return z
print(__annotations__, P.__annotations__, P.b, P().f())
def f():
    T = int
    class A:
        x: T = 1
    return A.__annotations__
print(f())
z: [i for i in range(2)] = 1
y: (lambda: int)
print(list(__annotations__))
