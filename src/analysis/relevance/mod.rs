//! Which functions of a file can hold a finding, decided from the text
//! before anything is parsed (most files and functions cannot, and parsing
//! them is most of the cost). The rule follows from the analysis: every
//! transform needs a channel made by `make(chan ...)` in a function and a
//! goroutine of that function that uses it in the way the transform states
//! ([`GoroutineUse`]), or that is handed it; every kind of goroutine start
//! ([`StartKind`]) says how it is spelled. The answer is conservative: "no"
//! only when the text proves it, so skipping a "no" cannot change a finding
//! (`--no-shortcuts` checks that on every fixture and on whole trees).

use std::ops::Range;

mod starts;

use starts::{handed_at, has_closure_arg, has_func_arg, has_go, has_method_word, start_callees, starts_in};

use super::StartKind;
use crate::syntax::{has_make_chan, has_var_chan};
use std::cell::OnceCell;
use std::collections::{HashMap, HashSet};

use crate::syntax::outline::{self, Parts, outline};
use crate::syntax::tokens::{Tok, closing, tokenize};

/// What a transform needs a goroutine to do with a channel its function
/// makes (being handed the channel as an argument always counts: the body
/// is elsewhere).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GoroutineUse {
    /// Send on it, the channel being unbuffered (premature-return, timeout-leak).
    SendUnbuffered,
    /// Send on it, the channel being unbuffered, or buffered by an integer
    /// literal while several starts (or one in a loop after the make) may
    /// send (ncast-leak, which also raises a capacity that is too small).
    SendUnderBuffered,
    /// Range over it.
    Range,
    /// Receive from it or range over it, waiting for a close that the
    /// function spells (`close(c)`).
    WaitClose,
    /// Any use, of a channel variable declared without a value (`var c
    /// chan T`, nil until assigned) rather than made (nil-channel).
    NilChannel,
    /// A call `x.m(...)` of a method of this file that starts a goroutine
    /// (missing-stop): the function need not make a channel or start
    /// anything itself, and the type's methods are read too.
    MethodStart,
}

impl GoroutineUse {
    pub const ALL: &[GoroutineUse] = &[
        GoroutineUse::SendUnbuffered,
        GoroutineUse::SendUnderBuffered,
        GoroutineUse::Range,
        GoroutineUse::WaitClose,
        GoroutineUse::NilChannel,
        GoroutineUse::MethodStart,
    ];
}

/// What to parse of a file.
pub struct Plan<'s> {
    /// The parts worth parsing: the header, the top-level functions that
    /// may hold a finding, and the functions their goroutines may run with
    /// one of their channels. No chunk when no function qualifies; `None`
    /// when the lexer cannot outline the file (parse it all).
    pub parts: Option<Parts>,
    /// The names of the functions those goroutines may run (when the file
    /// cannot be outlined: every name a start calls). A sibling file need
    /// declare nothing else.
    pub names: Vec<&'s [u8]>,
    /// Each chunk of `parts` that may hold a finding, with the chunks its
    /// analysis may read (those declaring a name it needs), in order.
    relevant: Vec<(Range<usize>, Vec<Range<usize>>)>,
}

/// A part of a file analysed on its own ([`Plan::batches`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Batch {
    /// What to parse: the header, the batch's functions and those they need.
    pub parts: Parts,
    /// The chunks whose channels this batch checks (each kept chunk is
    /// checked by exactly one batch).
    pub checked: Vec<Range<usize>>,
}

impl Plan<'_> {
    /// The plan's parts split into batches of about `bytes` of functions
    /// that may hold a finding each (at least one function a batch), so
    /// that the trees of a large file need not all be held at once. A file
    /// smaller than `bytes` is one batch: `parts` whole. `None` when the
    /// file cannot be outlined.
    #[must_use]
    pub fn batches(&self, bytes: usize) -> Option<Vec<Batch>> {
        let parts = self.parts.as_ref()?;
        let mut out: Vec<Batch> = Vec::new();
        let relevant: HashSet<usize> = self.relevant.iter().map(|(r, _)| r.start).collect();
        let mut claimed: HashSet<usize> = HashSet::new();
        let mut group: Vec<&(Range<usize>, Vec<Range<usize>>)> = Vec::new();
        let mut size = 0;
        let mut flush = |group: &mut Vec<&(Range<usize>, Vec<Range<usize>>)>| {
            if group.is_empty() {
                return;
            }
            let mut chunks: Vec<Range<usize>> =
                group.iter().flat_map(|(r, needed)| std::iter::once(r).chain(needed)).cloned().collect();
            chunks.sort_by_key(|r| r.start);
            chunks.dedup();
            let own: HashSet<usize> = group.iter().map(|(r, _)| r.start).collect();
            let checked = chunks
                .iter()
                .filter(|c| own.contains(&c.start) || (!relevant.contains(&c.start) && claimed.insert(c.start)))
                .cloned()
                .collect();
            out.push(Batch { parts: Parts { header: parts.header.clone(), chunks }, checked });
            group.clear();
        };
        for entry in &self.relevant {
            group.push(entry);
            size += entry.0.len();
            if size >= bytes {
                flush(&mut group);
                size = 0;
            }
        }
        flush(&mut group);
        if out.len() <= 1 {
            // One batch: everything kept (the same parts as the plan).
            return Some(vec![Batch { parts: parts.clone(), checked: parts.chunks.clone() }]);
        }
        Some(out)
    }
}

/// [`Plan::parts`] for transforms with every [`GoroutineUse`], as the
/// fewest byte ranges (empty when no function qualifies).
#[must_use]
pub fn relevant_ranges(src: &[u8]) -> Option<Vec<Range<usize>>> {
    plan(src, GoroutineUse::ALL).parts.map(|p| if p.chunks.is_empty() { Vec::new() } else { p.merged() })
}

/// What to parse of `src` for transforms needing `uses`. Linear in the
/// text: names are looked up by hash, never by scanning the chunks.
#[must_use]
pub fn plan<'s>(src: &'s [u8], uses: &[GoroutineUse]) -> Plan<'s> {
    plan_within(src, uses, None)
}

/// [`plan`] for the top-level function holding the offset `at` only (an
/// editor's re-check of the function being edited): the other functions
/// are outlined, not scanned.
#[must_use]
pub fn plan_at<'s>(src: &'s [u8], uses: &[GoroutineUse], at: usize) -> Plan<'s> {
    plan_within(src, uses, Some(at))
}

fn plan_within<'s>(src: &'s [u8], uses: &[GoroutineUse], within: Option<usize>) -> Plan<'s> {
    let Some((header, chunks)) = outline(src) else {
        let mut names = Vec::new();
        start_callees(src, &mut names);
        return Plan { parts: None, names, relevant: Vec::new() };
    };
    // Built on first use: most files never ask.
    let declared: OnceCell<HashMap<&[u8], Vec<usize>>> = OnceCell::new();
    let declared = || {
        declared.get_or_init(|| {
            let mut d: HashMap<&[u8], Vec<usize>> = HashMap::new();
            for (i, c) in chunks.iter().enumerate() {
                d.entry(c.name).or_default().push(i);
            }
            d
        })
    };
    // A function of this file that never spells `<-` or `range` cannot
    // send or range on a channel it is handed; any other may (asked once
    // per chunk).
    let spells_use: Vec<OnceCell<bool>> = chunks.iter().map(|_| OnceCell::new()).collect();
    let may_use = |name: &[u8]| {
        declared().get(name).is_none_or(|is| {
            is.iter().any(|&i| {
                *spells_use[i].get_or_init(|| {
                    let t = &src[chunks[i].range.clone()];
                    memchr::memmem::find(t, b"<-").is_some() || memchr::memmem::find(t, b"range").is_some()
                })
            })
        })
    };
    let spawners = Spawners { src, chunks: &chunks, memo: std::cell::RefCell::default() };
    let is_spawner = |name: &[u8]| spawners.is(declared(), name);
    let lookups =
        Lookups { may_use: &may_use, is_spawner: &is_spawner, declared_here: &|n| declared().contains_key(n) };
    // The file's constructors (see `starts::returned_by`), each with what
    // its own goroutine needs: a caller reads the constructor's body as the
    // goroutine it starts (found once per file, most files having none).
    let constructors: OnceCell<HashMap<&'s [u8], Vec<&'s [u8]>>> = OnceCell::new();
    let constructors = || {
        constructors.get_or_init(|| {
            chunks
                .iter()
                .map(|c| (c.name, &src[c.range.clone()]))
                .filter(|(_, t)| may_be_constructor(t))
                .map(|(name, t)| (name, needs(t, uses, &lookups, None).unwrap_or_default()))
                .collect()
        })
    };
    let constructor = |name: &[u8]| constructors().get(name).cloned();
    let reads_constructors = uses.contains(&GoroutineUse::SendUnbuffered) && !constructors().is_empty();
    let replies = Replies { src, chunks: &chunks, fields: OnceCell::new(), found: OnceCell::new() };
    let mut kept = vec![false; chunks.len()];
    let mut callees: Vec<&[u8]> = Vec::new();
    let mut seen: HashSet<&[u8]> = HashSet::new();
    let mut relevant = Vec::new();
    let mut handlers_kept = Vec::new();
    for (i, (c, k)) in chunks.iter().zip(kept.iter_mut()).enumerate() {
        if within.is_some_and(|at| !c.range.contains(&at)) {
            continue;
        }
        let constructor: Option<Constructor<'_, 's>> = if reads_constructors { Some(&constructor) } else { None };
        let handed = if uses.contains(&GoroutineUse::SendUnbuffered) { replies.users(i) } else { Vec::new() };
        let found = needs(&src[c.range.clone()], uses, &lookups, constructor);
        if let Some(mut names) = found.or_else(|| (!handed.is_empty()).then(Vec::new)) {
            *k = true;
            add_handed_on(src, &chunks, declared(), &mut names);
            let mut needed: Vec<Range<usize>> = names
                .iter()
                .flat_map(|n| declared().get(n).into_iter().flatten())
                .chain(&handed)
                .map(|&i| chunks[i].range.clone())
                .filter(|r| *r != c.range)
                .collect();
            handlers_kept.extend(handed);
            needed.sort_by_key(|r| r.start);
            needed.dedup();
            relevant.push((c.range.clone(), needed));
            for n in names {
                if seen.insert(n) {
                    callees.push(n);
                }
            }
        }
    }
    for i in handlers_kept {
        kept[i] = true;
    }
    if uses.contains(&GoroutineUse::MethodStart) {
        let mut helpers = Vec::new();
        keep_started_values(src, &chunks, declared(), within, &mut kept, &mut relevant, &mut helpers);
        for n in helpers {
            if seen.insert(n) {
                callees.push(n);
            }
        }
    }
    if kept.contains(&true) {
        keep_counting_receivers(src, &chunks, &mut kept, &mut seen, &mut callees);
        keep_embedded_types(src, &chunks, &mut kept, &mut seen, &mut callees);
        // And a batch that reads a struct reads what it embeds.
        for (_, needed) in &mut relevant {
            add_embedded(src, &chunks, declared(), needed);
        }
    }
    let chunks = chunks.iter().zip(&kept).filter(|(_, k)| **k).map(|(c, _)| c.range.clone()).collect();
    Plan { parts: Some(Parts { header, chunks }), names: callees, relevant }
}

