//! A Go lexer pass, much cheaper than parsing, that finds the top-level
//! function declarations, so that the parser can be given only the byte
//! ranges that can matter (tree-sitter's included ranges keep every offset).

use crate::syntax::tokens::{Tok, closing, is_ident, literal_end, tokenize};
use crate::syntax::{has_make_chan, skip_blank};

/// A top-level `func` declaration (with whatever follows it up to the next one).
#[derive(Debug, Clone)]
struct Chunk<'s> {
    range: std::ops::Range<usize>,
    name: &'s [u8],
}

/// The byte ranges worth parsing: the package clause, the top-level
/// functions that may hold a finding ([`may_hold_finding`]), and the
/// functions their goroutines may run with one of their channels. Empty
/// when no function qualifies; `None` when the lexer cannot outline the
/// file (then parse it all).
#[must_use]
pub fn relevant_ranges(src: &[u8]) -> Option<Vec<std::ops::Range<usize>>> {
    relevant(src).0
}

/// [`relevant_ranges`], and the names of the functions the goroutines of
/// those functions may run (when the file cannot be outlined: every name
/// a `go` statement calls). A sibling file need declare nothing else.
#[must_use]
pub fn relevant(src: &[u8]) -> (Option<Vec<std::ops::Range<usize>>>, Vec<&[u8]>) {
    let Some((package, chunks)) = outline(src) else {
        let mut names = Vec::new();
        go_callees(src, &mut names);
        return (None, names);
    };
    let mut kept = vec![false; chunks.len()];
    let mut callees: Vec<&[u8]> = Vec::new();
    for (c, k) in chunks.iter().zip(kept.iter_mut()) {
        if let Some(names) = needs(&src[c.range.clone()]) {
            *k = true;
            for n in names {
                if !callees.contains(&n) {
                    callees.push(n);
                }
            }
        }
    }
    if !kept.contains(&true) {
        return (Some(Vec::new()), callees);
    }
    for (c, k) in chunks.iter().zip(kept.iter_mut()) {
        *k |= callees.contains(&c.name);
    }
    (Some(merge(package, chunks.iter().zip(&kept).filter(|(_, k)| **k).map(|(c, _)| c.range.clone()))), callees)
}

/// The package clause and the top-level functions holding one of the
/// offsets `at`, in `before` and in `after` (the same text with edits inside
/// those functions). `None` if either cannot be outlined, the edits changed
/// the functions' outline, or an offset is outside every function.
#[must_use]
pub fn edited(before: &[u8], after: &[u8], at: &[usize]) -> Option<[Vec<std::ops::Range<usize>>; 2]> {
    let (package_b, chunks_b) = outline(before)?;
    let (package_a, chunks_a) = outline(after)?;
    if chunks_b.len() != chunks_a.len() || at.iter().any(|a| !chunks_b.iter().any(|c| c.range.contains(a))) {
        return None;
    }
    let touched = |c: &Chunk<'_>| at.iter().any(|a| c.range.contains(a));
    let select = |package: std::ops::Range<usize>, chunks: &[Chunk<'_>]| {
        merge(package, chunks_b.iter().zip(chunks).filter(|(b, _)| touched(b)).map(|(_, c)| c.range.clone()))
    };
    Some([select(package_b, &chunks_b), select(package_a, &chunks_a)])
}

/// `first` and then `ranges` (in order), adjacent ones joined.
fn merge(
    first: std::ops::Range<usize>,
    ranges: impl Iterator<Item = std::ops::Range<usize>>,
) -> Vec<std::ops::Range<usize>> {
    let mut out = vec![first];
    for r in ranges {
        match out.last_mut() {
            Some(last) if last.end >= r.start => last.end = r.end,
            _ => out.push(r),
        }
    }
    out
}

/// The package clause and the top-level functions named in `names`.
#[must_use]
pub fn declaring(src: &[u8], names: &[&str]) -> Option<Vec<std::ops::Range<usize>>> {
    let (package, chunks) = outline(src)?;
    Some(merge(
        package,
        chunks.iter().filter(|c| names.iter().any(|n| n.as_bytes() == c.name)).map(|c| c.range.clone()),
    ))
}

/// Every pattern needs a channel made and a goroutine started in the same
/// function: `make(chan` and a `go` statement.
#[must_use]
pub fn may_leak(text: &[u8]) -> bool {
    has_make_chan(text) && has_go(text)
}

/// Can a function with this text hold a finding? Every transform needs a
/// channel made by `make(chan ...)` into a variable that a goroutine uses:
/// it sends on it (for the capacity fixes, which also need the channel
/// unbuffered), ranges over it, or is handed it as an argument. A token
/// scan answers that without parsing; it only ever answers "no" when the
/// text shows none of these (unlexable text answers "yes"), so skipping a
/// "no" cannot change a finding (`--no-shortcuts` checks that).
#[must_use]
pub fn may_hold_finding(text: &[u8]) -> bool {
    needs(text).is_some()
}

