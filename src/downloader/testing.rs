//! Native test helpers: poll a future by hand, or drive one to the end
//! with a [`ManualClock`], without an executor crate.

use std::future::Future;
use std::pin::Pin;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;
use std::task::{Context, Poll, Wake, Waker};

use super::fake::ManualClock;

/// Polls once; `Some` if it finished.
pub fn poll_once<F: Future + ?Sized>(fut: Pin<&mut F>) -> Option<F::Output> {
    let mut cx = Context::from_waker(Waker::noop());
    match fut.poll(&mut cx) {
        Poll::Ready(v) => Some(v),
        Poll::Pending => None,
    }
}

/// Records whether it was woken.
struct Flag(AtomicBool);

impl Wake for Flag {
    fn wake(self: Arc<Self>) {
        self.0.store(true, Ordering::SeqCst);
    }

    fn wake_by_ref(self: &Arc<Self>) {
        self.0.store(true, Ordering::SeqCst);
    }
}

/// Polls `fut` until it finishes: again at once if something woke it,
/// else after moving the clock to the next timer. Panics if it can never
/// finish (nothing woke it and no timer is pending).
pub fn run_to_end<F: Future>(fut: F, clock: &ManualClock) -> F::Output {
    let mut fut = Box::pin(fut);
    let flag = Arc::new(Flag(AtomicBool::new(false)));
    let waker = Waker::from(Arc::clone(&flag));
    let mut cx = Context::from_waker(&waker);
    for _ in 0..1_000_000 {
        flag.0.store(false, Ordering::SeqCst);
        if let Poll::Ready(v) = fut.as_mut().poll(&mut cx) {
            return v;
        }
        if !flag.0.load(Ordering::SeqCst) && !clock.advance() {
            panic!("the future is stuck: nothing woke it and no timer is pending");
        }
    }
    panic!("the future did not finish in a million polls");
}
