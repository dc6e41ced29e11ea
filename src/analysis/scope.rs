//! Name resolution with Go's block scoping: every identifier use in a function
//! is mapped to the binding it refers to (parameters, closure parameters,
//! `:=`, `var`, range/for variables, type-switch aliases, select receives).
//! Names that resolve to nothing here are package-level or builtins.

use crate::syntax::Fast as _;
use std::collections::HashMap;
use std::ops::Range;

use tree_sitter::Node;

use crate::syntax::{kinds as k, named_children, text};

pub type BindingId = usize;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BindingKind {
    /// A parameter, receiver or named result of a function or closure.
    Param,
    /// `var`, `:=`, `const`, range and for-clause variables.
    Local,
}

#[derive(Debug)]
pub struct Binding<'t> {
    pub name: String,
    pub kind: BindingKind,
    /// The declaring identifier.
    pub ident: Node<'t>,
    /// Declared type, if written (`x T` parameter, `var x T`).
    pub ty: Option<Node<'t>>,
    /// Initialiser expression, when one expression is paired with this name.
    pub init: Option<Node<'t>>,
    /// Byte range where the name is visible.
    pub scope: Range<usize>,
    /// First byte where the name refers to this binding (Go scopes start
    /// after the declaring statement).
    pub visible_from: usize,
    /// Identifier uses that resolve here (declaration excluded).
    pub uses: Vec<Node<'t>>,
    /// Identifiers where the binding is assigned after its declaration
    /// (`=`, `:=` re-use, `++`, range/receive with `=`).
    pub assignments: Vec<Node<'t>>,
}

/// Bindings and uses of one top-level declaration.
#[derive(Debug, Default)]
pub struct Scopes<'t> {
    pub bindings: Vec<Binding<'t>>,
    by_use: HashMap<usize, BindingId, crate::syntax::parents::Fast>,
    /// Set when nesting was too deep to analyse: then nothing here is trusted.
    pub too_deep: bool,
}

/// Nesting depth beyond which a declaration is not analysed (keeps the
/// recursive resolver far from the thread's stack limit).
const MAX_DEPTH: usize = 400;

impl<'t> Scopes<'t> {
    /// Resolve every name inside `decl` (a function or method declaration).
    #[must_use]
    pub fn of(decl: Node<'t>, src: &[u8]) -> Self {
        let mut r =
            Resolver { src, out: Scopes::default(), stack: Vec::new(), names: HashMap::new(), declared: Vec::new() };
        r.push(decl.byte_range());
        r.visit(decl, 0);
        r.out
    }

    /// The binding an identifier node refers to, if it is a local one.
    #[must_use]
    pub fn resolve(&self, ident: Node<'_>) -> Option<BindingId> {
        self.by_use.get(&ident.id()).copied()
    }

    #[must_use]
    pub fn binding(&self, id: BindingId) -> &Binding<'t> {
        &self.bindings[id]
    }

    /// The binding `name` would refer to if written at byte `pos`.
    #[must_use]
    pub fn resolve_name_at(&self, name: &str, pos: usize) -> Option<BindingId> {
        self.bindings
            .iter()
            .enumerate()
            .filter(|(_, b)| b.name == name && b.scope.contains(&pos) && b.visible_from <= pos)
            .min_by_key(|(_, b)| (b.scope.end - b.scope.start, usize::MAX - b.visible_from))
            .map(|(i, _)| i)
    }
}

/// An open scope: its range, and where its names start in
/// [`Resolver::declared`] and its bindings in the output.
struct Frame {
    range: Range<usize>,
    declared: usize,
    first_binding: BindingId,
}

struct Resolver<'s, 't> {
    src: &'s [u8],
    out: Scopes<'t>,
    stack: Vec<Frame>,
    /// The bindings each name has in the open scopes, innermost last.
    names: HashMap<&'s str, Vec<BindingId>>,
    /// The names declared in the open scopes, in order (what a pop undoes).
    declared: Vec<&'s str>,
}

