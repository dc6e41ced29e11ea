//! Goroutine starts: everything that runs a body in a new goroutine, in
//! one place. A start knows the statement that starts it, the function
//! that runs (a func literal, or a declaration of the package in its file),
//! how its arguments bind to that function's parameters, and which loops
//! repeat it. [`place_of`] says where any node runs relative to the
//! function holding it: in it, deferred by it, or in one of its starts.
//!
//! The kinds ([`StartKind`]): the `go` statement (of a func literal, a
//! function of the package, or a closure variable), the launchers `wg.Go`,
//! errgroup's `g.Go`, `time.AfterFunc` and `context.AfterFunc`, and same-package wrappers that
//! start their func parameter (`safeGo(func() {...})`). Nothing outside
//! this module matches `go_statement`.

use crate::syntax::Fast as _;
use crate::syntax::Up as _;
use tree_sitter::Node;

use super::{FileFacts, FileId, InFile, Package, known};
use crate::syntax::Named as _;
use crate::syntax::{kinds as k, named_children};

/// How a start runs its body in a new goroutine.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StartKind {
    /// `go f(args)`.
    Go,
    /// `wg.Go(func() {...})` on a `sync.WaitGroup` (Go 1.25), joined by `wg.Wait()`.
    WaitGroupGo,
    /// `g.Go(func() error {...})` on a `golang.org/x/sync/errgroup` `Group`,
    /// joined by `g.Wait()`.
    ErrGroupGo,
    /// `time.AfterFunc(d, func() {...})` with the timer dropped, or
    /// `context.AfterFunc(ctx, func() {...})` with its stop function
    /// dropped: the function runs once (the context's: once the context
    /// is done, if ever), in its own goroutine, and nothing joins it.
    AfterFunc,
    /// `safeGo(func() {...})`, a function of the package whose body starts
    /// that func parameter in a new goroutine and does nothing else
    /// ([`wrapper_param`]); not joined.
    Wrapper,
    /// `fetchAsync(key, out)`, a function or method of the checked file
    /// whose body is one `go func() {...}()` using the channel parameter
    /// ([`spawned_by`]): the literal runs in a new goroutine with the
    /// caller's channel; not joined.
    Spawner,
    /// `x := fetchAsync(key)`, a function or method of the checked file
    /// that makes a channel, starts one `go func() {...}()` using it and
    /// returns it ([`returned_by`]): the literal runs in a new goroutine
    /// with the channel the caller holds; not joined.
    Returned,
    /// `s.reqs <- req`, a request value holding the channel in a reply
    /// field that a handler of the file answers on, once per request
    /// ([`super::handoff`]): the handler's code for one request is the body;
    /// not joined.
    HandedOff,
}

impl StartKind {
    pub const ALL: &[StartKind] = &[
        StartKind::Go,
        StartKind::WaitGroupGo,
        StartKind::ErrGroupGo,
        StartKind::AfterFunc,
        StartKind::Wrapper,
        StartKind::Spawner,
        StartKind::Returned,
        StartKind::HandedOff,
    ];

    /// A word every start of this kind spells in its text (the token scan
    /// that picks what to parse keeps every function holding one): a
    /// wrapper call spells `func`, the literal it is handed. A spawner's
    /// or a constructor's `go` is in its own body, not at the call: the
    /// plan keeps the callers of the file's spawners and constructors by
    /// name. A request is handed over by a send (`<-`); the plan keeps the
    /// functions naming a reply field of the file.
    #[must_use]
    pub fn token(self) -> &'static [u8] {
        match self {
            StartKind::Go | StartKind::Spawner | StartKind::Returned => b"go",
            StartKind::WaitGroupGo | StartKind::ErrGroupGo => b"Go",
            StartKind::AfterFunc => b"AfterFunc",
            StartKind::Wrapper => b"func",
            StartKind::HandedOff => b"<-",
        }
    }
}

/// A start whose body is analysed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start<'t> {
    pub kind: StartKind,
    /// The statement that starts it, in the starting function's file.
    pub stmt: Node<'t>,
    /// The function that runs: a func literal or a declaration of the
    /// package, with the file it is in.
    pub func: InFile<Node<'t>>,
}

impl<'t> Start<'t> {
    /// The body that runs in the goroutine (for a handed-off request, the
    /// handler's code for one request).
    #[must_use]
    pub fn body(&self) -> Option<Node<'t>> {
        if self.kind == StartKind::HandedOff {
            return Some(self.func.value);
        }
        self.func.value.field("body")
    }

    /// The file the body is in.
    #[must_use]
    pub fn file(&self) -> FileId {
        self.func.file
    }

    /// The loops that repeat this start, innermost first, up to (not
    /// including) `root`: none means it runs at most once per run of `root`.
    pub fn loops(&self, root: Node<'t>) -> impl Iterator<Item = Node<'t>> {
        super::flow::loops_between(self.stmt, root)
    }

    /// The parameter the argument at `index` binds to: `Some(None)` for an
    /// unnamed or `_` parameter, `None` when variadic or out of range.
    #[must_use]
    pub fn param(&self, pkg: &Package<'t>, index: usize) -> Option<Option<Node<'t>>> {
        param_ident(self.func.value, index, pkg.file(self.func.file).src)
    }
}

/// Where a node runs, seen from the function holding it. `G` says which
/// start: the [`Start`] itself from [`place_of`], an index into a
/// channel's starts in its operations.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<G = usize> {
    /// In the function itself, in order.
    Parent,
    /// In a `defer` of the function (a deferred call or func literal).
    Deferred,
    /// In the body of one of the function's starts.
    Goroutine(G),
}

/// Where `node` (in `file`) runs relative to the function `root` containing
/// it; `None` anywhere else (a stored closure, a goroutine inside a
/// goroutine).
#[must_use]
pub fn place_of<'t>(pkg: &Package<'t>, node: InFile<Node<'t>>, root: Node<'t>) -> Option<Place<Start<'t>>> {
    let lits = literals_between(node.value, root);
    let start = |lit| literal_start(pkg, node.file, lit, root);
    // A func literal deferred at the top of a goroutine runs in that goroutine.
    if let [inner, outer] = lits.as_slice()
        && deferred_by(*inner).is_some_and(|d| d.up().and_then(|l| l.up()).is_some_and(|b| b.up() == Some(*outer)))
    {
        return start(*outer).map(Place::Goroutine);
    }
    let deferred = crate::syntax::ancestors_within(root, node.value).iter().any(|a| a.kind_str() == k::DEFER_STATEMENT);
    match lits.as_slice() {
        [] if deferred => Some(Place::Deferred),
        [] => Some(Place::Parent),
        [lit] => match (start(*lit), deferred_by(*lit)) {
            (Some(start), _) => Some(Place::Goroutine(start)),
            (None, Some(_)) => Some(Place::Deferred),
            _ => None,
        },
        _ => None,
    }
}

/// The func literals enclosing `node`, innermost first, up to `root`.
fn literals_between<'t>(node: Node<'t>, root: Node<'t>) -> Vec<Node<'t>> {
    crate::syntax::ancestors_within(root, node).into_iter().filter(|a| a.kind_str() == k::FUNC_LITERAL).collect()
}

/// The start running the func literal `lit` of `root`: in place (`go
/// func() {...}()`), or through a closure variable (`f := func() {...}`
/// then `go f()`, in `root` itself).
fn literal_start<'t>(pkg: &Package<'t>, file: FileId, lit: Node<'t>, root: Node<'t>) -> Option<Start<'t>> {
    let func = InFile::new(file, lit);
    if let Some(stmt) = go_of(lit) {
        return Some(Start { kind: StartKind::Go, stmt, func });
    }
    let facts = pkg.file(file);
    let (kind, stmt) = match launched_by(pkg, facts, lit) {
        Some(launch) => launch,
        None => {
            let u = closure_var_use(facts, lit)?;
            match u.up().filter(|c| c.kind_str() == k::CALL_EXPRESSION && c.field("function") == Some(u)) {
                // `go f()`.
                Some(call) if call.up().is_some_and(|s| s.kind_str() == k::GO_STATEMENT) => (StartKind::Go, call.up()?),
                // `go func() { defer ...; f() }()`: the literal started
                // does nothing but run `f`.
                Some(call) => {
                    let outer = only_call_in_literal(facts, call)?;
                    let start = literal_start(pkg, file, outer, root)?;
                    (start.kind, start.stmt)
                }
                // `wg.Go(f)`, `time.AfterFunc(d, f)`, `safeGo(f)`.
                None => launched_by(pkg, facts, u)?,
            }
        }
    };
    literals_between(stmt, root).is_empty().then_some(Start { kind, stmt, func })
}

