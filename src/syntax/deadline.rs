//! The time a file's analysis may take (`--timeout-per-file`): a deadline
//! per thread, set around one file's check and read where the work is
//! (every parse, every declaration and channel analysed), so that a file
//! that would take too long stops and is reported instead of hanging the run.

use std::cell::Cell;
use std::time::Instant;

thread_local! {
    static DEADLINE: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// Restores the deadline that was set before [`set`] when dropped.
pub struct Guard(Option<Instant>);

impl Drop for Guard {
    fn drop(&mut self) {
        DEADLINE.with(|d| d.set(self.0));
    }
}

/// Work on this thread stops at `deadline` (none: never), until the guard
/// is dropped.
#[must_use]
pub fn set(deadline: Option<Instant>) -> Guard {
    Guard(DEADLINE.with(|d| d.replace(deadline)))
}

/// The deadline set on this thread.
#[must_use]
pub fn get() -> Option<Instant> {
    DEADLINE.with(Cell::get)
}

/// Has this thread's deadline passed?
#[must_use]
pub fn expired() -> bool {
    get().is_some_and(|d| Instant::now() >= d)
}
