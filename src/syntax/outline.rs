//! A Go lexer pass, much cheaper than parsing, that finds the top-level
//! function declarations, so that the parser can be given only the byte
//! ranges that can matter (tree-sitter's included ranges keep every offset).

use crate::syntax::skip_blank;
use crate::syntax::tokens::{comment_end, is_ident, literal_end};

/// A top-level `func` or `type` declaration (with whatever follows it up
/// to the next one).
#[derive(Debug, Clone)]
pub struct Chunk<'s> {
    pub range: std::ops::Range<usize>,
    /// The function's, method's or type's name (empty for `type (...)`).
    pub name: &'s [u8],
}

/// What to parse of a file: its header (the package clause; the analysis
/// reads the imports from the text, see [`imports`]) and some of its
/// top-level declarations, in source order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub header: std::ops::Range<usize>,
    /// One range per declaration (a [`Chunk`]), sorted and disjoint.
    pub chunks: Vec<std::ops::Range<usize>>,
}

impl Parts {
    /// The header and the chunks as the fewest ranges (adjacent ones joined).
    #[must_use]
    pub fn merged(&self) -> Vec<std::ops::Range<usize>> {
        merge(self.header.clone(), self.chunks.iter().cloned())
    }
}

/// A text's [`outline`]: its header and top-level declarations.
pub type Outline<'s> = (std::ops::Range<usize>, Vec<Chunk<'s>>);

/// The package clause and the top-level functions holding one of the
/// offsets `at`, in the outlines of `before` and of `after` (the same text
/// with edits inside those functions). `None` if the edits changed the
/// functions' outline, or an offset is outside every function.
#[must_use]
pub fn edited(before: &Outline<'_>, after: &Outline<'_>, at: &[usize]) -> Option<[Parts; 2]> {
    let (package_b, chunks_b) = before;
    let (package_a, chunks_a) = after;
    if chunks_b.len() != chunks_a.len() {
        return None;
    }
    // The chunks are sorted: one pass over the offsets, sorted too.
    let mut at = at.to_vec();
    at.sort_unstable();
    let mut next = at.into_iter().peekable();
    let mut touched = vec![false; chunks_b.len()];
    for (t, c) in touched.iter_mut().zip(chunks_b) {
        if next.next_if(|a| *a < c.range.start).is_some() {
            return None; // outside every function
        }
        while next.next_if(|a| c.range.contains(a)).is_some() {
            *t = true;
        }
    }
    if next.next().is_some() {
        return None;
    }
    let select = |header: std::ops::Range<usize>, chunks: &[Chunk<'_>]| Parts {
        header,
        chunks: chunks.iter().zip(&touched).filter(|(_, t)| **t).map(|(c, _)| c.range.clone()).collect(),
    };
    Some([select(package_b.clone(), chunks_b), select(package_a.clone(), chunks_a)])
}