/// The func literal whose body is `call` as a statement, after deferred
/// calls only (`func() { defer ...; f(v) }`): running the literal runs
/// `call` once, last. The arguments are names or literals (evaluating them
/// does nothing), and the deferred calls hold no func literal (nothing
/// that could use a channel in that goroutine apart from `f`'s body).
fn only_call_in_literal<'t>(facts: &FileFacts<'t>, call: Node<'t>) -> Option<Node<'t>> {
    let args = named_children(call.field("arguments")?);
    let plain = |a: &Node<'_>| {
        matches!(
            a.kind_str(),
            k::IDENTIFIER
                | k::INT_LITERAL
                | k::FLOAT_LITERAL
                | k::INTERPRETED_STRING_LITERAL
                | k::RAW_STRING_LITERAL
                | k::TRUE
                | k::FALSE
                | k::NIL
        )
    };
    if !args.iter().all(plain) {
        return None;
    }
    let stmt = call.up().filter(|s| s.kind_str() == k::EXPRESSION_STATEMENT)?;
    let lit = crate::syntax::ancestors(stmt).find(|a| a.kind_str() == k::FUNC_LITERAL)?;
    let (last, defers) = after_defers(lit.field("body")?)?;
    // What a defer does runs after the closure's send, where the analysis
    // of the closure's body does not look: only a recovery or a log print.
    (last.id() == stmt.id() && defers.iter().all(|d| quiet_defer(facts, *d))).then_some(lit)
}

/// `defer func() { if r := recover(); r != nil { ... } }()`: a deferred
/// literal that does something only when its goroutine panics: its body
/// one `if` without `else`, `if r := recover(); r != nil` or `if recover()
/// != nil` (nothing else in the condition).
pub(crate) fn recovers_only(facts: &FileFacts<'_>, stmt: Node<'_>) -> bool {
    if stmt.kind_str() != k::DEFER_STATEMENT {
        return false;
    }
    let lit = stmt.named(0).and_then(|c| c.field("function")).filter(|f| f.kind_str() == k::FUNC_LITERAL);
    let Some(body) = lit.and_then(|l| l.field("body")) else { return false };
    let stmts = crate::syntax::statements(body);
    let [only] = stmts[..] else { return false };
    if only.kind_str() != k::IF_STATEMENT || only.field("alternative").is_some() {
        return false;
    }
    let is_recover = |x: Node<'_>| {
        x.kind_str() == k::CALL_EXPRESSION
            && x.field("function").is_some_and(|f| f.kind_str() == k::IDENTIFIER && facts.text(f) == "recover")
            && x.field("arguments").is_some_and(|a| a.named_child_count() == 0)
    };
    // The condition is `v != nil` (either way round) and nothing else.
    let compares_to_nil = |cond: Node<'_>, v: &dyn Fn(Node<'_>) -> bool| {
        cond.kind_str() == k::BINARY_EXPRESSION
            && cond.field("operator").is_some_and(|o| o.kind_str() == "!=")
            && match (cond.field("left"), cond.field("right")) {
                (Some(l), Some(r)) => (v(l) && r.kind_str() == k::NIL) || (l.kind_str() == k::NIL && v(r)),
                _ => false,
            }
    };
    let Some(cond) = only.field("condition") else { return false };
    match only.field("initializer") {
        // `if recover() != nil { ... }`
        None => compares_to_nil(cond, &is_recover),
        // `if r := recover(); r != nil { ... }`
        Some(init) => {
            let left = init.field("left").map(crate::syntax::named_children).unwrap_or_default();
            let right = init.field("right").map(crate::syntax::named_children).unwrap_or_default();
            match (init.kind_str(), &left[..], &right[..]) {
                (k::SHORT_VAR_DECLARATION, [name], [call]) if is_recover(*call) => {
                    let r = facts.text(*name);
                    compares_to_nil(cond, &|x| x.kind_str() == k::IDENTIFIER && facts.text(x) == r)
                }
                _ => false,
            }
        }
    }
}

/// A defer around a started call that the analysis of the call's body may
/// leave out: a recovery ([`recovers_only`]), or a print of the standard
/// logger (`defer log.Printf("done %s", k)`), which can neither block nor
/// signal the parent.
fn quiet_defer(facts: &FileFacts<'_>, d: Node<'_>) -> bool {
    let logs = d.named(0).filter(|c| c.kind_str() == k::CALL_EXPRESSION).is_some_and(|c| {
        c.field("function").is_some_and(|f| known::LOG_PRINTS.iter().any(|api| known::is(f, facts.src, *api)))
            && !crate::syntax::any_node(c, |x| {
                x.kind_str() == k::FUNC_LITERAL
                    || x.kind_str() == k::UNARY_EXPRESSION && x.field("operator").is_some_and(|o| o.kind_str() == "<-")
            })
    });
    d.kind_str() == k::DEFER_STATEMENT && (logs || recovers_only(facts, d))
}

/// A block's last statement, when every statement before it is a `defer`
/// (`{ defer ...; f() }`), with those defers.
fn after_defers(body: Node<'_>) -> Option<(Node<'_>, Vec<Node<'_>>)> {
    let mut stmts = crate::syntax::statements(body);
    let last = stmts.pop()?;
    stmts.iter().all(|d| d.kind_str() == k::DEFER_STATEMENT).then_some((last, stmts))
}

/// For a func literal passed to a launcher, in a statement of its own:
/// the launcher's kind and that statement. `wg.Go(lit)` needs `wg` a
/// local or parameter of type `sync.WaitGroup` (or a pointer to one) that
/// is never reassigned; `time.AfterFunc(d, lit)` needs the timer dropped
/// (a kept timer may be stopped, and the function never run); a wrapper
/// needs the literal handed to the parameter it starts.
fn launched_by<'t>(pkg: &Package<'t>, facts: &FileFacts<'t>, lit: Node<'t>) -> Option<(StartKind, Node<'t>)> {
    // `lit` is the literal, or the closure variable holding it.
    let args = lit.up().filter(|a| a.kind_str() == k::ARGUMENT_LIST)?;
    let call = args.up()?;
    let stmt = dropped_result(facts, call)?;
    let position = named_children(args).iter().position(|a| a.id() == lit.id())?;
    let arity = named_children(args).len();
    let (_, scopes) = facts.scopes_for(lit)?;
    let f = call.field("function")?;
    if f.kind_str() == k::IDENTIFIER {
        // A function of the package (in the checked file or a sibling), not a local.
        if scopes.resolve(f).is_some() || named_children(args).iter().any(|a| a.kind_str() == k::VARIADIC_ARGUMENT) {
            return None;
        }
        let wrapper = pkg.func(facts.text(f))?;
        return (wrapper_param(pkg, wrapper) == Some(position)).then_some((StartKind::Wrapper, stmt));
    }
    let f = Some(f).filter(|f| f.kind_str() == k::SELECTOR_EXPRESSION)?;
    // A method of the checked file that is a wrapper (`s.spawn(func()
    // {...})`; the plan keeps only those).
    if let Some(wrapper) =
        callee(pkg, call).filter(|m| m.file == FileId::OWN && m.value.kind_str() == k::METHOD_DECLARATION)
    {
        let variadic = named_children(args).iter().any(|a| a.kind_str() == k::VARIADIC_ARGUMENT);
        return (!variadic && wrapper_param(pkg, wrapper) == Some(position)).then_some((StartKind::Wrapper, stmt));
    }
    let operand = f.field("operand")?;
    let local = (operand.kind_str() == k::IDENTIFIER).then(|| scopes.resolve(operand)).flatten();
    if let Some(b) = local.map(|b| scopes.binding(b)) {
        let is = |api| known::binding_is(b, facts.src, api);
        let kind = if is(known::SYNC_WAITGROUP) {
            StartKind::WaitGroupGo
        } else if is(known::ERRGROUP_GROUP) || from_with_context(facts, b.ident) {
            // With a limit, `g.Go` itself may block the parent until an
            // earlier goroutine ends: the starts are not independent.
            let limited = b
                .uses
                .iter()
                .any(|u| u.up().and_then(|s| s.field("field")).is_some_and(|f| facts.text(f) == "SetLimit"));
            if limited {
                return None;
            }
            StartKind::ErrGroupGo
        } else {
            return None;
        };
        let method = f.field("field").map(|m| facts.text(m));
        return (b.assignments.is_empty() && method == Some("Go") && (position, arity) == (0, 1))
            .then_some((kind, stmt));
    }
    let after = [known::TIME_AFTER_FUNC, known::CONTEXT_AFTER_FUNC];
    (after.iter().any(|api| known::is(f, facts.src, *api)) && (position, arity) == (1, 2))
        .then_some((StartKind::AfterFunc, stmt))
}

