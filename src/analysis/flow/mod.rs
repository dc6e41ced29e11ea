//! Control flow over the syntax tree, structured and conservative: how many
//! times a body can send on a path (`paths.rs`), which statements leave a
//! region (`jumps.rs`), what runs on every path to a node and which loops
//! enclose it (`dominance.rs`), whether a send is a goroutine's last action
//! (`last.rs`).

mod dominance;
mod jumps;
mod last;
mod paths;

pub use dominance::{always_before, dominates, exclusive, loops_between};
pub use jumps::{is_goexit_call, jump_target, jumps, leaves};
pub use last::is_last_action;
pub use paths::{MANY, max_sends, min_sends};
