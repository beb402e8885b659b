//! A single-threaded async semaphore, asyncio's `Semaphore` for the
//! browser's loop.
//!
//! Written here rather than taken from a crate because it is part of the
//! lesson: a permit count, a FIFO of waiters, and a wake-up handed to the
//! first waiter when a permit comes back — the same shape as
//! `asyncio.Semaphore`. It counts how many permits were out at once, so
//! tests (and the page) can check that the limit held.
//!
//! Everything runs on one thread (the browser's event loop), so the state
//! is an `Rc<RefCell<…>>`; no borrow is held across an `.await` or while a
//! waker runs.

use std::cell::{Cell, RefCell};
use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// A counting semaphore; clones share the same permits.
#[derive(Clone)]
pub struct Semaphore {
    inner: Rc<RefCell<Inner>>,
}

struct Inner {
    /// Permits free now.
    available: usize,
    /// Permits held now.
    in_use: usize,
    /// The most permits held at once.
    max_in_use: usize,
    /// Waiters, first come first served.
    waiters: VecDeque<Rc<Waiter>>,
}

/// One pending `acquire`. `granted` is set when a released permit is handed
/// to it directly, so a newcomer cannot overtake it (FIFO, like asyncio).
struct Waiter {
    granted: Cell<bool>,
    waker: RefCell<Option<Waker>>,
}

impl fmt::Debug for Semaphore {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = self.inner.borrow();
        f.debug_struct("Semaphore")
            .field("available", &inner.available)
            .field("in_use", &inner.in_use)
            .field("waiting", &inner.waiters.len())
            .finish()
    }
}

impl Semaphore {
    /// A semaphore with `permits` permits (at least one: a semaphore with
    /// none would wait forever).
    pub fn new(permits: usize) -> Semaphore {
        Semaphore {
            inner: Rc::new(RefCell::new(Inner {
                available: permits.max(1),
                in_use: 0,
                max_in_use: 0,
                waiters: VecDeque::new(),
            })),
        }
    }

    /// Waits for a permit. Dropping the future gives up its place in the
    /// queue (or the permit, if one was already handed to it).
    pub fn acquire(&self) -> Acquire {
        Acquire {
            inner: Rc::clone(&self.inner),
            waiter: None,
        }
    }

    /// Permits free now.
    pub fn available(&self) -> usize {
        self.inner.borrow().available
    }

    /// Permits held now.
    pub fn in_use(&self) -> usize {
        self.inner.borrow().in_use
    }

    /// The most permits held at once so far.
    pub fn max_in_use(&self) -> usize {
        self.inner.borrow().max_in_use
    }

    /// How many `acquire`s are waiting.
    pub fn waiting(&self) -> usize {
        self.inner.borrow().waiters.len()
    }
}

/// Hands a permit back: to the first waiter if there is one, else to the
/// pool. The waker runs after the borrow ends.
fn release(inner: &Rc<RefCell<Inner>>) {
    let waker = {
        let mut s = inner.borrow_mut();
        s.in_use = s.in_use.saturating_sub(1);
        match s.waiters.pop_front() {
            Some(next) => {
                next.granted.set(true);
                s.in_use += 1;
                s.max_in_use = s.max_in_use.max(s.in_use);
                let waker = next.waker.borrow_mut().take();
                waker
            }
            None => {
                s.available += 1;
                None
            }
        }
    };
    if let Some(w) = waker {
        w.wake();
    }
}

/// The future [`Semaphore::acquire`] returns.
pub struct Acquire {
    inner: Rc<RefCell<Inner>>,
    waiter: Option<Rc<Waiter>>,
}

impl Future for Acquire {
    type Output = Permit;

