//! A Go tokenizer, with the semicolons Go inserts at line ends: cheap
//! enough to ask conservative questions of a function's text before
//! deciding whether to parse it (see `analysis::relevance`).

/// One token. Keywords are identifiers here; `;` (written or inserted) is
/// an operator.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tok<'s> {
    Ident(&'s [u8]),
    Number(&'s [u8]),
    /// A string, raw string or rune literal.
    Lit,
    Op(&'s [u8]),
}

/// Operators, longest first (the Go spec's list).
const OPS: &[&[u8]] = &[
    b"<<=", b">>=", b"&^=", b"...", b"&&", b"||", b"<-", b"++", b"--", b"==", b"!=", b"<=", b">=", b":=", b"+=", b"-=",
    b"*=", b"/=", b"%=", b"&=", b"|=", b"^=", b"<<", b">>", b"&^",
];

/// The tokens of `src`, or `None` if it does not lex as Go (an unterminated
/// string or comment, a stray byte): callers then assume the worst.
#[must_use]
pub fn tokenize(src: &[u8]) -> Option<Vec<Tok<'_>>> {
    super::work::tokenized(src.len());
    let mut out: Vec<Tok<'_>> = Vec::with_capacity(src.len() / 4);
    let mut i = 0;
    let newline = |out: &mut Vec<Tok<'_>>| {
        if out.last().is_some_and(ends_statement) {
            out.push(Tok::Op(b";"));
        }
    };
    while i < src.len() {
        let b = src[i];
        match b {
            b'\n' => {
                newline(&mut out);
                i += 1;
            }
            b' ' | b'\t' | b'\r' => i += 1,
            // Go reads a block comment spanning lines as a newline, but
            // tree-sitter-go reads it as a space: inserting no semicolon
            // here only makes statements look longer, which is the
            // conservative side for every question asked of the tokens.
            b'/' if comment_end(src, i).is_some() => i = comment_end(src, i)??,
            b'"' | b'\'' | b'`' => {
                i = literal_end(src, i)?;
                out.push(Tok::Lit);
            }
            b'0'..=b'9' => i = number(src, i, &mut out),
            b'.' if src.get(i + 1).is_some_and(u8::is_ascii_digit) => i = number(src, i, &mut out),
            _ if is_ident(b) => {
                let start = i;
                while i < src.len() && is_ident(src[i]) {
                    i += 1;
                }
                out.push(Tok::Ident(&src[start..i]));
            }
            _ if b.is_ascii_punctuation() => {
                let op = OPS.iter().find(|op| src[i..].starts_with(op)).map_or(&src[i..=i], |op| &src[i..i + op.len()]);
                i += op.len();
                out.push(Tok::Op(op));
            }
            _ => return None,
        }
    }
    newline(&mut out);
    Some(out)
}

/// If a comment starts at `at`: where it ends (a line comment at its
/// newline, which it does not include; a block comment after its `*/`), or
/// `Some(None)` for a block comment that never ends. Every lexer here
/// skips comments with this, and literals with [`literal_end`].
#[must_use]
pub fn comment_end(src: &[u8], at: usize) -> Option<Option<usize>> {
    match src.get(at..at + 2)? {
        b"//" => Some(Some(memchr::memchr(b'\n', &src[at..]).map_or(src.len(), |n| at + n))),
        b"/*" => Some(memchr::memmem::find(&src[at + 2..], b"*/").map(|n| at + 2 + n + 2)),
        _ => None,
    }
}

/// The end of the string, raw string or rune literal starting at `at`, or
/// `None` if it is not terminated (an interpreted one by its line's end).
#[must_use]
pub fn literal_end(src: &[u8], at: usize) -> Option<usize> {
    let quote = src[at];
    if quote == b'`' {
        return memchr::memchr(b'`', &src[at + 1..]).map(|n| at + 1 + n + 1);
    }
    let mut i = at + 1;
    loop {
        match *src.get(i)? {
            b'\\' => i += 2,
            b'\n' => return None,
            c if c == quote => return Some(i + 1),
            _ => i += 1,
        }
    }
}

