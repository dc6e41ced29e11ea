//! The token spans of goroutine starts, for the relevance scan: `go`
//! statements (with the closure variables they run), launcher calls
//! (`x.Go(...)`, `time.AfterFunc(...)`), what each could do with a channel
//! variable, and the names a sibling file may have to declare. Also the
//! text tests that find starts before tokenizing. Every kind of
//! [`StartKind`] is matched exhaustively, so a new kind cannot be missed.

use std::ops::Range;

use super::GoroutineUse;
use crate::analysis::StartKind;
use crate::syntax::tokens::{Tok, closing, is_ident};

/// Every start spelled in the tokens, of every kind.
pub(super) fn starts_in(toks: &[Tok<'_>]) -> Vec<GoStmt> {
    let closures = std::cell::OnceCell::new();
    let mut out = Vec::new();
    for kind in StartKind::ALL {
        match kind {
            StartKind::Go => {
                out.extend(
                    toks.iter().enumerate().filter(|(_, t)| **t == Tok::Ident(b"go")).map(|(at, _)| go_stmt(toks, at)),
                );
            }
            // `x.Go(`, `time.AfterFunc(`: the call's span, from the qualifier.
            // One scan finds both kinds of `x.Go(`. A call of a spawner
            // spells no start: the plan finds it by the names of the file's
            // spawners (`needs`).
            // A hand-over is a send: the plan finds it by the file's reply
            // fields (`handed_fields`).
            StartKind::ErrGroupGo | StartKind::Spawner | StartKind::Returned | StartKind::HandedOff => {}
            StartKind::WaitGroupGo | StartKind::AfterFunc => {
                let word = Tok::Ident(kind.token());
                for at in 2..toks.len() {
                    if toks[at] == word && toks[at - 1] == Tok::Op(b".") && toks.get(at + 1) == Some(&Tok::Op(b"(")) {
                        let end = closing(toks, at + 1).map_or(toks.len(), |c| c + 1);
                        out.push(GoStmt {
                            span: at - 2..end,
                            args: at + 1..end,
                            closures: Vec::new(),
                            launcher: true,
                            wrapper: false,
                            method: false,
                        });
                    }
                }
            }
            // `name(..., func...)`, `x.name(..., func...)`: a call handed a
            // func literal, which a wrapper of the package may start.
            StartKind::Wrapper => {
                for at in 1..toks.len() {
                    // A func literal, or a closure variable (`safeGo(load)`).
                    let handed = match toks[at] {
                        Tok::Ident(b"func") => true,
                        Tok::Ident(n) if matches!(toks.get(at + 1), Some(Tok::Op(b")" | b","))) => {
                            closures.get_or_init(|| closure_vars(toks)).iter().any(|(c, _)| *c == n)
                        }
                        _ => false,
                    };
                    if !handed || !matches!(toks[at - 1], Tok::Op(b"(" | b",")) {
                        continue;
                    }
                    let Some(open) = opening_paren(toks, at, 0) else { continue };
                    let Some(name) = open.checked_sub(1) else { continue };
                    // Its own statement, result dropped (`f(...)`, `_ = f(...)`),
                    // or a method's (`x.f(...)`).
                    let first = match name.checked_sub(2).map(|q| (toks[q], toks[q + 1])) {
                        Some((Tok::Ident(_), Tok::Op(b"."))) => name - 2,
                        _ => name,
                    };
                    let statement = match first.checked_sub(1).map(|p| toks[p]) {
                        None | Some(Tok::Op(b";" | b"{" | b"}")) => true,
                        Some(Tok::Op(b"=")) => first >= 2 && toks[first - 2] == Tok::Ident(b"_"),
                        _ => false,
                    };
                    if !matches!(toks[name], Tok::Ident(n) if n != b"func") || !statement {
                        continue;
                    }
                    let end = closing(toks, open).map_or(toks.len(), |c| c + 1);
                    out.push(GoStmt {
                        span: name..end,
                        args: open..end,
                        closures: Vec::new(),
                        launcher: false,
                        wrapper: true,
                        method: first != name,
                    });
                }
            }
        }
    }
    // A closure variable a start names runs in it: `go f(...)`, `wg.Go(f)`,
    // `safeGo(f)`, `go func() { f() }()`.
    if !out.is_empty() {
        let closures = closures.get_or_init(|| closure_vars(toks));
        if !closures.is_empty() {
            for g in &mut out {
                let span = &toks[g.span.clone()];
                g.closures =
                    closures.iter().filter(|(n, _)| span.contains(&Tok::Ident(n))).map(|(_, r)| r.clone()).collect();
            }
        }
    }
    out
}

/// Func literals assigned to a name (`f := func`, `f = func`, `var f =
/// func`): the name, and the token span of the statement.
fn closure_vars<'s>(toks: &[Tok<'s>]) -> Vec<(&'s [u8], Range<usize>)> {
    let mut out = Vec::new();
    for at in 2..toks.len() {
        if toks[at] != Tok::Ident(b"func") {
            continue;
        }
        if let (Tok::Ident(name), Tok::Op(b":=" | b"=")) = (toks[at - 2], toks[at - 1]) {
            out.push((name, at..go_stmt(toks, at).span.end));
        }
    }
    out
}