/// `None` if a function with this text cannot hold a finding (see
/// [`may_hold_finding`]); else the names of the functions its goroutines
/// may run with one of its channels (their bodies are analysed too).
fn needs(text: &[u8]) -> Option<Vec<&[u8]>> {
    if !may_leak(text) {
        return None;
    }
    // Text the token scan cannot follow may hold anything.
    let anything = || {
        let mut names = Vec::new();
        go_callees(text, &mut names);
        Some(names)
    };
    let Some(toks) = tokenize(text) else { return anything() };
    let gos: Vec<GoStmt> =
        toks.iter().enumerate().filter(|(_, t)| **t == Tok::Ident(b"go")).map(|(at, _)| go_stmt(&toks, at)).collect();
    let mut callees = Vec::new();
    let mut holds = false;
    for (at, w) in toks.windows(3).enumerate() {
        if w != [Tok::Ident(b"make"), Tok::Op(b"("), Tok::Ident(b"chan")] {
            continue;
        }
        let Some(close) = closing(&toks, at + 1) else { return anything() };
        let unbuffered = unbuffered(&toks[at + 2..close]);
        for name in assigned_names(&toks[..at]) {
            for g in gos.iter().filter(|g| g.uses(&toks, name, unbuffered)) {
                holds = true;
                if let Some(callee) = g.callee(&toks)
                    && !callees.contains(&callee)
                {
                    callees.push(callee);
                }
            }
        }
    }
    holds.then_some(callees)
}

/// A `go` statement's token span, and its last argument list.
struct GoStmt {
    span: std::ops::Range<usize>,
    args: std::ops::Range<usize>,
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
    GoStmt { span: at..end, args }
}

impl GoStmt {
    /// Could this goroutine send on, range over, or be handed the variable `name`?
    fn uses(&self, toks: &[Tok<'_>], name: &[u8], unbuffered: bool) -> bool {
        let span = &toks[self.span.clone()];
        let ident = Tok::Ident(name);
        if !span.contains(&ident) {
            return false;
        }
        // `go f(c)`, `go x.m(c)`, `go func(p chan T) {...}(c)`: the body is elsewhere or renames it.
        if span.get(1) != Some(&Tok::Ident(b"func")) || toks[self.args.clone()].contains(&ident) {
            return true;
        }
        span.windows(2).any(|w| (unbuffered && w == [ident, Tok::Op(b"<-")]) || w == [Tok::Ident(b"range"), ident])
    }
}

impl GoStmt {
    /// The name a named call resolves through: `f` in `go f(...)`, `m` in
    /// `go x.y.m(...)` (the last name before the arguments).
    fn callee<'s>(&self, toks: &[Tok<'s>]) -> Option<&'s [u8]> {
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

