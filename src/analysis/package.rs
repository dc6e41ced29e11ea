//! The package a file belongs to, as the analysis sees it: the file being
//! checked, the other Go files of its directory that the go tool builds
//! with it, and the language version of its go.mod.
//!
//! The package is an input. [`Sources`] owns what it is made of; reading
//! and parsing a sibling file happens on first use (most checks never need
//! one), and every answer is cached, so a query asked twice gives the same
//! node. This module is the only part of the analysis that reads files.
//! Every node handed between files carries the file it is in ([`InFile`]).

use std::cell::{OnceCell, RefCell};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex, OnceLock};

use tree_sitter::{Node, Tree};

use super::FileFacts;
use crate::{gobuild, syntax};

/// Which file of a [`Package`] a node is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct FileId(u32);

impl FileId {
    /// The file being checked.
    pub const OWN: FileId = FileId(0);
}

/// A value (usually a node) together with the file it is in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InFile<T> {
    pub file: FileId,
    pub value: T,
}

impl<T> InFile<T> {
    pub fn new(file: FileId, value: T) -> Self {
        InFile { file, value }
    }
}

/// What the package is made of beyond the file being checked: its path
/// (none for a bare text) and, on first use, its sibling files and go.mod.
pub struct Sources {
    path: Option<PathBuf>,
    /// Texts that stand for files on disk (an editor's unsaved buffers).
    overlay: Option<Overlay>,
    /// Parse sibling files only where they declare one of `names`.
    shortcuts: bool,
    /// The functions the checked file's goroutines may run: the only
    /// declarations of a sibling worth parsing.
    names: Vec<String>,
    siblings: OnceCell<Vec<Sibling>>,
    go_version: OnceCell<Option<(u32, u32)>>,
    /// [`Package::builtin_unshadowed`]'s answers, by name: every batch of
    /// the checked file asks the same (the texts are the file's and the
    /// directory's; tokenizing them for each batch would cost the square of
    /// the file's size).
    unshadowed: RefCell<HashMap<String, bool>>,
}

/// Texts by path that stand for the files on disk: the buffers an editor
/// has open, unsaved.
pub type Overlay = HashMap<PathBuf, Arc<str>>;

/// Another Go file of the directory, read on first use (once per run, see
/// [`dir_listing`]) and parsed on first use by this package.
struct Sibling {
    file: Arc<DirFile>,
    trees: OnceCell<Option<Vec<Tree>>>,
}

/// A Go file of a directory, as every package of the run sees it.
struct DirFile {
    path: PathBuf,
    name: String,
    /// Read on first use, or handed over by the run that read it already
    /// ([`hold_text`]).
    text: OnceLock<Option<Arc<String>>>,
    /// Its outline, made once per run (every file checked in the directory
    /// looks its declarations up in it).
    outline: OnceLock<Option<Declared>>,
}

/// A file's outline, names as ranges of its text: the header, and each
/// top-level declaration's range with its name's.
struct Declared {
    header: std::ops::Range<usize>,
    chunks: Vec<(std::ops::Range<usize>, std::ops::Range<usize>)>,
    /// The names of its functions, methods and types.
    names: std::collections::HashSet<Box<[u8]>>,
    /// A `type (...)` group, whose names the outline does not give.
    grouped: bool,
}

impl Declared {
    fn of(text: &[u8]) -> Option<Declared> {
        let (header, chunks) = syntax::outline::outline(text)?;
        let at = |name: &[u8]| {
            let start = (name.as_ptr() as usize).saturating_sub(text.as_ptr() as usize);
            start..start + name.len()
        };
        Some(Declared {
            header,
            chunks: chunks.iter().map(|c| (c.range.clone(), at(c.name))).collect(),
            names: chunks.iter().map(|c| Box::from(c.name)).collect(),
            grouped: chunks.iter().any(|c| c.name.is_empty()),
        })
    }

    /// Can the file declare a function, method or type `name`?
    fn may_declare(&self, name: &str) -> bool {
        self.grouped || self.names.contains(name.as_bytes())
    }