/// For `node` in a closure variable that `root` calls synchronously, once
/// (`wait := func() { <-done }` ... `wait()`): the call, where the closure's
/// body runs. `None` when `node` does not run on every call of the closure
/// (a branch, a loop, a nested function) or the call is deferred.
#[must_use]
pub fn sync_closure_call<'t>(facts: &FileFacts<'t>, node: Node<'t>, root: Node<'t>) -> Option<Node<'t>> {
    let [lit] = literals_between(node, root)[..] else { return None };
    let call = closure_var_call(facts, lit)?;
    if call.up().is_some_and(|s| matches!(s.kind_str(), k::GO_STATEMENT | k::DEFER_STATEMENT))
        || !literals_between(call, root).is_empty()
    {
        return None;
    }
    let body = lit.field("body")?;
    let unconditional = crate::syntax::ancestors_within(body, node)
        .iter()
        .all(|a| !super::flow::branches(a.kind_str()) && !matches!(a.kind_str(), k::DEFER_STATEMENT | k::GO_STATEMENT));
    // No jump in the body may skip it either.
    let jumps_before =
        facts.jumps(body).iter().any(|j| j.start_byte() < node.start_byte() && !crate::syntax::contains(*j, node));
    (unconditional && !jumps_before).then_some(call)
}

/// For `node` in a loop of a closure variable's body that `root` calls
/// once, synchronously (`collect := func() { for range names { r := <-ch;
/// if r.err != nil { return } } }` ... `collect()`), outside any loop of
/// `root` that `outside` (the channel's make) is not in: the call and the
/// literal. The node runs at the call, as often as the closure's own code
/// runs it.
#[must_use]
pub fn looped_closure_call<'t>(
    facts: &FileFacts<'t>,
    node: Node<'t>,
    root: Node<'t>,
    outside: Node<'t>,
) -> Option<(Node<'t>, Node<'t>)> {
    let [lit] = literals_between(node, root)[..] else { return None };
    super::flow::loops_between(node, lit).next()?;
    // A `goto` may re-enter the loop it leaves.
    if crate::syntax::any_node(lit, |n| n.kind_str() == k::GOTO_STATEMENT) {
        return None;
    }
    let call = closure_var_call(facts, lit)?;
    if call.up().is_some_and(|s| matches!(s.kind_str(), k::GO_STATEMENT | k::DEFER_STATEMENT))
        || !literals_between(call, root).is_empty()
        || super::flow::loops_between(call, root).any(|l| !crate::syntax::contains(l, outside))
    {
        return None;
    }
    Some((call, lit))
}

/// The statement of a call whose result is dropped: `f(...)` or
/// `_ = f(...)`.
pub(super) fn dropped_result<'t>(facts: &FileFacts<'t>, call: Node<'t>) -> Option<Node<'t>> {
    let parent = call.up()?;
    if parent.kind_str() == k::EXPRESSION_STATEMENT {
        return Some(parent);
    }
    let stmt =
        parent.up().filter(|s| parent.kind_str() == k::EXPRESSION_LIST && s.kind_str() == k::ASSIGNMENT_STATEMENT)?;
    let left = stmt.field("left").map(named_children).unwrap_or_default();
    let blank = matches!(left.as_slice(), [l] if facts.text(*l) == "_");
    let only = named_children(parent).len() == 1;
    (blank && only && stmt.field("operator").is_some_and(|o| o.kind_str() == "=")).then_some(stmt)
}

/// For a function of the package whose body is one statement starting
/// its func parameter number `i` in a new goroutine, and that does nothing
/// else with it: `i`. The statement is `go f()`, or `go func() { defer
/// ...; f() }()` (deferred recoveries or log prints around the call, see
/// [`quiet_defer`]). Anything
/// more (a semaphore, a loop, a second use) may block the caller or run
/// `f` other than once, so it is not a wrapper.
#[must_use]
pub fn wrapper_param<'t>(pkg: &Package<'t>, func: InFile<Node<'t>>) -> Option<usize> {
    let facts = pkg.file(func.file);
    let decl = func.value;
    if !matches!(decl.kind_str(), k::FUNCTION_DECLARATION | k::METHOD_DECLARATION) || decl.has_error() {
        return None;
    }
    let stmts = crate::syntax::statements(decl.field("body")?);
    let (&go, before) = stmts.split_last()?;
    // `wg.Add(1)` before the go statement, each on a WaitGroup of its own.
    let mut added: Vec<&str> = Vec::new();
    for s in before {
        let wg = facts.text(waitgroup_add(pkg, facts, *s)?);
        if added.contains(&wg) {
            return None;
        }
        added.push(wg);
    }
    let call = go.named(0).filter(|c| go.kind_str() == k::GO_STATEMENT && c.kind_str() == k::CALL_EXPRESSION)?;
    let no_args = |c: Node<'_>| c.field("arguments").is_some_and(|a| named_children(a).is_empty());
    let callee = call.field("function")?;
    let run = if callee.kind_str() == k::FUNC_LITERAL {
        // `go func() { defer ...; f() }()`: defers, then the call, last.
        // A defer runs after `f`'s send, where the analysis of `f` does not
        // look (a close or a cancel there may signal the parent): only a
        // recovery or a log print ([`quiet_defer`]), or the `Done` of a
        // WaitGroup the wrapper added to, each once.
        let mut stmts = crate::syntax::statements(callee.field("body")?);
        let mut done: Vec<&str> = Vec::new();
        // `go func() { f(); wg.Done() }()`: a `Done` after the call.
        if let [.., call, last] = stmts[..]
            && call.kind_str() == k::EXPRESSION_STATEMENT
            && let Some(wg) = done_call(facts, last).filter(|w| added.contains(w))
        {
            done.push(wg);
            stmts.pop();
        }
        let last = stmts.pop()?;
        let defers = stmts;
        if !defers.iter().all(|d| d.kind_str() == k::DEFER_STATEMENT) {
            return None;
        }
        for d in &defers {
            if quiet_defer(facts, *d) {
                continue;
            }
            let wg = deferred_done(facts, *d).filter(|w| added.contains(w) && !done.contains(w))?;
            done.push(wg);
        }
        if !no_args(call) || done.len() != added.len() {
            return None;
        }
        last.named(0).filter(|c| last.kind_str() == k::EXPRESSION_STATEMENT && c.kind_str() == k::CALL_EXPRESSION)?
    } else if added.is_empty() {
        call
    } else {
        return None;
    };
    let f = run.field("function").filter(|f| f.kind_str() == k::IDENTIFIER && no_args(run))?;
    let (_, scopes) = facts.scopes_for(f)?;
    let b = scopes.binding(scopes.resolve(f)?);
    if b.kind != super::scope::BindingKind::Param || !b.assignments.is_empty() || b.uses.len() != 1 {
        return None;
    }
    param_index(decl, b.ident, facts.src)
}

