# heapq and bisect: CPython's algorithms, so ties and layouts match.
import heapq
import bisect
import random

random.seed(7)
data = [random.randint(0, 20) for _ in range(25)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
print([heapq.heappop(h) for _ in range(5)], h)
h2 = list(data)
heapq.heapify(h2)
print(h2)
print(heapq.heapreplace(h2, 11), heapq.heappushpop(h2, -1), heapq.heappushpop(h2, 50), h2)
tasks = [(2, "write"), (1, "read"), (2, "alpha"), (1, "zeta"), (3, "x")]
th = []
for t in tasks:
    heapq.heappush(th, t)
print([heapq.heappop(th) for _ in range(len(tasks))])
print(heapq.nsmallest(3, data), heapq.nlargest(3, data), heapq.nsmallest(1, data),
      heapq.nlargest(100, data)[:4], heapq.nsmallest(0, data), heapq.nlargest(2, []))
words = ["pear", "fig", "apple", "kiwi", "banana", "plum", "date"]
print(heapq.nsmallest(3, words, key=len), heapq.nlargest(3, words, key=len),
      heapq.nlargest(2, iter(words), key=len), heapq.nsmallest(4, iter(data)))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 3, 9])))
print(list(heapq.merge(["a", "ccc"], ["bb", "dddd"], key=len)))
print(list(heapq.merge([9, 5, 1], [8, 2], reverse=True)))
for bad in [lambda: heapq.heappop([]), lambda: heapq.heapreplace([], 1)]:
    try:
        bad()
    except IndexError as e:
        print("IndexError:", e)
try:
    heapq.heappush((), 1)
except TypeError as e:
    print("TypeError:", e)

a = [1, 2, 4, 4, 4, 8]
print(bisect.bisect(a, 4), bisect.bisect_left(a, 4), bisect.bisect_right(a, 0),
      bisect.bisect_left(a, 9), bisect.bisect(a, 4, 1, 3), bisect.bisect_left(a, 4, hi=2))
bisect.insort(a, 5)
bisect.insort_left(a, 4)
bisect.insort_right(a, 0)
print(a)
people = [("ann", 20), ("bob", 31), ("cat", 45)]
print(bisect.bisect_left(people, 31, key=lambda p: p[1]))
bisect.insort(people, ("dan", 33), key=lambda p: p[1])
print(people)
grades = "FDCBA"
print([grades[bisect.bisect([60, 70, 80, 90], s)] for s in [33, 99, 77, 70, 89, 90, 100]])
try:
    bisect.bisect([1], 1, -1)
except ValueError as e:
    print("ValueError:", e)
