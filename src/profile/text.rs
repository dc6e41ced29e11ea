//! The text forms of a goroutine profile, read a line at a time:
//! `debug=1` (`goroutine profile: total N`, then `N @ addr...` and `#` frame
//! lines per stack) and `debug=2` (`goroutine N [wait reason]:`, then
//! function and `\tfile:line +0x..` lines per goroutine).

use std::io::BufRead;

use super::{Counts, Frame, MAX_FRAMES, ProfileError, Stack, Wait, is_runtime};

/// Does this start of a file look like a text profile (of any kind: the
/// kind is checked when read)?
pub(super) fn is_text(head: &[u8]) -> bool {
    let head = head.strip_prefix("\u{feff}".as_bytes()).unwrap_or(head);
    let first = head.split(|&b| b == b'\n').find(|l| !l.trim_ascii().is_empty()).unwrap_or(head);
    let first = String::from_utf8_lossy(first);
    let first = first.trim_start();
    header_kind(first).is_some() || goroutine_header(first).is_some()
}

/// `goroutine profile: total 7` → `goroutine` (debug=1's first line).
fn header_kind(line: &str) -> Option<&str> {
    let (kind, rest) = line.split_once(" profile: total ")?;
    (!kind.is_empty() && kind.bytes().all(|b| b.is_ascii_alphanumeric()) && rest.trim().parse::<u64>().is_ok())
        .then_some(kind)
}

/// `goroutine 7 [chan send (leaked), 3 minutes]:` → the text in brackets
/// (debug=2's first line of a goroutine).
fn goroutine_header(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("goroutine ")?;
    if !rest.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let open = rest.find('[')?;
    let close = rest.rfind("]:")?;
    (open < close).then(|| &rest[open + 1..close])
}

/// The wait of a `debug=2` reason, whether the runtime proved the leak,
/// and the minutes it has lasted; `None` when it is not a channel operation.
fn parse_reason(bracketed: &str) -> Option<Reason> {
    let mut parts = bracketed.split(", ");
    let reason = parts.next()?.trim();
    let leaked = reason.contains("(leaked)");
    let wait = if reason.starts_with("chan send") {
        Wait::Send
    } else if reason.starts_with("chan receive") {
        Wait::Receive
    } else if reason.starts_with("select") && !reason.starts_with("select (no cases)") {
        Wait::Select
    } else {
        return None;
    };
    let minutes = parts.find_map(|p| p.trim().strip_suffix(" minutes").and_then(|n| n.trim().parse().ok()));
    Some((wait, leaked, minutes))
}

/// `file:line` (after a tab, before ` +0x..`), as a debug=2 location line
/// or the last column of a debug=1 frame line writes it.
fn location(s: &str) -> Option<(String, u32)> {
    let s = s.trim();
    let s = s.rsplit_once(" +0x").map_or(s, |(l, _)| l);
    let (file, line) = s.rsplit_once(':')?;
    Some((file.to_owned(), line.trim().parse().ok()?))
}

/// A debug=2 wait: the operation, whether the runtime proved the leak, and
/// the minutes it has lasted.
type Reason = (Wait, bool, Option<u64>);

/// A debug=2 goroutine being read: its wait, its frames so far, and where
/// it was created.
type Goroutine = (Reason, Vec<Frame>, Option<Frame>);