/// Names a start may call, in text the token scan cannot follow.
pub(super) fn start_callees<'s>(text: &'s [u8], names: &mut Vec<&'s [u8]>) {
    for kind in StartKind::ALL {
        match kind {
            StartKind::Go => go_callees(text, names),
            // Launchers run func literals only: no declaration is needed;
            // the caller adds the file's spawners the text names.
            StartKind::WaitGroupGo
            | StartKind::ErrGroupGo
            | StartKind::AfterFunc
            | StartKind::Spawner
            | StartKind::Returned
            | StartKind::HandedOff => {}
            StartKind::Wrapper => func_arg_callees(text, names),
        }
    }
}

/// Is the call whose name is token `f` one the analysis never follows:
/// `a.b.m(...)` (a chain), or `x.m(...)` with `x` no local of the function
/// (an imported package, a package-level variable: only methods of locals
/// and parameters are followed)?
fn not_followed(toks: &[Tok<'_>], f: usize) -> bool {
    if f < 2 || toks[f - 1] != Tok::Op(b".") {
        return false;
    }
    let Tok::Ident(q) = toks[f - 2] else { return true };
    if f >= 3 && toks[f - 3] == Tok::Op(b".") {
        return true;
    }
    // Every mention of `q` qualifies a name: it is declared nowhere here.
    always_followed_by(toks, q, b".")
}

/// Is every mention of `name` in these tokens followed by `op`? `close`
/// only ever called (`close(c)`), never declared (`close := ...`), is the
/// builtin, as the analysis resolves it; `x` only ever qualifying (`x.m`)
/// is no local.
fn always_followed_by(toks: &[Tok<'_>], name: &[u8], op: &[u8]) -> bool {
    toks.iter().enumerate().all(|(i, t)| *t != Tok::Ident(name) || toks.get(i + 1) == Some(&Tok::Op(op)))
}

/// A `go` statement's token span, and its last argument list.
pub(super) struct GoStmt {
    span: std::ops::Range<usize>,
    args: std::ops::Range<usize>,
    /// A launcher call (`wg.Go(...)`), which names no function to find.
    launcher: bool,
    /// A call that may be of a wrapper (`safeGo(func() {...})`): its first
    /// token names the function to find.
    wrapper: bool,
    /// A wrapper call that is a method's (`s.spawn(func() {...})`), which
    /// the analysis follows to a method of the checked file only.
    pub(super) method: bool,
    /// The statements assigning a func literal to a name the start spells
    /// (`f` in `go f(...)`, `wg.Go(f)`, `go func() { f() }()`).
    closures: Vec<Range<usize>>,
}

/// The `go` statement starting at token `at`: up to a `;` or an unmatched
/// closing bracket.
fn go_stmt(toks: &[Tok<'_>], at: usize) -> GoStmt {
    let mut depth = 0usize;
    let mut args = at..at;
    let mut end = at + 1;
    while end < toks.len() {
        match toks[end] {
            Tok::Op(b"(" | b"[" | b"{") => {
                if depth == 0 && toks[end] == Tok::Op(b"(") {
                    args = end..closing(toks, end).map_or(toks.len(), |c| c + 1);
                }
                depth += 1;
            }
            Tok::Op(b")" | b"]" | b"}") => match depth.checked_sub(1) {
                Some(d) => depth = d,
                None => break,
            },
            Tok::Op(b";") if depth == 0 => break,
            _ => {}
        }
        end += 1;
    }
    GoStmt { span: at..end, args, closures: Vec::new(), launcher: false, wrapper: false, method: false }
}

impl GoStmt {
    /// The identifiers this start spells (its statement and its closure
    /// variables), with repeats: what [`GoStmt::mentions`] looks among.
    pub(super) fn idents<'s, 'a>(&'a self, toks: &'a [Tok<'s>]) -> impl Iterator<Item = &'s [u8]> + 'a {
        std::iter::once(&self.span).chain(&self.closures).flat_map(move |r| {
            toks[r.clone()].iter().filter_map(|t| if let Tok::Ident(w) = t { Some(*w) } else { None })
        })
    }

    /// Does this start (its statement or its closure variables) spell `name`?
    pub(super) fn mentions(&self, toks: &[Tok<'_>], name: &[u8]) -> bool {
        let ident = Tok::Ident(name);
        toks[self.span.clone()].contains(&ident) || self.closures.iter().any(|c| toks[c.clone()].contains(&ident))
    }

    /// Could this goroutine send on, range over, or be handed the variable `name`?
    pub(super) fn uses(
        &self,
        toks: &[Tok<'_>],
        name: &[u8],
        unbuffered: bool,
        uses: &[GoroutineUse],
        may_use: &dyn Fn(&[u8]) -> bool,
    ) -> bool {
        let span = &toks[self.span.clone()];
        let ident = Tok::Ident(name);
        if self.closures.iter().any(|c| toks[c.clone()].contains(&ident)) {
            return true;
        }
        if !span.contains(&ident) {
            return false;
        }
        // `go f(c)`, `go x.m(c)`, `go func(p chan T) {...}(c)`: the body is elsewhere or renames it.
        if span.get(1) != Some(&Tok::Ident(b"func")) || toks[self.args.clone()].contains(&ident) {
            return true;
        }
        let sends = unbuffered
            && (uses.contains(&GoroutineUse::SendUnbuffered) || uses.contains(&GoroutineUse::SendUnderBuffered));
        let waits = uses.contains(&GoroutineUse::WaitClose);
        let ranges = waits || uses.contains(&GoroutineUse::Range);
        // Handed to a call inside the body (`reply(c, v)`): the callee's
        // summary may send or range.
        self.called(toks, name).into_iter().any(may_use)
            || span.windows(2).any(|w| {
                (sends && w == [ident, Tok::Op(b"<-")])
                    || (ranges && w == [Tok::Ident(b"range"), ident])
                    || (waits && w == [Tok::Op(b"<-"), ident])
            })
    }

    /// The names of the calls in the start's body (or its closure
    /// variables) that are handed `name` as an argument (`reply` in
    /// `reply(c, v)`): their bodies are summarised, so they are parsed too.
    pub(super) fn called<'s>(&self, toks: &[Tok<'s>], name: &[u8]) -> Vec<&'s [u8]> {
        let mut out = Vec::new();
        for r in std::iter::once(&self.span).chain(&self.closures) {
            handed_to(toks, r.clone(), name, &mut out);
        }
        out
    }
}

/// The `(` opening the argument list that the argument starting at token
/// `at` is in, not looking before token `floor`; `None` inside `[...]` or
/// `{...}`.
pub(super) fn opening_paren(toks: &[Tok<'_>], at: usize, floor: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut i = at.checked_sub(1)?;
    loop {
        match toks[i] {
            Tok::Op(b")" | b"]" | b"}") => depth += 1,
            Tok::Op(b"(" | b"[" | b"{") if depth > 0 => depth -= 1,
            Tok::Op(b"(") => return Some(i),
            Tok::Op(b"[" | b"{") => return None,
            _ => {}
        }
        if i <= floor {
            return None;
        }
        i -= 1;
    }
}

/// The names of the calls in `toks[r]` handed `name` as an argument, other
/// than builtins and calls the analysis never follows.
pub(super) fn handed_to<'s>(toks: &[Tok<'s>], r: Range<usize>, name: &[u8], out: &mut Vec<&'s [u8]>) {
    handed_at(toks, r.start + 1..r.end.saturating_sub(1), r.start, name, out);
}

/// [`handed_to`] at the positions `at` (each inside `r`, after its first
/// token) where `name` may be: all of them, or those an index gives.
pub(super) fn handed_at<'s>(
    toks: &[Tok<'s>],
    positions: impl IntoIterator<Item = usize>,
    floor: usize,
    name: &[u8],
    out: &mut Vec<&'s [u8]>,
) {
    let ident = Tok::Ident(name);
    let mut looked = 0;
    for at in positions {
        looked += 1;
        if toks[at] != ident || !matches!(toks[at - 1], Tok::Op(b"(" | b",")) || at + 1 >= toks.len() {
            continue;
        }
        let open = opening_paren(toks, at, floor);
        let handed = matches!(toks.get(at + 1), Some(Tok::Op(b")" | b",")));
        let Some(f) = open.and_then(|o| o.checked_sub(1)) else { continue };
        if let Tok::Ident(callee) = toks[f]
            && handed
            && !(matches!(callee, b"close" | b"len" | b"cap") && always_followed_by(toks, callee, b"("))
            && !not_followed(toks, f)
            && !out.contains(&callee)
        {
            out.push(callee);
        }
    }
    crate::syntax::work::plan_scanned(looked);
}

impl GoStmt {
    /// The start's first token.
    pub(super) fn first(&self) -> usize {
        self.span.start
    }

    /// The name a named call resolves through: `f` in `go f(...)`, `m` in
    /// `go x.y.m(...)` (the last name before the arguments).
    pub(super) fn callee<'s>(&self, toks: &[Tok<'s>]) -> Option<&'s [u8]> {
        if self.launcher {
            return None;
        }
        if self.wrapper {
            return match toks[self.span.start] {
                Tok::Ident(n) => Some(n),
                _ => None,
            };
        }
        let mut last = None;
        for t in &toks[self.span.start + 1..] {
            match t {
                Tok::Ident(b"func") => return None,
                Tok::Ident(n) => last = Some(*n),
                Tok::Op(b".") => {}
                _ => break,
            }
        }
        last
    }
}