/// The arguments of `make(` after `chan`: unbuffered unless a capacity
/// other than a literal `0` follows a top-level comma.
fn unbuffered(args: &[Tok<'_>]) -> bool {
    let mut depth = 0usize;
    for (i, t) in args.iter().enumerate() {
        match t {
            Tok::Op(b"(" | b"[" | b"{") => depth += 1,
            Tok::Op(b")" | b"]" | b"}") => depth = depth.saturating_sub(1),
            Tok::Op(b",") if depth == 0 => {
                let cap = &args[i + 1..];
                let cap = cap.strip_suffix(&[Tok::Op(b",")]).unwrap_or(cap);
                return cap.is_empty() || cap == [Tok::Number(b"0")];
            }
            _ => {}
        }
    }
    true
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

/// A `go` token followed by a blank (text scan: over-inclusive is fine).
fn has_go(text: &[u8]) -> bool {
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

/// Bytes the outline lexer stops at; it skips every other byte.
static SPECIAL: [bool; 256] = {
    let mut t = [false; 256];
    let mut i = 0;
    let special = b"/\"'`()[]{}\n";
    while i < special.len() {
        t[special[i] as usize] = true;
        i += 1;
    }
    t
};

/// The `package` clause's range and the top-level `func` chunks, or `None`
/// if the lexer meets something it does not expect (then parse everything).
fn outline(src: &[u8]) -> Option<(std::ops::Range<usize>, Vec<Chunk<'_>>)> {
    let mut depth = 0i64;
    let mut starts = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut package = None;
    // At depth 0: the last two significant bytes, and whether a line ended
    // since (Go's semicolon insertion decides if a `func` starts a declaration).
    let mut last = [0u8; 2];
    let mut newline = false;
    let mut i = 0;
    while i < src.len() {
        let b = src[i];
        // Inside brackets only brackets, quotes and comments matter.
        if depth > 0 && !SPECIAL[b as usize] {
            i += 1;
            continue;
        }
        let start = i;
        match b {
            b'\n' => {
                newline = true;
                i += 1;
                continue;
            }
            b' ' | b'\t' | b'\r' | b'\x0c' => {
                i += 1;
                continue;
            }
            // Not Go, but tree-sitter-go reads a NUL as a statement end.
            b'\0' if depth == 0 => {
                last = [last[1], b';'];
                i += 1;
                continue;
            }
            b'/' if src.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &src[i..]).map_or(src.len(), |n| i + n);
                continue;
            }
            b'/' if src.get(i + 1) == Some(&b'*') => {
                i = memchr::memmem::find(&src[i + 2..], b"*/").map(|n| i + 2 + n + 2)?;
                newline |= memchr::memchr(b'\n', &src[start..i]).is_some();
                continue;
            }
            b'"' | b'\'' | b'`' => i = literal_end(src, i)?,
            b'(' | b'[' | b'{' => {
                depth += 1;
                i += 1;
            }
            b')' | b']' | b'}' => {
                depth -= 1;
                if depth < 0 {
                    return None;
                }
                // A `}` at column 0 closing to depth 0 ends a gofmt'd function
                // body: what follows (tables, types) is not part of it.
                if b == b'}' && depth == 0 && (i == 0 || src[i - 1] == b'\n') && ends.len() < starts.len() {
                    ends.push(i + 1);
                }
                i += 1;
            }
            _ if is_ident(b) => {
                while i < src.len() && is_ident(src[i]) {
                    i += 1;
                }
                match &src[start..i] {
                    b"package" if last == [0, 0] => package = Some(start..clause_end(src, i)),
                    b"func" if declaration_starts(last, newline) => {
                        // The previous function had no column-0 `}`: it runs to here.
                        if ends.len() < starts.len() {
                            ends.push(start);
                        }
                        starts.push(start);
                    }
                    _ => {}
                }
            }
            _ => i += 1,
        }
        if depth == 0 || b == b'(' || b == b'[' || b == b'{' {
            last = [last[1], src[i - 1]];
            newline = false;
        }
    }
    if depth != 0 {
        return None;
    }
    let package = package?;
    let chunks = starts
        .iter()
        .enumerate()
        .map(|(n, &s)| {
            let end = ends.get(n).copied().unwrap_or(src.len());
            Chunk { range: s..end, name: func_name(&src[s..end]) }
        })
        .collect();
    Some((package, chunks))
}

/// Does a top-level `func` start a declaration, after the significant bytes
/// `last` and a line end if `newline`? Only after a semicolon, written or
/// inserted by Go at a line end (not after `=`, `,`, `type T`, ...).
fn declaration_starts(last: [u8; 2], newline: bool) -> bool {
    let [before, end] = last;
    let ends_statement = is_ident(end)
        || matches!(end, b')' | b']' | b'}' | b'"' | b'\'' | b'`')
        || (matches!(end, b'+' | b'-') && before == end);
    end == b';' || (newline && ends_statement)
}

/// Where the package clause whose name starts after `at` ends: through the
/// newline that terminates it, comments included (or at the end of the
/// text, so that a broken clause shows up as a parse error).
fn clause_end(src: &[u8], mut at: usize) -> usize {
    let mut named = false;
    while at < src.len() {
        match src[at] {
            b'\n' | b'\0' if named => return at + 1,
            b'/' if src.get(at + 1) == Some(&b'/') => {
                at = memchr::memchr(b'\n', &src[at..]).map_or(src.len(), |n| at + n);
            }
            b'/' if src.get(at + 1) == Some(&b'*') => {
                at = memchr::memmem::find(&src[at + 2..], b"*/").map_or(src.len(), |n| at + 2 + n + 2);
            }
            b if b.is_ascii_whitespace() => at += 1,
            _ if named => return src.len(),
            _ => {
                named = true;
                while at < src.len() && is_ident(src[at]) {
                    at += 1;
                }
                if src.get(at) == Some(&b';') {
                    at += 1;
                }
            }
        }
    }
    src.len()
}

/// The name declared by `func name(` or `func (recv) name(`.
fn func_name(decl: &[u8]) -> &[u8] {
    let mut s = skip_blank(decl.get(4..).unwrap_or_default());
    if s.first() == Some(&b'(') {
        // The receiver, comments and all.
        let mut depth = 0;
        loop {
            s = skip_blank(s);
            match s.first() {
                None => return &[],
                Some(b'(') => depth += 1,
                Some(b')') => depth -= 1,
                _ => {}
            }
            s = &s[1..];
            if depth == 0 {
                break;
            }
        }
        s = skip_blank(s);
    }
    let n = s.iter().take_while(|b| is_ident(**b)).count();
    &s[..n]
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
        ] {
            assert!(holds(yes), "{yes:?}");
        }
        for no in [
            "c := make(chan int)\nc <- 1\ngo func() { <-c }()",
            "c := make(chan int, 1)\ngo func() { c <- 1 }()",
            "done := make(chan struct{})\ngo func() { close(done) }()",
            "m := map[int]chan int{1: make(chan int)}\ngo func() { x <- 1 }()",
            "go func() { c <- 1 }()\ns := \"c := make(chan int)\"",
            "c := make(chan int)\ngo func() { d <- c }()",
        ] {
            assert!(!holds(no), "{no:?}");
        }
    }

    #[test]
    fn unbalanced_or_odd_input_falls_back() {
        assert!(relevant_ranges(b"package p\nfunc a() { c := make(chan int)\n").is_none());
        assert!(relevant_ranges(b"package p\nvar s = \"unterminated\nfunc a() {}\n").is_none());
    }
}
