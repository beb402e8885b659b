//! A cancel signal the Cancel button sets and the runner awaits.
//!
//! The runner races its work against [`CancelToken::cancelled`]; when the
//! token wins, the work future is dropped, and dropping a request aborts
//! its `fetch` (see `web.rs`). So one `cancel()` reaches every request in
//! flight without keeping a list of them.

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;
use std::task::{Context, Poll, Waker};

/// Shared cancel flag; clones see the same flag.
#[derive(Clone, Debug, Default)]
pub struct CancelToken {
    inner: Rc<RefCell<Inner>>,
}

#[derive(Debug, Default)]
struct Inner {
    cancelled: bool,
    wakers: Vec<Waker>,
}

impl CancelToken {
    /// A token not cancelled yet.
    pub fn new() -> CancelToken {
        CancelToken::default()
    }

    /// Sets the flag and wakes everything waiting on it (idempotent).
    pub fn cancel(&self) {
        let wakers = {
            let mut inner = self.inner.borrow_mut();
            inner.cancelled = true;
            std::mem::take(&mut inner.wakers)
        };
        for w in wakers {
            w.wake();
        }
    }

    /// Whether [`cancel`](Self::cancel) was called.
    pub fn is_cancelled(&self) -> bool {
        self.inner.borrow().cancelled
    }

    /// Resolves once the token is cancelled.
    pub fn cancelled(&self) -> Cancelled {
        Cancelled {
            token: self.clone(),
        }
    }
}

/// The future [`CancelToken::cancelled`] returns.
#[derive(Debug)]
pub struct Cancelled {
    token: CancelToken,
}

impl Future for Cancelled {
    type Output = ();

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<()> {
        let mut inner = self.token.inner.borrow_mut();
        if inner.cancelled {
            return Poll::Ready(());
        }
        if !inner.wakers.iter().any(|w| w.will_wake(cx.waker())) {
            inner.wakers.push(cx.waker().clone());
        }
        Poll::Pending
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::downloader::testing::poll_once;

    #[test]
    fn resolves_after_cancel() {
        let token = CancelToken::new();
        let mut waiting = Box::pin(token.cancelled());
        assert!(poll_once(waiting.as_mut()).is_none());
        assert!(!token.is_cancelled());
        token.clone().cancel();
        assert!(token.is_cancelled());
        assert!(poll_once(waiting.as_mut()).is_some());
        token.cancel(); // twice is fine
        assert!(poll_once(Box::pin(token.cancelled()).as_mut()).is_some());
    }
}