/// The position of the parameter declared by `ident` among `decl`'s.
fn param_index(decl: Node<'_>, ident: Node<'_>, src: &[u8]) -> Option<usize> {
    (0..).map_while(|i| param_ident(decl, i, src)).position(|p| p.is_some_and(|p| p.id() == ident.id()))
}

/// `wg.Add(1)` as a statement, `wg` a parameter of the function of type
/// `sync.WaitGroup` or a pointer to one, never reassigned, or a field of
/// the method's receiver declared so (`s.wg.Add(1)`): `wg`.
/// A `WaitGroup`'s `Add` neither blocks nor signals anyone; the matching
/// `defer wg.Done()` ([`deferred_done`]) then runs once per start, and
/// wakes only a `Wait` that waited for this goroutine to end.
fn waitgroup_add<'t>(pkg: &Package<'t>, facts: &FileFacts<'t>, stmt: Node<'t>) -> Option<Node<'t>> {
    let call =
        stmt.named(0).filter(|c| stmt.kind_str() == k::EXPRESSION_STATEMENT && c.kind_str() == k::CALL_EXPRESSION)?;
    let f = call.field("function").filter(|f| f.kind_str() == k::SELECTOR_EXPRESSION)?;
    let one = call.field("arguments").map(named_children).is_some_and(|a| matches!(a[..], [n] if facts.text(n) == "1"));
    if !one || f.field("field").is_none_or(|m| facts.text(m) != "Add") {
        return None;
    }
    let wg = f.field("operand")?;
    let is_waitgroup = match wg.kind_str() {
        k::IDENTIFIER => {
            let (_, scopes) = facts.scopes_for(wg)?;
            let b = scopes.binding(scopes.resolve(wg)?);
            b.kind == super::scope::BindingKind::Param
                && b.assignments.is_empty()
                && known::binding_is(b, facts.src, known::SYNC_WAITGROUP)
        }
        k::SELECTOR_EXPRESSION => {
            let recv = wg.field("operand").filter(|o| o.kind_str() == k::IDENTIFIER)?;
            let (decl, scopes) = facts.scopes_for(recv)?;
            let b = scopes.binding(scopes.resolve(recv)?);
            let is_receiver = decl
                .field("receiver")
                .and_then(|r| r.named(0))
                .and_then(|p| p.field("name"))
                .is_some_and(|n| n.id() == b.ident.id());
            let ty = super::types::field_type_in(pkg, facts, wg);
            is_receiver
                && b.assignments.is_empty()
                && ty.is_some_and(|t| known::is_type(t.value, pkg.file(t.file).src, known::SYNC_WAITGROUP))
                && wg.field("field").is_some_and(|f| field_uses(pkg, facts, facts.text(f)).is_some())
        }
        _ => false,
    };
    is_waitgroup.then_some(wg)
}

/// How the file `facts` spells the `WaitGroup` field `field`, read from its
/// whole text (with shortcuts, the functions not parsed included): `None`
/// when a selector of it is anything but `.field.Add(`, `.field.Done(` or
/// `.field.Wait(` (an assignment would hand a `Done` a new `WaitGroup`
/// without its `Add`; `&s.field` may go anywhere), or another file of the
/// directory spells it; else whether it is waited for anywhere.
fn field_uses(pkg: &Package<'_>, facts: &FileFacts<'_>, field: &str) -> Option<bool> {
    let src = facts.src;
    let word = |b: Option<&u8>| b.is_some_and(|b| crate::syntax::tokens::is_ident(*b));
    let mut waited = false;
    for at in memchr::memmem::find_iter(src, field.as_bytes()) {
        let end = at + field.len();
        if word(at.checked_sub(1).and_then(|i| src.get(i))) || word(src.get(end)) {
            continue;
        }
        if at.checked_sub(1).and_then(|i| src.get(i)) != Some(&b'.') {
            continue; // the declaration, a key, a comment's word, another name
        }
        let rest = &src[end..];
        if rest.starts_with(b".Wait(") {
            waited = true;
        } else if !(rest.starts_with(b".Add(") || rest.starts_with(b".Done(")) {
            return None;
        }
    }
    (!pkg.named_elsewhere(field)).then_some(waited)
}

/// For a wrapper's start (`s.goTracked(func() {...})`) whose wrapper counts
/// the goroutine on a `WaitGroup` ([`wrapper_param`]): can the wrapper's
/// `Done`, which a buffer lets run where the goroutine used to block, wake
/// nobody but the parent? A field of the receiver must be waited for
/// nowhere in the file; a parameter must be handed a local of the caller
/// that is used only as such arguments and waited for only by the caller
/// itself, outside any func literal (a `Wait` in another goroutine may
/// then signal the parent's select: `wg.Wait(); close(idle)`). `true` for
/// any other start.
#[must_use]
pub fn counted_done_is_quiet<'t>(pkg: &Package<'t>, start: &Start<'t>) -> bool {
    if start.kind != StartKind::Wrapper {
        return true;
    }
    let facts = pkg.own();
    let Some(call) = start.stmt.named(0).filter(|c| c.kind_str() == k::CALL_EXPRESSION) else { return true };
    let Some(wrapper) = callee(pkg, call) else { return false };
    let wfacts = pkg.file(wrapper.file);
    let Some(body) = wrapper.value.field("body") else { return false };
    let stmts = crate::syntax::statements(body);
    let args = call.field("arguments").map(named_children).unwrap_or_default();
    stmts[..stmts.len().saturating_sub(1)].iter().all(|s| {
        let Some(wg) = waitgroup_add(pkg, wfacts, *s) else { return false };
        match wg.kind_str() {
            k::SELECTOR_EXPRESSION => {
                wg.field("field").and_then(|f| field_uses(pkg, wfacts, wfacts.text(f))).is_some_and(|waited| !waited)
            }
            _ => {
                let param = wfacts.scopes_for(wg).and_then(|(_, sc)| sc.resolve(wg).map(|b| sc.binding(b).ident));
                let index = param.and_then(|p| param_index(wrapper.value, p, wfacts.src));
                index.and_then(|i| args.get(i).copied()).is_some_and(|a| waited_by_caller_only(facts, a, call))
            }
        }
    })
}

/// The argument `arg` (`&wg` or `wg`) of the wrapper call `call`: a local
/// `WaitGroup` of the caller, never reassigned, each use of it an argument
/// of such a call or a `wg.Wait()` statement of the declaring function
/// outside any func literal.
fn waited_by_caller_only(facts: &FileFacts<'_>, arg: Node<'_>, call: Node<'_>) -> bool {
    let x = if arg.kind_str() == k::UNARY_EXPRESSION { arg.field("operand") } else { Some(arg) };
    let Some(x) = x.filter(|x| x.kind_str() == k::IDENTIFIER) else { return false };
    let Some((decl, scopes)) = facts.scopes_for(x) else { return false };
    let Some(b) = scopes.resolve(x).map(|b| scopes.binding(b)) else { return false };
    let callee_name = call.field("function").map(|f| f.field("field").unwrap_or(f)).map(|f| facts.text(f));
    let in_literal = |u: Node<'_>| {
        crate::syntax::ancestors(u).take_while(|a| a.id() != decl.id()).any(|a| a.kind_str() == k::FUNC_LITERAL)
    };
    // `wrapper(&wg, ...)` (taking the address counts as an assignment) or
    // `wrapper(wg, ...)`.
    let handed = |u: Node<'_>| {
        let arg = u.up().filter(|p| p.kind_str() == k::UNARY_EXPRESSION).unwrap_or(u);
        let c = arg.up().filter(|a| a.kind_str() == k::ARGUMENT_LIST).and_then(|a| a.up());
        c.and_then(|c| c.field("function"))
            .map(|f| f.field("field").unwrap_or(f))
            .is_some_and(|f| Some(facts.text(f)) == callee_name)
    };
    let wait = |u: Node<'_>| {
        u.up()
            .filter(|sel| {
                sel.kind_str() == k::SELECTOR_EXPRESSION && sel.field("field").is_some_and(|f| facts.text(f) == "Wait")
            })
            .and_then(|sel| sel.up())
            .is_some_and(|c| {
                c.kind_str() == k::CALL_EXPRESSION && c.up().is_some_and(|st| st.kind_str() == k::EXPRESSION_STATEMENT)
            })
    };
    b.kind == super::scope::BindingKind::Local
        && b.assignments.iter().all(|a| !in_literal(*a) && handed(*a))
        && b.uses.iter().all(|u| !in_literal(*u) && (wait(*u) || handed(*u)))
}

