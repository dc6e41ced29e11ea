//! `leakfix server`: a Language Server on stdio (the `lsp-server` and
//! `lsp-types` crates, rust-analyzer's pair). Diagnostics are computed on
//! the editor's text (the package's other files from their buffers when
//! they are open, else from disk) when a `.go`
//! file is opened, changed or saved, after a short pause in the changes; a
//! quick fix per finding makes exactly that finding's edit, and
//! `source.fixAll.leakfix` makes every safe fix `--write` would make.
//! Unsafe fixes are offered under their own title, never in fix-all.

use std::collections::{HashMap, HashSet};
use std::path::PathBuf;
use std::str::FromStr;
use std::time::{Duration, Instant};

use anyhow::Result;
use lsp_server::{Connection, Message, Notification, Request, Response};
use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOptions, CodeActionOrCommand, CodeActionParams, CodeActionProviderCapability,
    CodeDescription, Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, DidChangeTextDocumentParams,
    DidCloseTextDocumentParams, DidOpenTextDocumentParams, DidSaveTextDocumentParams, Location, NumberOrString,
    Position, PublishDiagnosticsParams, Range, ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextEdit, Uri, WorkspaceEdit,
};

use crate::cli::{FileSettings, Settings};
use crate::engine::{self, Note, Outcome, Status};
use crate::fix::Applicability;

/// How long the text must rest before it is checked again.
pub const DEBOUNCE: Duration = Duration::from_millis(50);
/// The longest a change waits for a pause (while typing goes on).
const MAX_WAIT: Duration = Duration::from_millis(300);

/// The code action kind of fix-all.
pub const FIX_ALL: &str = "source.fixAll.leakfix";

/// Where each transform's documentation is, for a diagnostic's link.
const DOCS: &str = "https://github.com/leakfix/leakfix/blob/main/transforms";

/// An open document and its last analysis.
struct Doc {
    text: String,
    version: i32,
    /// The outcomes for `version` and their diagnostics (none before the
    /// first check).
    checked: Option<(i32, Vec<(Outcome, Diagnostic)>)>,
}

struct Server {
    settings: Settings,
    /// Configuration errors already shown to the user.
    shown: HashSet<String>,
    docs: HashMap<Uri, Doc>,
    /// Changed documents not checked yet, and since when the oldest waits.
    pending: HashSet<Uri>,
    since: Option<Instant>,
}

/// Serve on stdin and stdout until the client says `exit`: 0 after a
/// `shutdown`, 1 without one (as the protocol asks).
pub fn run(settings: Settings) -> Result<i32> {
    let (conn, io) = Connection::stdio();
    let clean = serve(&conn, settings)?;
    // The writer thread ends when the connection's sender is gone.
    drop(conn);
    io.join()?;
    Ok(if clean { 0 } else { 1 })
}