/// `first` and then `ranges` (in order), adjacent ones joined.
pub fn merge(
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

/// The package clause and the top-level declarations named in `names`.
#[must_use]
pub fn declaring(src: &[u8], names: &[&str]) -> Option<Parts> {
    let (header, chunks) = outline(src)?;
    let names: std::collections::HashSet<&[u8]> = names.iter().map(|n| n.as_bytes()).collect();
    Some(Parts { header, chunks: chunks.iter().filter(|c| names.contains(c.name)).map(|c| c.range.clone()).collect() })
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

/// The range of the `package` clause, and the top-level `func` and `type`
/// chunks, or `None`
/// if the lexer meets something it does not expect (then parse everything).
#[must_use]
pub fn outline(src: &[u8]) -> Option<Outline<'_>> {
    let mut depth = 0i64;
    let mut starts = Vec::new();
    let mut ends: Vec<usize> = Vec::new();
    let mut package = None;
    // At depth 0: the last two significant bytes, and whether a line ended
    // since (Go's semicolon insertion decides if a `func` starts a declaration).
    let mut last = [0u8; 2];
    let mut newline = false;
    // The last chunk started is a type declaration not yet ended.
    let mut open_type = false;
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
                // A one-line type declaration (`type T []int`) ends at its
                // line end, where Go inserts a semicolon.
                if open_type && ends.len() < starts.len() && ends_statement(last[1]) {
                    ends.push(i + 1);
                    open_type = false;
                }
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
            b'/' if comment_end(src, i).is_some() => {
                i = comment_end(src, i)??;
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
                // The chunk keeps its line end: ranges joined for a partial
                // parse need it between declarations (`}func` is an error).
                if b == b'}' && depth == 0 && (i == 0 || src[i - 1] == b'\n') && ends.len() < starts.len() {
                    ends.push(line_end_after(src, i));
                }
                i += 1;
            }
            _ if is_ident(b) => {
                while i < src.len() && is_ident(src[i]) {
                    i += 1;
                }
                let word = &src[start..i];
                match word {
                    b"package" if last == [0, 0] => package = Some(start..clause_end(src, i)),
                    // A type declaration is a chunk too (a struct's field
                    // types can give a count); `type (...)` groups have no name.
                    b"func" | b"type" if declaration_starts(last, newline) => {
                        // The previous function had no column-0 `}`: it runs to here.
                        if ends.len() < starts.len() {
                            ends.push(start);
                        }
                        starts.push(start);
                        open_type = word == b"type";
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

/// The offset after the byte at `i` and the line end right after it, if any.
fn line_end_after(src: &[u8], i: usize) -> usize {
    match src.get(i + 1..i + 3) {
        Some([b'\r', b'\n']) => i + 3,
        _ => i + 1 + usize::from(src.get(i + 1) == Some(&b'\n')),
    }
}

/// Does Go insert a semicolon at a line end after this last byte of a type
/// (a name's last byte, or a closing bracket)?
fn ends_statement(b: u8) -> bool {
    is_ident(b) || matches!(b, b')' | b']' | b'}')
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
            b'/' if comment_end(src, at).is_some() => at = comment_end(src, at).flatten().unwrap_or(src.len()),
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
    if decl.starts_with(b"type") {
        let n = s.iter().take_while(|b| is_ident(**b)).count();
        return &s[..n];
    }
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

/// The imports of a Go file, read from its text (the parse of a partial
/// file holds its package clause only): `(name, path)` per import spec, the
/// name `None` when the spec has none. Reading stops at the first token
/// that is not part of an import declaration, so a file whose imports do
/// not lex gives those before the odd token.
#[must_use]
pub fn imports(src: &[u8]) -> Vec<(Option<&[u8]>, &[u8])> {
    let mut out = Vec::new();
    let mut at = 0;
    let mut tok = || next_token(src, &mut at);
    let quoted = |t: &[u8]| t.len() >= 2 && matches!(t[0], b'"' | b'`');
    if tok() != Some(&b"package"[..]) || !tok().is_some_and(|n| is_ident(n[0])) {
        return out;
    }
    let mut t = tok();
    while t == Some(&b"import"[..]) {
        t = tok();
        let grouped = t == Some(&b"("[..]);
        if grouped {
            t = tok();
        }
        loop {
            if grouped && t == Some(&b")"[..]) {
                t = tok();
                break;
            }
            // One spec: `"path"` or `name "path"`.
            let Some(first) = t else { return out };
            let (name, path) = if quoted(first) {
                (None, first)
            } else if is_ident(first[0]) || first == b"." {
                match tok() {
                    Some(p) if quoted(p) => (Some(first), p),
                    _ => return out,
                }
            } else {
                return out;
            };
            out.push((name, &path[1..path.len() - 1]));
            t = tok();
            if !grouped {
                break;
            }
        }
    }
    out
}

/// The next token of `src` from `*at` for [`imports`], skipping blanks,
/// semicolons and comments: a word, a whole string literal, or one byte.
fn next_token<'s>(src: &'s [u8], at: &mut usize) -> Option<&'s [u8]> {
    loop {
        let b = *src.get(*at)?;
        let start = *at;
        match b {
            b' ' | b'\t' | b'\r' | b'\n' | b';' => *at += 1,
            b'/' if comment_end(src, start).is_some() => *at = comment_end(src, start)??,
            b'"' | b'`' => {
                *at = literal_end(src, start)?;
                return Some(&src[start..*at]);
            }
            _ if is_ident(b) => {
                while src.get(*at).is_some_and(|b| is_ident(*b)) {
                    *at += 1;
                }
                return Some(&src[start..*at]);
            }
            _ => {
                *at += 1;
                return Some(&src[start..*at]);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn imports_are_read_from_the_text() {
        let src = b"// Package p.\npackage p /* x */\n\nimport (\n\t\"context\"\n\trt \"runtime\" // the runtime\n\t. \"sync\"; _ `embed`\n)\nimport \"testing\"\n\nimport \"os\"\nvar x = 1\nimport \"late\"\n";
        let got: Vec<(Option<&[u8]>, &[u8])> = imports(src);
        assert_eq!(
            got,
            [
                (None, &b"context"[..]),
                (Some(&b"rt"[..]), &b"runtime"[..]),
                (Some(&b"."[..]), &b"sync"[..]),
                (Some(&b"_"[..]), &b"embed"[..]),
                (None, &b"testing"[..]),
                (None, &b"os"[..]),
            ]
        );
        assert_eq!(imports(b"package p\nimport (\n\t\"fmt\"\n\t+\n\t\"os\"\n)\n"), [(None, &b"fmt"[..])]);
        assert!(imports(b"import \"fmt\"\n").is_empty(), "no package clause");
    }

    use super::*;

    #[test]
    fn declarations_parsed_apart_from_the_text_between_them_parse_cleanly() {
        // Each chunk keeps its line end, so joined ranges read `}\nfunc`,
        // never `}func` (a syntax error that would force a full parse).
        for eol in ["\n", "\r\n"] {
            let src =
                format!("package p{eol}{eol}func a() {{{eol}}}{eol}{eol}var x = 1{eol}{eol}func b() {{{eol}}}{eol}");
            let ranges = declaring(src.as_bytes(), &["a", "b"]).unwrap().merged();
            assert_eq!(ranges.len(), 3, "{ranges:?}");
            let tree = crate::syntax::parse_ranges(src.as_bytes(), &ranges).unwrap();
            assert!(!tree.root_node().has_error(), "{eol:?}: {}", tree.root_node().to_sexp());
        }
    }

    #[test]
    fn type_declarations_are_chunks_that_end_with_their_declaration() {
        let src = b"package p\n\ntype list []int\n\nvar table = map[int]int{\n\t1: 2,\n}\n\ntype s struct {\n\ta list\n}\n\nvar x = 1\n\nfunc f() {\n}\n";
        let (_, chunks) = outline(src).unwrap();
        let text = |c: &Chunk<'_>| String::from_utf8_lossy(&src[c.range.clone()]).into_owned();
        let names: Vec<_> = chunks.iter().map(|c| String::from_utf8_lossy(c.name).into_owned()).collect();
        assert_eq!(names, ["list", "s", "f"]);
        assert_eq!(text(&chunks[0]), "type list []int\n");
        assert_eq!(text(&chunks[1]), "type s struct {\n\ta list\n}\n");
    }

    #[test]
    fn unbalanced_or_odd_input_falls_back() {
        assert!(outline(b"package p\nfunc a() { c := make(chan int)\n").is_none());
        assert!(outline(b"package p\nvar s = \"unterminated\nfunc a() {}\n").is_none());
    }

    #[test]
    fn chunks_are_the_top_level_functions_with_their_names() {
        let src = b"package p\n\nvar s = `\nfunc fake() {}\n`\n\nfunc a() {\n}\n\nfunc (x *T) /* r */ work(c chan int) { c <- 1 }\n";
        let (package, chunks) = outline(src).unwrap();
        assert_eq!(&src[package], b"package p\n", "the clause, through its line end");
        let src2 = b"package p // p.\n\nimport (\n\t\"fmt\"\n)\n\nimport \"os\"\n\n// F.\nfunc F() {}\n";
        let (package, _) = outline(src2).unwrap();
        assert_eq!(&src2[package], b"package p // p.\n", "the imports are read from the text, not parsed");
        let names: Vec<&[u8]> = chunks.iter().map(|c| c.name).collect();
        assert_eq!(names, [&b"a"[..], b"work"]);
        assert_eq!(declaring(src, &["work"]).unwrap().merged().len(), 2);
    }
}
