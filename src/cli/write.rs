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
            "{} is a symlink to {}, outside this tree; writing the target",
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
    // replace it), and say so when the target is outside this tree.
    let resolved;
    let path = if std::fs::symlink_metadata(path)?.file_type().is_symlink() {
        resolved = std::fs::canonicalize(path)?;
        let inside = std::env::current_dir()
            .ok()
            .and_then(|d| std::fs::canonicalize(d).ok())
            .is_some_and(|d| resolved.starts_with(d));
        if !inside {
            *outside = Some(OutsideTree { link: path.to_owned(), target: resolved.clone() });
        }
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
    let perms = std::fs::metadata(path)?.permissions();
    let mut tmp = tempfile::NamedTempFile::new_in(dir)?;
    tmp.write_all(content.as_bytes())?;
    tmp.as_file().set_permissions(perms)?;
    tmp.persist(path)?;
    Ok(())
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
            format!("{} is a symlink to {}, outside this tree; writing the target", link.display(), target.display())
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "package p // fixed\n");
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
    }
}