/// The protocol on `conn` (stdio, or a pipe in tests); whether it ended
/// with `shutdown` then `exit`.
pub fn serve(conn: &Connection, settings: Settings) -> Result<bool> {
    let caps = ServerCapabilities {
        text_document_sync: Some(TextDocumentSyncCapability::Kind(TextDocumentSyncKind::FULL)),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX, CodeActionKind::from(FIX_ALL)]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    };
    // Answer `initialize`; `initialized` and anything sent before it are
    // handled by the loop (a client may send didOpen right away).
    let (id, _params) = conn.initialize_start()?;
    let init = serde_json::json!({ "capabilities": caps, "serverInfo": { "name": "leakfix", "version": env!("CARGO_PKG_VERSION") } });
    conn.sender.send(Message::Response(Response::new_ok(id, init)))?;
    let mut s = Server { settings, shown: HashSet::new(), docs: HashMap::new(), pending: HashSet::new(), since: None };
    loop {
        let msg = if s.pending.is_empty() {
            match conn.receiver.recv() {
                Ok(m) => m,
                Err(_) => return Ok(false),
            }
        } else {
            let waited = s.since.map_or(Duration::ZERO, |t| t.elapsed());
            match conn.receiver.recv_timeout(DEBOUNCE.min(MAX_WAIT.saturating_sub(waited))) {
                Ok(m) => {
                    if waited >= MAX_WAIT {
                        s.flush(conn)?;
                    }
                    m
                }
                Err(crossbeam_channel::RecvTimeoutError::Timeout) => {
                    s.flush(conn)?;
                    continue;
                }
                Err(crossbeam_channel::RecvTimeoutError::Disconnected) => return Ok(false),
            }
        };
        match msg {
            Message::Request(req) => {
                if conn.handle_shutdown(&req)? {
                    return Ok(true);
                }
                let id = req.id.clone();
                // A request that cannot be read is answered with an error;
                // the server goes on.
                let resp = s.request(conn, req).unwrap_or_else(|e| {
                    Response::new_err(id, lsp_server::ErrorCode::InvalidParams as i32, format!("{e:#}"))
                });
                conn.sender.send(Message::Response(resp))?;
            }
            // `exit` without `shutdown` first.
            Message::Notification(n) if n.method == "exit" => return Ok(false),
            Message::Notification(n) => {
                let method = n.method.clone();
                if let Err(e) = s.notification(conn, n) {
                    eprintln!("leakfix server: ignored {method}: {e:#}");
                }
            }
            Message::Response(_) => {}
        }
    }
}

