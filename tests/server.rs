//! `leakfix server` driven over its stdin and stdout as an editor drives
//! it: diagnostics on the unsaved text, quick fixes and fix-all, broken
//! text, rapid changes, and the shutdown/exit handshake.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::{Value, json};

const LEAK: &str = "package p\n\nimport \"errors\"\n\nfunc f(fail bool) error {\n\tc := make(chan error)\n\tgo func() {\n\t\tc <- errors.New(\"x\")\n\t}()\n\tif fail {\n\t\treturn nil\n\t}\n\treturn <-c\n}\n";

/// A sender that goes on after its send: its buffer fix is unsafe.
const UNSAFE: &str = "package p\n\nfunc g(fail bool) int {\n\tc := make(chan int)\n\tgo func() {\n\t\tc <- 1\n\t\tprintln(\"sent\")\n\t}()\n\tif fail {\n\t\treturn 0\n\t}\n\treturn <-c\n}\n";

struct Client {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
    next_id: i64,
}

impl Client {
    fn start() -> Client {
        let mut c = Client::start_raw();
        c.notify("initialized", &json!({}));
        c
    }

    /// Started and initialized, without the `initialized` notification.
    fn start_raw() -> Client {
        let mut child = Command::new(env!("CARGO_BIN_EXE_leakfix"))
            .arg("server")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        let mut c = Client { child, stdin, stdout, next_id: 1 };
        let id = c.request("initialize", &json!({ "capabilities": {}, "processId": null, "rootUri": null }));
        let init = c.response(id);
        let caps = &init["result"]["capabilities"];
        assert_eq!(caps["textDocumentSync"], 1, "full sync: {init}");
        assert_eq!(caps["codeActionProvider"]["codeActionKinds"], json!(["quickfix", "source.fixAll.leakfix"]));
        c
    }

    fn send(&mut self, msg: &Value) {
        let body = msg.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn request(&mut self, method: &str, params: &Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(&json!({ "jsonrpc": "2.0", "id": id, "method": method, "params": params }));
        id
    }

    fn notify(&mut self, method: &str, params: &Value) {
        self.send(&json!({ "jsonrpc": "2.0", "method": method, "params": params }));
    }

    /// The next message from the server.
    fn read(&mut self) -> Value {
        let mut len = 0;
        loop {
            let mut line = String::new();
            assert!(self.stdout.read_line(&mut line).unwrap() > 0, "the server closed its output");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(n) = line.strip_prefix("Content-Length: ") {
                len = n.parse().unwrap();
            }
        }
        let mut body = vec![0; len];
        self.stdout.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    fn response(&mut self, id: i64) -> Value {
        loop {
            let m = self.read();
            if m["id"] == id {
                return m;
            }
        }
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&mut self, uri: &str) -> Value {
        loop {
            let m = self.read();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return m["params"].clone();
            }
        }
    }

    fn open(&mut self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            &json!({ "textDocument": { "uri": uri, "languageId": "go", "version": 1, "text": text } }),
        );
    }

    fn change(&mut self, uri: &str, version: i64, text: &str) {
        self.notify(
            "textDocument/didChange",
            &json!({ "textDocument": { "uri": uri, "version": version }, "contentChanges": [{ "text": text }] }),
        );
    }

    fn code_actions(&mut self, uri: &str, line: u32) -> Vec<Value> {
        let id = self.request(
            "textDocument/codeAction",
            &json!({
                "textDocument": { "uri": uri },
                "range": { "start": { "line": line, "character": 0 }, "end": { "line": line, "character": 80 } },
                "context": { "diagnostics": [] },
            }),
        );
        self.response(id)["result"].as_array().unwrap().clone()
    }

