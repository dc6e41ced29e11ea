//! `--write` and file permissions (issue 16): a file the user may not write
//! is not replaced through its directory, as root too unless
//! `--force-write`; a read-only directory says why. The ordinary-user cases
//! run as `nobody` through `setpriv` when the tests run as root (CI does),
//! directly otherwise.

use std::os::unix::fs::PermissionsExt as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const LEAKY: &str = "package p\n\nfunc f(fail bool) error {\n\tc := make(chan error)\n\tgo func() {\n\t\tc <- nil\n\t}()\n\tif fail {\n\t\treturn nil\n\t}\n\treturn <-c\n}\n";
const FIXED: &str = "\tc := make(chan error, 1)\n";

fn is_root() -> bool {
    // SAFETY: geteuid has no preconditions.
    unsafe { libc::geteuid() == 0 }
}

/// leakfix in `dir`, as `nobody` when running as root.
fn as_user(dir: &Path, args: &[&str]) -> Option<Output> {
    let bin = env!("CARGO_BIN_EXE_leakfix");
    if !is_root() {
        return Some(Command::new(bin).args(args).current_dir(dir).output().unwrap());
    }
    let setpriv = Path::new("/usr/bin/setpriv");
    if !setpriv.exists() {
        return None;
    }
    let mut cmd = Command::new(setpriv);
    cmd.args(["--reuid=nobody", "--regid=nogroup", "--clear-groups", bin]).args(args).current_dir(dir);
    Some(cmd.output().unwrap())
}

fn chmod(p: &Path, mode: u32) {
    std::fs::set_permissions(p, std::fs::Permissions::from_mode(mode)).unwrap();
}

/// A directory the ordinary user owns (chowned to `nobody` as root).
fn user_dir() -> (tempfile::TempDir, PathBuf) {
    let t = tempfile::tempdir().unwrap();
    let d = t.path().join("tree");
    std::fs::create_dir(&d).unwrap();
    chmod(t.path(), 0o755);
    if is_root() {
        std::os::unix::fs::chown(&d, Some(65534), Some(65534)).unwrap();
    }
    (t, d)
}

fn own(p: &Path) {
    if is_root() {
        std::os::unix::fs::lchown(p, Some(65534), Some(65534)).unwrap();
    }
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn an_ordinary_user_does_not_replace_read_only_files_without_force_write() {
    let (_t, d) = user_dir();
    let ro = d.join("ro.go");
    std::fs::write(&ro, LEAKY).unwrap();
    own(&ro);
    chmod(&ro, 0o444);
    // A symlink to a read-only target, and a writable file beside them.
    std::fs::create_dir(d.join("sub")).unwrap();
    own(&d.join("sub"));
    let target = d.join("sub/target.go");
    std::fs::write(&target, LEAKY).unwrap();
    own(&target);
    chmod(&target, 0o444);
    std::os::unix::fs::symlink("sub/target.go", d.join("link.go")).unwrap();
    own(&d.join("link.go"));
    let rw = d.join("rw.go");
    std::fs::write(&rw, LEAKY).unwrap();
    own(&rw);

    let Some(o) = as_user(&d, &["--write", "--format", "json", "ro.go", "link.go", "rw.go"]) else {
        eprintln!("SKIPPED: running as root without /usr/bin/setpriv, the ordinary-user cases cannot run");
        return;
    };
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    let err = stderr(&o);
    assert!(err.contains("ro.go: not writable (read-only); not changed"), "{err}");
    assert!(err.contains("link.go: not writable (read-only); not changed"), "{err}");
    assert_eq!(std::fs::read_to_string(&ro).unwrap(), LEAKY, "the read-only file is untouched");
    assert_eq!(std::fs::read_to_string(&target).unwrap(), LEAKY, "the read-only target is untouched");
    assert!(std::fs::read_to_string(&rw).unwrap().contains(FIXED), "the other files are still done");
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let statuses: Vec<_> = json["findings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["path"].as_str().unwrap().to_owned(), f["status"].as_str().unwrap().to_owned()))
        .collect();
    assert!(statuses.contains(&("ro.go".into(), "skipped".into())), "{statuses:?}");
    assert!(statuses.contains(&("rw.go".into(), "fixed".into())), "{statuses:?}");

    // --force-write replaces them through the writable directory.
    let o = as_user(&d, &["--write", "--force-write", "ro.go", "link.go"]).unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&ro).unwrap().contains(FIXED));
    assert!(std::fs::read_to_string(&target).unwrap().contains(FIXED));
    assert_eq!(std::fs::metadata(&ro).unwrap().permissions().mode() & 0o777, 0o444, "the mode is kept");
    assert!(std::fs::symlink_metadata(d.join("link.go")).unwrap().file_type().is_symlink());
}

#[test]
fn a_read_only_directory_is_named_in_the_message() {
    let (_t, d) = user_dir();
    let f = d.join("a.go");
    std::fs::write(&f, LEAKY).unwrap();
    own(&f);
    chmod(&d, 0o555);
    let Some(o) = as_user(&d, &["--write", "a.go"]) else {
        eprintln!("SKIPPED: running as root without /usr/bin/setpriv, the ordinary-user cases cannot run");
        chmod(&d, 0o755);
        return;
    };
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("a.go: cannot write: its directory . is not writable; not changed"), "{}", stderr(&o));
    assert!(stderr(&o).contains("0 fixed"), "a failed write is not counted as a fix: {}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), LEAKY);
    // Nothing written is listed, reported fixed, or described as fixed.
    let o = as_user(&d, &["--write", "-l", "a.go"]).unwrap();
    assert!(o.stdout.is_empty(), "{}", String::from_utf8_lossy(&o.stdout));
    let o = as_user(&d, &["--write", "--format", "json", "a.go"]).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(json["findings"][0]["status"], "skipped", "{json}");
    assert_eq!(json["findings"][0]["reason"], "its directory is not writable; not changed", "{json}");
    let o = as_user(&d, &["--write", "--format", "markdown", "a.go"]).unwrap();
    let md = String::from_utf8_lossy(&o.stdout);
    assert!(md.contains("This change fixes 0 goroutine leaks") && !md.contains("### Fixes"), "{md}");
    chmod(&d, 0o755);
}