    /// What [`syntax::outline::declaring`] gives for `names`.
    fn declaring(&self, text: &[u8], names: &[&str]) -> syntax::outline::Parts {
        let chunks = self
            .chunks
            .iter()
            .filter(|(_, name)| names.iter().any(|n| n.as_bytes() == &text[name.clone()]))
            .map(|(range, _)| range.clone())
            .collect();
        syntax::outline::Parts { header: self.header.clone(), chunks }
    }
}

impl DirFile {
    /// The file's text, read on first use; `None` if it cannot be read or
    /// is too large to be hand-written Go.
    fn text(&self) -> Option<&str> {
        self.text
            .get_or_init(|| {
                if std::fs::metadata(&self.path).ok()?.len() > SIBLING_MAX_BYTES {
                    return None;
                }
                let text = std::fs::read_to_string(&self.path).ok()?;
                count_read(text.len());
                Some(Arc::new(text))
            })
            .as_deref()
            .map(String::as_str)
    }

    /// The outline of its text as read (see [`DirFile::text`]).
    fn declared(&self) -> Option<&Declared> {
        self.outline.get_or_init(|| Declared::of(self.text()?.as_bytes())).as_ref()
    }
}

/// The `.go` files of a directory, listed once per run and shared by every
/// file checked in it (threads included), with their texts read once.
type DirListing = Arc<Vec<Arc<DirFile>>>;

/// The largest sibling file read (larger ones declare nothing, as far as
/// the analysis knows).
const SIBLING_MAX_BYTES: u64 = 20 << 20;

/// Bytes of sibling text the run-wide cache may hold before it starts over
/// (a listing still in use lives on with its users).
const DIR_CACHE_BYTES: usize = 64 << 20;

#[derive(Default)]
struct DirCache {
    dirs: HashMap<PathBuf, DirListing>,
    /// Texts the run holds for files of directories not listed yet
    /// ([`hold_text`]), taken by the listing when it is made.
    held: HashMap<PathBuf, Arc<String>>,
    /// Text bytes read through the listings now in `dirs` (an estimate:
    /// counted when read).
    bytes: usize,
}

static DIR_CACHE: Mutex<Option<DirCache>> = Mutex::new(None);

/// Forget every directory listing and file text read so far (a language
/// server calls it before a check: files change on disk between checks).
pub fn forget_directories() {
    *DIR_CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner) = None;
}

/// The listing of `dir`, from the run-wide cache.
fn dir_listing(dir: &Path) -> DirListing {
    let mut cache = DIR_CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let cache = cache.get_or_insert_with(DirCache::default);
    if cache.bytes > DIR_CACHE_BYTES {
        cache.dirs.clear();
        cache.bytes = 0;
    }
    let held = &mut cache.held;
    Arc::clone(cache.dirs.entry(dir.to_path_buf()).or_insert_with(|| Arc::new(read_listing(dir, held))))
}

/// The directory holding `path` (`.` for a bare file name).
fn parent_dir(path: &Path) -> &Path {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    }
}

/// Take `text` as the text of the Go file at `path` for the run: the run
/// read it already, and the files of its directory that look declarations
/// up in it then need not read it again. Held until [`release_directory`]
/// (a text the file no longer has on disk is the run's either way: the
/// checked file's own text is too).
pub fn hold_text(path: &Path, text: Arc<String>) {
    if text.len() as u64 > SIBLING_MAX_BYTES {
        return;
    }
    let mut cache = DIR_CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let cache = cache.get_or_insert_with(DirCache::default);
    match cache.dirs.get(parent_dir(path)).and_then(|l| l.iter().find(|f| f.path == path)) {
        Some(f) => {
            let _ = f.text.set(Some(text));
        }
        None => {
            cache.held.insert(path.to_path_buf(), text);
        }
    }
}

