//! Goroutine profiles from a running program as evidence (`--profile`):
//! read every form the Go runtime writes, for the `goroutineleak` and the
//! plain `goroutine` profile, into stacks blocked in channel operations
//! (this module), then map them onto the scanned files and their findings
//! ([`sites`]).
//!
//! - `debug=0`: gzipped protobuf ([`proto`]), the runtime's frames included,
//!   so `runtime.chansend` / `chanrecv` / `selectgo` tell the operation;
//! - `debug=1`: a count per stack, no wait reason (the operation is the
//!   one on the source line, see [`sites`]);
//! - `debug=2`: one stack per goroutine with its wait reason
//!   (`[chan send (leaked)]`, `[chan receive, 12 minutes]`, `[select]`).
//!
//! Text is read a line at a time and stacks are counted as they are read,
//! so a profile of a million goroutines takes the memory of its distinct
//! stacks; a protobuf is decoded whole, up to [`MAX_DECODED`].

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

mod proto;
pub mod sites;
mod text;

/// The largest decompressed protobuf profile read (a goroutine profile of a
/// million distinct stacks is far smaller).
pub const MAX_DECODED: u64 = 512 << 20;

/// The most frames kept of a stack (the site is its top frame in the
/// scanned tree, which is near the top).
const MAX_FRAMES: usize = 64;

/// The channel operation a goroutine is blocked in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Wait {
    Send,
    Receive,
    Select,
    /// Not said (`debug=1`): whichever channel operation its line holds.
    Unknown,
}

impl Wait {
    /// As the runtime writes it in a `debug=2` stack.
    #[must_use]
    pub fn runtime_name(self) -> &'static str {
        match self {
            Wait::Send => "chan send",
            Wait::Receive => "chan receive",
            Wait::Select => "select",
            Wait::Unknown => "channel operation",
        }
    }
}

/// One frame: the function and its file and line.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Frame {
    pub function: String,
    pub file: String,
    pub line: u32,
}

/// Goroutines with the same stack blocked in the same way.
#[derive(Debug, Clone)]
pub struct Stack {
    /// Leaf first, the runtime's own frames left out.
    pub frames: Vec<Frame>,
    pub goroutines: u64,
    pub wait: Wait,
    /// The runtime proved them leaked (a `goroutineleak` profile, or a
    /// `(leaked)` wait reason).
    pub leaked: bool,
    /// The longest wait, in minutes, when the profile says (`debug=2`).
    pub minutes: Option<u64>,
    /// Where the goroutines were started (the `go` statement), when the
    /// profile says (`debug=2`'s `created by`).
    pub created_by: Option<Frame>,
}

/// One profile file, read.
#[derive(Debug, Clone)]
pub struct Profile {
    /// As named on the command line.
    pub name: String,
    /// Only the stacks blocked in a channel operation.
    pub stacks: Vec<Stack>,
}