/// `defer wg.Done()`: the text of `wg`.
fn deferred_done<'t>(facts: &FileFacts<'t>, d: Node<'t>) -> Option<&'t str> {
    (d.kind_str() == k::DEFER_STATEMENT).then_some(())?;
    done_call(facts, d)
}

/// `wg.Done()` as a statement (or deferred): the text of `wg`.
fn done_call<'t>(facts: &FileFacts<'t>, d: Node<'t>) -> Option<&'t str> {
    let call = d.named(0).filter(|c| {
        matches!(d.kind_str(), k::DEFER_STATEMENT | k::EXPRESSION_STATEMENT) && c.kind_str() == k::CALL_EXPRESSION
    })?;
    let f = call.field("function").filter(|f| f.kind_str() == k::SELECTOR_EXPRESSION)?;
    let no_args = call.field("arguments").is_some_and(|a| named_children(a).is_empty());
    let wg = f.field("operand")?;
    (no_args && f.field("field").is_some_and(|m| facts.text(m) == "Done")).then(|| facts.text(wg))
}

/// The body of a function or method of the checked file that a call
/// reaches with one `go func() {...}()` at its top level, a literal
/// without parameters run without arguments, after only plain statements
/// (declarations, assignments, calls; no branch, loop, `return`, func
/// literal or panic): what spawners and constructors share.
struct SpawningBody<'t> {
    decl: Node<'t>,
    /// The body's top-level statements, the go statement at `at`.
    stmts: Vec<Node<'t>>,
    at: usize,
    lit: Node<'t>,
}

fn spawning_body<'t>(pkg: &Package<'t>, call: Node<'t>) -> Option<SpawningBody<'t>> {
    let facts = pkg.own();
    let decl = callee(pkg, call).filter(|f| f.file == FileId::OWN)?.value;
    if !matches!(decl.kind_str(), k::FUNCTION_DECLARATION | k::METHOD_DECLARATION) || decl.has_error() {
        return None;
    }
    let stmts = crate::syntax::statements(decl.field("body")?);
    let gos: Vec<usize> = (0..stmts.len()).filter(|&i| stmts[i].kind_str() == k::GO_STATEMENT).collect();
    let [at] = gos[..] else { return None };
    let plain = |s: &Node<'t>| {
        matches!(
            s.kind_str(),
            k::SHORT_VAR_DECLARATION | k::ASSIGNMENT_STATEMENT | k::EXPRESSION_STATEMENT | k::VAR_DECLARATION
        ) && !super::flow::is_panic_or_exit(*s, facts.src)
            && !crate::syntax::any_node(*s, |x| x.kind_str() == k::FUNC_LITERAL)
    };
    if !stmts[..at].iter().all(plain) {
        return None;
    }
    let run = stmts[at].named(0).filter(|c| c.kind_str() == k::CALL_EXPRESSION)?;
    let lit = run.field("function").filter(|f| f.kind_str() == k::FUNC_LITERAL)?;
    let no_args = run.field("arguments").is_some_and(|a| named_children(a).is_empty());
    let no_params = lit.field("parameters").is_some_and(|p| named_children(p).is_empty());
    (no_args && no_params).then_some(SpawningBody { decl, stmts, at, lit })
}

/// For a call statement of the checked file handing a channel as
/// argument number `index` to a spawner: the start, and the spawner's
/// parameter the literal captures. A spawner is a function or method of
/// the checked file (a sibling's would need its callers planned in every
/// file) with one `go func() {...}()` statement at the top of its body, a
/// literal without parameters, that every call reaches: only plain
/// statements come before it (declarations, assignments, calls; no branch,
/// loop, `return`, func literal or panic). The parameter, never
/// reassigned, is used only inside that literal; what follows the `go`
/// may return a value (`stub := startStub(stop)`). Anything more (a
/// condition before the `go`, a loop around it) may start it other than
/// once.
#[must_use]
pub fn spawned_by<'t>(pkg: &Package<'t>, call: Node<'t>, index: usize) -> Option<(Start<'t>, Node<'t>)> {
    let facts = pkg.own();
    let stmt = dropped_result(facts, call).or_else(|| result_taken(call))?;
    let SpawningBody { decl, lit, .. } = spawning_body(pkg, call)?;
    let param = param_ident(decl, index, facts.src)??;
    let (_, scopes) = facts.scopes_for(param)?;
    let b = scopes.binding(scopes.resolve(param)?);
    if !b.assignments.is_empty() || !b.uses.iter().all(|u| crate::syntax::contains(lit, *u)) {
        return None;
    }
    Some((Start { kind: StartKind::Spawner, stmt, func: InFile::new(FileId::OWN, lit) }, param))
}

/// A channel that a function of the checked file makes and returns, fed by
/// the one goroutine the function starts ([`returned_by`]).
#[derive(Debug, Clone, Copy)]
pub struct Returned<'t> {
    /// The start, at the caller's statement taking the result.
    pub start: Start<'t>,
    /// The function's `make(chan T)` (the capacity fix edits it).
    pub make: Node<'t>,
    /// The variable the function holds the channel in (declared by the make).
    pub ident: Node<'t>,
    /// The function's name, for messages.
    pub by: &'t str,
    /// The result type is receive-only (`<-chan T`): no caller anywhere can
    /// send on it or close it.
    pub recv_only: bool,
}

/// For a call of the checked file whose result is taken whole (`x :=
/// fetchAsync(key)`) or received from at once (`<-fetchAsync(key)`, then
/// the start's statement is the call): the channel the callee returns,
/// when the callee is a constructor. That is a function or method of the checked file (a
/// sibling's would need its callers planned in every file) with one result,
/// a channel type, whose body's top level is plain statements (as for
/// [`spawned_by`]), one `c := make(chan T)`, one `go func() {...}()` (a
/// literal without parameters, using `c`), and last `return c`, the only
/// `return` outside the literal. `c`, never reassigned, is used only
/// inside the literal and by that `return`. Every call then makes one
/// channel and starts one goroutine on it, and the caller holds the only
/// other reference.
#[must_use]
pub fn returned_by<'t>(pkg: &Package<'t>, call: Node<'t>) -> Option<Returned<'t>> {
    let facts = pkg.own();
    // Received from at once (`<-fetchAsync(key)`): the start is the call.
    let received = call.up().is_some_and(|u| {
        u.kind_str() == k::UNARY_EXPRESSION && u.field("operator").is_some_and(|o| o.kind_str() == "<-")
    });
    let stmt = if received { call } else { result_taken(call)? };
    let SpawningBody { decl, stmts, at, lit } = spawning_body(pkg, call)?;
    let result = decl.field("result").filter(|r| r.kind_str() == k::CHANNEL_TYPE)?;
    let recv_only = facts.text(result).starts_with("<-");
    // Nothing between the go and the return.
    if at + 2 != stmts.len() {
        return None;
    }
    let [before @ .., _, last] = &stmts[..] else { return None };
    // `return c`, the only return outside the literal.
    let value = last.named(0).filter(|l| last.kind_str() == k::RETURN_STATEMENT && l.named_child_count() == 1)?;
    let returned = value.named(0).filter(|v| v.kind_str() == k::IDENTIFIER)?;
    let body = decl.field("body")?;
    let mut returns = 0;
    super::flow::walk_own(body, |_, kind| {
        returns += usize::from(kind == k::RETURN_STATEMENT);
        true
    });
    if returns != 1 {
        return None;
    }
    let (_, scopes) = facts.scopes_for(returned)?;
    let b = scopes.binding(scopes.resolve(returned)?);
    let make = b.init.filter(|i| super::channels::is_unbuffered_make(facts, *i))?;
    let made_here =
        before.iter().any(|s| s.kind_str() == k::SHORT_VAR_DECLARATION && crate::syntax::contains(*s, make));
    let used_inside = b
        .uses
        .iter()
        .filter(|u| u.id() != b.ident.id() && u.id() != returned.id())
        .all(|u| crate::syntax::contains(lit, *u));
    if !made_here
        || !b.assignments.is_empty()
        || !used_inside
        || super::channels::target(make).map(|(i, _)| i.id()) != Some(b.ident.id())
    {
        return None;
    }
    let by = facts.text(decl.field("name")?);
    Some(Returned {
        start: Start { kind: StartKind::Returned, stmt, func: InFile::new(FileId::OWN, lit) },
        make,
        ident: b.ident,
        by,
        recv_only,
    })
}