/// Read a text profile: stacks blocked in channel operations, counted.
pub(super) fn read(input: impl BufRead) -> Result<Vec<Stack>, ProfileError> {
    let mut counts = Counts::default();
    let mut lines = input.split(b'\n');
    let mut first = true;
    // debug=1: the profile's kind, and the stack being read (count, frames).
    let mut leak_profile = None;
    let mut stack1: Option<(u64, Vec<Frame>)> = None;
    // debug=2: the goroutine being read (its wait, and its frames so far),
    // and the function line waiting for its location line.
    let mut goroutine: Option<Goroutine> = None;
    let mut function: Option<String> = None;
    let flush2 = |g: &mut Option<Goroutine>, counts: &mut Counts| {
        if let Some(((wait, leaked, minutes), mut frames, created_by)) = g.take() {
            frames.retain(|f| !is_runtime(&f.function));
            frames.truncate(MAX_FRAMES);
            counts.add(Stack { frames, goroutines: 1, wait, leaked, minutes, created_by });
        }
    };
    let flush1 = |s: &mut Option<(u64, Vec<Frame>)>, leaked: bool, counts: &mut Counts| {
        if let Some((goroutines, mut frames)) = s.take() {
            frames.retain(|f| !is_runtime(&f.function));
            frames.truncate(MAX_FRAMES);
            counts.add(Stack { frames, goroutines, wait: Wait::Unknown, leaked, minutes: None, created_by: None });
        }
    };
    while let Some(line) = lines.next().transpose()? {
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches('\r');
        let line = if first { line.trim_start_matches('\u{feff}') } else { line };
        if first && line.trim().is_empty() {
            continue;
        }
        let head = line.trim_start();
        if first && header_kind(head).is_none() && goroutine_header(head).is_none() {
            return Err(ProfileError::NotAProfile);
        }
        first = false;
        // A header starts a debug=1 profile (profiles may be concatenated:
        // each part has its own kind); a goroutine line starts debug=2.
        if let Some(kind) = header_kind(head) {
            flush1(&mut stack1, leak_profile.unwrap_or(false), &mut counts);
            flush2(&mut goroutine, &mut counts);
            leak_profile = match kind {
                "goroutine" => Some(false),
                "goroutineleak" => Some(true),
                other => return Err(ProfileError::OtherKind(format!("a {other} profile"))),
            };
            continue;
        }
        if leak_profile.is_some() && goroutine_header(line).is_some() {
            flush1(&mut stack1, leak_profile.unwrap_or(false), &mut counts);
            leak_profile = None;
        }
        if let Some(leaked) = leak_profile {
            // debug=1.
            if let Some((count, _)) = line.split_once(" @ ") {
                flush1(&mut stack1, leaked, &mut counts);
                stack1 = count.trim().parse().ok().map(|n| (n, Vec::new()));
            } else if let Some(frame) = line.strip_prefix('#')
                && let Some((_, frames)) = stack1.as_mut()
            {
                // `#\t0x4deafd\tmain.f.func1+0x1d\t/path/main.go:15`
                let cols: Vec<&str> = frame.split('\t').filter(|c| !c.is_empty()).collect();
                if let [_, func, loc] = cols.as_slice()
                    && let Some((file, line)) = location(loc)
                {
                    let function = func.rsplit_once("+0x").map_or(*func, |(f, _)| f).to_owned();
                    frames.push(Frame { function, file, line });
                }
            } else if line.trim().is_empty() {
                flush1(&mut stack1, leaked, &mut counts);
            }
            continue;
        }
        // debug=2.
        if let Some(bracketed) = goroutine_header(line) {
            flush2(&mut goroutine, &mut counts);
            goroutine = parse_reason(bracketed).map(|r| (r, Vec::new(), None));
            function = None;
        } else if line.trim().is_empty() {
            flush2(&mut goroutine, &mut counts);
        } else if let Some((_, frames, created_by)) = goroutine.as_mut() {
            if let Some(rest) = line.strip_prefix("created by ") {
                // The stack is over; the next line is where it was started.
                let creator = rest.split(" in goroutine ").next().unwrap_or(rest);
                function = Some(format!("created by {creator}"));
            } else if line.starts_with('\t') {
                match (function.take(), location(line)) {
                    (Some(func), Some((file, l))) if func.starts_with("created by ") => {
                        let function = func.trim_start_matches("created by ").to_owned();
                        *created_by = Some(Frame { function, file, line: l });
                        flush2(&mut goroutine, &mut counts);
                    }
                    (Some(func), Some((file, l))) => frames.push(Frame { function: func, file, line: l }),
                    _ => {}
                }
            } else {
                // `main.(*T).m(0xc000012345, ...)`: the name before the arguments.
                let name = match line.rfind('(') {
                    Some(open) if line.ends_with(')') => &line[..open],
                    _ => line,
                };
                function = Some(name.to_owned());
            }
        }
    }
    flush1(&mut stack1, leak_profile.unwrap_or(false), &mut counts);
    flush2(&mut goroutine, &mut counts);
    Ok(counts.stacks())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reasons_say_the_operation_the_proof_and_the_wait() {
        assert_eq!(parse_reason("chan send (leaked)"), Some((Wait::Send, true, None)));
        assert_eq!(parse_reason("chan receive, 12 minutes"), Some((Wait::Receive, false, Some(12))));
        assert_eq!(
            parse_reason("chan receive (nil chan), 3 minutes, locked to thread"),
            Some((Wait::Receive, false, Some(3)))
        );
        assert_eq!(parse_reason("select"), Some((Wait::Select, false, None)));
        assert_eq!(parse_reason("select (no cases)"), None);
        assert_eq!(parse_reason("sync.WaitGroup.Wait"), None);
        assert_eq!(parse_reason("running"), None);
    }

    #[test]
    fn locations_keep_spaces_and_drop_the_offset() {
        assert_eq!(location("\t/a b/main.go:15 +0x1e"), Some(("/a b/main.go".to_owned(), 15)));
        assert_eq!(location("/tmp/x.go:7"), Some(("/tmp/x.go".to_owned(), 7)));
        assert_eq!(location("no line here"), None);
    }
}