/// Keep the chunks declaring a name `seen` holds; then, since a kept
/// method counting on a `WaitGroup` field of its receiver (a wrapper's
/// `s.wg.Add(1)`, `analysis::starts::wrapper_param`) needs the receiver's
/// struct for the field's type, keep that too, here and (named in
/// `callees`) in sibling files.
fn keep_counting_receivers<'s>(
    src: &'s [u8],
    chunks: &[outline::Chunk<'s>],
    kept: &mut [bool],
    seen: &mut HashSet<&'s [u8]>,
    callees: &mut Vec<&'s [u8]>,
) {
    for (c, k) in chunks.iter().zip(kept.iter_mut()) {
        *k |= seen.contains(c.name);
    }
    let mut receivers = Vec::new();
    for (c, _) in chunks.iter().zip(kept.iter()).filter(|(_, k)| **k) {
        let text = &src[c.range.clone()];
        if text.starts_with(b"func") && memchr::memmem::find(text, b".Add(1)").is_some() {
            receivers.extend(receiver_type_name(text));
        }
    }
    for n in receivers {
        if seen.insert(n) {
            callees.push(n);
        }
    }
    for (c, k) in chunks.iter().zip(kept.iter_mut()) {
        *k |= seen.contains(c.name);
    }
}

/// A kept struct type's embedded types promote its fields: keep them too,
/// here and (named in `callees`) in sibling files; a few rounds cover the
/// depths the analysis follows.
fn keep_embedded_types<'s>(
    src: &'s [u8],
    chunks: &[outline::Chunk<'s>],
    kept: &mut [bool],
    seen: &mut HashSet<&'s [u8]>,
    callees: &mut Vec<&'s [u8]>,
) {
    for _ in 0..4 {
        let mut more = Vec::new();
        for (c, _) in chunks.iter().zip(kept.iter()).filter(|(_, k)| **k) {
            let text = &src[c.range.clone()];
            if text.starts_with(b"type") {
                more.extend(embedded_types(text).into_iter().filter(|n| !seen.contains(n)));
            }
        }
        if more.is_empty() {
            break;
        }
        for n in more {
            if seen.insert(n) {
                callees.push(n);
            }
        }
        for (c, k) in chunks.iter().zip(kept.iter_mut()) {
            *k |= seen.contains(c.name);
        }
    }
}

/// The file's reply fields (see `analysis::handoff`): a function making a
/// channel that stores it under one (`reply: c`) and hands the value on
/// may hand it to the field's handler, and every function spelling the
/// field is read with it (each use of the field must be one the analysis
/// follows). Found once per file, on first use.
struct Replies<'s, 'c> {
    src: &'s [u8],
    chunks: &'c [outline::Chunk<'s>],
    /// The reply fields of the file ([`handed_fields`]).
    fields: OnceCell<Vec<&'s [u8]>>,
    /// For each field, the chunks spelling it, with the chunks spelling
    /// the names of those (the callers of a relay answering on the field).
    found: OnceCell<Vec<Vec<usize>>>,
}

impl Replies<'_, '_> {
    /// The other chunks the chunk `i` needs read when it makes a channel
    /// and hands it over in a reply field; none otherwise.
    fn users(&self, i: usize) -> Vec<usize> {
        let text = &self.src[self.chunks[i].range.clone()];
        if !has_make_chan(text) {
            return Vec::new();
        }
        let fields = self.fields.get_or_init(|| handed_fields(self.src));
        // `keys_field` finds the field as a word: only then are the words
        // of the file read (most files never key one).
        let keyed: Vec<usize> =
            (0..fields.len()).filter(|&f| keys_field(text, fields[f]) && hands_over(text, fields[f])).collect();
        if keyed.is_empty() {
            return Vec::new();
        }
        let spelling = self.found.get_or_init(|| self.spelled(fields));
        let mut out: Vec<usize> = keyed.iter().flat_map(|&f| spelling[f].iter().copied()).filter(|&j| j != i).collect();
        out.sort_unstable();
        out.dedup();
        out
    }

    fn spelled(&self, fields: &[&[u8]]) -> Vec<Vec<usize>> {
        let mut spelling = self.spelling(fields);
        // A function spelling a field may be a relay its callers hand the
        // request to (`s.handleGet(r)`): its callers are read too.
        let mut relays: Vec<&[u8]> =
            spelling.iter().flatten().map(|&j| self.chunks[j].name).filter(|n| !n.is_empty()).collect();
        relays.sort_unstable();
        relays.dedup();
        let calling = self.spelling(&relays);
        for users in &mut spelling {
            let callers: Vec<usize> = users
                .iter()
                .filter_map(|&j| relays.binary_search(&self.chunks[j].name).ok())
                .flat_map(|r| calling[r].iter().copied())
                .collect();
            users.extend(callers);
            users.sort_unstable();
            users.dedup();
        }
        spelling
    }

    /// For the sorted `names`: the chunks spelling each (one pass over the
    /// words of the file).
    fn spelling(&self, names: &[&[u8]]) -> Vec<Vec<usize>> {
        let mut spelling = vec![Vec::new(); names.len()];
        for (i, c) in self.chunks.iter().enumerate() {
            let mut mine: Vec<usize> =
                words(&self.src[c.range.clone()]).filter_map(|w| names.binary_search(&w).ok()).collect();
            mine.sort_unstable();
            mine.dedup();
            for &n in &mine {
                spelling[n].push(i);
            }
        }
        spelling
    }
}

/// Which functions of a file may be spawners (see `starts::spawned_by`),
/// asked only for the names a made channel is handed to, once each.
struct Spawners<'s, 'c> {
    src: &'s [u8],
    chunks: &'c [outline::Chunk<'s>],
    memo: std::cell::RefCell<HashMap<&'s [u8], bool>>,
}

impl<'s> Spawners<'s, '_> {
    fn is(&self, declared: &HashMap<&'s [u8], Vec<usize>>, name: &[u8]) -> bool {
        if let Some(&known) = self.memo.borrow().get(name) {
            return known;
        }
        declared.get_key_value(name).is_some_and(|(key, at)| {
            let yes = at.iter().any(|&i| may_be_spawner(&self.src[self.chunks[i].range.clone()]));
            self.memo.borrow_mut().insert(key, yes);
            yes
        })
    }
}

/// May a function or method with this text be a spawner (see
/// `starts::spawned_by`)? One statement of its body's top level is `go
/// func ... { ... }(...)` (text the lexer cannot follow: if it spells `go`).
fn may_be_spawner(t: &[u8]) -> bool {
    t.starts_with(b"func") && has_go(t) && tokenize(t).is_none_or(|toks| body_has_go_func(&toks))
}

/// May a function or method with this text be a constructor returning a
/// channel it feeds (see `starts::returned_by`)? It makes a channel, its
/// results spell `chan`, and a statement of its body's top level is `go
/// func ... { ... }(...)` (text the lexer cannot follow: if it spells
/// `make(chan` and `go`).
fn may_be_constructor(t: &[u8]) -> bool {
    // `chan` in the results and in the `make`.
    t.starts_with(b"func")
        && memchr::memmem::find_iter(t, b"chan").nth(1).is_some()
        && has_make_chan(t)
        && has_go(t)
        && tokenize(t).is_none_or(|toks| {
            body_has_go_func(&toks) && results(&toks).is_none_or(|r| r.contains(&Tok::Ident(b"chan")))
        })
}

