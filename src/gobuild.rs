//! The go tool's rules about files, which the walk and the package model
//! follow: which files of a directory belong to a build, which are built
//! only under some constraint, and the language version go.mod asks for.

use std::path::Path;

const GOOS: &[&str] = &[
    "aix",
    "android",
    "darwin",
    "dragonfly",
    "freebsd",
    "hurd",
    "illumos",
    "ios",
    "js",
    "linux",
    "nacl",
    "netbsd",
    "openbsd",
    "plan9",
    "solaris",
    "wasip1",
    "windows",
    "zos",
];
const GOARCH: &[&str] = &[
    "386",
    "amd64",
    "amd64p32",
    "arm",
    "arm64",
    "arm64be",
    "armbe",
    "loong64",
    "mips",
    "mipsle",
    "mips64",
    "mips64le",
    "mips64p32",
    "mips64p32le",
    "ppc",
    "ppc64",
    "ppc64le",
    "riscv",
    "riscv64",
    "s390",
    "s390x",
    "sparc",
    "sparc64",
    "wasm",
];

/// Is this file built only under some constraint: a `//go:build` (or
/// `// +build`) line before the package clause, or a `_GOOS`/`_GOARCH`
/// file-name suffix?
#[must_use]
pub fn constrained(name: &str, text: &str) -> bool {
    let stem = name.trim_end_matches(".go").trim_end_matches("_test");
    let parts: Vec<&str> = stem.split('_').collect();
    let suffix = |i: usize| {
        parts.len() > i && parts.get(parts.len() - 1 - i).is_some_and(|p| GOOS.contains(p) || GOARCH.contains(p))
    };
    if suffix(0) || (suffix(1) && parts.len() > 2) {
        return true;
    }
    for line in text.lines() {
        let l = line.trim();
        if l.starts_with("package ") {
            break;
        }
        if l.starts_with("//go:build") || l.starts_with("// +build") {
            return true;
        }
    }
    false
}

/// `x_test.go`: built only by `go test`, and seen only from other test files.
#[must_use]
pub fn is_test_file(name: &str) -> bool {
    name.ends_with("_test.go")
}

/// Files the go tool ignores: names starting with `_` or `.`.
#[must_use]
pub fn is_ignored_file(name: &str) -> bool {
    name.starts_with('_') || name.starts_with('.')
}

/// The `go` line of the nearest go.mod above `file`, as (major, minor).
#[must_use]
pub fn go_version_for(file: &Path) -> Option<(u32, u32)> {
    let abs = std::fs::canonicalize(file).ok()?;
    for dir in abs.ancestors().skip(1) {
        let Ok(text) = std::fs::read_to_string(dir.join("go.mod")) else { continue };
        return text.lines().find_map(|l| {
            let v = l.trim().strip_prefix("go ")?.trim();
            let mut parts = v.split('.');
            Some((parts.next()?.parse().ok()?, parts.next()?.parse().ok()?))
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn constraints_come_from_build_lines_and_file_name_suffixes() {
        assert!(constrained("a_linux.go", "package p\n"));
        assert!(constrained("a_linux_amd64_test.go", "package p\n"));
        assert!(constrained("a.go", "//go:build linux\n\npackage p\n"));
        assert!(!constrained("a.go", "package p\n\n//go:build linux\n"));
        assert!(is_test_file("a_test.go") && !is_test_file("a.go"));
        assert!(is_ignored_file("_a.go") && is_ignored_file(".a.go") && !is_ignored_file("a.go"));
    }
}