/// Why a file could not be read as a goroutine profile.
#[derive(Debug, thiserror::Error)]
pub enum ProfileError {
    #[error("cannot read the profile: {0}")]
    Io(#[from] std::io::Error),
    #[error("empty file, not a goroutine profile")]
    Empty,
    #[error("not a goroutine profile (neither pprof protobuf nor the text of debug=1 or debug=2)")]
    NotAProfile,
    #[error("{0}, not a goroutine profile (goroutine or goroutineleak)")]
    OtherKind(String),
    #[error("not a goroutine profile: gzip data that does not decompress ({0})")]
    BadGzip(std::io::Error),
    #[error("not a goroutine profile: protobuf that does not decode ({0})")]
    BadProtobuf(prost::DecodeError),
    #[error("a protobuf profile larger than {} MiB decompressed; not read", MAX_DECODED >> 20)]
    TooLarge,
}

/// Read the profile at `path`, whatever its form.
pub fn load(path: &Path) -> Result<Profile, ProfileError> {
    let name = path.display().to_string();
    let mut input = BufReader::with_capacity(64 << 10, std::fs::File::open(path)?);
    let head = input.fill_buf()?;
    if head.is_empty() {
        return Err(ProfileError::Empty);
    }
    let stacks = if head.starts_with(&[0x1f, 0x8b]) {
        let mut unzipped = BufReader::with_capacity(64 << 10, flate2::read::MultiGzDecoder::new(input));
        let head = unzipped.fill_buf().map_err(ProfileError::BadGzip)?;
        if head.is_empty() {
            return Err(ProfileError::Empty);
        }
        if text::is_text(head) { text::read(unzipped)? } else { decode(unzipped, true)? }
    } else if text::is_text(head) {
        text::read(input)?
    } else if looks_like_text(head) {
        return Err(ProfileError::NotAProfile);
    } else {
        decode(input, false)?
    };
    Ok(Profile { name, stacks })
}

/// Printable text (a file of words, not a protobuf's bytes)?
fn looks_like_text(head: &[u8]) -> bool {
    let head = &head[..head.len().min(512)];
    let valid = match std::str::from_utf8(head) {
        Ok(_) => true,
        // Cut in the middle of a character at the end of the sample.
        Err(e) => e.error_len().is_none(),
    };
    valid && head.iter().all(|&b| b >= 0x20 || matches!(b, b'\n' | b'\r' | b'\t'))
}

/// Decode a protobuf profile (`gzipped`: read through the decompressor,
/// whose errors are the gzip's).
fn decode(input: impl Read, gzipped: bool) -> Result<Vec<Stack>, ProfileError> {
    let mut bytes = Vec::new();
    let read = input.take(MAX_DECODED + 1).read_to_end(&mut bytes);
    match read {
        Err(e) if gzipped => return Err(ProfileError::BadGzip(e)),
        r => r?,
    };
    if bytes.len() as u64 > MAX_DECODED {
        return Err(ProfileError::TooLarge);
    }
    let p = <proto::Profile as prost::Message>::decode(bytes.as_slice()).map_err(ProfileError::BadProtobuf)?;
    drop(bytes);
    let string = |i: i64| usize::try_from(i).ok().and_then(|i| p.string_table.get(i)).map_or("", String::as_str);
    let kinds: Vec<&str> = p.sample_type.iter().map(|t| string(t.r#type)).filter(|k| !k.is_empty()).collect();
    let leaked = match kinds.as_slice() {
        ["goroutineleak"] => true,
        ["goroutine"] => false,
        [] => return Err(ProfileError::NotAProfile),
        other => return Err(ProfileError::OtherKind(kind_name(other))),
    };
    let functions: HashMap<u64, &proto::Function> = p.function.iter().map(|f| (f.id, f)).collect();
    let locations: HashMap<u64, &proto::Location> = p.location.iter().map(|l| (l.id, l)).collect();
    let mut counts = Counts::default();
    for s in &p.sample {
        let goroutines = s.value.first().copied().and_then(|v| u64::try_from(v).ok()).unwrap_or(0);
        let mut frames = Vec::new();
        for id in &s.location_id {
            let Some(loc) = locations.get(id) else { continue };
            for l in &loc.line {
                let Some(f) = functions.get(&l.function_id) else { continue };
                frames.push(Frame {
                    function: string(f.name).to_owned(),
                    file: string(f.filename).to_owned(),
                    line: u32::try_from(l.line).unwrap_or(0),
                });
            }
        }
        // The runtime's frames on top say the operation.
        let Some(wait) = frames.iter().take_while(|f| is_runtime(&f.function)).find_map(|f| runtime_wait(&f.function))
        else {
            continue;
        };
        frames.retain(|f| !is_runtime(&f.function));
        frames.truncate(MAX_FRAMES);
        counts.add(Stack { frames, goroutines, wait, leaked, minutes: None, created_by: None });
    }
    Ok(counts.stacks())
}

/// What profile the sample types of a protobuf say it is.
fn kind_name(types: &[&str]) -> String {
    let has = |t: &str| types.contains(&t);
    if has("inuse_space") || has("alloc_space") {
        "a heap profile".into()
    } else if has("contentions") || has("delay") {
        "a mutex or block profile".into()
    } else if has("cpu") || has("samples") {
        "a CPU profile".into()
    } else if types.iter().all(|t| *t == types[0]) && matches!(types[0], "goroutine" | "goroutineleak") {
        "several goroutine profiles in one protobuf (give them one --profile each)".into()
    } else {
        format!("a profile of {}", types.join(", "))
    }
}

/// A function of the runtime package (not `runtime/pprof` and the like).
fn is_runtime(function: &str) -> bool {
    function.strip_prefix("runtime.").is_some()
}

/// The channel operation a runtime function blocks in, if it is one.
fn runtime_wait(function: &str) -> Option<Wait> {
    match function {
        "runtime.chansend" | "runtime.chansend1" => Some(Wait::Send),
        "runtime.chanrecv" | "runtime.chanrecv1" | "runtime.chanrecv2" => Some(Wait::Receive),
        "runtime.selectgo" => Some(Wait::Select),
        _ => None,
    }
}

/// Stacks counted as they are read: one entry per distinct blocked stack.
#[derive(Default)]
struct Counts {
    index: HashMap<(Vec<Frame>, Option<Frame>, Wait, bool), usize>,
    stacks: Vec<Stack>,
}

impl Counts {
    fn add(&mut self, s: Stack) {
        let key = (s.frames.clone(), s.created_by.clone(), s.wait, s.leaked);
        match self.index.get(&key) {
            Some(&i) => {
                let t = &mut self.stacks[i];
                t.goroutines += s.goroutines;
                t.minutes = t.minutes.max(s.minutes);
            }
            None => {
                self.index.insert(key, self.stacks.len());
                self.stacks.push(s);
            }
        }
    }

    fn stacks(self) -> Vec<Stack> {
        self.stacks
    }
}