/// The tokens of a function declaration's results (between its parameter
/// list and its body); `None` when the tokens do not read as one.
fn results<'t, 's>(toks: &'t [Tok<'s>]) -> Option<&'t [Tok<'s>]> {
    let mut at = 1;
    if toks.get(at) == Some(&Tok::Op(b"(")) {
        at = closing(toks, at)? + 1; // the receiver
    }
    if !matches!(toks.get(at), Some(Tok::Ident(_))) {
        return None;
    }
    at += 1;
    if toks.get(at) == Some(&Tok::Op(b"[")) {
        at = closing(toks, at)? + 1; // type parameters
    }
    if toks.get(at) != Some(&Tok::Op(b"(")) {
        return None;
    }
    let from = closing(toks, at)? + 1;
    let (open, _) = body(toks)?;
    toks.get(from..open)
}

/// Do these tokens of a function declaration have a body with a `go func
/// ... { ... }(...)` statement at its top level?
fn body_has_go_func(toks: &[Tok<'_>]) -> bool {
    let Some((open, end)) = body(toks) else { return false };
    let body = &toks[open + 1..end];
    // The starts of the body's top-level statements.
    let mut depth = 0usize;
    let mut at_start = true;
    for (i, t) in body.iter().enumerate() {
        if depth == 0 && at_start && matches!(body[i..], [Tok::Ident(b"go"), Tok::Ident(b"func"), ..]) {
            let stmt = &body[i..];
            let lit_open = stmt.iter().position(|t| *t == Tok::Op(b"{"));
            let lit_close = lit_open.and_then(|o| closing(stmt, o));
            if lit_close.is_some_and(|c| stmt.get(c + 1) == Some(&Tok::Op(b"("))) {
                return true;
            }
        }
        match t {
            Tok::Op(b"(" | b"[" | b"{") => depth += 1,
            Tok::Op(b")" | b"]" | b"}") => depth = depth.saturating_sub(1),
            _ => {}
        }
        at_start = depth == 0 && *t == Tok::Op(b";");
    }
    false
}

/// The indices of the `{` and `}` of a function declaration's body: the
/// `}` ending the declaration and its `{`, found walking back over the
/// braces between.
fn body(toks: &[Tok<'_>]) -> Option<(usize, usize)> {
    let end = toks.iter().rposition(|t| *t == Tok::Op(b"}"))?;
    let mut depth = 0usize;
    for i in (0..end).rev() {
        match toks[i] {
            Tok::Op(b"}") => depth += 1,
            Tok::Op(b"{") if depth == 0 => return Some((i, end)),
            Tok::Op(b"{") => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The types a struct type declaration embeds (`T` or `*T` alone in a
/// field declaration; another package's `pkg.T` is not followed).
#[must_use]
pub fn embedded_types(text: &[u8]) -> Vec<&[u8]> {
    let Some(toks) = tokenize(text) else { return Vec::new() };
    let mut out = Vec::new();
    for (at, w) in toks.windows(2).enumerate() {
        if w != [Tok::Ident(b"struct"), Tok::Op(b"{")] {
            continue;
        }
        let Some(close) = closing(&toks, at + 1) else { continue };
        let mut depth = 0usize;
        let mut field: Vec<Tok<'_>> = Vec::new();
        for t in &toks[at + 2..close] {
            match t {
                Tok::Op(b"(" | b"[" | b"{") => depth += 1,
                Tok::Op(b")" | b"]" | b"}") => depth = depth.saturating_sub(1),
                _ => {}
            }
            if depth == 0 && *t == Tok::Op(b";") {
                let decl: Vec<&Tok<'_>> = field.iter().filter(|t| **t != Tok::Lit).collect();
                match decl.as_slice() {
                    [Tok::Ident(n)] | [Tok::Op(b"*"), Tok::Ident(n)] => out.push(*n),
                    _ => {}
                }
                field.clear();
            } else {
                field.push(*t);
            }
        }
        if let [Tok::Ident(n)] | [Tok::Op(b"*"), Tok::Ident(n)] = field.as_slice() {
            out.push(*n);
        }
    }
    out
}

/// Does `text` spell a goroutine start (`go` as a word)?
#[must_use]
pub fn starts_goroutine(text: &[u8]) -> bool {
    has_go(text)
}

/// Does the function with text `text` build a `ty` value and start it with
/// `method` in the way [`started_here`] keeps (missing-stop reports only
/// such functions, so the shortcut never drops one it would report)?
#[must_use]
pub fn builds_and_starts(text: &[u8], ty: &[u8], method: &[u8]) -> bool {
    tokenize(text).is_some_and(|toks| {
        !started_here(&toks, &HashSet::from([ty]), &HashSet::from([(ty, method)]), &|_| vec![ty]).is_empty()
    })
}

/// The starting types of the values built and started in a function with
/// tokens `toks`: `x := T{...}`, `x := &T{...}` or `var x = T{...}` for a
/// type `T` of `types`, then `x.M(` for a starting method `(T, M)`, with
/// every other use of `x` a selector `x.` (a value passed, returned or
/// assigned is not missing-stop's: it may be stopped elsewhere).
fn started_here<'s>(
    toks: &[Tok<'s>],
    types: &HashSet<&'s [u8]>,
    starters: &HashSet<(&'s [u8], &'s [u8])>,
    ctor_types: &dyn Fn(&'s [u8]) -> Vec<&'s [u8]>,
) -> Vec<(&'s [u8], Option<&'s [u8]>)> {
    let mut out = Vec::new();
    for (at, w) in toks.windows(3).enumerate() {
        let (x, rest) = match w {
            [Tok::Ident(x), Tok::Op(b":="), _] => (*x, at + 2),
            [Tok::Ident(b"var"), Tok::Ident(x), Tok::Op(b"=")] => (*x, at + 3),
            _ => continue,
        };
        let var = Tok::Ident(x);
        let calls = |t: &[u8]| {
            toks.windows(4).any(|w| {
                matches!(w, [v, Tok::Op(b"."), Tok::Ident(m), Tok::Op(b"(")] if *v == var && starters.contains(&(t, *m)))
            })
        };
        let uses_ok = toks.iter().enumerate().all(|(i, tok)| {
            *tok != var
                || (i > 0 && toks[i - 1] == Tok::Op(b"."))
                || matches!(toks.get(i + 1), Some(Tok::Op(b"." | b":=" | b"=")))
        });
        if !uses_ok {
            continue;
        }
        let amp = usize::from(toks.get(rest) == Some(&Tok::Op(b"&")));
        match (toks.get(rest + amp), toks.get(rest + amp + 1)) {
            // `T{...}` or `&T{...}`.
            (Some(Tok::Ident(t)), Some(Tok::Op(b"{"))) if types.contains(t) && calls(t) => out.push((*t, None)),
            // A constructor `f(...)` of the file: any starting type it may
            // return (its text spells it).
            (Some(Tok::Ident(f)), Some(Tok::Op(b"("))) if amp == 0 => {
                out.extend(ctor_types(f).into_iter().filter(|t| calls(t)).map(|t| (t, Some(*f))));
            }
            _ => {}
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// The receiver's type name of the method declared by `decl` (`T` in
/// `func (r *T) m(`, `func (T) m(`, `func (r T[K]) m(`); `None` for a function.
fn receiver_type_name(decl: &[u8]) -> Option<&[u8]> {
    let rest = crate::syntax::skip_blank(decl.strip_prefix(b"func")?);
    let inner = rest.strip_prefix(b"(")?;
    let close = memchr::memchr(b')', inner)?;
    // The last identifier before any `[`, after the optional name and `*`.
    let recv = inner[..close].split(|&b| b == b'[').next()?;
    let end = recv.iter().rposition(|b| crate::syntax::tokens::is_ident(*b))? + 1;
    let start = recv[..end].iter().rposition(|b| !crate::syntax::tokens::is_ident(*b)).map_or(0, |i| i + 1);
    Some(&recv[start..end])
}

/// Every pattern needs a channel made and a goroutine started in the same
/// function: `make(chan` and a start of some kind.
#[must_use]
pub fn may_leak(text: &[u8]) -> bool {
    (has_make_chan(text) || has_var_chan(text))
        && StartKind::ALL.iter().any(|kind| match kind {
            // A spawner's `go` is in its own text (a caller's is found by name).
            StartKind::Go | StartKind::Spawner | StartKind::Returned => has_go(text),
            StartKind::WaitGroupGo | StartKind::ErrGroupGo | StartKind::AfterFunc => {
                has_method_word(text, kind.token())
            }
            StartKind::Wrapper => has_func_arg(text) || has_closure_arg(text),
            StartKind::HandedOff => handed_fields(text).iter().any(|f| keys_field(text, f)),
        })
}

/// Does `text` spell `f:` for the word `f` (a keyed element `T{f: v}`, as
/// a request storing its reply channel does; a superset)?
fn keys_field(text: &[u8], f: &[u8]) -> bool {
    let is_ident = |b: u8| crate::syntax::tokens::is_ident(b);
    memchr::memmem::find_iter(text, f).any(|at| {
        let end = at + f.len();
        // Blanks and comments may come between (`reply /* c */ : ...`).
        let after = crate::syntax::skip_blank(&text[end..]);
        (at == 0 || !is_ident(text[at - 1])) && after.first() == Some(&b':') && after.get(1) != Some(&b'=')
    })
}

/// Does the function with this text send a composite literal keying
/// `field` (`T{field: v}`, `&T{...}`) on a channel, or pass it to a call a
/// go statement starts, itself or through the variable it initialises (`x
/// := T{...}` ... `reqs <- x`, `go s.handle(x)`)? A superset (text
/// the lexer cannot follow answers yes): the request hand-over that
/// `analysis::handoff` follows.
fn hands_over(text: &[u8], field: &[u8]) -> bool {
    let Some(toks) = tokenize(text) else { return true };
    // `<-` as a send: after a channel expression, not after `:=`, `(`, a
    // keyword (`return <-c`, `case <-c`).
    let sends = |i: usize| {
        toks[i] == Tok::Op(b"<-")
            && i > 0
            && match toks[i - 1] {
                Tok::Ident(w) => !matches!(
                    w,
                    b"return" | b"case" | b"if" | b"for" | b"switch" | b"go" | b"defer" | b"else" | b"range"
                ),
                Tok::Op(o) => o == b")" || o == b"]",
                _ => false,
            }
    };
    // Or an argument of a call a go statement starts (`go s.handle(req)`,
    // `go handle(db, req)`): `go`, the callee's names, the call's `(`.
    let started = |j: usize| {
        let Some(open) = starts::opening_paren(&toks, j, 0) else { return false };
        let callee = toks[..open]
            .iter()
            .rev()
            .take_while(|t| matches!(t, Tok::Ident(_) | Tok::Op(b".")) && **t != Tok::Ident(b"go"))
            .count();
        open > callee && toks[open - callee - 1] == Tok::Ident(b"go")
    };
    for i in 1..toks.len() {
        if toks[i] != Tok::Op(b"{") || !matches!(toks[i - 1], Tok::Ident(_)) {
            continue;
        }
        let Some(close) = closing(&toks, i) else { return true };
        let mut depth = 0usize;
        let keyed = toks[i + 1..close].windows(2).any(|w| {
            match w[0] {
                Tok::Op(b"(" | b"[" | b"{") => depth += 1,
                Tok::Op(b")" | b"]" | b"}") => depth = depth.saturating_sub(1),
                _ => {}
            }
            depth == 0 && w[0] == Tok::Ident(field) && w[1] == Tok::Op(b":")
        });
        if !keyed {
            continue;
        }
        let lit = if i >= 2 && toks[i - 2] == Tok::Op(b"&") { i - 2 } else { i - 1 };
        if lit > 0 && (sends(lit - 1) || started(lit)) {
            return true;
        }
        if lit >= 2
            && matches!(toks[lit - 1], Tok::Op(b":=" | b"="))
            && let Tok::Ident(x) = toks[lit - 2]
            && (close + 1..toks.len()).any(|j| toks[j] == Tok::Ident(x) && (sends(j - 1) || started(j)))
        {
            return true;
        }
    }
    false
}

/// The names `f` of the sends `x.f <- v` in `text` whose field is
/// unexported (a superset, comments and strings included): the reply
/// fields a handler may answer on (see `analysis::handoff`), sorted.
#[must_use]
pub fn handed_fields(text: &[u8]) -> Vec<&[u8]> {
    let is_ident = |b: u8| crate::syntax::tokens::is_ident(b);
    let mut out: Vec<&[u8]> = memchr::memmem::find_iter(text, b"<-")
        .filter_map(|at| {
            // Blanks and block comments may come between (`req.reply /* c */ <-`).
            let mut end = at;
            loop {
                end = text[..end].iter().rposition(|b| !matches!(b, b' ' | b'\t'))? + 1;
                match text[..end].strip_suffix(b"*/") {
                    Some(before) => end = memchr::memmem::rfind(before, b"/*")?,
                    None => break,
                }
            }
            let start = text[..end].iter().rposition(|b| !is_ident(*b)).map_or(0, |i| i + 1);
            let word = &text[start..end];
            let dot = start.checked_sub(1).map(|i| text[i]);
            (dot == Some(b'.') && word.first().is_some_and(|b| b.is_ascii_lowercase() || *b == b'_')).then_some(word)
        })
        .collect();
    out.sort_unstable();
    out.dedup();
    out
}

/// Can a function with this text hold a finding? Every transform needs a
/// channel made by `make(chan ...)` into a variable that a goroutine uses:
/// it sends on it (for the capacity fixes, which also need the channel
/// unbuffered), ranges over it, or is handed it as an argument. A token
/// scan answers that without parsing; it only ever answers "no" when the
/// text shows none of these (unlexable text answers "yes"), so skipping a
/// "no" cannot change a finding (`--no-shortcuts` checks that). The text
/// is taken as a file of its own, declaring no method (`t.Run(...,
/// func() {...})` is then no wrapper's call).
#[must_use]
pub fn may_hold_finding(text: &[u8]) -> bool {
    needs(
        text,
        GoroutineUse::ALL,
        &Lookups { may_use: &|_| true, is_spawner: &|_| false, declared_here: &|_| false },
        None,
    )
    .is_some()
}

/// The words of `text` (identifier-like runs, comments and strings
/// included: a superset), in order.
fn words(text: &[u8]) -> impl Iterator<Item = &[u8]> {
    text.split(|b| !crate::syntax::tokens::is_ident(*b)).filter(|w| !w.is_empty())
}

/// missing-stop's part of the plan: methods of this file that start a
/// goroutine waiting in a `select` or a `range`, by receiver type; the
/// functions building a value of such a type from a composite literal,
/// using it only through selectors, and calling one of them are kept with
/// the type's methods (the stopping one, and any other the function calls,
/// are read).
fn keep_started_values<'s>(
    src: &'s [u8],
    chunks: &[outline::Chunk<'s>],
    declared: &HashMap<&[u8], Vec<usize>>,
    within: Option<usize>,
    kept: &mut [bool],
    relevant: &mut Vec<(Range<usize>, Vec<Range<usize>>)>,
    helpers: &mut Vec<&'s [u8]>,
) {
    // Looked up by type or name, never by scanning every chunk or starter
    // for each function: a file may declare thousands of such types.
    let receiver = |c: &outline::Chunk<'_>| receiver_type_name(&src[c.range.clone()]);
    let mut by_receiver: HashMap<&[u8], Vec<usize>> = HashMap::new();
    for (i, c) in chunks.iter().enumerate() {
        if let Some(t) = receiver(c) {
            by_receiver.entry(t).or_default().push(i);
        }
    }
    let methods_of = |t: &[u8]| by_receiver.get(t).into_iter().flatten().map(|&i| &chunks[i]);
    let starters = starting_pairs(src, chunks, &methods_of);
    if starters.is_empty() {
        return;
    }
    let types: HashSet<&[u8]> = starters.iter().map(|(t, _)| *t).collect();
    let names: HashSet<&[u8]> = starters.iter().map(|(_, m)| *m).collect();
    let spelled = std::cell::RefCell::default();
    let ctor_types = |f: &'s [u8]| spelled_types(src, chunks, declared, &types, &spelled, f);
    let mut added: HashSet<&[u8]> = HashSet::new();
    let mut added_ctors: HashSet<&[u8]> = HashSet::new();
    let mut helper_seen: HashSet<&[u8]> = helpers.iter().copied().collect();
    let mut entry: HashMap<usize, usize> = relevant.iter().enumerate().map(|(j, (r, _))| (r.start, j)).collect();
    for (i, c) in chunks.iter().enumerate() {
        if within.is_some_and(|at| !c.range.contains(&at)) {
            continue;
        }
        let text = &src[c.range.clone()];
        // Tokenized only when the text spells a starting method (the
        // type may be behind a constructor).
        if !words(text).any(|w| names.contains(w)) {
            continue;
        }
        // `T{` for a starting type `T`, and `.M(` for one of its
        // starting methods (text the lexer cannot follow: any).
        // The test helpers it calls may end it before the stop (see
        // `analysis::exits`), and the helpers they call.
        let mut called = Vec::new();
        let found: Vec<(&[u8], Option<&[u8]>)> = match tokenize(text) {
            None => types.iter().map(|t| (*t, None)).collect(),
            Some(toks) => {
                helper_calls(&toks, &mut called);
                started_here(&toks, &types, &starters, &ctor_types)
            }
        };
        let built: Vec<&[u8]> = found.iter().map(|(t, _)| *t).collect();
        let ctors: Vec<&[u8]> = found.iter().filter_map(|(_, f)| *f).collect();
        if built.is_empty() {
            continue;
        }
        kept[i] = true;
        add_handed_on(src, chunks, declared, &mut called);
        let called_here: Vec<Range<usize>> = called
            .iter()
            .flat_map(|n| declared.get(n).into_iter().flatten())
            .map(|&j| chunks[j].range.clone())
            .filter(|r| *r != c.range)
            .collect();
        for n in called {
            if helper_seen.insert(n) {
                helpers.push(n);
            }
        }
        let mut built_unique = built.clone();
        built_unique.sort_unstable();
        built_unique.dedup();
        let mut ctors_unique = ctors.clone();
        ctors_unique.sort_unstable();
        ctors_unique.dedup();
        let methods = built_unique
            .iter()
            .flat_map(|t| methods_of(t))
            .chain(
                ctors_unique
                    .iter()
                    .flat_map(|f| declared.get(f).into_iter().flatten().map(|&j| &chunks[j]))
                    .filter(|m| receiver(m).is_none()),
            )
            .map(|m| m.range.clone())
            .filter(|r| *r != c.range)
            .chain(called_here);
        match entry.get(&c.range.start) {
            Some(&j) => {
                let needed = &mut relevant[j].1;
                needed.extend(methods);
                needed.sort_by_key(|r| r.start);
                needed.dedup();
            }
            None => {
                let mut needed: Vec<Range<usize>> = methods.collect();
                needed.sort_by_key(|r| r.start);
                needed.dedup();
                entry.insert(c.range.start, relevant.len());
                relevant.push((c.range.clone(), needed));
            }
        }
        added.extend(built);
        added_ctors.extend(ctors);
    }
    relevant.sort_by_key(|(r, _)| r.start);
    for (c, k) in chunks.iter().zip(kept.iter_mut()) {
        *k |= receiver(c).is_some_and(|t| added.contains(t)) || (receiver(c).is_none() && added_ctors.contains(c.name));
    }
}

/// The starting types `types` a constructor `f` of the file may return:
/// those its text spells (its declared result is one), found once per
/// constructor (`memo`).
fn spelled_types<'s>(
    src: &'s [u8],
    chunks: &[outline::Chunk<'s>],
    declared: &HashMap<&[u8], Vec<usize>>,
    types: &HashSet<&'s [u8]>,
    memo: &std::cell::RefCell<HashMap<&'s [u8], Vec<&'s [u8]>>>,
    f: &'s [u8],
) -> Vec<&'s [u8]> {
    memo.borrow_mut()
        .entry(f)
        .or_insert_with(|| {
            let mut found: Vec<&'s [u8]> = declared
                .get(f)
                .into_iter()
                .flatten()
                .flat_map(|&i| words(&src[chunks[i].range.clone()]))
                .filter(|w| types.contains(w))
                .collect();
            found.sort_unstable();
            found.dedup();
            found
        })
        .clone()
}

/// The file's starting methods, `(type, method)`: a method that spells
/// `go` and waits in a `select` or `range` itself, or names a method of its
/// type (`methods_of`) that does (`go s.loop()`).
fn starting_pairs<'s, 'c, I>(
    src: &'s [u8],
    chunks: &'c [outline::Chunk<'s>],
    methods_of: &dyn Fn(&[u8]) -> I,
) -> HashSet<(&'s [u8], &'s [u8])>
where
    I: Iterator<Item = &'c outline::Chunk<'s>>,
    's: 'c,
{
    let find = |c: &outline::Chunk<'_>, w: &[u8]| memchr::memmem::find(&src[c.range.clone()], w).is_some();
    let waits = |c: &outline::Chunk<'_>| find(c, b"select") || find(c, b"range");
    chunks
        .iter()
        .filter(|c| has_go(&src[c.range.clone()]))
        .filter_map(|c| {
            let t = receiver_type_name(&src[c.range.clone()])?;
            // (`.loop(`, as the method is called.)
            let names_a_waiter = || methods_of(t).filter(|m| waits(m)).any(|m| find(c, &[b".", m.name, b"("].concat()));
            (waits(c) || names_a_waiter()).then_some((t, c.name))
        })
        .collect()
}

/// `None` if a function with this text cannot hold a finding (see
/// [`may_hold_finding`]); else the names of the functions its goroutines
/// may run with one of its channels (their bodies are analysed too).
fn needs<'s>(
    text: &'s [u8],
    uses: &[GoroutineUse],
    names: &Lookups<'_>,
    constructor: Option<Constructor<'_, 's>>,
) -> Option<Vec<&'s [u8]>> {
    let Lookups { may_use, is_spawner, declared_here } = *names;
    let constructed = constructed(text, constructor);
    // A call of a spawner of the file starts a goroutine without spelling
    // `go`: a function making a channel is scanned for calls handed it.
    let leaky = may_leak(text);
    if !(leaky || has_make_chan(text) && words(text).any(is_spawner)) {
        return (!constructed.is_empty()).then_some(constructed);
    }
    // Text the token scan cannot follow may hold anything.
    let anything = || {
        let mut names = Vec::new();
        if leaky {
            start_callees(text, &mut names);
        }
        for w in words(text) {
            if is_spawner(w) && !names.contains(&w) {
                names.push(w);
            }
        }
        let holds = leaky || !names.is_empty() || !constructed.is_empty();
        names.extend(constructed.iter().copied());
        holds.then_some(names)
    };
    let Some(toks) = tokenize(text) else { return anything() };
    let gos = starts_kept(&toks, declared_here);
    let index = NameIndex { toks: &toks, gos: &gos, starts: OnceCell::new(), positions: OnceCell::new() };
    let mut callees = Vec::new();
    let mut holds = false;
    // What does not depend on the channel is scanned for once (a function
    // may make thousands of channels).
    let mut scanned_calls = false;
    for (at, w) in toks.windows(3).enumerate() {
        if w != [Tok::Ident(b"make"), Tok::Op(b"("), Tok::Ident(b"chan")] {
            continue;
        }
        let Some(close) = closing(&toks, at + 1) else { return anything() };
        let capacity = capacity(&toks[at + 2..close]);
        let under = capacity == Capacity::Literal && uses.contains(&GoroutineUse::SendUnderBuffered);
        for name in assigned_names(&toks[..at]) {
            // Waiting for a close the make's block makes (skipped-close).
            let waits = uses.contains(&GoroutineUse::WaitClose) && closes_in_block(&toks, at, name);
            let owned: Vec<GoroutineUse>;
            let uses = if waits || !uses.contains(&GoroutineUse::WaitClose) {
                uses
            } else {
                owned = uses.iter().copied().filter(|u| *u != GoroutineUse::WaitClose).collect();
                &owned
            };
            let mut starts: Vec<_> =
                index.starts(name).filter(|g| g.uses(&toks, name, capacity == Capacity::Zero, uses, may_use)).collect();
            if under {
                // Several senders, or one in a loop after the make, may
                // outnumber a literal capacity.
                let senders: Vec<_> = index.starts(name).filter(|g| g.uses(&toks, name, true, uses, may_use)).collect();
                let looped =
                    senders.iter().any(|g| toks.get(at..g.first()).is_some_and(|t| t.contains(&Tok::Ident(b"for"))));
                if senders.len() >= 2 || looped {
                    starts = senders;
                }
            }
            // The function's own calls handed the channel (`wait(c)`): a
            // spawner of the file among them starts a goroutine with it.
            let mut handed = Vec::new();
            let after = index.positions(name).iter().copied().filter(|&p| p > at && p + 1 < toks.len());
            handed_at(&toks, after, at, name, &mut handed);
            let mut used = handed.iter().any(|f| is_spawner(f));
            for g in starts {
                used = true;
                for callee in g.callee(&toks).into_iter().chain(g.called(&toks, name)) {
                    if !callees.contains(&callee) {
                        callees.push(callee);
                    }
                }
            }
            // Those calls are summarised too.
            if used {
                for f in handed {
                    if !callees.contains(&f) {
                        callees.push(f);
                    }
                }
                if !scanned_calls {
                    scanned_calls = true;
                    counted_from_calls(&toks, &mut callees);
                    helper_calls(&toks, &mut callees);
                }
                keyed_types(&toks, index.positions(name), &mut callees);
            }
            holds |= used;
        }
    }
    // A channel variable declared without a value that a goroutine names.
    if uses.contains(&GoroutineUse::NilChannel) {
        holds |= nil_channel_callees(&toks, &gos, &mut callees);
    }
    for n in constructed {
        holds = true;
        if !callees.contains(&n) {
            callees.push(n);
        }
    }
    holds.then_some(callees)
}

/// Where a function's names are spelled, built on first use: each make
/// then looks only there, not through every token or start of the
/// function (one may make thousands of channels).
struct NameIndex<'s, 'a> {
    toks: &'a [Tok<'s>],
    gos: &'a [starts::GoStmt],
    /// The starts spelling each name (a start that does not spell a
    /// channel's name cannot use it), in order.
    starts: OnceCell<HashMap<&'s [u8], Vec<usize>>>,
    /// The token positions of each name.
    positions: OnceCell<HashMap<&'s [u8], Vec<usize>>>,
}

impl<'s, 'a> NameIndex<'s, 'a> {
    fn starts(&self, name: &[u8]) -> impl Iterator<Item = &'a starts::GoStmt> + use<'_, 'a, 's> {
        let by_name = self.starts.get_or_init(|| {
            let mut by_name: HashMap<&[u8], Vec<usize>> = HashMap::new();
            for (i, g) in self.gos.iter().enumerate() {
                for w in g.idents(self.toks) {
                    let at = by_name.entry(w).or_default();
                    if at.last() != Some(&i) {
                        at.push(i);
                    }
                }
            }
            by_name
        });
        by_name.get(name).map_or(&[][..], Vec::as_slice).iter().map(|&i| &self.gos[i])
    }

    fn positions(&self, name: &[u8]) -> &[usize] {
        let at = self.positions.get_or_init(|| {
            let mut at: HashMap<&[u8], Vec<usize>> = HashMap::new();
            for (i, t) in self.toks.iter().enumerate() {
                if let Tok::Ident(w) = t {
                    at.entry(*w).or_default().push(i);
                }
            }
            at
        });
        at.get(name).map_or(&[][..], Vec::as_slice)
    }
}

/// The starts of `toks` ([`starts_in`]), a method wrapper's call only for
/// a method the file declares (`analysis::starts` follows no other).
fn starts_kept<'t>(toks: &[Tok<'t>], declared_here: &dyn Fn(&[u8]) -> bool) -> Vec<starts::GoStmt> {
    let mut gos = starts_in(toks);
    gos.retain(|g| !g.method || g.callee(toks).is_some_and(declared_here));
    gos
}

/// The types of the composite literals keyed with a field spelled `name`,
/// at the token positions `spelled` where the name is (`outcome` in
/// `outcome{out: v}`, the channel being `out`): the key is a
/// field's name, not a use of the channel, when the type is a struct of
/// the file (`analysis::handoff::is_field_key`), which is then read.
fn keyed_types<'s>(toks: &[Tok<'s>], spelled: &[usize], out: &mut Vec<&'s [u8]>) {
    crate::syntax::work::plan_scanned(spelled.len());
    for &at in spelled {
        if at == 0
            || at + 1 >= toks.len()
            || toks[at + 1] != Tok::Op(b":")
            || !matches!(toks[at - 1], Tok::Op(b"{" | b","))
        {
            continue;
        }
        let mut depth = 0usize;
        let open = (0..at).rev().find(|&i| match toks[i] {
            Tok::Op(b")" | b"]" | b"}") => {
                depth += 1;
                false
            }
            Tok::Op(b"(" | b"[" | b"{") if depth > 0 => {
                depth -= 1;
                false
            }
            Tok::Op(b"{") => true,
            _ => false,
        });
        if let Some(Tok::Ident(t)) = open.and_then(|o| o.checked_sub(1)).map(|i| toks[i])
            && !out.contains(&t)
        {
            out.push(t);
        }
    }
}

/// For [`needs`]: the functions the goroutines naming a channel variable
/// declared without a value (`var c chan T`) run or hand it to (`go
/// consume(c)`, `go func() { consume(c) }()`), added to `callees`; whether
/// there is such a goroutine.
fn nil_channel_callees<'s>(toks: &[Tok<'s>], gos: &[starts::GoStmt], callees: &mut Vec<&'s [u8]>) -> bool {
    let mut holds = false;
    for (at, w) in toks.windows(3).enumerate() {
        let [Tok::Ident(b"var"), Tok::Ident(name), next] = w else { continue };
        let chan = match next {
            Tok::Ident(b"chan") => true,
            Tok::Op(b"<-") => toks.get(at + 3) == Some(&Tok::Ident(b"chan")),
            _ => false,
        };
        if !chan {
            continue;
        }
        // And the functions those goroutines run or hand it to
        // (`go consume(c)`, `go func() { consume(c) }()`).
        for g in gos.iter().filter(|g| g.mentions(toks, name)) {
            holds = true;
            for callee in g.callee(toks).into_iter().chain(g.called(toks, name)) {
                if !callees.contains(&callee) {
                    callees.push(callee);
                }
            }
        }
    }
    holds
}

