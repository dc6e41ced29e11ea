//! Writing a fixed file: atomically, through symlinks, never over a file
//! that changed since it was read.

use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};

/// A write through a symlink to a file outside this tree (the current
/// directory): the user is told which file changed.
#[derive(Debug)]
pub(super) struct OutsideTree {
    link: PathBuf,
    target: PathBuf,
}

impl std::fmt::Display for OutsideTree {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{} is, through a symlink, {}, outside this tree; writing the target",
            self.link.display(),
            self.target.display()
        )
    }
}

/// Why a file was not written although it has fixes.
#[derive(Debug, thiserror::Error)]
pub(super) enum NotWritten {
    /// The user may not write the file itself (`--force-write` overrides).
    #[error("not writable (read-only); not changed")]
    ReadOnly,
    /// The directory the file is in cannot take the new file.
    #[error("cannot write: its directory {0} is not writable; not changed")]
    Directory(PathBuf),
    /// Renaming a new file over one with several hard links would split them.
    #[error("has {0} hard links, which replacing it would split; not changed")]
    HardLinks(u64),
    /// The new file could not be given the file's owner and group.
    #[error("cannot keep its owner and group ({0}:{1}); not changed")]
    Owner(u32, u32),
}

/// May the effective user write `path`? As root, whom `access` always
/// allows, only a file with a write bit for someone counts as writable, as
/// gofmt and ruff, which open the file itself, would not replace it either.
fn may_write(path: &std::path::Path) -> bool {
    use std::os::unix::fs::PermissionsExt as _;
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        return std::fs::metadata(path).is_ok_and(|m| m.permissions().mode() & 0o222 != 0);
    }
    access(path, libc::W_OK)
}

/// May the effective user create and rename files in `dir`?
fn may_write_dir(dir: &std::path::Path) -> bool {
    access(dir, libc::W_OK | libc::X_OK)
}

/// `faccessat(path, mode, AT_EACCESS)`: the check for the effective user.
fn access(path: &std::path::Path, mode: libc::c_int) -> bool {
    use std::os::unix::ffi::OsStrExt as _;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else { return false };
    // SAFETY: `c` is a valid NUL-terminated path for the duration of the call.
    unsafe { libc::faccessat(libc::AT_FDCWD, c.as_ptr(), mode, libc::AT_EACCESS) == 0 }
}