/// Forget the listing of `dir` and the texts held or read for it: the run
/// has checked every file of it.
pub fn release_directory(dir: &Path) {
    let mut cache = DIR_CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(c) = cache.as_mut() {
        c.dirs.remove(dir);
        c.held.retain(|p, _| parent_dir(p) != dir);
    }
}

/// Sibling files read so far in this process (for the test that reading
/// stays linear in the files of a directory).
static SIBLING_READS: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// Count `n` bytes of sibling text against the run-wide cache.
fn count_read(n: usize) {
    SIBLING_READS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut cache = DIR_CACHE.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    if let Some(c) = cache.as_mut() {
        c.bytes += n;
    }
}

impl Sources {
    /// The sources of the package of the file at `path`. With `shortcuts`,
    /// only the declarations named in `names` are parsed in sibling files.
    #[must_use]
    pub fn new(path: Option<&Path>, names: Vec<String>, shortcuts: bool) -> Self {
        Sources {
            path: path.map(Path::to_path_buf),
            overlay: None,
            shortcuts,
            names,
            siblings: OnceCell::new(),
            go_version: OnceCell::new(),
            unshadowed: RefCell::new(HashMap::new()),
        }
    }

    /// `(1, 21)` for `go 1.21` in the nearest go.mod; `None` when there is
    /// none (then the toolchain's own, current language version applies).
    pub fn go_version(&self) -> Option<(u32, u32)> {
        *self.go_version.get_or_init(|| self.path.as_deref().and_then(gobuild::go_version_for))
    }

    /// The other `.go` files of the directory that the go tool builds with
    /// this one, sorted: test files only for a test file, never the files
    /// it ignores.
    fn siblings(&self) -> &[Sibling] {
        self.siblings.get_or_init(|| self.path.as_deref().map(list_siblings).unwrap_or_default())
    }

    /// The same, reading the files `overlay` holds from it.
    #[must_use]
    pub fn with_overlay(self, overlay: Option<&Overlay>) -> Self {
        Sources { overlay: overlay.cloned(), ..self }
    }

    fn text(&self, i: usize) -> Option<&str> {
        let f = &self.siblings()[i].file;
        match self.overlay.as_ref().and_then(|o| o.get(&f.path)) {
            Some(text) => Some(text),
            None => f.text(),
        }
    }

    /// Does a Go file of the directory other than the checked one (test
    /// files and files the build ignores included) spell the word `name`,
    /// or can one not be read? `false` for a bare text (no directory).
    #[must_use]
    pub fn named_elsewhere(&self, name: &str) -> bool {
        self.any_other_file(&|t| {
            memchr::memmem::find_iter(t.as_bytes(), name.as_bytes()).any(|at| {
                let word = |b: Option<&u8>| b.is_some_and(|b| crate::syntax::tokens::is_ident(*b));
                !word(at.checked_sub(1).and_then(|i| t.as_bytes().get(i))) && !word(t.as_bytes().get(at + name.len()))
            })
        })
    }

    /// Does `pred` hold for the text of a Go file of the directory other
    /// than the checked one (test files and files the build ignores
    /// included), or can one not be read? `false` for a bare text.
    #[must_use]
    pub fn any_other_file(&self, pred: &dyn Fn(&str) -> bool) -> bool {
        let Some(path) = self.path.as_deref() else { return false };
        let dir = parent_dir(path);
        let own = path.file_name().map(|n| n.to_string_lossy().into_owned());
        dir_listing(dir).iter().filter(|f| Some(&f.name) != own.as_ref()).any(|f| {
            let text = self.overlay.as_ref().and_then(|o| o.get(&f.path)).map(|t| &**t).or_else(|| f.text());
            text.is_none_or(pred)
        })
    }

    fn trees(&self, i: usize) -> Option<&[Tree]> {
        let text = self.text(i)?;
        self.siblings()[i].trees.get_or_init(|| self.parse(i, text)).as_deref()
    }