/// What [`needs`] asks of the rest of the file, by name.
#[derive(Clone, Copy)]
struct Lookups<'a> {
    /// May the function of that name send or range on a channel it is
    /// handed (any name the file does not declare may)?
    may_use: &'a dyn Fn(&[u8]) -> bool,
    /// Is it a spawner of the file (see `starts::spawned_by`)?
    is_spawner: &'a dyn Fn(&[u8]) -> bool,
    /// Does the file declare it?
    declared_here: &'a dyn Fn(&[u8]) -> bool,
}

/// For a constructor of the file (see `starts::returned_by`), by name:
/// the names its goroutine needs (`None` for any other name).
type Constructor<'a, 's> = &'a dyn Fn(&[u8]) -> Option<Vec<&'s [u8]>>;

/// A call of a constructor of the file (`x := fetchAsync(key)`) starts a
/// goroutine with the channel it returns: a function naming one holds a
/// start, and needs the constructor and what its goroutine needs.
fn constructed<'s>(text: &'s [u8], constructor: Option<Constructor<'_, 's>>) -> Vec<&'s [u8]> {
    let mut out: Vec<&'s [u8]> = Vec::new();
    if let Some(constructor) = constructor {
        for w in words(text) {
            if let Some(more) = constructor(w).filter(|_| !out.contains(&w)) {
                out.push(w);
                out.extend(more);
            }
        }
    }
    out
}

