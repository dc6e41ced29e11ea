//! A Go lexer pass, much cheaper than parsing, that finds the top-level
//! function declarations, so that the parser can be given only the byte
//! ranges that can matter (tree-sitter's included ranges keep every offset).

use crate::syntax::has_make_chan;

/// A top-level `func` declaration (with whatever follows it up to the next one).
#[derive(Debug, Clone)]
struct Chunk<'s> {
    range: std::ops::Range<usize>,
    name: &'s [u8],
}

/// The byte ranges worth parsing: the package clause, the top-level
/// functions that make a channel, and the functions their `go` statements
/// name. `None` when the lexer cannot outline the file (then parse it all).
#[must_use]
pub fn relevant_ranges(src: &[u8]) -> Option<Vec<std::ops::Range<usize>>> {
    let (package, chunks) = outline(src)?;
    let mut keep: Vec<bool> = chunks.iter().map(|c| may_leak(&src[c.range.clone()])).collect();
    let mut names: Vec<&[u8]> = Vec::new();
    for (c, _) in chunks.iter().zip(&keep).filter(|(_, k)| **k) {
        go_callees(&src[c.range.clone()], &mut names);
    }
    for (c, k) in chunks.iter().zip(keep.iter_mut()) {
        *k |= names.contains(&c.name);
    }
    let mut out = vec![package];
    for (c, _) in chunks.iter().zip(&keep).filter(|(_, k)| **k) {
        match out.last_mut() {
            Some(last) if last.end >= c.range.start => last.end = c.range.end,
            _ => out.push(c.range.clone()),
        }
    }
    Some(out)
}

/// The package clause and the top-level functions named in `names`.
#[must_use]
pub fn declaring(src: &[u8], names: &[&str]) -> Option<Vec<std::ops::Range<usize>>> {
    let (package, chunks) = outline(src)?;
    let mut out = vec![package];
    for c in chunks.iter().filter(|c| names.iter().any(|n| n.as_bytes() == c.name)) {
        match out.last_mut() {
            Some(last) if last.end >= c.range.start => last.end = c.range.end,
            _ => out.push(c.range.clone()),
        }
    }
    Some(out)
}

/// Every pattern needs a channel made and a goroutine started in the same
/// function: `make(chan` and a `go` statement.
#[must_use]
pub fn may_leak(text: &[u8]) -> bool {
    has_make_chan(text) && has_go(text)
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

fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// The `package` clause's range and the top-level `func` chunks, or `None`
/// if the lexer meets something it does not expect (then parse everything).
fn outline(src: &[u8]) -> Option<(std::ops::Range<usize>, Vec<Chunk<'_>>)> {
    let mut depth = 0i64;
    let mut i = 0;
    let mut starts = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut package = None;
    while i < src.len() {
        let b = src[i];
        match b {
            b'/' if src.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &src[i..]).map_or(src.len(), |n| i + n);
            }
            b'/' if src.get(i + 1) == Some(&b'*') => {
                i = memchr::memmem::find(&src[i + 2..], b"*/").map(|n| i + 2 + n + 2)?;
            }
            b'"' | b'\'' => {
                i += 1;
                loop {
                    match *src.get(i)? {
                        b'\\' => i += 2,
                        b'\n' => return None,
                        c if c == b => break,
                        _ => i += 1,
                    }
                }
                i += 1;
            }
            b'`' => i = memchr::memchr(b'`', &src[i + 1..]).map(|n| i + 1 + n + 1)?,
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
                let start = i;
                while i < src.len() && is_ident(src[i]) {
                    i += 1;
                }
                if depth == 0 && (start == 0 || !is_ident(src[start - 1])) {
                    let line_start = start == 0 || src[start - 1] == b'\n';
                    match &src[start..i] {
                        b"func" if line_start => {
                            // The previous function had no column-0 `}`: it runs to here.
                            if ends.len() < starts.len() {
                                ends.push(start);
                            }
                            starts.push(start);
                        }
                        b"package" if package.is_none() => {
                            // Through the newline: the clause needs its terminator.
                            let end = memchr::memchr(b'\n', &src[i..]).map_or(src.len(), |n| i + n + 1);
                            package = Some(start..end);
                        }
                        _ => {}
                    }
                }
            }
            _ => i += 1,
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

/// The name declared by `func name(` or `func (recv) name(`.
fn func_name(decl: &[u8]) -> &[u8] {
    let mut i = 4;
    let skip_ws = |i: &mut usize| {
        while *i < decl.len() && decl[*i].is_ascii_whitespace() {
            *i += 1;
        }
    };
    skip_ws(&mut i);
    if decl.get(i) == Some(&b'(') {
        let mut d = 0;
        while i < decl.len() {
            match decl[i] {
                b'(' => d += 1,
                b')' => {
                    d -= 1;
                    if d == 0 {
                        i += 1;
                        break;
                    }
                }
                _ => {}
            }
            i += 1;
        }
        skip_ws(&mut i);
    }
    let start = i;
    while i < decl.len() && is_ident(decl[i]) {
        i += 1;
    }
    &decl[start..i]
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
    }

    #[test]
    fn unbalanced_or_odd_input_falls_back() {
        assert!(relevant_ranges(b"package p\nfunc a() { c := make(chan int)\n").is_none());
        assert!(relevant_ranges(b"package p\nvar s = \"unterminated\nfunc a() {}\n").is_none());
    }
}