/// The statement taking a call's results whole: `x := f(...)`, `x, err =
/// f(...)`.
fn result_taken(call: Node<'_>) -> Option<Node<'_>> {
    let list = call.up().filter(|l| l.kind_str() == k::EXPRESSION_LIST && named_children(*l).len() == 1)?;
    let stmt = list.up().filter(|s| matches!(s.kind_str(), k::SHORT_VAR_DECLARATION | k::ASSIGNMENT_STATEMENT))?;
    stmt.field("right").is_some_and(|r| r.id() == list.id()).then_some(stmt)
}

/// `g` in `g, ctx := errgroup.WithContext(...)`.
fn from_with_context(facts: &FileFacts<'_>, ident: Node<'_>) -> bool {
    let Some(list) = ident.up().filter(|l| l.kind_str() == k::EXPRESSION_LIST) else { return false };
    let Some(decl) = list.up().filter(|d| d.kind_str() == k::SHORT_VAR_DECLARATION) else { return false };
    let first = named_children(list).first().is_some_and(|n| n.id() == ident.id());
    let right = decl.field("right").map(named_children).unwrap_or_default();
    first
        && matches!(right.as_slice(), [call] if call.kind_str() == k::CALL_EXPRESSION
            && call.field("function").is_some_and(|f| known::is(f, facts.src, known::ERRGROUP_WITH_CONTEXT)))
}

/// For a func literal held in a closure variable (`f := func...`, `var f =
/// func...`) that is assigned nowhere else and used exactly once, as the
/// function of a call: that call. A variable used otherwise (called twice,
/// passed on, stored, its address taken) runs its body who knows where.
fn closure_var_call<'t>(facts: &FileFacts<'t>, lit: Node<'t>) -> Option<Node<'t>> {
    let u = closure_var_use(facts, lit)?;
    let call = u.up().filter(|c| c.kind_str() == k::CALL_EXPRESSION)?;
    call.field("function").is_some_and(|f| f.id() == u.id()).then_some(call)
}

/// For a func literal held in a closure variable, assigned nowhere else:
/// the variable's one use after it (a call, or an argument).
fn closure_var_use<'t>(facts: &FileFacts<'t>, lit: Node<'t>) -> Option<Node<'t>> {
    let (ident, _) = super::channels::target(lit)?;
    let (_, scopes) = facts.scopes_for(lit)?;
    let b = scopes.binding(scopes.resolve(ident)?);
    // `f := func...` / `var f = func...`, or `var f func()` then one `f = func...`.
    let declared = b.init.is_some_and(|i| i.id() == lit.id());
    let assigned_once = b.init.is_none() && b.ty.is_some_and(|t| t.kind_str() == k::FUNCTION_TYPE);
    if !(declared || assigned_once) || b.assignments.iter().any(|a| a.id() != ident.id()) {
        return None;
    }
    // The one use that is not the assignment itself, after it.
    let uses: Vec<_> = b.uses.iter().filter(|u| u.id() != ident.id()).collect();
    let [&u] = uses[..] else { return None };
    (u.start_byte() >= lit.end_byte()).then_some(u)
}

/// For `node` in a closure variable started as a goroutine two or more
/// times in `root`, by `go f(...)` statements or handed to launchers
/// (`s.spawn(f)`, `wg.Go(f)`, `safeGo(f)`: what [`launched_by`] reads for
/// one use), and used in no other way (`cp := func(dst, src) {...}` then
/// `go cp(a, b)` and `go cp(b, a)`): those starts, each running the
/// literal's body. Empty otherwise.
#[must_use]
pub fn closure_var_starts<'t>(pkg: &Package<'t>, node: Node<'t>, root: Node<'t>) -> Vec<Start<'t>> {
    let facts = pkg.own();
    let [lit] = literals_between(node, root)[..] else { return Vec::new() };
    let Some((ident, _)) = super::channels::target(lit) else { return Vec::new() };
    let Some((_, scopes)) = facts.scopes_for(lit) else { return Vec::new() };
    let Some(b) = scopes.resolve(ident).map(|b| scopes.binding(b)) else { return Vec::new() };
    if b.init.is_none_or(|i| i.id() != lit.id()) || !b.assignments.is_empty() {
        return Vec::new();
    }
    // Cheap tests first (a launcher is looked up, maybe in another file):
    // two uses or more, each a go statement's call or an argument.
    let uses: Vec<_> = b.uses.iter().filter(|u| u.id() != ident.id()).collect();
    let go_call = |u: Node<'t>| {
        let call = u.up().filter(|c| c.kind_str() == k::CALL_EXPRESSION && c.field("function") == Some(u));
        call.and_then(|c| c.up()).filter(|s| s.kind_str() == k::GO_STATEMENT)
    };
    let argument = |u: Node<'t>| u.up().is_some_and(|a| a.kind_str() == k::ARGUMENT_LIST);
    if uses.len() < 2 || !uses.iter().all(|u| go_call(**u).is_some() || argument(**u)) {
        return Vec::new();
    }
    let mut starts = Vec::new();
    for u in uses {
        let launch = match go_call(*u) {
            Some(stmt) => Some((StartKind::Go, stmt)),
            None => launched_by(pkg, facts, *u),
        };
        match launch {
            Some((kind, stmt)) if u.start_byte() > lit.end_byte() && literals_between(stmt, root).is_empty() => {
                starts.push(Start { kind, stmt, func: InFile::new(FileId::OWN, lit) });
            }
            _ => return Vec::new(),
        }
    }
    if starts.len() < 2 {
        starts.clear();
    }
    starts
}

/// For a use `u` of a channel as the one statement of a func literal,
/// the send `u <- v` (`func(t token) { toks <- t }`), handed to a go
/// statement's call of `root` (`go l.scan(...)`) whose callee, a function
/// or method of the checked file, does nothing with that func parameter
/// but call it as statements of its own body (`emit(t)`): the start, and
/// those call statements, each a send on the channel where it is. The
/// literal may be held by a closure variable (declared with it, never
/// assigned) that every use hands to such a go statement (`report :=
/// func(err error) { errc <- err }` then `go work(a, report)`, `go
/// work(b, report)`): one start each. `None` otherwise.
#[must_use]
pub fn callback_sends<'t>(pkg: &Package<'t>, u: Node<'t>, root: Node<'t>) -> Option<Vec<(Start<'t>, Vec<Node<'t>>)>> {
    let facts = pkg.own();
    let send = u.up().filter(|s| s.kind_str() == k::SEND_STATEMENT && s.field("channel") == Some(u))?;
    let [lit] = literals_between(u, root)[..] else { return None };
    let body = lit.field("body")?;
    if !matches!(crate::syntax::statements(body)[..], [only] if only.id() == send.id()) {
        return None;
    }
    // Nothing else in the literal names the channel.
    let name = facts.text(u);
    if crate::syntax::token_nodes(lit, facts.src, name.as_bytes()).len() != 1 {
        return None;
    }
    if lit.up().is_some_and(|a| a.kind_str() == k::ARGUMENT_LIST) {
        return Some(vec![callback_start(pkg, lit, root)?]);
    }
    let (ident, _) = super::channels::target(lit)?;
    let (_, scopes) = facts.scopes_for(lit)?;
    let b = scopes.binding(scopes.resolve(ident)?);
    if b.init.is_none_or(|i| i.id() != lit.id()) || !b.assignments.is_empty() {
        return None;
    }
    let uses: Vec<_> = b.uses.iter().filter(|v| v.id() != ident.id()).collect();
    if uses.is_empty() || uses.iter().any(|v| v.start_byte() < lit.end_byte()) {
        return None;
    }
    uses.into_iter().map(|v| callback_start(pkg, *v, root)).collect()
}