/// The functions called as statements handed first a parameter of a
/// testing type, `f(t, ...)`: test helpers, and the `must` helpers called
/// so (`x := mustDecode(raw)`), and `x.Fatalf(...)`-style methods (an
/// in-house harness's may call `runtime.Goexit`), which may end the
/// goroutine (see `analysis::exits`), an exit the analysis must see.
fn helper_calls<'s>(toks: &[Tok<'s>], out: &mut Vec<&'s [u8]>) {
    let params = testing_params(toks);
    for (at, w) in toks.windows(3).enumerate() {
        let [Tok::Ident(f), Tok::Op(b"("), arg] = w else { continue };
        // And the file's `must` helpers, which may panic (`b :=
        // mustDecode(raw)`), and methods (`l.mustParse(s)`; the analysis
        // reads only the file's, so `regexp.MustCompile(s)` changes nothing).
        let qualified = at >= 2 && toks[at - 1] == Tok::Op(b".") && matches!(toks[at - 2], Tok::Ident(_));
        let must = (at == 0 || toks[at - 1] != Tok::Op(b".") || qualified)
            && (f.starts_with(b"must") || f.starts_with(b"Must"))
            && std::str::from_utf8(f).is_ok_and(crate::analysis::exits::is_must_name);
        // A harness's own `t.Fatalf(...)` (a method of the file that may
        // call `runtime.Goexit`).
        let fatal = qualified && matches!(*f, b"Fatal" | b"Fatalf" | b"FailNow" | b"Skip" | b"Skipf" | b"SkipNow");
        if !must && !fatal && !matches!(arg, Tok::Ident(a) if params.contains(a)) {
            continue;
        }
        if matches!(*f, b"if" | b"for" | b"switch" | b"return" | b"case" | b"select") {
            continue;
        }
        // After a statement's end or a block's start, first in the
        // initializer of `if`, `switch` or `for`, or the value assigned
        // (`x := mustParse(t, s)`).
        let head = if qualified { at - 2 } else { at };
        let starts_statement = head == 0
            || matches!(
                toks[head - 1],
                Tok::Op(
                    b";" | b"{"
                        | b"}"
                        | b":"
                        | b":="
                        | b"="
                        | b"+="
                        | b"-="
                        | b"*="
                        | b"/="
                        | b"%="
                        | b"&="
                        | b"|="
                        | b"^="
                        | b"<<="
                        | b">>="
                        | b"&^="
                ) | Tok::Ident(b"if" | b"switch" | b"for")
            );
        if starts_statement && !out.contains(f) {
            out.push(f);
        }
    }
}

