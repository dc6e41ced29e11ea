//! Writing a fixed file: atomically, through symlinks, never over a file
//! that changed since it was read.

use std::io::Write;

use anyhow::{Result, bail};

/// Replace `path` with `content` via a temporary file in the same directory,
/// keeping permissions; refuse if the file changed since it was read.
pub(super) fn write_atomic(path: &std::path::Path, read: &str, content: &str) -> Result<()> {
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
            eprintln!(
                "leakfix: {} is a symlink to {}, outside this tree; writing the target",
                path.display(),
                resolved.display()
            );
        }
        resolved.as_path()
    } else {
        path
    };
    let now = std::fs::read(path)?;
    if now != read.as_bytes() {
        bail!("the file changed while leakfix ran");
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
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
        let err = write_atomic(&p, "package p\n", "package p // fixed\n").unwrap_err();
        assert!(err.to_string().contains("changed while leakfix ran"), "{err}");
        assert_eq!(std::fs::read_to_string(&p).unwrap(), "package p // edited by someone else meanwhile\n");
    }
}