/// An exclusive `flock` on the file at `path`, held until dropped (waiting
/// for another holder to let go).
fn lock(path: &std::path::Path) -> std::io::Result<std::fs::File> {
    use std::os::fd::AsRawFd as _;
    let file = std::fs::File::open(path)?;
    loop {
        // SAFETY: the descriptor is open for the duration of the call.
        if unsafe { libc::flock(file.as_raw_fd(), libc::LOCK_EX) } == 0 {
            return Ok(file);
        }
        let e = std::io::Error::last_os_error();
        if e.kind() != std::io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

/// Replace `path` with `content` via a temporary file in the same directory,
/// keeping permissions; refuse if the file changed since it was read, or if
/// the user may not write the file (unless `force`) or its directory.
/// `outside` is set, even if the write then fails, when `path` is a symlink
/// to a file outside this tree: the worker threads print nothing themselves.
pub(super) fn write_atomic(
    path: &std::path::Path,
    read: &str,
    content: &str,
    force: bool,
    outside: &mut Option<OutsideTree>,
) -> Result<()> {
    // Write through a symlink to its target (renaming over the link would
    // replace it), and say so when the file, through a symlink to it or to
    // a directory on its way, is outside this tree.
    let resolved;
    let is_link = std::fs::symlink_metadata(path)?.file_type().is_symlink();
    let real = std::fs::canonicalize(path)?;
    let cwd = std::env::current_dir().ok().and_then(|d| std::fs::canonicalize(d).ok());
    let lexically_inside = path.is_relative() && !path.components().any(|c| c == std::path::Component::ParentDir);
    if (is_link || lexically_inside) && cwd.is_some_and(|d| !real.starts_with(d)) {
        *outside = Some(OutsideTree { link: path.to_owned(), target: real.clone() });
    }
    let path = if is_link {
        resolved = real;
        resolved.as_path()
    } else {
        path
    };
    // From the check to the rename, hold an advisory lock on the file, so
    // that of concurrent leakfix runs only one finds it as it read it and
    // replaces it; the others then find it changed (the lock is on the
    // inode the rename replaces, and the check reads the path anew).
    let _lock = lock(path)?;
    let now = std::fs::read(path)?;
    if now != read.as_bytes() {
        bail!("the file changed while leakfix ran");
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    // The file's own permission is the user's signal (a read-only checkout,
    // generated code): the rename below would only need the directory's.
    if !force && !may_write(path) {
        return Err(NotWritten::ReadOnly.into());
    }
    if !may_write_dir(dir) {
        return Err(NotWritten::Directory(dir.to_owned()).into());
    }
    write_checked(path, read, content, &mut || ())
}

/// The new file's name prefix: `.leakfix-XXXXXX.tmp`, recognisable, so that
/// a run interrupted before it could clean up is cleaned up by a later one.
const TMP_PREFIX: &str = ".leakfix-";
const TMP_SUFFIX: &str = ".tmp";

/// A leftover temporary file older than this cannot be a write in progress
/// (which takes milliseconds), and is removed by the next write in its
/// directory.
const STALE_TMP: std::time::Duration = std::time::Duration::from_mins(10);

/// Temporary files being written now, removed by [`clean_up_and_exit`] if a
/// signal ends the run. Creating, renaming and removing one happen under
/// this lock, so a signal sees each file either registered or gone.
static LIVE_TMP: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

/// From now on SIGINT, SIGTERM and SIGHUP end the process through
/// [`clean_up_and_exit`], on a thread of their own: they are blocked in this
/// thread and in every thread it starts later (call it before any other).
pub(super) fn handle_signals() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| {
        // SAFETY: plain libc calls on a local, initialised signal set.
        let set = unsafe {
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&raw mut set);
            for sig in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                libc::sigaddset(&raw mut set, sig);
            }
            libc::pthread_sigmask(libc::SIG_BLOCK, &raw const set, std::ptr::null_mut());
            set
        };
        std::thread::spawn(move || {
            loop {
                let mut sig = 0;
                // SAFETY: `set` is initialised; `sig` receives the signal.
                if unsafe { libc::sigwait(&raw const set, &raw mut sig) } == 0 {
                    clean_up_and_exit(sig);
                }
            }
        });
    });
}

/// Remove the temporary files being written and exit with `128 + signal`.
fn clean_up_and_exit(signal: i32) -> ! {
    let live = LIVE_TMP.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    for p in live.iter() {
        let _ = std::fs::remove_file(p);
    }
    std::process::exit(128 + signal);
}

/// The identity of a file's content as the file system shows it: a change
/// of any of these between the check and the rename means another writer.
fn identity(m: &std::fs::Metadata) -> (u64, u64, u64, i64, i64, i64, i64) {
    use std::os::unix::fs::MetadataExt as _;
    (m.dev(), m.ino(), m.size(), m.mtime(), m.mtime_nsec(), m.ctime(), m.ctime_nsec())
}

/// Write `content` to a new file beside `path` with its mode, owner, group
/// and extended attributes, flush it to disk, check that `path` is still
/// what was read (`read`, same inode, size and times) and rename it over
/// `path`. `before_rename` runs just before that last check (for tests).
fn write_checked(path: &std::path::Path, read: &str, content: &str, before_rename: &mut dyn FnMut()) -> Result<()> {
    use std::os::unix::fs::MetadataExt as _;
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
    let real_dir = std::fs::canonicalize(dir)?;
    let meta = std::fs::metadata(path)?;
    if meta.nlink() > 1 {
        return Err(NotWritten::HardLinks(meta.nlink()).into());
    }
    remove_stale_tmp(dir);
    // Created and registered under the lock the signal thread takes.
    let tmp = {
        let mut live = LIVE_TMP.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        let tmp = tempfile::Builder::new().prefix(TMP_PREFIX).suffix(TMP_SUFFIX).tempfile_in(dir)?;
        live.push(tmp.path().to_owned());
        tmp
    };
    let from = tmp.path().to_owned();
    let checked = (|| -> Result<()> {
        let file = tmp.as_file();
        (&*file).write_all(content.as_bytes())?;
        file.set_permissions(meta.permissions())?;
        keep_owner(file, &meta)?;
        copy_xattrs(path, file);
        file.sync_all()?;
        before_rename();
        // Nobody wrote the file meanwhile, and its directory is where it was.
        let now = std::fs::metadata(path)?;
        if identity(&now) != identity(&meta) || std::fs::read(path)? != read.as_bytes() {
            bail!("the file changed while leakfix ran");
        }
        if std::fs::canonicalize(dir)? != real_dir {
            bail!("its directory was moved or replaced while leakfix ran");
        }
        Ok(())
    })();
    // Renamed or removed under the lock, then forgotten.
    let mut live = LIVE_TMP.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
    let result = match checked {
        Ok(()) => tmp.persist(path).map(drop).map_err(|e| anyhow::Error::from(e.error)),
        Err(e) => {
            drop(tmp);
            Err(e)
        }
    };
    live.retain(|p| *p != from);
    result
}