impl<'t> Resolver<'_, 't> {
    fn push(&mut self, range: Range<usize>) {
        self.stack.push(Frame { range, declared: self.declared.len(), first_binding: self.out.bindings.len() });
    }

    fn pop(&mut self) {
        let Some(f) = self.stack.pop() else { return };
        for name in self.declared.drain(f.declared..) {
            if let Some(ids) = self.names.get_mut(name) {
                ids.pop();
            }
        }
    }

    fn lookup(&self, name: &str) -> Option<BindingId> {
        self.names.get(name).and_then(|ids| ids.last().copied())
    }

    /// The binding `name` has in the innermost scope, if declared there.
    fn in_this_scope(&self, name: &str) -> Option<BindingId> {
        let first = self.stack.last()?.first_binding;
        self.lookup(name).filter(|id| *id >= first)
    }

    fn declare(
        &mut self,
        ident: Node<'t>,
        kind: BindingKind,
        ty: Option<Node<'t>>,
        init: Option<Node<'t>>,
        visible_from: usize,
    ) {
        let name = text(ident, self.src);
        if name == "_" || name.is_empty() {
            return;
        }
        let frame = self.stack.last().expect("a scope is open");
        let id = self.out.bindings.len();
        self.out.bindings.push(Binding {
            name: name.to_owned(),
            kind,
            ident,
            ty,
            init,
            scope: frame.range.clone(),
            visible_from,
            uses: Vec::new(),
            assignments: Vec::new(),
        });
        self.names.entry(name).or_default().push(id);
        self.declared.push(name);
        self.out.by_use.insert(ident.id(), id);
    }

    fn assign(&mut self, ident: Node<'t>) {
        if ident.kind_str() != k::IDENTIFIER {
            return;
        }
        if let Some(id) = self.lookup(text(ident, self.src)) {
            self.out.by_use.insert(ident.id(), id);
            self.out.bindings[id].assignments.push(ident);
        }
    }

    fn params(&mut self, list: Option<Node<'t>>) {
        let Some(list) = list else { return };
        for p in named_children(list) {
            if p.kind_str() != k::PARAMETER_DECLARATION && p.kind_str() != k::VARIADIC_PARAMETER_DECLARATION {
                continue;
            }
            let ty = p.field("type");
            let mut c = p.walk();
            let names: Vec<_> = p.children_by_field_name("name", &mut c).collect();
            for n in names {
                self.declare(n, BindingKind::Param, ty, None, list.start_byte());
            }
        }
    }

    fn visit_children(&mut self, node: Node<'t>, depth: usize) {
        for c in named_children(node) {
            self.visit(c, depth + 1);
        }
    }

    /// Declare the identifiers of `left` (an expression list) as new
    /// bindings, or record an assignment for names already in this scope
    /// (Go's `:=` re-use rule). `right` pairs initialisers by position.
    fn short_decl(&mut self, left: Node<'t>, right: Option<Node<'t>>, visible_from: usize) {
        let rights = right.map(named_children).unwrap_or_default();
        let lefts = named_children(left);
        let paired = rights.len() == lefts.len();
        for (i, l) in lefts.into_iter().enumerate() {
            if l.kind_str() != k::IDENTIFIER {
                continue;
            }
            let name = text(l, self.src);
            let in_this_scope = self.in_this_scope(name);
            if let Some(id) = in_this_scope {
                self.out.by_use.insert(l.id(), id);
                self.out.bindings[id].assignments.push(l);
            } else {
                let init = if paired { rights.get(i).copied() } else { None };
                self.declare(l, BindingKind::Local, None, init, visible_from);
            }
        }
    }

    fn is_define(node: Node<'_>) -> bool {
        let mut c = node.walk();

        node.children(&mut c).any(|ch| ch.kind_str() == ":=")
    }

    #[allow(clippy::too_many_lines)]
    fn visit(&mut self, node: Node<'t>, depth: usize) {
        if depth > MAX_DEPTH {
            self.out.too_deep = true;
            return;
        }
        match node.kind_str() {
            k::FUNCTION_DECLARATION | k::METHOD_DECLARATION | k::FUNC_LITERAL => {
                self.push(node.byte_range());
                self.params(node.field("receiver"));
                self.params(node.field("parameters"));
                if let Some(r) = node.field("result")
                    && r.kind_str() == k::PARAMETER_LIST
                {
                    self.params(Some(r));
                }
                if let Some(body) = node.field("body") {
                    // The body's top level shares the parameters' scope.
                    for c in named_children(body) {
                        self.visit_children(c, depth + 1);
                    }
                }
                self.pop();
            }
            k::BLOCK
            | k::IF_STATEMENT
            | k::EXPRESSION_SWITCH_STATEMENT
            | k::EXPRESSION_CASE
            | k::DEFAULT_CASE
            | k::COMMUNICATION_CASE => {
                self.push(node.byte_range());
                self.visit_children(node, depth);
                self.pop();
            }
            k::TYPE_SWITCH_STATEMENT => {
                self.push(node.byte_range());
                if let Some(init) = node.field("initializer") {
                    self.visit(init, depth + 1);
                }
                if let Some(v) = node.field("value") {
                    self.visit(v, depth + 1);
                }
                let alias = node.field("alias");
                for c in named_children(node) {
                    if c.kind_str() == k::TYPE_CASE || c.kind_str() == k::DEFAULT_CASE {
                        self.push(c.byte_range());
                        if let Some(a) = alias {
                            for n in named_children(a) {
                                self.declare(n, BindingKind::Local, None, None, c.start_byte());
                            }
                        }
                        for s in named_children(c) {
                            if s.kind_str() == k::STATEMENT_LIST {
                                self.visit(s, depth + 1);
                            }
                        }
                        self.pop();
                    }
                }
                self.pop();
            }
            k::FOR_STATEMENT => {
                self.push(node.byte_range());
                for c in named_children(node) {
                    if c.kind_str() == k::RANGE_CLAUSE {
                        if let Some(r) = c.field("right") {
                            self.visit(r, depth + 1);
                        }
                        if let Some(l) = c.field("left") {
                            if Self::is_define(c) {
                                for n in named_children(l) {
                                    self.declare(n, BindingKind::Local, None, None, c.end_byte());
                                }
                            } else {
                                self.visit(l, depth + 1);
                                for n in named_children(l) {
                                    self.assign(n);
                                }
                            }
                        }
                    } else {
                        self.visit(c, depth + 1);
                    }
                }
                self.pop();
            }
            k::SHORT_VAR_DECLARATION => {
                let right = node.field("right");
                if let Some(r) = right {
                    self.visit(r, depth + 1);
                }
                if let Some(l) = node.field("left") {
                    self.short_decl(l, right, node.end_byte());
                }
            }
            k::RECEIVE_STATEMENT => {
                if let Some(r) = node.field("right") {
                    self.visit(r, depth + 1);
                }
                if let Some(l) = node.field("left") {
                    if Self::is_define(node) {
                        for n in named_children(l) {
                            self.declare(n, BindingKind::Local, None, None, node.end_byte());
                        }
                    } else {
                        self.visit(l, depth + 1);
                        for n in named_children(l) {
                            self.assign(n);
                        }
                    }
                }
            }
            k::VAR_SPEC | k::CONST_SPEC => {
                let value = node.field("value");
                if let Some(v) = value {
                    self.visit(v, depth + 1);
                }
                let ty = node.field("type");
                let values = value.map(named_children).unwrap_or_default();
                let mut c = node.walk();
                let names: Vec<_> = node.children_by_field_name("name", &mut c).collect();
                let paired = values.len() == names.len();
                for (i, n) in names.into_iter().enumerate() {
                    let init = if paired { values.get(i).copied() } else { None };
                    self.declare(n, BindingKind::Local, ty, init, node.end_byte());
                }
            }
            k::ASSIGNMENT_STATEMENT => {
                self.visit_children(node, depth);
                if let Some(l) = node.field("left") {
                    for n in named_children(l) {
                        self.assign(n);
                    }
                }
            }
            k::INC_STATEMENT | k::DEC_STATEMENT => {
                for n in named_children(node) {
                    self.assign(n);
                }
            }
            k::UNARY_EXPRESSION
                if node.field("operator").is_some_and(|o| o.kind_str() == "&")
                    && node.field("operand").is_some_and(|o| o.kind_str() == k::IDENTIFIER) =>
            {
                // `&x` lets anything change x: count it as an assignment.
                self.visit_children(node, depth);
                if let Some(o) = node.field("operand") {
                    self.assign(o);
                }
            }
            k::IDENTIFIER => {
                if let Some(id) = self.lookup(text(node, self.src)) {
                    self.out.by_use.insert(node.id(), id);
                    self.out.bindings[id].uses.push(node);
                }
            }
            k::SELECTOR_EXPRESSION => {
                if let Some(op) = node.field("operand") {
                    self.visit(op, depth + 1);
                }
            }
            kind if kind.ends_with("_type") || kind == k::TYPE_IDENTIFIER || kind == k::COMMENT => {}
            _ => self.visit_children(node, depth),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::{parse, walk_preorder};

    /// Resolve `src`, then report for every use of `name` the line of the
    /// identifier that declared what it refers to (0 = unresolved).
    fn decl_lines(src: &str, name: &str) -> Vec<usize> {
        let tree = parse(src.as_bytes()).unwrap();
        let root = tree.root_node();
        let mut out = Vec::new();
        for decl in named_children(root) {
            if decl.kind_str() != k::FUNCTION_DECLARATION {
                continue;
            }
            let scopes = Scopes::of(decl, src.as_bytes());
            walk_preorder(decl, |n| {
                if n.kind_str() == k::IDENTIFIER && text(n, src.as_bytes()) == name {
                    let b = scopes.resolve(n);
                    let is_decl = b.is_some_and(|b| scopes.binding(b).ident.id() == n.id());
                    if !is_decl {
                        out.push(b.map_or(0, |b| scopes.binding(b).ident.start_position().row + 1));
                    }
                }
                true
            });
        }
        out
    }

    #[test]
    fn shadowing_in_inner_block() {
        let src = "package p\nfunc f() {\n\tc := 1\n\tif true {\n\t\tc := 2\n\t\t_ = c\n\t}\n\t_ = c\n}\n";
        assert_eq!(decl_lines(src, "c"), vec![5, 3]);
    }

    #[test]
    fn closure_parameter_shadows_capture() {
        let src = "package p\nfunc f() {\n\tc := 1\n\tgo func(c int) {\n\t\t_ = c\n\t}(c)\n}\n";
        assert_eq!(decl_lines(src, "c"), vec![4, 3]);
    }

    #[test]
    fn short_var_reuse_is_assignment() {
        let src = "package p\nfunc f() {\n\tc, a := 1, 2\n\tc, b := 3, 4\n\t_, _, _ = a, b, c\n}\n";
        let tree = parse(src.as_bytes()).unwrap();
        let decl = named_children(tree.root_node())[1];
        let s = Scopes::of(decl, src.as_bytes());
        let c = s.bindings.iter().find(|b| b.name == "c").unwrap();
        assert_eq!(c.assignments.len(), 1);
        assert_eq!(s.bindings.iter().filter(|b| b.name == "c").count(), 1);
    }

    #[test]
    fn range_right_side_sees_outer_name() {
        let src = "package p\nfunc f(x []int) {\n\tfor _, x := range x {\n\t\t_ = x\n\t}\n}\n";
        assert_eq!(decl_lines(src, "x"), vec![2, 3]);
    }

    #[test]
    fn name_at_position() {
        let src = "package p\nfunc f(items []int) {\n\tc := 0\n\t{\n\t\titems := 1\n\t\t_ = items\n\t}\n\t_ = c\n}\n";
        let tree = parse(src.as_bytes()).unwrap();
        let decl = named_children(tree.root_node())[1];
        let s = Scopes::of(decl, src.as_bytes());
        let at_c = src.find("c := 0").unwrap();
        let outer = s.resolve_name_at("items", at_c).unwrap();
        assert_eq!(s.binding(outer).kind, BindingKind::Param);
        let inner_use = src.find("_ = items").unwrap() + 4;
        let inner = s.resolve_name_at("items", inner_use).unwrap();
        assert_eq!(s.binding(inner).kind, BindingKind::Local);
    }
}