impl Server {
    fn notification(&mut self, conn: &Connection, n: Notification) -> Result<()> {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let p: DidOpenTextDocumentParams = serde_json::from_value(n.params)?;
                let d = p.text_document;
                self.docs.insert(d.uri.clone(), Doc { text: d.text, version: d.version, checked: None });
                self.changed(d.uri);
            }
            "textDocument/didChange" => {
                let p: DidChangeTextDocumentParams = serde_json::from_value(n.params)?;
                // Full sync: the last change holds the whole text.
                if let (Some(doc), Some(change)) = (self.docs.get_mut(&p.text_document.uri), p.content_changes.last()) {
                    doc.text.clone_from(&change.text);
                    doc.version = p.text_document.version;
                    self.changed(p.text_document.uri);
                }
            }
            "textDocument/didSave" => {
                let p: DidSaveTextDocumentParams = serde_json::from_value(n.params)?;
                if let Some(doc) = self.docs.get_mut(&p.text_document.uri) {
                    if let Some(text) = p.text {
                        doc.text = text;
                    }
                    doc.checked = None;
                    self.changed(p.text_document.uri);
                }
            }
            "textDocument/didClose" => {
                let p: DidCloseTextDocumentParams = serde_json::from_value(n.params)?;
                self.docs.remove(&p.text_document.uri);
                self.pending.remove(&p.text_document.uri);
                // Its package's open files now read it from disk.
                self.siblings_changed(&p.text_document.uri);
                publish(conn, p.text_document.uri, Vec::new(), None)?;
            }
            _ => {}
        }
        Ok(())
    }

    fn changed(&mut self, uri: Uri) {
        // The other open files of its package read it from its buffer.
        self.siblings_changed(&uri);
        if self.pending.is_empty() {
            self.since = Some(Instant::now());
        }
        self.pending.insert(uri);
    }

    /// The open files of `uri`'s directory are checked again.
    fn siblings_changed(&mut self, uri: &Uri) {
        let dir = file_path(uri).and_then(|p| p.parent().map(std::path::Path::to_path_buf));
        let Some(dir) = dir else { return };
        for (other, doc) in &mut self.docs {
            if other != uri && file_path(other).is_some_and(|p| p.parent() == Some(dir.as_path())) {
                doc.checked = None;
                if self.pending.is_empty() {
                    self.since = Some(Instant::now());
                }
                self.pending.insert(other.clone());
            }
        }
    }

    /// Check every changed document and publish its diagnostics.
    fn flush(&mut self, conn: &Connection) -> Result<()> {
        // Files and configuration on disk may have changed since the last check.
        crate::analysis::forget_directories();
        self.settings.configs.forget();
        let pending: Vec<Uri> = self.pending.drain().collect();
        self.since = None;
        for uri in pending {
            self.check(conn, &uri)?;
        }
        Ok(())
    }

    /// Check `uri` now if its text changed since its last check.
    fn check(&mut self, conn: &Connection, uri: &Uri) -> Result<()> {
        self.pending.remove(uri);
        let Some(doc) = self.docs.get(uri) else { return Ok(()) };
        if doc.checked.as_ref().is_some_and(|(v, _)| *v == doc.version) {
            return Ok(());
        }
        let path = file_path(uri);
        // The package's other open files, from their buffers.
        let overlay: crate::analysis::Overlay = self
            .docs
            .iter()
            .filter(|(u, _)| *u != uri)
            .filter_map(|(u, d)| Some((file_path(u)?, std::sync::Arc::from(d.text.as_str()))))
            .collect();
        let (outcomes, notes, config_error) = analyse(&self.settings, path.as_deref(), &doc.text, &overlay);
        if let Some(e) = config_error
            && self.shown.insert(e.clone())
        {
            let params = lsp_types::ShowMessageParams {
                typ: lsp_types::MessageType::ERROR,
                message: format!("leakfix: {e} (the flags' defaults apply meanwhile)"),
            };
            conn.sender.send(Message::Notification(Notification::new("window/showMessage".into(), params)))?;
        }
        let lines = Lines::new(&doc.text);
        let checked: Vec<(Outcome, Diagnostic)> = outcomes
            .into_iter()
            .map(|o| {
                let d = diagnostic(uri, &lines, &o);
                (o, d)
            })
            .collect();
        let diagnostics =
            // Not the syntax errors: the editor's Go tooling shows those, as
            // the text is typed.
            checked
                .iter()
                .map(|(_, d)| d.clone())
                .chain(notes.iter().filter(|n| !n.syntax_error).map(|n| note_diagnostic(&lines, n)))
                .collect();
        let version = doc.version;
        if let Some(doc) = self.docs.get_mut(uri) {
            doc.checked = Some((version, checked));
        }
        publish(conn, uri.clone(), diagnostics, Some(version))
    }

    fn request(&mut self, conn: &Connection, req: Request) -> Result<Response> {
        if req.method != "textDocument/codeAction" {
            return Ok(Response::new_err(
                req.id,
                lsp_server::ErrorCode::MethodNotFound as i32,
                format!("leakfix server does not handle {}", req.method),
            ));
        }
        let p: CodeActionParams = serde_json::from_value(req.params)?;
        let uri = p.text_document.uri.clone();
        // Answer for the text as it is now.
        self.check(conn, &uri)?;
        let Some(doc) = self.docs.get(&uri) else { return Ok(Response::new_ok(req.id, Vec::<CodeAction>::new())) };
        let checked = doc.checked.as_ref().map_or(&[][..], |(_, o)| o.as_slice());
        let lines = Lines::new(&doc.text);
        let wants =
            |kind: &str| p.context.only.as_ref().is_none_or(|only| only.iter().any(|k| kind.starts_with(k.as_str())));
        let mut actions = Vec::new();
        for (o, d) in checked {
            let Some(fix) = &o.finding.fix else { continue };
            if !overlaps(d.range, p.range) || !wants(CodeActionKind::QUICKFIX.as_str()) {
                continue;
            }
            let d = d.clone();
            let safe = fix.applicability == Applicability::Safe;
            let title = if safe {
                format!("leakfix: fix {} (`{}`)", o.finding.transform, o.finding.channel)
            } else {
                format!(
                    "leakfix: fix {} (`{}`), unsafe: may change more, see the message",
                    o.finding.transform, o.finding.channel
                )
            };
            let edits = fix.edits.iter().map(|e| text_edit(&lines, e)).collect();
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title,
                kind: Some(CodeActionKind::QUICKFIX),
                diagnostics: Some(vec![d]),
                edit: Some(workspace_edit(&uri, edits)),
                is_preferred: Some(safe),
                ..CodeAction::default()
            }));
        }
        // Every safe fix `--write` would make (the engine's choice: no
        // overlaps, and the fixed file still parses).
        let all: Vec<TextEdit> = checked
            .iter()
            .filter(|(o, _)| o.status == Status::Fixed)
            .filter_map(|(o, _)| o.finding.fix.as_ref())
            .flat_map(|f| f.edits.iter().map(|e| text_edit(&lines, e)))
            .collect();
        if !all.is_empty() && wants(FIX_ALL) {
            actions.push(CodeActionOrCommand::CodeAction(CodeAction {
                title: "leakfix: fix all safe goroutine leaks in the file".into(),
                kind: Some(CodeActionKind::from(FIX_ALL)),
                edit: Some(workspace_edit(&uri, all)),
                ..CodeAction::default()
            }));
        }
        Ok(Response::new_ok(req.id, actions))
    }
}