/// Give the new file the owner and group of the one it replaces (as root,
/// any; otherwise only what the user may give, which is the point: a file
/// of someone else's is not handed over to this user).
fn keep_owner(file: &std::fs::File, meta: &std::fs::Metadata) -> Result<()> {
    use std::os::unix::fs::MetadataExt as _;
    let mine = file.metadata()?;
    if (mine.uid(), mine.gid()) == (meta.uid(), meta.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(meta.uid()), Some(meta.gid()))
        .map_err(|_| NotWritten::Owner(meta.uid(), meta.gid()).into())
}

/// Copy the extended attributes of `path` to `file`, where the file system
/// and the user's privileges allow (a `security.` attribute may not be).
fn copy_xattrs(path: &std::path::Path, file: &std::fs::File) {
    use std::os::fd::AsRawFd as _;
    use std::os::unix::ffi::OsStrExt as _;
    let Ok(c) = std::ffi::CString::new(path.as_os_str().as_bytes()) else { return };
    // SAFETY: a null buffer of size 0 asks for the size of the list.
    let n = unsafe { libc::listxattr(c.as_ptr(), std::ptr::null_mut(), 0) };
    let Ok(n) = usize::try_from(n) else { return };
    if n == 0 {
        return;
    }
    let mut names = vec![0u8; n];
    // SAFETY: `names` has room for `n` bytes.
    let n = unsafe { libc::listxattr(c.as_ptr(), names.as_mut_ptr().cast(), names.len()) };
    let Ok(n) = usize::try_from(n) else { return };
    for name in names[..n.min(names.len())].split(|&b| b == 0).filter(|n| !n.is_empty()) {
        let Ok(cname) = std::ffi::CString::new(name) else { continue };
        // SAFETY: as above, the size first, then into a buffer of that size.
        let size = unsafe { libc::getxattr(c.as_ptr(), cname.as_ptr(), std::ptr::null_mut(), 0) };
        let Ok(size) = usize::try_from(size) else { continue };
        let mut value = vec![0u8; size];
        // SAFETY: `value` has room for `size` bytes.
        let got = unsafe { libc::getxattr(c.as_ptr(), cname.as_ptr(), value.as_mut_ptr().cast(), value.len()) };
        let Ok(got) = usize::try_from(got) else { continue };
        // SAFETY: the descriptor is open; `value` holds `got` bytes.
        unsafe { libc::fsetxattr(file.as_raw_fd(), cname.as_ptr(), value.as_ptr().cast(), got.min(size), 0) };
    }
}