/// The go statement of `root` whose call is handed `arg` (a func literal
/// or a closure variable holding it) for a func parameter that its callee,
/// a function or method of the checked file, only calls as statements of
/// its own body: the start, with those calls (see [`callback_sends`]).
fn callback_start<'t>(pkg: &Package<'t>, arg: Node<'t>, root: Node<'t>) -> Option<(Start<'t>, Vec<Node<'t>>)> {
    let facts = pkg.own();
    let args = arg.up().filter(|a| a.kind_str() == k::ARGUMENT_LIST)?;
    let call = args.up()?;
    let CallStart::Known(start) = start_of_call(pkg, call) else { return None };
    let decl = start.func.value;
    if start.func.file != FileId::OWN
        || !matches!(decl.kind_str(), k::FUNCTION_DECLARATION | k::METHOD_DECLARATION)
        || decl.has_error()
        || !literals_between(start.stmt, root).is_empty()
    {
        return None;
    }
    let all = named_children(args);
    if all.iter().any(|a| a.kind_str() == k::VARIADIC_ARGUMENT) {
        return None;
    }
    let index = all.iter().position(|a| a.id() == arg.id())?;
    let param = param_ident(decl, index, facts.src)??;
    let (_, scopes) = facts.scopes_for(param)?;
    let b = scopes.binding(scopes.resolve(param)?);
    if b.kind != super::scope::BindingKind::Param || !b.assignments.is_empty() {
        return None;
    }
    b.uses
        .iter()
        .map(|&p| {
            let c = p.up().filter(|c| c.kind_str() == k::CALL_EXPRESSION && c.field("function") == Some(p))?;
            let stmt = c.up().filter(|s| s.kind_str() == k::EXPRESSION_STATEMENT)?;
            matches!(place_of(pkg, InFile::new(FileId::OWN, p), decl), Some(Place::Parent)).then_some(stmt)
        })
        .collect::<Option<Vec<_>>>()
        .filter(|calls| !calls.is_empty())
        .map(|calls| (start, calls))
}

/// What a call that starts a goroutine runs.
pub enum CallStart<'t> {
    /// The call does not start a goroutine.
    No,
    /// It does, but the body is not in the package (or not only one).
    Unknown,
    Known(Start<'t>),
}

/// Does `call` start a goroutine (`go f(args)`)? Syntax only: the body
/// may still be unknown (see [`start_of_call`]).
#[must_use]
pub fn starts_goroutine(call: Node<'_>) -> bool {
    call.up().is_some_and(|s| s.kind_str() == k::GO_STATEMENT)
}

/// Does `call` start a goroutine (`go f(args)`), and with which body?
#[must_use]
pub fn start_of_call<'t>(pkg: &Package<'t>, call: Node<'t>) -> CallStart<'t> {
    let Some(stmt) = call.up().filter(|s| s.kind_str() == k::GO_STATEMENT) else { return CallStart::No };
    match callee(pkg, call) {
        Some(func) => CallStart::Known(Start { kind: StartKind::Go, stmt, func }),
        None => CallStart::Unknown,
    }
}