    fn poll(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Permit> {
        let this = &mut *self;
        match &this.waiter {
            None => {
                let mut s = this.inner.borrow_mut();
                if s.available > 0 && s.waiters.is_empty() {
                    s.available -= 1;
                    s.in_use += 1;
                    s.max_in_use = s.max_in_use.max(s.in_use);
                    drop(s);
                    return Poll::Ready(Permit {
                        inner: Some(Rc::clone(&this.inner)),
                    });
                }
                let waiter = Rc::new(Waiter {
                    granted: Cell::new(false),
                    waker: RefCell::new(Some(cx.waker().clone())),
                });
                s.waiters.push_back(Rc::clone(&waiter));
                drop(s);
                this.waiter = Some(waiter);
                Poll::Pending
            }
            Some(waiter) if waiter.granted.get() => {
                this.waiter = None;
                Poll::Ready(Permit {
                    inner: Some(Rc::clone(&this.inner)),
                })
            }
            Some(waiter) => {
                *waiter.waker.borrow_mut() = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

impl Drop for Acquire {
    fn drop(&mut self) {
        let Some(waiter) = self.waiter.take() else {
            return;
        };
        if waiter.granted.get() {
            // Handed a permit it will never use: pass it on.
            release(&self.inner);
        } else {
            self.inner
                .borrow_mut()
                .waiters
                .retain(|w| !Rc::ptr_eq(w, &waiter));
        }
    }
}

/// A held permit; dropping it releases it.
pub struct Permit {
    inner: Option<Rc<RefCell<Inner>>>,
}

impl fmt::Debug for Permit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Permit")
    }
}

impl Drop for Permit {
    fn drop(&mut self) {
        if let Some(inner) = self.inner.take() {
            release(&inner);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::downloader::testing::poll_once;

    #[test]
    fn grants_up_to_the_limit_then_queues_in_order() {
        let sem = Semaphore::new(2);
        let mut a = Box::pin(sem.acquire());
        let mut b = Box::pin(sem.acquire());
        let mut c = Box::pin(sem.acquire());
        let mut d = Box::pin(sem.acquire());
        let pa = poll_once(a.as_mut()).expect("first permit");
        let pb = poll_once(b.as_mut()).expect("second permit");
        assert!(poll_once(c.as_mut()).is_none());
        assert!(poll_once(d.as_mut()).is_none());
        assert_eq!((sem.in_use(), sem.available(), sem.waiting()), (2, 0, 2));

        // A newcomer cannot overtake the queue even when a permit frees up.
        drop(pa);
        let mut late = Box::pin(sem.acquire());
        assert!(poll_once(late.as_mut()).is_none());
        let pc = poll_once(c.as_mut()).expect("c was first in the queue");
        assert!(poll_once(d.as_mut()).is_none());
        drop(pb);
        let pd = poll_once(d.as_mut()).expect("then d");
        drop((pc, pd));
        let pl = poll_once(late.as_mut()).expect("then the late one");
        drop(pl);
        assert_eq!((sem.in_use(), sem.available(), sem.waiting()), (0, 2, 0));
        assert_eq!(sem.max_in_use(), 2);
    }

    #[test]
    fn a_dropped_waiter_leaves_the_queue() {
        let sem = Semaphore::new(1);
        let held = poll_once(Box::pin(sem.acquire()).as_mut()).unwrap();
        let mut waiting = Box::pin(sem.acquire());
        assert!(poll_once(waiting.as_mut()).is_none());
        assert_eq!(sem.waiting(), 1);
        drop(waiting); // cancelled while waiting
        assert_eq!(sem.waiting(), 0);
        drop(held);
        assert_eq!((sem.in_use(), sem.available()), (0, 1));
    }

    #[test]
    fn a_permit_granted_to_a_dropped_waiter_is_passed_on() {
        let sem = Semaphore::new(1);
        let held = poll_once(Box::pin(sem.acquire()).as_mut()).unwrap();
        let mut first = Box::pin(sem.acquire());
        let mut second = Box::pin(sem.acquire());
        assert!(poll_once(first.as_mut()).is_none());
        assert!(poll_once(second.as_mut()).is_none());
        drop(held); // granted to `first`, which is cancelled before it runs
        drop(first);
        let p = poll_once(second.as_mut()).expect("the permit moved on");
        assert_eq!(sem.in_use(), 1);
        drop(p);
        assert_eq!((sem.in_use(), sem.available()), (0, 1));
    }

    #[test]
    fn zero_permits_means_one() {
        let sem = Semaphore::new(0);
        assert_eq!(sem.available(), 1);
    }
}
