//! End to end with a real editor: Neovim, headless, attaches `leakfix
//! server` to a leaky file, waits for the diagnostic, applies the quick fix
//! and saves (tests/neovim/fix.lua). Needs `nvim` (Debian's `neovim`,
//! which `.ci/run` installs); without it the test fails and says so.

use std::process::Command;

const LEAK: &str = "package p\n\nimport \"errors\"\n\nfunc f(fail bool) error {\n\tc := make(chan error)\n\tgo func() {\n\t\tc <- errors.New(\"x\")\n\t}()\n\tif fail {\n\t\treturn nil\n\t}\n\treturn <-c\n}\n";

#[test]
fn neovim_shows_the_diagnostic_and_applies_the_quick_fix() {
    let t = tempfile::tempdir().unwrap();
    let file = t.path().join("a.go");
    std::fs::write(&file, LEAK).unwrap();
    let script = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/neovim/fix.lua");
    let out = Command::new("nvim")
        .args(["--headless", "--clean", "-n"])
        .arg(&file)
        .arg("-c")
        .arg(format!("luafile {}", script.display()))
        .current_dir(t.path())
        .env("LEAKFIX", env!("CARGO_BIN_EXE_leakfix"))
        .output()
        .unwrap_or_else(|e| panic!("cannot run nvim ({e}): install Neovim (apt-get install neovim), as .ci/run does"));
    let said = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "nvim failed: {said}");
    assert!(said.contains("diagnostic: leakfix premature-return line 5"), "{said}");
    let fixed = std::fs::read_to_string(&file).unwrap();
    assert_eq!(fixed, LEAK.replace("make(chan error)", "make(chan error, 1)"));
}