/// Add to the ranges `needed` the types that the struct types among them
/// embed, declared in this file (a few rounds cover the depths the
/// analysis follows).
fn add_embedded(
    src: &[u8],
    chunks: &[outline::Chunk<'_>],
    declared: &HashMap<&[u8], Vec<usize>>,
    needed: &mut Vec<Range<usize>>,
) {
    for _ in 0..4 {
        let more: Vec<Range<usize>> = needed
            .iter()
            .filter(|r| src[r.start..].starts_with(b"type"))
            .flat_map(|r| embedded_types(&src[r.clone()]))
            .flat_map(|n| declared.get(n).into_iter().flatten())
            .map(|&i| chunks[i].range.clone())
            .filter(|r| !needed.contains(r))
            .collect();
        if more.is_empty() {
            break;
        }
        needed.extend(more);
        needed.sort_by_key(|r| r.start);
        needed.dedup();
    }
}

/// Add to `names` the functions of this file that those of `names`
/// declared here hand a channel on to, and those these hand it on to
/// (summaries follow [`crate::analysis::summaries::FOLLOWED`] such calls),
/// and the test helpers they call, wherever declared (a helper of this file
/// may end the goroutine through the helper it calls).
fn add_handed_on<'s>(
    src: &'s [u8],
    chunks: &[outline::Chunk<'s>],
    declared: &HashMap<&[u8], Vec<usize>>,
    names: &mut Vec<&'s [u8]>,
) {
    let mut helpers: Vec<&[u8]> = Vec::new();
    let mut from = 0;
    for _ in 0..crate::analysis::summaries::FOLLOWED {
        let mut more: Vec<&[u8]> = Vec::new();
        for &i in names[from..].iter().flat_map(|n| declared.get(n).into_iter().flatten()) {
            let Some(toks) = tokenize(&src[chunks[i].range.clone()]) else { continue };
            more.extend(handed_on_names(&toks));
            helper_calls(&toks, &mut helpers);
        }
        from = names.len();
        for n in more {
            if !names.contains(&n) && declared.contains_key(n) {
                names.push(n);
            }
        }
    }
    for n in helpers {
        if !names.contains(&n) {
            names.push(n);
        }
    }
}

/// The functions a function calls by name (`publish` in `func digest(b
/// blob, out chan<- string) { publish(out, ...) }`): those it may hand a
/// channel parameter on to, however the parameter's type is spelled.
fn handed_on_names<'s>(toks: &[Tok<'s>]) -> Vec<&'s [u8]> {
    let mut out: Vec<&[u8]> = Vec::new();
    for w in toks.windows(2) {
        if let [Tok::Ident(f), Tok::Op(b"(")] = w
            && !crate::syntax::tokens::is_keyword(f)
            && !out.contains(f)
        {
            out.push(f);
        }
    }
    out
}

