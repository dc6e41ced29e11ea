//! Goroutines: which body a `go` statement runs, how its arguments bind to
//! parameters, and in which execution context a node runs relative to the
//! function that made a channel.

use tree_sitter::Node;

use super::{FileFacts, FileId, InFile, Package};
use crate::syntax::Named as _;
use crate::syntax::{ancestors, kinds as k, named_children};

/// A `go` statement whose body is analysed.
#[derive(Debug, Clone, Copy)]
pub struct Goroutine<'t> {
    pub stmt: Node<'t>,
    /// The file the body is in (a sibling's for a function declared there).
    pub file: FileId,
    /// The function that runs: a func literal or a declaration of the package.
    pub func: Node<'t>,
}

impl<'t> Goroutine<'t> {
    /// The goroutine's body block.
    #[must_use]
    pub fn body(&self) -> Option<Node<'t>> {
        self.func.child_by_field_name("body")
    }
}

/// Where a node runs, seen from a function `root`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place<'t> {
    /// In `root` itself, in order.
    Direct,
    /// In a `defer` of `root` (a deferred call or deferred func literal).
    Deferred,
    /// In the func literal of a `go` statement of `root`.
    Go { stmt: Node<'t>, func: Node<'t> },
    /// Anywhere else: a stored closure, a goroutine inside a goroutine, ...
    Unknown,
}

/// Classify where `node` runs relative to the function `root` containing it.
#[must_use]
pub fn place_of<'t>(node: Node<'t>, root: Node<'t>) -> Place<'t> {
    let mut lits = Vec::new();
    let mut deferred = false;
    for a in ancestors(node) {
        if a.id() == root.id() {
            break;
        }
        match a.kind() {
            k::FUNC_LITERAL => lits.push(a),
            k::DEFER_STATEMENT => deferred = true,
            _ => {}
        }
    }
    // A func literal deferred at the top of a goroutine runs in that goroutine.
    if let [inner, outer] = lits.as_slice()
        && deferred_by(*inner)
            .is_some_and(|d| d.parent().and_then(|l| l.parent()).is_some_and(|b| b.parent() == Some(*outer)))
    {
        return go_of(*outer).map_or(Place::Unknown, |stmt| Place::Go { stmt, func: *outer });
    }
    match lits.as_slice() {
        [] if deferred => Place::Deferred,
        [] => Place::Direct,
        [lit] => match (go_of(*lit), deferred_by(*lit)) {
            (Some(stmt), _) => Place::Go { stmt, func: *lit },
            (None, Some(_)) => Place::Deferred,
            _ => Place::Unknown,
        },
        _ => Place::Unknown,
    }
}

/// The statement (`go`, `defer`, ...) whose call runs the func literal `lit`.
fn calling_stmt(lit: Node<'_>) -> Option<Node<'_>> {
    lit.parent()
        .filter(|p| p.kind() == k::CALL_EXPRESSION)
        .filter(|c| c.child_by_field_name("function").is_some_and(|f| f.id() == lit.id()))?
        .parent()
}

/// The `defer` statement calling the func literal `lit`, if it is one.
#[must_use]
pub fn deferred_by(lit: Node<'_>) -> Option<Node<'_>> {
    calling_stmt(lit).filter(|s| s.kind() == k::DEFER_STATEMENT)
}

/// The `go` statement calling the func literal `lit`, if it is one.
#[must_use]
pub fn go_of(lit: Node<'_>) -> Option<Node<'_>> {
    calling_stmt(lit).filter(|s| s.kind() == k::GO_STATEMENT)
}

/// For `go f(args)`: the function that runs, if its body is in the
/// package (a func literal, a top-level function, or a method no other type
/// shares).
#[must_use]
pub fn callee<'t>(pkg: &Package<'t>, call: Node<'t>) -> Option<InFile<Node<'t>>> {
    let facts = pkg.own();
    let f = call.child_by_field_name("function")?;
    match f.kind() {
        k::FUNC_LITERAL => Some(InFile::new(FileId::OWN, f)),
        k::IDENTIFIER => {
            // A local variable holding a func value is not analysable.
            let (_, scopes) = facts.scopes_for(f)?;
            if scopes.resolve(f).is_some() {
                return None;
            }
            pkg.func(facts.text(f))
        }
        k::SELECTOR_EXPRESSION => {
            let field = facts.text(f.child_by_field_name("field")?);
            let recv = receiver_type(facts, f.child_by_field_name("operand")?)?;
            pkg.method(recv, field)
        }
        _ => None,
    }
}

/// The declaring identifier of parameter number `index` of `func`, `Ok(None)`
/// if that parameter is unnamed or `_`, `None` if variadic or out of range.
#[must_use]
pub fn param_ident<'t>(func: Node<'t>, index: usize, src: &[u8]) -> Option<Option<Node<'t>>> {
    let list = func.child_by_field_name("parameters")?;
    let mut i = 0;
    for p in named_children(list) {
        let variadic = p.kind() == k::VARIADIC_PARAMETER_DECLARATION;
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

/// The named type of a method call's operand, when the file says it: a
/// local declared `x T` / `x *T`, or initialised from `T{...}` / `&T{...}`.
fn receiver_type<'t>(facts: &FileFacts<'t>, operand: Node<'t>) -> Option<&'t str> {
    if operand.kind() != k::IDENTIFIER {
        return None;
    }
    let (_, scopes) = facts.scopes_for(operand)?;
    let b = scopes.binding(scopes.resolve(operand)?);
    if !b.assignments.is_empty() {
        return None;
    }
    let ty = match (b.ty, b.init) {
        (Some(t), _) => t,
        (None, Some(init)) => {
            let lit = if init.kind() == k::UNARY_EXPRESSION { init.child_by_field_name("operand")? } else { init };
            if lit.kind() != k::COMPOSITE_LITERAL {
                return None;
            }
            lit.child_by_field_name("type")?
        }
        _ => return None,
    };
    let name = type_name(facts, ty)?;
    // A local type or a type parameter of that name is not the package's type.
    let (decl, _) = facts.scopes_for(operand)?;
    let mut shadowed = false;
    crate::syntax::walk_preorder(decl, |n| {
        if matches!(n.kind(), "type_spec" | "type_alias" | "type_parameter_declaration") {
            let mut c = n.walk();
            shadowed |= n.children_by_field_name("name", &mut c).any(|x| facts.text(x) == name);
        }
        !shadowed
    });
    (!shadowed).then_some(name)
}

/// `T`, `*T` → `T`; anything else (generic, qualified, literal types) → None.
#[must_use]
pub fn type_name<'t>(facts: &FileFacts<'t>, ty: Node<'t>) -> Option<&'t str> {
    match ty.kind() {
        k::TYPE_IDENTIFIER => Some(facts.text(ty)),
        "pointer_type" => type_name(facts, ty.named(0)?),
        _ => None,
    }
}