/// The outcomes and notes for `text` (at `path` when it is a file): its
/// settings from the configuration found upward (a broken one: the flags'
/// defaults, and the error to show), safe fixes applied as `--write` would
/// apply them. A file the walk would skip (excluded, vendored, generated,
/// not Go text) has none, and so has text that panics the analysis.
fn analyse(
    settings: &Settings,
    path: Option<&std::path::Path>,
    text: &str,
    overlay: &crate::analysis::Overlay,
) -> (Vec<Outcome>, Vec<Note>, Option<String>) {
    let here = path.unwrap_or(std::path::Path::new("untitled.go"));
    let (f, error): (FileSettings, Option<String>) = match settings.for_file(here) {
        Ok(f) => (f, None),
        Err(e) => (settings.from_flags(here), Some(e.to_string())),
    };
    let skipped = path.is_some_and(|p| crate::walk::skipped_in_module(p, &settings.walk))
        || (!f.include_generated && engine::is_generated(text.as_bytes()))
        || text.contains('\0');
    if skipped {
        return (Vec::new(), Vec::new(), error);
    }
    let mut opts = settings.options(&f, path);
    opts.threshold = Applicability::Safe;
    opts.overlay = Some(overlay);
    let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| engine::check_source(text, &opts)))
        .unwrap_or_default();
    (result.outcomes, result.notes, error)
}

/// A note as a diagnostic (information, not a warning): what leakfix could
/// not analyse (a function nested too deeply), where it is.
fn note_diagnostic(lines: &Lines<'_>, n: &Note) -> Diagnostic {
    let at = lines.position(n.at.unwrap_or(0));
    Diagnostic {
        range: Range { start: at, end: at },
        severity: Some(DiagnosticSeverity::INFORMATION),
        source: Some("leakfix".into()),
        message: n.message.clone(),
        ..Diagnostic::default()
    }
}

fn publish(conn: &Connection, uri: Uri, diagnostics: Vec<Diagnostic>, version: Option<i32>) -> Result<()> {
    let params = PublishDiagnosticsParams { uri, diagnostics, version };
    conn.sender.send(Message::Notification(Notification::new("textDocument/publishDiagnostics".into(), params)))?;
    Ok(())
}

fn diagnostic(uri: &Uri, lines: &Lines<'_>, o: &Outcome) -> Diagnostic {
    let f = &o.finding;
    let here =
        |at: usize| Location { uri: uri.clone(), range: Range { start: lines.position(at), end: lines.position(at) } };
    let blocks = f.waits.iter().map(|&at| DiagnosticRelatedInformation {
        location: here(at),
        message: "the goroutine can block here forever".into(),
    });
    let others =
        f.related.iter().map(|(at, what)| DiagnosticRelatedInformation { location: here(*at), message: what.clone() });
    let related: Vec<DiagnosticRelatedInformation> = blocks.chain(others).collect();
    let docs = Uri::from_str(&format!("{DOCS}/{}/README.md", f.transform)).ok();
    Diagnostic {
        range: Range { start: lines.position(f.range.start), end: lines.position(f.range.end) },
        severity: Some(DiagnosticSeverity::WARNING),
        code: Some(NumberOrString::String(f.transform.to_owned())),
        code_description: docs.map(|href| CodeDescription { href }),
        source: Some("leakfix".into()),
        message: f.message.clone(),
        related_information: (!related.is_empty()).then_some(related),
        ..Diagnostic::default()
    }
}