/// `word` as a whole identifier after a `.` (`x.Go`, `time.AfterFunc`),
/// blanks between them allowed; after a `/` too, which may end a comment
/// (text scan: over-inclusive is fine, missing one is not).
pub(super) fn has_method_word(text: &[u8], word: &[u8]) -> bool {
    memchr::memmem::find_iter(text, word).any(|at| {
        let whole = (at == 0 || !is_ident(text[at - 1])) && text.get(at + word.len()).is_none_or(|b| !is_ident(*b));
        whole && text[..at].iter().rev().find(|b| !b.is_ascii_whitespace()).is_some_and(|b| matches!(b, b'.' | b'/'))
    })
}

/// A `go` token followed by a blank (text scan: over-inclusive is fine).
pub(super) fn has_go(text: &[u8]) -> bool {
    memchr::memmem::find_iter(text, b"go").any(|at| {
        (at == 0 || !is_ident(text[at - 1])) && text.get(at + 2).is_some_and(|b| b.is_ascii_whitespace() || *b == b'/')
    })
}

/// Names `x` in `go x(`, `go a.x(` (text scan: over-inclusive is fine).
fn go_callees<'s>(text: &'s [u8], names: &mut Vec<&'s [u8]>) {
    for at in memchr::memmem::find_iter(text, b"go ") {
        if at > 0 && is_ident(text[at - 1]) {
            continue;
        }
        let mut i = at + 3;
        let mut last: &[u8] = &[];
        loop {
            let start = i;
            while i < text.len() && is_ident(text[i]) {
                i += 1;
            }
            if i == start {
                break;
            }
            last = &text[start..i];
            if text.get(i) == Some(&b'.') {
                i += 1;
            } else {
                break;
            }
        }
        if !last.is_empty() && !names.contains(&last) {
            names.push(last);
        }
    }
}