/// The statement (`go`, `defer`, ...) whose call runs the func literal `lit`.
fn calling_stmt(lit: Node<'_>) -> Option<Node<'_>> {
    lit.up()
        .filter(|p| p.kind_str() == k::CALL_EXPRESSION)
        .filter(|c| c.field("function").is_some_and(|f| f.id() == lit.id()))?
        .up()
}

/// The `defer` statement calling the func literal `lit`, if it is one.
#[must_use]
pub fn deferred_by(lit: Node<'_>) -> Option<Node<'_>> {
    calling_stmt(lit).filter(|s| s.kind_str() == k::DEFER_STATEMENT)
}

/// The `go` statement calling the func literal `lit`, if it is one.
#[must_use]
fn go_of(lit: Node<'_>) -> Option<Node<'_>> {
    calling_stmt(lit).filter(|s| s.kind_str() == k::GO_STATEMENT)
}

/// For `go f(args)`: the function that runs, if its body is in the
/// package (a func literal, a top-level function, or a method no other type
/// shares).
pub fn callee<'t>(pkg: &Package<'t>, call: Node<'t>) -> Option<InFile<Node<'t>>> {
    let facts = pkg.own();
    let f = call.field("function")?;
    match f.kind_str() {
        k::FUNC_LITERAL => Some(InFile::new(FileId::OWN, f)),
        k::IDENTIFIER => {
            // A local variable holding a func value is analysable only as a
            // closure variable started here and used nowhere else.
            let (_, scopes) = facts.scopes_for(f)?;
            if let Some(b) = scopes.resolve(f) {
                let lit = scopes.binding(b).init.filter(|i| i.kind_str() == k::FUNC_LITERAL)?;
                return (closure_var_call(facts, lit) == Some(call)).then_some(InFile::new(FileId::OWN, lit));
            }
            pkg.func(facts.text(f))
        }
        k::SELECTOR_EXPRESSION => {
            let field = facts.text(f.field("field")?);
            let recv = receiver_type(facts, f.field("operand")?)?;
            pkg.method(recv, field)
        }
        _ => None,
    }
}

/// The declaring identifier of parameter number `index` of `func`, `Ok(None)`
/// if that parameter is unnamed or `_`, `None` if variadic or out of range.
#[must_use]
pub fn param_ident<'t>(func: Node<'t>, index: usize, src: &[u8]) -> Option<Option<Node<'t>>> {
    let list = func.field("parameters")?;
    let mut i = 0;
    for p in named_children(list) {
        let variadic = p.kind_str() == k::VARIADIC_PARAMETER_DECLARATION;
        let mut c = p.walk();
        let names: Vec<_> = p.children_by_field_name("name", &mut c).collect();
        let width = names.len().max(1);
        if index < i + width {
            if variadic {
                return None;
            }
            return Some(names.get(index - i).copied().filter(|n| n.utf8_text(src) != Ok("_")));
        }
        i += width;
    }
    None
}

/// The type node of `T{...}` or `&T{...}` (parentheses allowed).
#[must_use]
pub fn literal_type(e: Node<'_>) -> Option<Node<'_>> {
    let e = crate::syntax::unparen(e);
    let lit = if e.kind_str() == k::UNARY_EXPRESSION && e.field("operator").is_some_and(|o| o.kind_str() == "&") {
        e.field("operand")?
    } else {
        e
    };
    (lit.kind_str() == k::COMPOSITE_LITERAL).then(|| lit.field("type"))?
}

/// The named type of a method call's operand, when the file says it: a
/// local declared `x T` / `x *T`, or initialised from `T{...}` / `&T{...}`.
pub(crate) fn receiver_type<'t>(facts: &FileFacts<'t>, operand: Node<'t>) -> Option<&'t str> {
    if operand.kind_str() != k::IDENTIFIER {
        return None;
    }
    let (_, scopes) = facts.scopes_for(operand)?;
    let b = scopes.binding(scopes.resolve(operand)?);
    if !b.assignments.is_empty() {
        return None;
    }
    let ty = match (b.ty, b.init) {
        (Some(t), _) => t,
        (None, Some(init)) => literal_type(init)?,
        _ => return None,
    };
    let name = type_name(facts, ty)?;
    (!type_shadowed(facts, operand, name)?).then_some(name)
}

/// Does the declaration holding `at` declare a local type or a type
/// parameter named `name` (then `name` there is not the package's type)?
/// `None` outside any declaration.
pub(crate) fn type_shadowed(facts: &FileFacts<'_>, at: Node<'_>, name: &str) -> Option<bool> {
    let (decl, _) = facts.scopes_for(at)?;
    let mut shadowed = false;
    crate::syntax::walk_preorder(decl, |n| {
        if matches!(n.kind_str(), k::TYPE_SPEC | k::TYPE_ALIAS | k::TYPE_PARAMETER_DECLARATION) {
            let mut c = n.walk();
            shadowed |= n.children_by_field_name("name", &mut c).any(|x| facts.text(x) == name);
        }
        !shadowed
    });
    Some(shadowed)
}

/// `T`, `*T` → `T`; anything else (generic, qualified, literal types) → None.
#[must_use]
pub fn type_name<'t>(facts: &FileFacts<'t>, ty: Node<'t>) -> Option<&'t str> {
    match ty.kind_str() {
        k::TYPE_IDENTIFIER => Some(facts.text(ty)),
        k::POINTER_TYPE => type_name(facts, ty.named(0)?),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{FileFacts, Package, Sources};

    /// The first node of `kind` whose text is `text`.
    fn find<'t>(root: Node<'t>, src: &[u8], kind: &str, text: &str) -> Node<'t> {
        let mut found = None;
        crate::syntax::walk_preorder(root, |n| {
            if found.is_none() && n.kind_str() == kind && n.utf8_text(src) == Ok(text) {
                found = Some(n);
            }
            found.is_none()
        });
        found.unwrap_or_else(|| panic!("no {kind} {text:?}"))
    }

    #[test]
    fn place_of_tells_parent_deferred_and_goroutine_apart() {
        let src = b"package p\nfunc f(c chan int) {\n\ta := 1\n\tdefer func() { b := 2 }()\n\tgo func() { defer func() { d := 4 }(); e := 5 }()\n\th := func() { g := 3 }\n}\n";
        let tree = crate::syntax::parse(src).unwrap();
        let sources = Sources::new(None, Vec::new(), true);
        let pkg = Package::new(FileFacts::new(std::slice::from_ref(&tree), src), &sources);
        let root = tree.root_node();
        let func = find(root, src, k::FUNCTION_DECLARATION, std::str::from_utf8(&src[10..src.len() - 1]).unwrap());
        let at = |name: &str| place_of(&pkg, InFile::new(FileId::OWN, find(root, src, k::IDENTIFIER, name)), func);
        assert_eq!(at("a"), Some(Place::Parent));
        assert_eq!(at("b"), Some(Place::Deferred));
        let Some(Place::Goroutine(s)) = at("e") else { panic!("e runs in the goroutine") };
        assert_eq!(s.kind, StartKind::Go);
        assert_eq!(s.stmt.kind_str(), k::GO_STATEMENT);
        assert!(matches!(at("d"), Some(Place::Goroutine(d)) if d.stmt.id() == s.stmt.id()));
        assert_eq!(at("g"), None, "a stored closure runs who knows where");
    }

    #[test]
    fn a_closure_variable_started_once_is_a_start_and_nothing_else_is() {
        let src = b"package p\nfunc f(c chan int) {\n\tonce := func() { a := 1 }\n\tgo once()\n\ttwice := func() { b := 2 }\n\tgo twice()\n\ttwice()\n\tsync := func() { d := 3 }\n\tsync()\n\tlater := func() { e := 4 }\n\tlater = nil\n\tgo later()\n\tinner := func() { g := 5 }\n\tgo func() { go inner() }()\n}\n";
        let tree = crate::syntax::parse(src).unwrap();
        let sources = Sources::new(None, Vec::new(), true);
        let pkg = Package::new(FileFacts::new(std::slice::from_ref(&tree), src), &sources);
        let facts = pkg.own();
        let root = tree.root_node();
        let func = facts.decls()[0];
        let at = |name: &str| place_of(&pkg, InFile::new(FileId::OWN, find(root, src, k::IDENTIFIER, name)), func);
        let Some(Place::Goroutine(s)) = at("a") else { panic!("`go once()` runs once's body") };
        assert_eq!(s.stmt.utf8_text(src).unwrap(), "go once()");
        assert_eq!(s.func.value.kind_str(), k::FUNC_LITERAL);
        for name in ["b", "d", "e", "g"] {
            assert_eq!(at(name), None, "{name}: called twice, synchronously, reassigned or started elsewhere");
        }
        // `sync()` runs its body where it is called; `twice` runs it twice.
        let call = |name: &str| sync_closure_call(facts, find(root, src, k::IDENTIFIER, name), func);
        assert_eq!(call("d").map(|c| c.utf8_text(src).unwrap()), Some("sync()"));
        assert_eq!(call("b"), None);
    }

    #[test]
    fn a_closure_variable_started_by_several_go_statements_runs_in_each() {
        let src = b"package p\nfunc f(c chan int) {\n\tcp := func(x int) { a := x }\n\tgo cp(1)\n\tgo cp(2)\n\tmixed := func() { b := 2 }\n\tgo mixed()\n\tgo mixed()\n\tmixed()\n\tonce := func() { d := 3 }\n\tgo once()\n\tw := func() { e := 4 }\n\tsafeGo(w)\n\tgo w()\n}\nfunc safeGo(f func()) {\n\tgo f()\n}\n";
        let tree = crate::syntax::parse(src).unwrap();
        let sources = Sources::new(None, Vec::new(), true);
        let pkg = Package::new(FileFacts::new(std::slice::from_ref(&tree), src), &sources);
        let facts = pkg.own();
        let root = tree.root_node();
        let func = facts.decls()[0];
        let starts = |name: &str| {
            closure_var_starts(&pkg, find(root, src, k::IDENTIFIER, name), func)
                .iter()
                .map(|s| s.stmt.utf8_text(src).unwrap())
                .collect::<Vec<_>>()
        };
        assert_eq!(starts("a"), ["go cp(1)", "go cp(2)"]);
        assert_eq!(starts("e"), ["safeGo(w)", "go w()"], "a wrapper of the file starts it too");
        assert!(starts("b").is_empty(), "also called synchronously");
        assert!(starts("d").is_empty(), "started once: place_of's start");
    }

    #[test]
    fn a_go_call_binds_its_arguments_to_the_declared_parameters() {
        let src = b"package p\nfunc work(_ int, out chan int) { out <- 1 }\nfunc f(c chan int) {\n\tgo work(1, c)\n\tgo unknown(c)\n\twork(1, c)\n}\n";
        let tree = crate::syntax::parse(src).unwrap();
        let sources = Sources::new(None, Vec::new(), true);
        let pkg = Package::new(FileFacts::new(std::slice::from_ref(&tree), src), &sources);
        let root = tree.root_node();
        let go = find(root, src, k::CALL_EXPRESSION, "work(1, c)");
        let CallStart::Known(s) = start_of_call(&pkg, go) else { panic!("`go work(1, c)` starts work") };
        assert_eq!(s.file(), FileId::OWN);
        assert_eq!(s.param(&pkg, 1).flatten().map(|p| p.utf8_text(src).unwrap()), Some("out"));
        assert_eq!(s.param(&pkg, 0), Some(None), "`_` binds nothing");
        assert!(s.loops(root).next().is_none());
        let unknown = find(root, src, k::CALL_EXPRESSION, "unknown(c)");
        assert!(matches!(start_of_call(&pkg, unknown), CallStart::Unknown));
        let mut plain = None;
        crate::syntax::walk_preorder(root, |n| {
            if n.kind_str() == k::CALL_EXPRESSION && n.utf8_text(src) == Ok("work(1, c)") && !starts_goroutine(n) {
                plain = Some(n);
            }
            true
        });
        assert!(matches!(start_of_call(&pkg, plain.unwrap()), CallStart::No));
    }
}