fn number<'s>(src: &'s [u8], start: usize, out: &mut Vec<Tok<'s>>) -> usize {
    let hex = src[start..].starts_with(b"0x") || src[start..].starts_with(b"0X");
    let mut i = start;
    while i < src.len() {
        let c = src[i];
        let exponent_sign = matches!(c, b'+' | b'-')
            && i > start
            && if hex { matches!(src[i - 1], b'p' | b'P') } else { matches!(src[i - 1], b'e' | b'E') };
        if c.is_ascii_alphanumeric() || c == b'_' || c == b'.' || exponent_sign {
            i += 1;
        } else {
            break;
        }
    }
    out.push(Tok::Number(&src[start..i]));
    i
}

/// Does Go insert a semicolon after this token at a line end?
fn ends_statement(t: &Tok<'_>) -> bool {
    match t {
        Tok::Ident(w) => !is_keyword(w) || matches!(*w, b"break" | b"continue" | b"fallthrough" | b"return"),
        Tok::Number(_) | Tok::Lit => true,
        Tok::Op(op) => matches!(*op, b"++" | b"--" | b")" | b"]" | b"}"),
    }
}

/// Is `w` one of Go's 25 keywords?
#[must_use]
pub fn is_keyword(w: &[u8]) -> bool {
    matches!(
        w,
        b"break"
            | b"case"
            | b"chan"
            | b"const"
            | b"continue"
            | b"default"
            | b"defer"
            | b"else"
            | b"fallthrough"
            | b"for"
            | b"func"
            | b"go"
            | b"goto"
            | b"if"
            | b"import"
            | b"interface"
            | b"map"
            | b"package"
            | b"range"
            | b"return"
            | b"select"
            | b"struct"
            | b"switch"
            | b"type"
            | b"var"
    )
}

/// Identifier bytes (any non-ASCII byte counts: Go allows Unicode letters).
#[must_use]
pub fn is_ident(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b >= 0x80
}

/// The index of the bracket closing the one at `open`, if any.
#[must_use]
pub fn closing(toks: &[Tok<'_>], open: usize) -> Option<usize> {
    let mut depth = 0usize;
    for (j, t) in toks.iter().enumerate().skip(open) {
        match t {
            Tok::Op(b"(" | b"[" | b"{") => depth += 1,
            Tok::Op(b")" | b"]" | b"}") => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(j);
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(src: &str) -> String {
        tokenize(src.as_bytes())
            .unwrap()
            .iter()
            .map(|t| match t {
                Tok::Ident(w) | Tok::Number(w) | Tok::Op(w) => String::from_utf8_lossy(w).into_owned(),
                Tok::Lit => "LIT".into(),
            })
            .collect::<Vec<_>>()
            .join(" ")
    }

    #[test]
    fn inserts_semicolons_as_go_does() {
        assert_eq!(show("x := f(a,\n\tb)\ny++\nreturn\n}"), "x := f ( a , b ) ; y ++ ; return ; } ;");
        assert_eq!(show("go func() {\n\tc <- 1\n}()\n"), "go func ( ) { c <- 1 ; } ( ) ;");
        assert_eq!(show("if x {\n} else {\n}"), "if x { } else { } ;");
        assert_eq!(show("x := a /* c\n */ y"), "x := a y ;");
    }

    #[test]
    fn literals_comments_and_operators() {
        assert_eq!(show("s := \"a // b\" + `x\ny` // c\nr := 'x'"), "s := LIT + LIT ; r := LIT ;");
        assert_eq!(show("a<-b; c <<= 1e+3 &^ 0x1p-2"), "a <- b ; c <<= 1e+3 &^ 0x1p-2 ;");
        assert_eq!(show("f(x...\n"), "f ( x ...");
        assert!(tokenize(b"s := \"open\n").is_none());
        assert!(tokenize(b"/* open").is_none());
    }
}