    /// A sibling's tree: with shortcuts, only the declarations of
    /// [`Sources::names`] it mentions (the whole file if it cannot be
    /// outlined or the parts show a syntax error).
    fn parse(&self, i: usize, text: &str) -> Option<Vec<Tree>> {
        if self.shortcuts {
            // The run's outline of the file as read, or one of the editor's text.
            let fresh;
            let file = &self.siblings()[i].file;
            let declared = if self.overlay.as_ref().is_some_and(|o| o.get(&file.path).is_some()) {
                fresh = Declared::of(text.as_bytes());
                fresh.as_ref()
            } else {
                file.declared()
            };
            let declaring = |names: &[&str]| declared.map(|d| d.declaring(text.as_bytes(), names));
            let mut mentioned: Vec<&str> = self
                .names
                .iter()
                .map(String::as_str)
                .filter(|n| memchr::memmem::find(text.as_bytes(), n.as_bytes()).is_some())
                .collect();
            let mut parts = declaring(&mentioned);
            // The types a kept struct embeds, declared here too (their
            // fields are promoted; see `types::field_type`).
            for _ in 0..4 {
                let Some(p) = &parts else { break };
                let more: Vec<&str> = p
                    .chunks
                    .iter()
                    .map(|r| &text.as_bytes()[r.clone()])
                    .filter(|t| t.starts_with(b"type"))
                    .flat_map(super::relevance::embedded_types)
                    .filter_map(|n| std::str::from_utf8(n).ok())
                    .filter(|n| !mentioned.contains(n))
                    .collect();
                if more.is_empty() {
                    break;
                }
                mentioned.extend(more);
                mentioned.sort_unstable();
                mentioned.dedup();
                parts = declaring(&mentioned);
            }
            if let Some(parts) = parts {
                let trees = syntax::parse_parts(text.as_bytes(), &parts, &syntax::LineIndex::new(text.as_bytes()))?;
                if !trees.iter().any(|t| t.root_node().has_error()) {
                    return Some(trees);
                }
            }
        }
        syntax::parse(text.as_bytes()).map(|t| vec![t])
    }
}

/// The other `.go` files of the directory of `path` that the go tool builds
/// with it: test files only for a test file, never the files it ignores.
fn list_siblings(path: &Path) -> Vec<Sibling> {
    let dir = parent_dir(path);
    let own_name = path.file_name().map(|n| n.to_string_lossy().into_owned());
    let from_test = own_name.as_deref().is_some_and(gobuild::is_test_file);
    dir_listing(dir)
        .iter()
        .filter(|f| Some(&f.name) != own_name.as_ref())
        .filter(|f| (from_test || !gobuild::is_test_file(&f.name)) && !gobuild::is_ignored_file(&f.name))
        .map(|f| Sibling { file: Arc::clone(f), trees: OnceCell::new() })
        .collect()
}

/// Every `.go` file of `dir` that is a regular file (not a symlink, which
/// may lead out of the package or to a device, nor a FIFO, which would
/// block the read), sorted by path.
fn read_listing(dir: &Path, held: &mut HashMap<PathBuf, Arc<String>>) -> Vec<Arc<DirFile>> {
    let Ok(entries) = std::fs::read_dir(dir) else { return Vec::new() };
    let mut files: Vec<Arc<DirFile>> = entries
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_ok_and(|t| t.is_file()))
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "go"))
        .filter_map(|path| {
            let name = path.file_name()?.to_string_lossy().into_owned();
            let text = held.remove(&path).map(|t| OnceLock::from(Some(t))).unwrap_or_default();
            Some(Arc::new(DirFile { path, name, text, outline: OnceLock::new() }))
        })
        .collect();
    files.sort_by(|a, b| a.path.cmp(&b.path));
    files
}

/// The checked file and, on demand, the sibling files of its package.
pub struct Package<'t> {
    sources: &'t Sources,
    own: FileFacts<'t>,
    /// Facts of sibling `i` at index `i`, built on first use.
    siblings: OnceCell<Vec<OnceCell<Option<FileFacts<'t>>>>>,
    /// For each name looked up so far: the siblings of the package that
    /// declare it (`None` when one is built only under a constraint).
    declaring: RefCell<HashMap<String, Option<Vec<usize>>>>,
    summaries: super::summaries::Cache<'t>,
}

