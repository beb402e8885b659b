//! CPython's `heapq`, step for step. Timers with equal due times leave the
//! heap in exactly the order CPython's sift operations produce, which is
//! observable in transcripts (SEMANTICS.md §1), so a textbook binary heap
//! or a `(when, seq)` order would be wrong here.

/// Something ordered only by a due time (`TimerHandle.__lt__`).
pub trait Due {
    /// The due time.
    fn when(&self) -> f64;
}

fn lt<T: Due>(a: &T, b: &T) -> bool {
    a.when() < b.when()
}

fn sift_down<T: Due + Clone>(heap: &mut [T], start: usize, mut pos: usize) {
    let item = heap[pos].clone();
    while pos > start {
        let parent = (pos - 1) >> 1;
        if lt(&item, &heap[parent]) {
            heap[pos] = heap[parent].clone();
            pos = parent;
            continue;
        }
        break;
    }
    heap[pos] = item;
}

fn sift_up<T: Due + Clone>(heap: &mut [T], mut pos: usize) {
    let end = heap.len();
    let start = pos;
    let item = heap[pos].clone();
    let mut child = 2 * pos + 1;
    while child < end {
        let right = child + 1;
        if right < end && !lt(&heap[child], &heap[right]) {
            child = right;
        }
        heap[pos] = heap[child].clone();
        pos = child;
        child = 2 * pos + 1;
    }
    heap[pos] = item;
    sift_down(heap, start, pos);
}

/// `heapq.heappush`.
pub fn push<T: Due + Clone>(heap: &mut Vec<T>, item: T) {
    heap.push(item);
    let last = heap.len() - 1;
    sift_down(heap, 0, last);
}

/// `heapq.heappop`.
pub fn pop<T: Due + Clone>(heap: &mut Vec<T>) -> Option<T> {
    let last = heap.pop()?;
    if heap.is_empty() {
        return Some(last);
    }
    let top = std::mem::replace(&mut heap[0], last);
    sift_up(heap, 0);
    Some(top)
}

/// `heapq.heapify`.
pub fn heapify<T: Due + Clone>(heap: &mut [T]) {
    let n = heap.len();
    for i in (0..n / 2).rev() {
        sift_up(heap, i);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    struct T(f64, &'static str);
    impl Due for T {
        fn when(&self) -> f64 {
            self.0
        }
    }

    #[test]
    fn equal_due_times_pop_in_cpython_heapq_order() {
        // python3 -c "import heapq
        // class T:
        //  def __init__(s,w,n): s.w,s.n=w,n
        //  def __lt__(s,o): return s.w<o.w
        // h=[]
        // for i,n in enumerate('abcdef'): heapq.heappush(h,T(1.0,n))
        // print(...)" → acfebd
        let mut h = Vec::new();
        for n in ["a", "b", "c", "d", "e", "f"] {
            push(&mut h, T(1.0, n));
        }
        let order: Vec<&str> = std::iter::from_fn(|| pop(&mut h)).map(|t| t.1).collect();
        assert_eq!(order.concat(), "acfebd");
    }

    #[test]
    fn pops_in_due_order() {
        let mut h = Vec::new();
        for (w, n) in [(3.0, "c"), (1.0, "a"), (2.0, "b"), (0.5, "z")] {
            push(&mut h, T(w, n));
        }
        let order: Vec<&str> = std::iter::from_fn(|| pop(&mut h)).map(|t| t.1).collect();
        assert_eq!(order, ["z", "a", "b", "c"]);
    }
}