fn text_edit(lines: &Lines<'_>, e: &crate::fix::Edit) -> TextEdit {
    TextEdit {
        range: Range { start: lines.position(e.range.start), end: lines.position(e.range.end) },
        new_text: e.content.clone(),
    }
}

/// Where the lines of a text start (LSP ends a line at `\n`, `\r\n` or a
/// lone `\r`), to turn byte offsets into positions without rescanning.
struct Lines<'t> {
    text: &'t str,
    starts: Vec<usize>,
}

impl<'t> Lines<'t> {
    fn new(text: &'t str) -> Self {
        let b = text.as_bytes();
        let mut starts = vec![0];
        for (i, &c) in b.iter().enumerate() {
            if c == b'\n' || (c == b'\r' && b.get(i + 1) != Some(&b'\n')) {
                starts.push(i + 1);
            }
        }
        Lines { text, starts }
    }

    /// The LSP position (line, UTF-16 column) of a byte offset.
    fn position(&self, offset: usize) -> Position {
        let offset = offset.min(self.text.len());
        let offset = (0..=offset).rev().find(|&i| self.text.is_char_boundary(i)).unwrap_or(0);
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let character = self.text[self.starts[line]..offset].encode_utf16().count();
        Position {
            line: u32::try_from(line).unwrap_or(u32::MAX),
            character: u32::try_from(character).unwrap_or(u32::MAX),
        }
    }
}

fn workspace_edit(uri: &Uri, edits: Vec<TextEdit>) -> WorkspaceEdit {
    WorkspaceEdit { changes: Some(HashMap::from([(uri.clone(), edits)])), ..WorkspaceEdit::default() }
}

/// Do the lines of `a` and `b` meet (a cursor anywhere on a diagnostic's
/// line asks for its fixes)?
fn overlaps(a: Range, b: Range) -> bool {
    a.start.line <= b.end.line && b.start.line <= a.end.line
}

/// The file a `file://` URI names (percent-escapes decoded).
fn file_path(uri: &Uri) -> Option<PathBuf> {
    use std::os::unix::ffi::OsStringExt as _;
    let s = uri.as_str().strip_prefix("file://")?;
    let s = s.strip_prefix("localhost").unwrap_or(s);
    let mut bytes = Vec::with_capacity(s.len());
    let raw = s.as_bytes();
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'%'
            && let Some(b) =
                raw.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok())
        {
            bytes.push(b);
            i += 3;
        } else {
            bytes.push(raw[i]);
            i += 1;
        }
    }
    Some(PathBuf::from(std::ffi::OsString::from_vec(bytes)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn position(text: &str, offset: usize) -> Position {
        Lines::new(text).position(offset)
    }

    #[test]
    fn positions_count_utf16_units() {
        let text = "a\n\u{e9}\u{1f600}x";
        assert_eq!(position(text, 2), Position { line: 1, character: 0 });
        let x = text.find('x').unwrap();
        assert_eq!(position(text, x), Position { line: 1, character: 3 });
    }

    #[test]
    fn file_uris_decode_to_paths() {
        let uri = Uri::from_str("file:///tmp/a%20b/x.go").unwrap();
        assert_eq!(file_path(&uri), Some(PathBuf::from("/tmp/a b/x.go")));
        assert_eq!(file_path(&Uri::from_str("untitled:1").unwrap()), None);
    }
}