/// `func` as a whole word right after a `(` or `,` (blanks between): a
/// func literal handed to a call (text scan: over-inclusive is fine).
pub(super) fn has_func_arg(text: &[u8]) -> bool {
    memchr::memmem::find_iter(text, b"func").any(|at| func_arg_at(text, at))
}

/// A closure variable handed to a call (`f := func() {...}` or `f =
/// func...`, then `safeGo(f)`, `s.spawn(x, f)`): the name before each `=
/// func`, as a whole word between `(` or `,` and `)` or `,` (blanks
/// between; text scan: over-inclusive is fine).
pub(super) fn has_closure_arg(text: &[u8]) -> bool {
    // Blanks and comments may come between the tokens (`fetch /* c */ :=`).
    let back = crate::syntax::skip_blank_back;
    memchr::memmem::find_iter(text, b"func").any(|at| {
        let Some(before) = back(&text[..at]).strip_suffix(b"=") else { return false };
        let head = back(before.strip_suffix(b":").unwrap_or(before));
        let end = head.len();
        let start = head.iter().rposition(|b| !is_ident(*b)).map_or(0, |i| i + 1);
        let name = &head[start..end];
        !name.is_empty()
            && memchr::memmem::find_iter(text, name).any(|n| {
                let prev = back(&text[..n]).last();
                let next = crate::syntax::skip_blank(&text[n + name.len()..]).first();
                (n == 0 || !is_ident(text[n - 1]))
                    && text.get(n + name.len()).is_none_or(|b| !is_ident(*b))
                    && matches!(prev, Some(b'(' | b','))
                    && matches!(next, Some(b')' | b','))
            })
    })
}

fn func_arg_at(text: &[u8], at: usize) -> bool {
    let whole = (at == 0 || !is_ident(text[at - 1])) && text.get(at + 4).is_none_or(|b| !is_ident(*b));
    whole && text[..at].iter().rev().find(|b| !b.is_ascii_whitespace()).is_some_and(|b| matches!(b, b'(' | b','))
}

/// Names `x` in `x(func`, `x(a, func` (text scan: over-inclusive is fine):
/// the name before the nearest `(` before each func literal argument.
fn func_arg_callees<'s>(text: &'s [u8], names: &mut Vec<&'s [u8]>) {
    for at in memchr::memmem::find_iter(text, b"func").filter(|at| func_arg_at(text, *at)) {
        let Some(open) = text[..at].iter().rposition(|b| *b == b'(') else { continue };
        let start = text[..open].iter().rposition(|b| !is_ident(*b)).map_or(0, |i| i + 1);
        let name = &text[start..open];
        if !name.is_empty() && name != b"func" && !names.contains(&name) {
            names.push(name);
        }
    }
}