    fn shutdown(mut self) {
        let id = self.request("shutdown", &Value::Null);
        assert_eq!(self.response(id)["result"], Value::Null);
        self.notify("exit", &Value::Null);
        let deadline = Instant::now() + Duration::from_secs(10);
        loop {
            if let Some(status) = self.child.try_wait().unwrap() {
                assert!(status.success(), "exit code {status}");
                return;
            }
            assert!(Instant::now() < deadline, "the server did not exit");
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

/// Apply LSP text edits (ASCII text: columns are bytes) to `text`.
fn apply(text: &str, edits: &[Value]) -> String {
    let offset = |p: &Value| {
        let line = usize::try_from(p["line"].as_u64().unwrap()).unwrap();
        let col = usize::try_from(p["character"].as_u64().unwrap()).unwrap();
        text.split_inclusive('\n').take(line).map(str::len).sum::<usize>() + col
    };
    let mut edits: Vec<(usize, usize, &str)> = edits
        .iter()
        .map(|e| (offset(&e["range"]["start"]), offset(&e["range"]["end"]), e["newText"].as_str().unwrap()))
        .collect();
    edits.sort_by_key(|e| std::cmp::Reverse(e.0));
    let mut out = text.to_owned();
    for (s, e, t) in edits {
        out.replace_range(s..e, t);
    }
    out
}

#[test]
fn diagnostics_and_fixes_come_from_the_unsaved_text() {
    let t = tempfile::tempdir().unwrap();
    // On disk the file is clean; the editor's buffer leaks.
    std::fs::write(t.path().join("a.go"), "package p\n").unwrap();
    let uri = format!("file://{}/a.go", t.path().display());
    let mut c = Client::start();
    c.open(&uri, LEAK);
    let d = c.diagnostics(&uri);
    let diags = d["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 1, "{d}");
    let diag = &diags[0];
    assert_eq!(diag["source"], "leakfix");
    assert_eq!(diag["code"], "premature-return");
    assert_eq!(diag["severity"], 2, "warning");
    assert!(diag["codeDescription"]["href"].as_str().unwrap().ends_with("/transforms/premature-return/README.md"));
    assert_eq!(diag["range"]["start"], json!({ "line": 5, "character": 6 }), "at the make");
    assert_eq!(diag["relatedInformation"][0]["location"]["range"]["start"]["line"], 7, "the goroutine's send");
    assert_eq!(diag["relatedInformation"][1]["location"]["range"]["start"]["line"], 10, "the exit: {diag}");
    assert_eq!(diag["relatedInformation"][1]["message"], "this exit leaves before the receive");
    assert_eq!(d["version"], 1);

    let actions = c.code_actions(&uri, 5);
    let quick = actions.iter().find(|a| a["kind"] == "quickfix").expect("a quick fix");
    assert_eq!(quick["isPreferred"], true);
    let edits = quick["edit"]["changes"][&uri].as_array().unwrap();
    let fixed = apply(LEAK, edits);
    assert!(fixed.contains("c := make(chan error, 1)"), "{fixed}");
    // Exactly what --write makes.
    let all = actions.iter().find(|a| a["kind"] == "source.fixAll.leakfix").expect("fix-all");
    let write = Command::new(env!("CARGO_BIN_EXE_leakfix"))
        .args(["--write", "-", "--stdin-filename", "a.go"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    write.stdin.as_ref().unwrap().write_all(LEAK.as_bytes()).unwrap();
    let out = write.wait_with_output().unwrap();
    assert_eq!(apply(LEAK, all["edit"]["changes"][&uri].as_array().unwrap()), String::from_utf8(out.stdout).unwrap());
    assert_eq!(fixed, apply(LEAK, all["edit"]["changes"][&uri].as_array().unwrap()));
    c.shutdown();
}

#[test]
fn unsafe_fixes_have_their_own_title_and_stay_out_of_fix_all() {
    let uri = "file:///nonexistent/dir/u.go";
    let mut c = Client::start();
    c.open(uri, UNSAFE);
    assert_eq!(c.diagnostics(uri)["diagnostics"].as_array().unwrap().len(), 1);
    let actions = c.code_actions(uri, 3);
    let quick: Vec<_> = actions.iter().filter(|a| a["kind"] == "quickfix").collect();
    assert_eq!(quick.len(), 1, "{actions:?}");
    assert!(quick[0]["title"].as_str().unwrap().contains("unsafe"), "{}", quick[0]["title"]);
    assert_eq!(quick[0]["isPreferred"], false);
    assert!(!actions.iter().any(|a| a["kind"] == "source.fixAll.leakfix"), "{actions:?}");
    c.shutdown();
}

#[test]
fn broken_text_and_rapid_changes_are_answered_for_the_latest_version() {
    let uri = "untitled:Untitled-1";
    let mut c = Client::start();
    c.open(uri, "package p\nfunc f( {\n\tc := make(chan int\n");
    assert_eq!(c.diagnostics(uri)["diagnostics"], json!([]), "broken text: no crash, nothing reported");
    // What leakfix cannot analyse is said where it is, as information.
    let deep = format!(
        "package p\n\nfunc f() {{\n\tc := make(chan int)\n{}{}\n\tgo func() {{ c <- 1 }}()\n}}\n",
        "{".repeat(3_000),
        "}".repeat(3_000)
    );
    c.change(uri, 2, &deep);
    let d = c.diagnostics(uri);
    assert_eq!(d["diagnostics"][0]["severity"], 3, "{d}");
    assert_eq!(d["diagnostics"][0]["range"]["start"], json!({"line": 2, "character": 0}), "{d}");
    assert!(d["diagnostics"][0]["message"].as_str().unwrap().contains("nested too deeply"), "{d}");
    // Typing: nine versions in a row; the diagnostics published are for the
    // last one, and the leak it has.
    for v in 3..=11 {
        let text = if v == 11 { LEAK.to_owned() } else { format!("package p\n// typing {v}\n") };
        c.change(uri, v, &text);
    }
    let d = c.diagnostics(uri);
    assert_eq!(d["version"], 11, "{d}");
    assert_eq!(d["diagnostics"].as_array().unwrap().len(), 1);
    // A code action right after a change answers for the new text.
    c.change(uri, 12, "package p\n");
    assert!(c.code_actions(uri, 5).is_empty());
    // An unknown request is an error, not a crash.
    let id = c.request("textDocument/hover", &json!({}));
    assert!(c.response(id)["error"]["code"].is_number());
    c.shutdown();
}

#[test]
fn a_sibling_open_in_the_editor_is_read_from_its_buffer() {
    let t = tempfile::tempdir().unwrap();
    let a = "package p\n\nfunc f(fail bool) int {\n\tc := make(chan int)\n\tgo worker(c)\n\tif fail {\n\t\treturn 0\n\t}\n\treturn <-c\n}\n";
    // On disk the worker hands the channel to code leakfix cannot see (no finding).
    std::fs::write(t.path().join("a.go"), a).unwrap();
    std::fs::write(t.path().join("b.go"), "package p\n\nfunc worker(c chan int) { unknown(c) }\n").unwrap();
    let (ua, ub) = (format!("file://{}/a.go", t.path().display()), format!("file://{}/b.go", t.path().display()));
    let mut c = Client::start();
    c.open(&ua, a);
    assert_eq!(c.diagnostics(&ua)["diagnostics"], json!([]));
    // In the editor, unsaved, the worker sends: a.go now leaks.
    c.open(&ub, "package p\n\nfunc worker(c chan int) {\n\tc <- 1\n}\n");
    loop {
        let d = c.diagnostics(&ua);
        if let Some(first) = d["diagnostics"].as_array().unwrap().first() {
            assert_eq!(first["code"], "premature-return");
            break;
        }
    }
    c.shutdown();
}

#[test]
fn malformed_messages_get_errors_and_the_server_goes_on() {
    let mut c = Client::start_raw();
    // Before `initialized`: a document opened at once is served.
    let uri = "untitled:early";
    c.open(uri, LEAK);
    c.notify("initialized", &json!({}));
    assert_eq!(c.diagnostics(uri)["diagnostics"].as_array().unwrap().len(), 1);
    // A raw space in a URI, a negative position, a missing field: errors
    // for requests, dropped notifications, and the server still answers.
    c.send(&json!({ "jsonrpc": "2.0", "method": "textDocument/didOpen", "params": { "textDocument": { "uri": "file:///a b.go", "languageId": "go", "version": 1, "text": LEAK } } }));
    c.send(&json!({ "jsonrpc": "2.0", "method": "textDocument/didChange", "params": { "textDocument": {} } }));
    let id = c.request(
        "textDocument/codeAction",
        &json!({ "textDocument": { "uri": uri }, "range": { "start": { "line": -1, "character": 0 }, "end": { "line": 0, "character": 0 } }, "context": { "diagnostics": [] } }),
    );
    assert!(c.response(id)["error"]["code"].is_number());
    assert_eq!(c.code_actions(uri, 5).len(), 2, "still serving");
    c.shutdown();
}

#[test]
fn files_on_disk_and_configuration_are_read_again_and_skipped_files_get_nothing() {
    let t = tempfile::tempdir().unwrap();
    let d = t.path();
    std::fs::write(d.join("go.mod"), "module example.com/m\n\ngo 1.22\n").unwrap();
    let a = "package p\n\nfunc f(fail bool) int {\n\tc := make(chan int)\n\tgo worker(c)\n\tif fail {\n\t\treturn 0\n\t}\n\treturn <-c\n}\n";
    std::fs::write(d.join("a.go"), a).unwrap();
    std::fs::write(d.join("b.go"), "package p\n\nfunc worker(c chan int) {\n\tc <- 1\n}\n").unwrap();
    let ua = format!("file://{}/a.go", d.display());
    let mut c = Client::start();
    c.open(&ua, a);
    assert_eq!(c.diagnostics(&ua)["diagnostics"].as_array().unwrap().len(), 1);
    // b.go changes on disk (not open): the next check of a.go reads it again.
    std::fs::write(d.join("b.go"), "package p\n\nfunc worker(c chan int) { unknown(c) }\n").unwrap();
    c.change(&ua, 2, a);
    let d2 = c.diagnostics(&ua);
    assert_eq!(d2["version"], 2, "{d2}");
    assert_eq!(d2["diagnostics"], json!([]));
    // A configuration file added meanwhile applies at the next check, and
    // a broken one is shown once while the defaults apply.
    std::fs::write(d.join("b.go"), "package p\n\nfunc worker(c chan int) {\n\tc <- 1\n}\n").unwrap();
    std::fs::write(d.join("leakfix.toml"), "ignore = [\"premature-return\"]\n").unwrap();
    c.change(&ua, 3, a);
    assert_eq!(c.diagnostics(&ua)["diagnostics"], json!([]));
    std::fs::write(d.join("leakfix.toml"), "ignre = []\n").unwrap();
    c.change(&ua, 4, a);
    let shown = loop {
        let m = c.read();
        if m["method"] == "window/showMessage" {
            break m;
        }
    };
    assert!(shown["params"]["message"].as_str().unwrap().contains("did you mean `ignore`"), "{shown}");
    assert_eq!(c.diagnostics(&ua)["diagnostics"].as_array().unwrap().len(), 1);
    // A vendored or generated file open in the editor gets no diagnostics.
    std::fs::remove_file(d.join("leakfix.toml")).unwrap();
    let uv = format!("file://localhost{}/vendor/x/a.go", d.display());
    c.open(&uv, LEAK);
    assert_eq!(c.diagnostics(&uv)["diagnostics"], json!([]));
    let ug = format!("file://{}/gen.go", d.display());
    c.open(&ug, &format!("// Code generated by hand. DO NOT EDIT.\n\n{LEAK}"));
    assert_eq!(c.diagnostics(&ug)["diagnostics"], json!([]));
    c.shutdown();
}

#[test]
fn exit_without_shutdown_is_exit_code_1() {
    let mut c = Client::start();
    c.notify("exit", &Value::Null);
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = c.child.try_wait().unwrap() {
            assert_eq!(status.code(), Some(1));
            return;
        }
        assert!(Instant::now() < deadline, "the server did not exit");
        std::thread::sleep(Duration::from_millis(20));
    }
}