#[test]
fn root_does_not_replace_a_file_without_any_write_bit_unless_forced() {
    if !is_root() {
        eprintln!("SKIPPED: not running as root; the ordinary-user tests cover the rule");
        return;
    }
    let t = tempfile::tempdir().unwrap();
    let f = t.path().join("a.go");
    std::fs::write(&f, LEAKY).unwrap();
    chmod(&f, 0o444);
    let bin = env!("CARGO_BIN_EXE_leakfix");
    let o = Command::new(bin).args(["--write", "a.go"]).current_dir(t.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("a.go: not writable (read-only); not changed"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), LEAKY);
    let o = Command::new(bin).args(["--write", "--force-write", "a.go"]).current_dir(t.path()).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(std::fs::read_to_string(&f).unwrap().contains(FIXED));
}

#[test]
fn the_owner_group_and_extended_attributes_are_kept_and_hard_links_not_split() {
    use std::os::unix::fs::MetadataExt as _;
    let (_t, d) = user_dir();
    let f = d.join("a.go");
    std::fs::write(&f, LEAKY).unwrap();
    own(&f);
    // An extended attribute (ext4 and tmpfs take `user.` ones).
    let set = Command::new("setfattr").args(["-n", "user.review", "-v", "pending"]).arg(&f).status();
    let xattr = if set.is_ok_and(|s| s.success()) {
        true
    } else {
        // Without the attr tools, set it through libc.
        let c = std::ffi::CString::new(f.as_os_str().as_encoded_bytes()).unwrap();
        // SAFETY: valid NUL-terminated strings and a 7-byte value.
        unsafe { libc::setxattr(c.as_ptr(), c"user.review".as_ptr(), c"pending".as_ptr().cast(), 7, 0) == 0 }
    };
    assert!(xattr, "the test directory takes user extended attributes");
    let before = std::fs::metadata(&f).unwrap();
    // As root (CI), the file of another user stays theirs; as that user,
    // it stays the user's own.
    let o = Command::new(env!("CARGO_BIN_EXE_leakfix")).args(["--write", "a.go"]).current_dir(&d).output().unwrap();
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let after = std::fs::metadata(&f).unwrap();
    assert!(std::fs::read_to_string(&f).unwrap().contains(FIXED));
    assert_eq!((after.uid(), after.gid()), (before.uid(), before.gid()), "owner and group kept");
    assert_ne!(after.ino(), before.ino(), "replaced by a rename, not rewritten in place");
    let c = std::ffi::CString::new(f.as_os_str().as_encoded_bytes()).unwrap();
    let mut value = [0u8; 16];
    // SAFETY: valid strings and a buffer of 16 bytes.
    let n = unsafe { libc::getxattr(c.as_ptr(), c"user.review".as_ptr(), value.as_mut_ptr().cast(), value.len()) };
    assert_eq!(usize::try_from(n).ok().map(|n| &value[..n]), Some(&b"pending"[..]), "the extended attribute is kept");

    // A file with two hard links is not split: refused, both unchanged.
    let g = d.join("b.go");
    std::fs::write(&g, LEAKY).unwrap();
    own(&g);
    std::fs::hard_link(&g, d.join("b_link.go")).unwrap();
    let o = Command::new(env!("CARGO_BIN_EXE_leakfix")).args(["--write", "b.go"]).current_dir(&d).output().unwrap();
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(
        stderr(&o).contains("b.go: has 2 hard links, which replacing it would split; not changed"),
        "{}",
        stderr(&o)
    );
    assert_eq!(std::fs::read_to_string(&g).unwrap(), LEAKY);
    assert_eq!(std::fs::metadata(&g).unwrap().nlink(), 2);
}

#[test]
fn an_ordinary_user_does_not_take_over_a_file_of_someone_else() {
    if !is_root() {
        eprintln!("not root: the file of another user cannot be made here; the root case covers the owner");
    }
    let (_t, d) = user_dir();
    let f = d.join("a.go");
    std::fs::write(&f, LEAKY).unwrap();
    if is_root() {
        // root's file, writable by the ordinary user's group.
        std::os::unix::fs::chown(&f, Some(0), Some(65534)).unwrap();
        chmod(&f, 0o664);
    }
    let Some(o) = as_user(&d, &["--write", "a.go"]) else {
        panic!("running as root without /usr/bin/setpriv: the ordinary-user case cannot run");
    };
    if !is_root() {
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        return;
    }
    // Replacing it would make it the user's: refused, with the reason.
    assert_eq!(o.status.code(), Some(2), "{}", stderr(&o));
    assert!(stderr(&o).contains("a.go: cannot keep its owner and group (0:65534); not changed"), "{}", stderr(&o));
    assert_eq!(std::fs::read_to_string(&f).unwrap(), LEAKY);
}