impl<'t> Package<'t> {
    #[must_use]
    pub fn new(own: FileFacts<'t>, sources: &'t Sources) -> Self {
        Package {
            sources,
            own,
            siblings: OnceCell::new(),
            declaring: RefCell::new(HashMap::new()),
            summaries: super::summaries::Cache::default(),
        }
    }

    /// The file being checked.
    #[must_use]
    pub fn own(&self) -> &FileFacts<'t> {
        &self.own
    }

    /// The facts of a file of the package.
    ///
    /// # Panics
    /// Only for an id no lookup of this package returned (ids of sibling
    /// files come from [`Package::func`] and [`Package::method`], which load
    /// the file first).
    #[must_use]
    pub fn file(&self, id: FileId) -> &FileFacts<'t> {
        if id == FileId::OWN {
            return &self.own;
        }
        self.sibling(id.0 as usize - 1).expect("a sibling file id comes from a lookup that loaded it")
    }

    /// The function summaries computed so far ([`super::summaries`]).
    pub(super) fn summaries(&self) -> &super::summaries::Cache<'t> {
        &self.summaries
    }

    /// The go.mod language version (see [`Sources::go_version`]).
    #[must_use]
    pub fn go_version(&self) -> Option<(u32, u32)> {
        self.sources.go_version()
    }

    /// See [`Sources::named_elsewhere`].
    #[must_use]
    pub fn named_elsewhere(&self, name: &str) -> bool {
        self.sources.named_elsewhere(name)
    }

    /// Is the predeclared function `name` (`len`, `max`) surely the
    /// builtin in the checked file? No file of the directory spells it but
    /// as a call or a selector's name (`len(x)`, `s.len`): not declared,
    /// not a parameter, not a local, not assigned (text that does not lex
    /// answers no).
    #[must_use]
    pub fn builtin_unshadowed(&self, name: &str) -> bool {
        use crate::syntax::tokens::{Tok, tokenize};
        let only_called = |text: &[u8]| {
            tokenize(text).is_some_and(|toks| {
                (0..toks.len()).filter(|&i| toks[i] == Tok::Ident(name.as_bytes())).all(|i| {
                    let before = i.checked_sub(1).map(|b| toks[b]);
                    before == Some(Tok::Op(b"."))
                        || (toks.get(i + 1) == Some(&Tok::Op(b"(")) && before != Some(Tok::Ident(b"func")))
                })
            })
        };
        if let Some(known) = self.sources.unshadowed.borrow().get(name) {
            return *known;
        }
        let answer = only_called(self.own.src) && !self.sources.any_other_file(&|t| !only_called(t.as_bytes()));
        self.sources.unshadowed.borrow_mut().insert(name.to_owned(), answer);
        answer
    }

    /// The top-level function `name` of the package.
    #[must_use]
    pub fn func(&self, name: &str) -> Option<InFile<Node<'t>>> {
        self.declaration(name, |f| f.func(name))
    }

    /// The type spec declaring `name` in the package.
    #[must_use]
    pub fn type_spec(&self, name: &str) -> Option<InFile<Node<'t>>> {
        self.declaration(name, |f| f.type_spec(name))
    }

    /// The method `name` of the named type `recv`.
    #[must_use]
    pub fn method(&self, recv: &str, name: &str) -> Option<InFile<Node<'t>>> {
        self.declaration(name, |f| f.method(recv, name))
    }

    /// The declaration `find` gives in the checked file, or else in exactly
    /// one sibling file of the same package. A sibling built only under
    /// some constraint that declares `name` makes it unknown (which body
    /// runs depends on the build); two would be such variants too.
    fn declaration(&self, name: &str, find: impl Fn(&FileFacts<'t>) -> Option<Node<'t>>) -> Option<InFile<Node<'t>>> {
        if let Some(n) = find(&self.own) {
            return Some(InFile::new(FileId::OWN, n));
        }
        // With shortcuts, a sibling is searched only for the names the
        // checked file's plan lists (the only ones that can change a
        // finding; `--no-shortcuts` searches for every name, and the
        // equivalence tests check that this changes nothing).
        if self.sources.shortcuts && !self.sources.names.iter().any(|n| n == name) {
            return None;
        }
        let declaring = self.declaring_siblings(name)?;
        let found: Vec<_> = declaring
            .iter()
            .filter_map(|&i| Some(InFile::new(FileId(u32::try_from(i + 1).ok()?), find(self.sibling(i)?)?)))
            .collect();
        match found[..] {
            [one] => Some(one),
            _ => None,
        }
    }

    /// The siblings of the package declaring `name` (once per name), or
    /// `None` if one of them is built only under some constraint.
    fn declaring_siblings(&self, name: &str) -> Option<Vec<usize>> {
        if let Some(known) = self.declaring.borrow().get(name) {
            return known.clone();
        }
        let package = self.own.package();
        let mut out = Some(Vec::new());
        for i in 0..self.sources.siblings().len() {
            let Some(text) = self.sources.text(i) else { continue };
            // The run's outline of the file says at once, unless the
            // editor holds another text of it.
            let file = &self.sources.siblings()[i].file;
            let edited = self.sources.overlay.as_ref().is_some_and(|o| o.get(&file.path).is_some());
            let may = match file.declared().filter(|_| !edited) {
                Some(d) => d.may_declare(name),
                None => memchr::memmem::find(text.as_bytes(), name.as_bytes()).is_some(),
            };
            if !may {
                continue;
            }
            let Some(facts) = self.sibling(i) else { continue };
            if !facts.declares(name) {
                continue;
            }
            if gobuild::constrained(&self.sources.siblings()[i].file.name, text) {
                out = None;
                break;
            }
            if package.is_some()
                && facts.package() == package
                && let Some(v) = out.as_mut()
            {
                v.push(i);
            }
        }
        self.declaring.borrow_mut().insert(name.to_owned(), out.clone());
        out
    }

    fn sibling(&self, i: usize) -> Option<&FileFacts<'t>> {
        let cells = self.siblings.get_or_init(|| self.sources.siblings().iter().map(|_| OnceCell::new()).collect());
        cells
            .get(i)?
            .get_or_init(|| {
                let text = self.sources.text(i)?;
                Some(FileFacts::new(self.sources.trees(i)?, text.as_bytes()))
            })
            .as_ref()
    }
}