/// The names declared with a type spelled like a testing one, `t *P.T`,
/// `c *P.C` (gocheck),
/// `b *P.B`, `f *P.F`, `tb P.TB` for any package name `P` (an import may
/// rename `testing`), with the names grouped before them (`a, b *P.T`).
/// A superset of the parameters the analysis finds of a testing type.
fn testing_params<'s>(toks: &[Tok<'s>]) -> Vec<&'s [u8]> {
    let mut out = Vec::new();
    for (at, w) in toks.windows(4).enumerate() {
        let named = match w {
            [Tok::Op(b"*"), Tok::Ident(_), Tok::Op(b"."), Tok::Ident(b"T" | b"B" | b"F" | b"C")]
            | [Tok::Ident(_), Tok::Op(b"."), Tok::Ident(b"TB"), _] => at,
            _ => continue,
        };
        let mut j = named;
        while j > 0 {
            let Tok::Ident(name) = toks[j - 1] else { break };
            out.push(name);
            if j < 2 || toks[j - 2] != Tok::Op(b",") {
                break;
            }
            j -= 2;
        }
    }
    out
}

/// Is `close(name)` a statement of the block holding the token `from`
/// (the make), after it? skipped-close needs the close in the block of the
/// make (the function's body, or a func literal's): the last statement
/// gets a fix, any other a finding.
fn closes_in_block(toks: &[Tok<'_>], from: usize, name: &[u8]) -> bool {
    let close = [Tok::Ident(b"close"), Tok::Op(b"("), Tok::Ident(name), Tok::Op(b")")];
    let mut depth = 0usize;
    for (at, t) in toks.iter().enumerate().skip(from) {
        match t {
            Tok::Op(b"{" | b"(" | b"[") => depth += 1,
            Tok::Op(b"}" | b")" | b"]") => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => return false,
            },
            _ if depth == 0 && toks.get(at..at + 4) == Some(&close[..]) => return true,
            _ => {}
        }
    }
    false
}

/// The functions whose declared results may give a count at a make: `f`
/// in `xs := f(...)` or `xs, err := s.f(...)` where `xs` is ranged over
/// (`range xs`) or measured (`len(xs)`) in the function.
/// Also the types whose fields may give one: `T` for `range x.f` or `i <
/// x.f` with `x T`, `x *T` or `x := &T{` in the function, and the methods
/// called on such an `x`.
fn counted_from_calls<'s>(toks: &[Tok<'s>], out: &mut Vec<&'s [u8]>) {
    let mut counted: Vec<&[u8]> = Vec::new();
    let mut with_fields: Vec<&[u8]> = Vec::new();
    for w in toks.windows(4) {
        match w {
            // `range x.f`, and a counting clause's bound that is a field:
            // `i < x.n`.
            [Tok::Ident(b"range"), Tok::Ident(x), Tok::Op(b"."), Tok::Ident(_)]
            | [Tok::Ident(_), Tok::Op(b"<" | b"<="), Tok::Ident(x), Tok::Op(b".")]
                if !with_fields.contains(x) =>
            {
                with_fields.push(x);
            }
            [Tok::Ident(b"range"), Tok::Ident(_), Tok::Op(b"."), Tok::Ident(_)]
            | [Tok::Ident(_), Tok::Op(b"<" | b"<="), Tok::Ident(_), Tok::Op(b".")] => {}
            [Tok::Ident(b"range"), Tok::Ident(x), ..]
            | [Tok::Ident(b"len"), Tok::Op(b"("), Tok::Ident(x), Tok::Op(b")")]
            // A counting clause's bound: `i < n`.
            | [Tok::Ident(_), Tok::Op(b"<" | b"<="), Tok::Ident(x), _]
                if !counted.contains(x) =>
            {
                counted.push(x);
            }
            _ => {}
        }
    }
    // A count copied from a field, `n := s.shards`: the type of `s` gives it.
    for w in toks.windows(6) {
        if let [Tok::Ident(n), Tok::Op(b":=" | b"="), Tok::Ident(x), Tok::Op(b"."), Tok::Ident(_), next] = w
            && counted.contains(n)
            && !matches!(next, Tok::Op(b"(" | b"."))
            && !with_fields.contains(x)
        {
            with_fields.push(x);
        }
    }
    // And the methods called on such a variable (`l.stripe(i)`): a count
    // from its field holds only if they leave the field alone.
    for w in toks.windows(4) {
        if let [Tok::Ident(x), Tok::Op(b"."), Tok::Ident(m), Tok::Op(b"(")] = w
            && with_fields.contains(x)
            && !out.contains(m)
        {
            out.push(m);
        }
    }
    for w in toks.windows(4) {
        let ty = match w {
            [Tok::Ident(x), Tok::Op(b"*"), Tok::Ident(t), _]
            | [Tok::Ident(x), Tok::Ident(t), ..]
            | [Tok::Ident(x), Tok::Op(b":=" | b"="), Tok::Op(b"&"), Tok::Ident(t)]
            | [Tok::Ident(x), Tok::Op(b":=" | b"="), Tok::Ident(t), Tok::Op(b"{")] => Some((x, t)),
            _ => None,
        };
        if let Some((x, t)) = ty
            && with_fields.contains(x)
            && !out.contains(t)
        {
            out.push(t);
        }
    }
    if counted.is_empty() {
        return;
    }
    for (at, t) in toks.iter().enumerate() {
        if !matches!(t, Tok::Op(b":=" | b"=")) {
            continue;
        }
        // The names before it, back to the statement's start.
        let lefts = toks[..at].iter().rev().take_while(|t| matches!(t, Tok::Ident(_) | Tok::Op(b",")));
        if !lefts.into_iter().any(|t| matches!(t, Tok::Ident(x) if counted.contains(x))) {
            continue;
        }
        // `f(` or `a.b.f(` after it: the last name before the `(`.
        let mut last = None;
        for t in &toks[at + 1..] {
            match t {
                Tok::Ident(n) => last = Some(*n),
                Tok::Op(b".") => {}
                Tok::Op(b"(") => {
                    // Builtins declare nothing (a shadowed one is the plain case).
                    let builtin = |n: &[u8]| matches!(n, b"make" | b"new" | b"append" | b"len" | b"cap");
                    if let Some(n) = last.filter(|n| !out.contains(n) && !builtin(n)) {
                        out.push(n);
                    }
                    break;
                }
                _ => break,
            }
        }
    }
}

/// The capacity a `make(chan ...)` spells.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Capacity {
    /// None, or a literal `0`.
    Zero,
    /// Another number literal.
    Literal,
    /// Anything else.
    Other,
}

