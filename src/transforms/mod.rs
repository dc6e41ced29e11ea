//! The transforms: one pure function per leak pattern over the shared
//! channel facts, and their registry. The driver that runs them over a
//! file is [`driver`]; what the capacity fixes share is [`capacity`].
//! Adding one is a file here, a line in [`ALL`] and a folder under
//! `transforms/<id>/` (docs and fixtures); tests fail if one is missing.

mod capacity;
mod double_send;
mod driver;
mod lines;
mod missing_stop;
mod ncast_leak;
mod nil_channel;
mod premature_return;
mod skipped_close;
mod timeout_leak;
mod unclosed_range;

pub use driver::{check_file, decl_name, suppressed};

use crate::syntax::Fast as _;
use std::ops::Range;

use serde::Serialize;

use crate::analysis::relevance::GoroutineUse;
use crate::analysis::{Channel, FileFacts, Package};
use crate::fix::Fix;

/// A leak found in a file, with the fix when one is safe to make.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    pub transform: &'static str,
    /// Byte range of the `make` call the finding is about.
    pub range: Range<usize>,
    /// The channel variable.
    pub channel: String,
    /// The top-level function or method (`Type.Method`) holding the make.
    pub function: String,
    pub message: String,
    pub fix: Option<Fix>,
    /// Where the goroutines the finding is about can block (byte offsets
    /// of their operations on the channel, and of a `select` holding one),
    /// for a goroutine profile to confirm it (`--profile`).
    pub waits: Vec<usize>,
    /// Other places the finding is about, with what happens there (the
    /// exit that skips the receive, the select that can take another
    /// case), for an editor's related information.
    pub related: Vec<(usize, String)>,
}

impl Finding {
    /// A finding of transform `t` about channel `ch` (the function is filled
    /// in by [`check_file`]).
    #[must_use]
    pub fn about(t: &dyn Transform, ch: &Channel<'_>, message: String, fix: Option<Fix>) -> Self {
        Finding {
            transform: t.id(),
            range: ch.make.byte_range(),
            channel: ch.name.to_owned(),
            function: String::new(),
            message,
            fix,
            waits: goroutine_waits(ch),
            related: Vec::new(),
        }
    }
}

impl Finding {
    /// The same, with `at` (a byte offset) related to it, as `what`.
    #[must_use]
    pub fn with_related(mut self, at: usize, what: impl Into<String>) -> Self {
        self.related.push((at, what.into()));
        self
    }
}

/// The offsets of the operations on `ch` in its goroutines, and of the
/// `select` statements holding them (a goroutine blocked in a select is
/// reported at the `select`).
fn goroutine_waits(ch: &Channel<'_>) -> Vec<usize> {
    let mut out = Vec::new();
    // Offsets in the checked file only: a goroutine running a function of
    // another file of the package blocks there.
    let here = |o: &&crate::analysis::Op<'_>| match o.place {
        crate::analysis::Place::Goroutine(g) => {
            ch.starts.get(g).is_some_and(|s| s.file() == crate::analysis::FileId::OWN)
        }
        _ => false,
    };
    for op in ch.ops.iter().filter(here) {
        out.push(op.node.start_byte());
        if let Some(select) = crate::syntax::ancestors(op.node)
            .take_while(|a| {
                !matches!(
                    a.kind_str(),
                    crate::syntax::kinds::FUNC_LITERAL
                        | crate::syntax::kinds::FUNCTION_DECLARATION
                        | crate::syntax::kinds::METHOD_DECLARATION
                )
            })
            .find(|a| a.kind_str() == crate::syntax::kinds::SELECT_STATEMENT)
        {
            out.push(select.start_byte());
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// What every transform sees: the package, and the facts of the file
/// being checked.
pub struct Context<'a, 't> {
    pub pkg: &'a Package<'t>,
    pub facts: &'a FileFacts<'t>,
}

impl<'a, 't> Context<'a, 't> {
    #[must_use]
    pub fn new(pkg: &'a Package<'t>) -> Self {
        Context { pkg, facts: pkg.own() }
    }

    /// The go.mod language version, if there is a go.mod.
    #[must_use]
    pub fn go_version(&self) -> Option<(u32, u32)> {
        self.pkg.go_version()
    }
}

pub trait Transform: Sync {
    fn id(&self) -> &'static str;
    fn summary(&self) -> &'static str;
    /// The user docs, `transforms/<id>/README.md` (shown by `leakfix explain`).
    fn docs(&self) -> &'static str;
    /// What a goroutine must do with a channel for this transform to fire
    /// (the text prefilter keeps only functions where one may).
    fn needs(&self) -> GoroutineUse;

    /// Does it read channels whose sender runs elsewhere: those a
    /// constructor of the file returns to the function (see
    /// `analysis::channels::returned_in`), and those handed to a handler in
    /// a request's reply field (`analysis::handoff`)? Only a capacity fix of
    /// the channel's `make`, which every caller's receives tolerate, may; an
    /// edit of the remote sender (a `return` after a send) would change what
    /// every other caller receives.
    fn reads_remote_senders(&self) -> bool {
        false
    }
    /// Does it ever offer a fix? (A report-only transform does not: its
    /// positive fixtures are findings without one.)
    fn makes_fixes(&self) -> bool {
        true
    }
    /// Inspect one channel; at most one finding per channel and transform.
    fn check<'t>(&self, cx: &Context<'_, 't>, ch: &Channel<'t>) -> Option<Finding>;
    /// Inspect one top-level declaration as a whole, for a transform whose
    /// leak is not about one channel of it (see [`GoroutineUse::MethodStart`]).
    fn check_decl<'t>(&self, _cx: &Context<'_, 't>, _decl: tree_sitter::Node<'t>) -> Vec<Finding> {
        Vec::new()
    }
}

/// Every transform, in the order their findings are preferred when two
/// claim the same channel.
pub static ALL: &[&dyn Transform] = &[
    &premature_return::PrematureReturn,
    &timeout_leak::TimeoutLeak,
    &ncast_leak::NcastLeak,
    &unclosed_range::UnclosedRange,
    &double_send::DoubleSend,
    &skipped_close::SkippedClose,
    &nil_channel::NilChannel,
    &missing_stop::MissingStop,
];

#[must_use]
pub fn by_id(id: &str) -> Option<&'static dyn Transform> {
    ALL.iter().copied().find(|t| t.id() == id)
}