#[cfg(test)]
mod tests {
    use super::SIBLING_READS;
    use crate::engine::{Options, check_source};
    use std::sync::atomic::Ordering;

    #[test]
    fn a_directory_is_read_once_however_many_files_ask_for_a_sibling() {
        let t = tempfile::tempdir().unwrap();
        let d = t.path();
        std::fs::write(d.join("w.go"), "package p\n\nfunc worker(c chan int) {\n\tc <- 1\n}\n").unwrap();
        let n = 60;
        let files: Vec<_> = (0..n)
            .map(|i| {
                let p = d.join(format!("f{i}.go"));
                let src = format!("package p\n\nfunc f{i}(fail bool) int {{\n\tc := make(chan int)\n\tgo worker(c)\n\tif fail {{\n\t\treturn 0\n\t}}\n\treturn <-c\n}}\n");
                std::fs::write(&p, &src).unwrap();
                (p, src)
            })
            .collect();
        let before = SIBLING_READS.load(Ordering::Relaxed);
        for (p, src) in &files {
            let opts = Options { path: Some(p), ..Options::new(crate::transforms::ALL) };
            assert_eq!(check_source(src, &opts).outcomes.len(), 1, "worker's body is found in w.go");
        }
        let reads = SIBLING_READS.load(Ordering::Relaxed) - before;
        // Each file of the directory at most once (not once per checked file).
        assert!(reads <= n + 1, "{reads} sibling reads for {n} files");
    }
}