/// Remove `.leakfix-*.tmp` files older than [`STALE_TMP`] from `dir` (left
/// by a run killed before it could clean up), once per directory per run.
fn remove_stale_tmp(dir: &std::path::Path) {
    static CLEANED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());
    {
        let mut cleaned = CLEANED.lock().unwrap_or_else(std::sync::PoisonError::into_inner);
        if cleaned.iter().any(|d| d == dir) {
            return;
        }
        cleaned.push(dir.to_owned());
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    for e in entries.filter_map(Result::ok) {
        let name = e.file_name();
        let name = name.to_string_lossy();
        let ours = name.starts_with(TMP_PREFIX) && name.ends_with(TMP_SUFFIX);
        let stale = e
            .metadata()
            .ok()
            .filter(std::fs::Metadata::is_file)
            .and_then(|m| m.modified().ok())
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_TMP);
        if ours && stale {
            let _ = std::fs::remove_file(e.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_changed_since_it_was_read_is_not_written() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("a.go");
        std::fs::write(&p, "package p // edited by someone else meanwhile\n").unwrap();
        let err = write_atomic(&p, "package p\n", "package p // fixed\n", false, &mut None).unwrap_err();
        assert!(err.to_string().contains("changed while leakfix ran"), "{err}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "package p // edited by someone else meanwhile\n");
    }

    /// The `.leakfix-*.tmp` files left in `dir`.
    fn leftovers(dir: &std::path::Path) -> Vec<String> {
        std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(TMP_PREFIX))
            .collect()
    }

    #[test]
    fn a_save_between_the_check_and_the_rename_is_not_lost() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("a.go");
        // Another writer saves, in place or by its own rename (same bytes,
        // new inode), while the new file is being written.
        for how in ["in place", "by rename", "same bytes by rename"] {
            std::fs::write(&p, "package p\n").unwrap();
            let theirs = if how == "same bytes by rename" { "package p\n" } else { "package p // theirs\n" };
            let mut save = || {
                if how == "in place" {
                    std::fs::write(&p, theirs).unwrap();
                } else {
                    let other = t.path().join("other");
                    std::fs::write(&other, theirs).unwrap();
                    std::fs::rename(&other, &p).unwrap();
                }
            };
            let err = write_checked(&p, "package p\n", "package p // fixed\n", &mut save).unwrap_err();
            assert!(err.to_string().contains("changed while leakfix ran"), "{how}: {err}");
            assert_eq!(std::fs::read_to_string(&p).unwrap(), theirs, "{how}");
            assert_eq!(leftovers(t.path()), Vec::<String>::new(), "{how}");
        }
    }

    #[test]
    fn a_directory_swapped_for_a_symlink_before_the_rename_is_not_written_through() {
        let t = tempfile::tempdir().unwrap();
        let (dir, elsewhere) = (t.path().join("pkg"), t.path().join("elsewhere"));
        std::fs::create_dir(&dir).unwrap();
        std::fs::create_dir(&elsewhere).unwrap();
        let p = dir.join("a.go");
        std::fs::write(&p, "package p\n").unwrap();
        std::fs::write(elsewhere.join("a.go"), "package p\n").unwrap();
        let mut swap = || {
            std::fs::rename(&dir, t.path().join("moved")).unwrap();
            std::os::unix::fs::symlink(&elsewhere, &dir).unwrap();
        };
        assert!(write_checked(&p, "package p\n", "package p // fixed\n", &mut swap).is_err());
        assert_eq!(std::fs::read_to_string(elsewhere.join("a.go")).unwrap(), "package p\n");
        assert_eq!(std::fs::read_to_string(t.path().join("moved/a.go")).unwrap(), "package p\n");
    }

    #[test]
    fn stale_temporary_files_of_an_interrupted_run_are_removed_fresh_ones_kept() {
        let t = tempfile::tempdir().unwrap();
        let p = t.path().join("a.go");
        std::fs::write(&p, "package p\n").unwrap();
        let stale = t.path().join(".leakfix-old123.tmp");
        let fresh = t.path().join(".leakfix-new456.tmp");
        let theirs = t.path().join(".other.tmp");
        for f in [&stale, &fresh, &theirs] {
            std::fs::write(f, "x").unwrap();
        }
        let old = std::time::SystemTime::now() - 2 * STALE_TMP;
        std::fs::File::options().write(true).open(&stale).unwrap().set_modified(old).unwrap();
        std::fs::File::options().write(true).open(&theirs).unwrap().set_modified(old).unwrap();
        write_checked(&p, "package p\n", "package p // fixed\n", &mut || ()).unwrap();
        assert!(!stale.exists(), "a stale temporary file of leakfix is removed");
        assert!(fresh.exists(), "one that may be a write in progress is kept");
        assert!(theirs.exists(), "other files are never touched");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "package p // fixed\n");
    }

    #[test]
    fn a_symlink_out_of_the_tree_is_written_through_and_noted() {
        // Both directories are outside the current one (the crate's).
        let (links, targets) = (tempfile::tempdir().unwrap(), tempfile::tempdir().unwrap());
        let (link, target) = (links.path().join("a.go"), targets.path().join("a.go"));
        std::fs::write(&target, "package p\n").unwrap();
        std::os::unix::fs::symlink(&target, &link).unwrap();
        let mut outside = None;
        write_atomic(&link, "package p\n", "package p // fixed\n", false, &mut outside).unwrap();
        let target = std::fs::canonicalize(&target).unwrap();
        let note = outside.expect("a note").to_string();
        assert_eq!(
            note,
            format!(
                "{} is, through a symlink, {}, outside this tree; writing the target",
                link.display(),
                target.display()
            )
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "package p // fixed\n");
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    }
}
