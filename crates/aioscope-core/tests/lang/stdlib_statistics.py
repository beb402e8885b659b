# statistics on typical data: CPython's results and types.
import statistics as st
import random

print(st.mean([1, 2, 3]), st.mean([1, 2]), st.mean([1.5, 2.5, 3.0]), st.mean([True, 3]), st.mean(range(1, 101)))
print(st.variance([1, 3, 5]), st.variance([1, 2, 3, 4]), st.pvariance([1, 2, 3]), st.stdev([1, 2, 3, 4]), st.pstdev([1, 3, 5]))
print(st.median([3, 1, 2]), st.median([4, 1, 2, 3]), st.median_low([4, 1, 2, 3]), st.median_high([4, 1, 2, 3]),
      st.median([1.5, 2.5]), st.median_grouped([1, 2, 2, 3, 4, 4, 4, 4, 4, 5]), st.median_grouped([52, 52, 53, 54]))
print(st.mode("aabbbc"), st.mode([1, 1, 2, 2]), st.multimode("aabbc"), st.multimode([]), st.fmean([1, 2, 3]),
      st.fmean([1, 2, 3], weights=[3, 1, 1]))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), st.quantiles([1, 2, 3, 4, 5], n=4, method="inclusive"),
      st.quantiles(range(1, 21), n=10), st.quantiles([2.5, 1.0, 9.0], n=3))
print(st.mean([0.1, 0.2, 0.3]), st.variance([0.1, 0.2, 0.3, 0.4]), st.stdev([2.5, 3.25, 5.5, 11.25, 11.75]),
      st.geometric_mean([1, 2, 4]), st.variance([2.75, 1.75, 1.25, 0.25, 0.5, 1.25, 3.5]),
      st.pvariance([0.0, 0.25, 0.25, 1.25, 1.5, 1.75, 2.75, 3.25]), st.variance([1, 2, 3], xbar=2))
random.seed(10)
latencies = [round(random.uniform(0.05, 0.5), 3) for _ in range(50)]
print(st.mean(latencies), st.median(latencies), st.stdev(latencies), st.pstdev(latencies))
print([round(q, 4) for q in st.quantiles(latencies, n=10)], st.fmean(latencies))
counts = [random.randint(1, 20) for _ in range(30)]
print(st.mean(counts), st.median(counts), st.mode(counts), st.variance(counts), st.stdev(counts))
for bad in [lambda: st.mean([]), lambda: st.variance([1]), lambda: st.median([]), lambda: st.mode([]),
            lambda: st.pvariance([]), lambda: st.fmean([]), lambda: st.quantiles([1], n=4),
            lambda: st.quantiles([1, 2], n=0), lambda: st.stdev([])]:
    try:
        bad()
    except st.StatisticsError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