/// The arguments of `make(` after `chan`: unbuffered unless a capacity
/// other than a literal `0` follows a top-level comma.
fn capacity(args: &[Tok<'_>]) -> Capacity {
    let mut depth = 0usize;
    for (i, t) in args.iter().enumerate() {
        match t {
            Tok::Op(b"(" | b"[" | b"{") => depth += 1,
            Tok::Op(b")" | b"]" | b"}") => depth = depth.saturating_sub(1),
            Tok::Op(b",") if depth == 0 => {
                let cap = &args[i + 1..];
                let cap = cap.strip_suffix(&[Tok::Op(b",")]).unwrap_or(cap);
                return match cap {
                    [] | [Tok::Number(b"0")] => Capacity::Zero,
                    [Tok::Number(_)] => Capacity::Literal,
                    _ => Capacity::Other,
                };
            }
            _ => {}
        }
    }
    Capacity::Zero
}

/// Identifiers of the statement before a `make` (the variables it may be
/// assigned to, and more): back to the statement's start, skipping
/// bracketed groups.
fn assigned_names<'s>(before: &[Tok<'s>]) -> Vec<&'s [u8]> {
    let mut names = Vec::new();
    let mut depth = 0usize;
    for t in before.iter().rev() {
        match t {
            Tok::Op(b")" | b"]" | b"}") => depth += 1,
            Tok::Op(b"(" | b"[" | b"{") => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => break,
            },
            Tok::Op(b";") if depth == 0 => break,
            Tok::Ident(n) if depth == 0 => names.push(*n),
            _ => {}
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_functions_that_make_channels_and_their_go_callees() {
        let src = "package p\n\nvar s = `\nfunc fake() { c := make(chan int) }\n`\n\nfunc a() {\n\tc := make(chan int)\n\tgo w.work(c)\n}\n\nfunc (x *T) work(c chan int) { c <- 1 }\n\nfunc other() { _ = \"}\" }\n\nfunc big() {\n\t// lots of code here, lots of code here, lots of code here\n\t// lots of code here, lots of code here, lots of code here\n}\n";
        let ranges = relevant_ranges(src.as_bytes()).unwrap();
        let kept: String = ranges.iter().map(|r| &src[r.clone()]).collect();
        assert!(kept.starts_with("package p"));
        assert!(kept.contains("func a() {\n\tc := make(chan int)"));
        assert!(kept.contains("func (x *T) work(c chan int)"));
        assert!(!kept.contains("fake") && !kept.contains("other") && !kept.contains("big"));
        assert_eq!(relevant_ranges(b"package p\n\nfunc a() {\n\tc := make(chan int, 1)\n\tgo f()\n}\n"), Some(vec![]));
    }

    #[test]
    fn a_request_handed_to_a_handler_keeps_the_caller_and_every_user_of_the_field() {
        assert_eq!(
            handed_fields(b"r.reply <- v; x.Out <- 1; <-r.done; c <- 2; s.q.done\t<- v"),
            vec![&b"done"[..], b"reply"]
        );
        let src = "package p\n\ntype request struct {\n\treply chan string\n}\n\nfunc loop(reqs chan request) {\n\tfor r := range reqs {\n\t\tr.reply <- \"v\"\n\t}\n}\n\nfunc get(reqs chan request) string {\n\tr := request{reply: make(chan string)}\n\treqs <- r\n\treturn <-r.reply\n}\n\nfunc unrelated() { c := make(chan int); c <- 1 }\n";
        assert!(may_leak(src.as_bytes()));
        let ranges = relevant_ranges(src.as_bytes()).unwrap();
        let kept: String = ranges.iter().map(|r| &src[r.clone()]).collect();
        assert!(kept.contains("type request struct") && kept.contains("func loop(") && kept.contains("func get("));
        assert!(!kept.contains("unrelated"));
        // No make, no caller: nothing to keep.
        assert!(!may_leak(
            b"package p\n\nfunc loop(reqs chan request) {\n\tfor r := range reqs {\n\t\tr.reply <- 1\n\t}\n}\n"
        ));
    }

    #[test]
    fn a_function_may_hold_a_finding_only_if_a_goroutine_uses_a_made_channel() {
        let holds = |body: &str| may_hold_finding(format!("func f() {{\n{body}\n}}\n").as_bytes());
        for yes in [
            "c := make(chan int)\ngo func() { c <- 1 }()",
            "c := make(chan int, 0)\ngo func() {\n\tselect {\n\tcase c /* x */ <- 1:\n\t}\n}()",
            "var c = make(chan int, 4)\ngo func() { for v := range c { _ = v } }()",
            "a, c := 1, make(chan int, n)\ngo work(c)",
            "c := make(chan int, n)\ngo s.work(ctx, c)",
            "c := make(chan int, n)\ngo func(in chan int) { for range in {} }(c)",
            "c :=\n\tmake(chan int)\ngo func() { c<-1 }()",
            "c = make(chan int)\ngo func() {\n\tdefer wg.Done()\n\tc <- f(x,\n\t\ty)\n}()",
            "c := make(chan int, 1) // then an unlexable byte:\n\u{1}\ngo func() {}()",
            "c := make(chan int)\nsafeGo(func() { c <- 1 })",
            // A literal capacity that several senders may outnumber.
            "c := make(chan int, 1)\nfor _, x := range xs {\n\tgo func() { c <- x }()\n}",
            "c := make(chan int, 1)\ngo func() { c <- 1 }()\ngo func() { c <- 2 }()",
            "c := make(chan int)\nrun(ctx, func() {\n\tc <- 1\n})",
        ] {
            assert!(holds(yes), "{yes:?}");
        }
        for no in [
            "c := make(chan int)\nc <- 1\ngo func() { <-c }()",
            "c := make(chan int, 1)\ngo func() { c <- 1 }()",
            "c := make(chan int, n)\ngo func() { c <- 1 }()\ngo func() { c <- 2 }()",
            "done := make(chan struct{})\ngo func() { close(done) }()",
            "m := map[int]chan int{1: make(chan int)}\ngo func() { x <- 1 }()",
            "go func() { c <- 1 }()\ns := \"c := make(chan int)\"",
            "c := make(chan int)\ngo func() { d <- c }()",
            "c := make(chan int)\nt.Run(\"x\", func(t *testing.T) { c <- 1 })",
            "c := make(chan int)\nsafeGo(func() { d <- 1 })",
        ] {
            assert!(!holds(no), "{no:?}");
        }
    }

    #[test]
    fn waiting_for_a_close_is_kept_only_where_the_makes_block_closes() {
        let holds = |body: &str| may_hold_finding(format!("func f() {{\n{body}\n}}\n").as_bytes());
        let wait = "done := make(chan struct{})\ngo func() { <-done }()\nif x {\n\treturn\n}\n";
        assert!(holds(&format!("{wait}close(done)")));
        assert!(holds(&format!("{wait}close(done)\nreturn nil")));
        assert!(holds(&format!("g := func() {{\n{wait}close(done)\n}}\ng()")), "the make's function may be a literal");
        // Not last: reported without a fix.
        assert!(holds(&format!("{wait}close(done)\nwg.Wait()")));
        assert!(holds(&format!("{wait}close(done)\nreturn finish()")));
        // Not in the make's block, or before the make.
        assert!(!holds(&format!("{wait}if y {{\n\tclose(done)\n}}")));
        assert!(!holds(&format!("g := func() {{\n{wait}}}\nclose(done)")));
        assert!(!holds(&format!("close(done)\n{wait}")));
        assert!(!holds(wait));
    }

    #[test]
    fn unbalanced_or_odd_input_falls_back() {
        assert!(relevant_ranges(b"package p\nfunc a() { c := make(chan int)\n").is_none());
        assert!(relevant_ranges(b"package p\nvar s = \"unterminated\nfunc a() {}\n").is_none());
    }

    #[test]
    fn a_transform_keeps_only_the_functions_it_can_fire_in() {
        let src = b"package p\n\nfunc s() {\n\tc := make(chan int)\n\tgo func() { c <- 1 }()\n}\n\nfunc r() {\n\tc := make(chan int)\n\tgo func() { for range c {} }()\n}\n\nfunc a() {\n\tc := make(chan int)\n\tgo work(c)\n}\n";
        let kept = |uses: &[GoroutineUse]| -> String {
            let ranges =
                plan(src, uses).parts.map(|p| if p.chunks.is_empty() { Vec::new() } else { p.merged() }).unwrap();
            ranges.iter().map(|r| String::from_utf8_lossy(&src[r.clone()]).into_owned()).collect()
        };
        let sends = kept(&[GoroutineUse::SendUnbuffered]);
        assert!(sends.contains("func s()") && !sends.contains("func r()") && sends.contains("func a()"));
        let ranges = kept(&[GoroutineUse::Range]);
        assert!(!ranges.contains("func s()") && ranges.contains("func r()") && ranges.contains("func a()"));
        assert_eq!(plan(src, GoroutineUse::ALL).names, [&b"work"[..]]);
    }

    #[test]
    fn a_goroutine_handing_a_channel_to_a_call_is_kept_unless_the_call_is_never_followed() {
        let holds = |body: &str| may_hold_finding(format!("func f() {{\n{body}\n}}\n").as_bytes());
        assert!(holds("c := make(chan int)\ngo func() { reply(c, 1) }()"));
        assert!(holds("c := make(chan int)\ngo func() { s.reply(c) }()\n_ = s"));
        for no in [
            "c := make(chan int)\ngo func() { fmt.Println(c) }()",
            "c := make(chan int)\ngo func() { a.b.reply(c) }()",
            "c := make(chan int)\ngo func() { close(c) }()",
        ] {
            assert!(!holds(no), "{no:?}");
        }
        // A local named like a builtin is followed.
        assert!(holds("close := func(c chan int) { c <- 1 }\nc := make(chan int)\ngo func() { close(c) }()"));
        let src = b"package p\n\nfunc f() {\n\tc := make(chan int)\n\tgo func() { reply(c, 1) }()\n}\n";
        assert_eq!(plan(src, GoroutineUse::ALL).names, [&b"reply"[..]]);
        // The parent's own calls handed the channel are summarised too.
        let src = b"package p\n\nfunc f() {\n\tc := make(chan int)\n\tgo func() { c <- 1 }()\n\tcollect(c)\n\tfmt.Println(c)\n}\n";
        assert_eq!(plan(src, GoroutineUse::ALL).names, [&b"collect"[..]]);
    }
}
