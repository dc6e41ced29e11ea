//! What the package says about a local's type: enough to know whether
//! `len(x)` or `x` is a valid, non-negative channel capacity. From the
//! file alone (a declared type, an initialiser), or from the declared
//! result types of the package function or method that initialises it
//! (`x := build()`, `x, err := s.load()`), in this file or a sibling.

use crate::syntax::Fast as _;
use crate::syntax::Up as _;
use tree_sitter::Node;

use super::scope::{Binding, Scopes};
use super::{FileFacts, InFile, Package};
use crate::syntax::Named as _;
use crate::syntax::{kinds as k, named_children};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// Slice, array, map or string: `len(x)` is defined.
    Collection,
    /// An integer that cannot be negative (unsigned, or from `len`/a literal).
    NonNegInt,
    /// A signed integer of unknown sign.
    SignedInt,
    Unknown,
}

const SIGNED: &[&str] = &["int", "int8", "int16", "int32", "int64", "rune"];
const UNSIGNED: &[&str] = &["uint", "uint8", "uint16", "uint32", "uint64", "uintptr", "byte"];

fn shape_of_type(facts: &FileFacts<'_>, ty: Node<'_>) -> Shape {
    match ty.kind_str() {
        k::SLICE_TYPE | k::ARRAY_TYPE | k::MAP_TYPE | k::IMPLICIT_LENGTH_ARRAY_TYPE => Shape::Collection,
        k::TYPE_IDENTIFIER => match facts.text(ty) {
            "string" => Shape::Collection,
            t if SIGNED.contains(&t) => Shape::SignedInt,
            t if UNSIGNED.contains(&t) => Shape::NonNegInt,
            _ => Shape::Unknown,
        },
        _ => Shape::Unknown,
    }
}

/// The shape of an expression, from its syntax alone.
#[must_use]
pub fn shape_of_expr(facts: &FileFacts<'_>, scopes: &Scopes<'_>, e: Node<'_>) -> Shape {
    match e.kind_str() {
        k::INT_LITERAL => Shape::NonNegInt,
        k::INTERPRETED_STRING_LITERAL | k::RAW_STRING_LITERAL => Shape::Collection,
        k::COMPOSITE_LITERAL => e.field("type").map_or(Shape::Unknown, |t| shape_of_type(facts, t)),
        k::CALL_EXPRESSION => {
            let Some(f) = e.field("function") else { return Shape::Unknown };
            if f.kind_str() != k::IDENTIFIER || scopes.resolve(f).is_some() {
                return Shape::Unknown;
            }
            let first = e.field("arguments").and_then(|a| a.named(0));
            match facts.text(f) {
                "len" | "cap" => Shape::NonNegInt,
                "make" => first.map_or(Shape::Unknown, |t| match shape_of_type(facts, t) {
                    Shape::Collection => Shape::Collection,
                    _ => Shape::Unknown,
                }),
                _ => Shape::Unknown,
            }
        }
        k::IDENTIFIER => {
            scopes.resolve(e).map_or(Shape::Unknown, |b| shape_of_binding(facts, scopes, scopes.binding(b)))
        }
        _ => Shape::Unknown,
    }
}

/// The shape of a local, from its declared type or its initialiser.
#[must_use]
pub fn shape_of_binding(facts: &FileFacts<'_>, scopes: &Scopes<'_>, b: &Binding<'_>) -> Shape {
    if b.ident.up().is_some_and(|p| p.kind_str() == k::VARIADIC_PARAMETER_DECLARATION) {
        return Shape::Collection;
    }
    if let Some(ty) = b.ty {
        return shape_of_type(facts, ty);
    }
    if let Some(shape) = range_variable(facts, scopes, b) {
        return shape;
    }
    match b.init {
        // Guard against `x := x` style self-reference loops.
        Some(init) if !named_children(init).iter().any(|c| c.id() == b.ident.id()) && init.id() != b.ident.id() => {
            if init.kind_str() == k::IDENTIFIER {
                return Shape::Unknown;
            }
            shape_of_expr(facts, scopes, init)
        }
        _ => Shape::Unknown,
    }
}

/// For `for k, v := range x` with `x` of a declared slice, array or map
/// type: the shape of `k` or `v`.
fn range_variable(facts: &FileFacts<'_>, scopes: &Scopes<'_>, b: &Binding<'_>) -> Option<Shape> {
    let list = b.ident.up().filter(|p| p.kind_str() == k::EXPRESSION_LIST)?;
    let clause = list.up().filter(|p| p.kind_str() == k::RANGE_CLAUSE)?;
    let index = named_children(list).iter().position(|n| n.id() == b.ident.id())?;
    let over = clause.field("right").filter(|r| r.kind_str() == k::IDENTIFIER)?;
    let ob = scopes.binding(scopes.resolve(over)?);
    if ob.ident.id() == b.ident.id() {
        return None;
    }
    let ty = ob.ty?;
    let part = match (ty.kind_str(), index) {
        (k::SLICE_TYPE | k::ARRAY_TYPE, 0) => return Some(Shape::NonNegInt),
        (k::SLICE_TYPE | k::ARRAY_TYPE, 1) => ty.field("element")?,
        (k::MAP_TYPE, 0) => ty.field("key")?,
        (k::MAP_TYPE, 1) => ty.field("value")?,
        _ => return None,
    };
    Some(shape_of_type(facts, part))
}

/// Is the local a slice or an array, by its declared type or initialiser
/// (`[]T`, `[n]T`, `make([]T, n)`, `[]T{...}`)? Then `x[i] = v` cannot
/// change `len(x)`, as it can for a map.
#[must_use]
pub fn is_slice_or_array(b: &Binding<'_>) -> bool {
    let sequence = |t: Node<'_>| matches!(t.kind_str(), k::SLICE_TYPE | k::ARRAY_TYPE | k::IMPLICIT_LENGTH_ARRAY_TYPE);
    if let Some(ty) = b.ty {
        return sequence(ty);
    }
    b.init.is_some_and(|init| match init.kind_str() {
        k::COMPOSITE_LITERAL => init.field("type").is_some_and(sequence),
        // `make([]T, n)`: a shadowed `make` does not take a type argument.
        k::CALL_EXPRESSION => {
            init.field("function").is_some_and(|f| f.kind_str() == k::IDENTIFIER)
                && init.field("arguments").and_then(|a| a.named(0)).is_some_and(sequence)
        }
        _ => false,
    })
}

/// The declared type of the result a local is initialised from, when its
/// declaration calls a function or method of the package: `x := build()`,
/// `x, err := s.load()`, `var x, err = load()` (one call on the right).
#[must_use]
pub fn result_type<'t>(pkg: &Package<'t>, b: &Binding<'t>) -> Option<InFile<Node<'t>>> {
    let (decl, call, index, names) = declared_from_call(b)?;
    if decl.kind_str() == k::VAR_SPEC && b.ty.is_some() {
        return None;
    }
    let func = super::starts::callee(pkg, call)?;
    if func.value.kind_str() == k::FUNC_LITERAL {
        return None;
    }
    let result = func.value.field("result")?;
    // One type, or a list of (possibly named) results, each name a result.
    let types: Vec<Node<'t>> = if result.kind_str() == k::PARAMETER_LIST {
        named_children(result)
            .into_iter()
            .filter(|p| p.kind_str() == k::PARAMETER_DECLARATION)
            .flat_map(|p| {
                let mut c = p.walk();
                let names = p.children_by_field_name("name", &mut c).count().max(1);
                std::iter::repeat_n(p.field("type"), names)
            })
            .collect::<Option<_>>()?
    } else {
        vec![result]
    };
    (types.len() == names).then(|| InFile::new(func.file, types[index]))
}

/// For `b` declared among the names of `x, err := f(...)` or `var x, err =
/// f(...)`, one call on the right: the declaration, the call, `b`'s
/// position among the names and their number.
fn declared_from_call<'t>(b: &Binding<'t>) -> Option<(Node<'t>, Node<'t>, usize, usize)> {
    let list = b.ident.up().filter(|p| p.kind_str() == k::EXPRESSION_LIST)?;
    let decl = list.up().filter(|d| matches!(d.kind_str(), k::SHORT_VAR_DECLARATION | k::VAR_SPEC))?;
    let lefts = named_children(list);
    let index = lefts.iter().position(|n| n.id() == b.ident.id())?;
    let right = decl.field(if decl.kind_str() == k::VAR_SPEC { "value" } else { "right" })?;
    let [call] = named_children(right)[..] else { return None };
    (call.kind_str() == k::CALL_EXPRESSION).then_some((decl, call, index, lefts.len()))
}

/// [`shape_of_expr`], and for a local the file cannot tell, the shape of
/// the result it is initialised from ([`result_type`]).
#[must_use]
pub fn shape_in_package<'t>(pkg: &Package<'t>, scopes: &Scopes<'t>, e: Node<'t>) -> Shape {
    let shape = shape_of_expr(pkg.own(), scopes, e);
    if shape != Shape::Unknown || e.kind_str() != k::IDENTIFIER {
        return shape;
    }
    scopes.resolve(e).map_or(Shape::Unknown, |b| binding_shape_in_package(pkg, scopes, scopes.binding(b)))
}

/// [`shape_of_binding`], with the result types of the package.
#[must_use]
pub fn binding_shape_in_package<'t>(pkg: &Package<'t>, scopes: &Scopes<'t>, b: &Binding<'t>) -> Shape {
    match shape_of_binding(pkg.own(), scopes, b) {
        Shape::Unknown if known_slice_result(pkg, scopes, b) => Shape::Collection,
        Shape::Unknown => result_type(pkg, b)
            // `n := s.shards`: the field's declared type (a field of a
            // local, the one value assigned: what the parse shortcut keeps).
            .or_else(|| b.init.filter(|i| copied_field(*i)).and_then(|i| field_type(pkg, i)))
            .map_or(Shape::Unknown, |t| declared_shape(pkg, t)),
        shape => shape,
    }
}

/// Is `b` declared as the first result of a standard function known to
/// return a slice ([`known::SLICE_RESULTS`]), `files, err :=
/// filepath.Glob(p)`, its package not shadowed by a local?
fn known_slice_result<'t>(pkg: &Package<'t>, scopes: &Scopes<'t>, b: &Binding<'t>) -> bool {
    let Some((decl, call, 0, _)) = declared_from_call(b) else { return false };
    let Some(f) = call.field("function").filter(|_| decl.kind_str() == k::SHORT_VAR_DECLARATION) else {
        return false;
    };
    let local_pkg = f.field("operand").is_some_and(|o| scopes.resolve(o).is_some());
    !local_pkg && super::known::SLICE_RESULTS.iter().any(|api| super::known::is(f, pkg.own().src, *api))
}

/// `s.f` with `s` a name, the only value of its assignment (`n := s.f`,
/// not `n, m := s.f, s.g`, nor `s.a.f`).
fn copied_field(init: Node<'_>) -> bool {
    init.kind_str() == k::SELECTOR_EXPRESSION
        && init.field("operand").is_some_and(|o| o.kind_str() == k::IDENTIFIER)
        && init.up().is_some_and(|l| l.kind_str() != k::EXPRESSION_LIST || l.named_child_count() == 1)
}

/// Is an element of `b` assigned anywhere (`b[k] = v`)? On a map that
/// may add an entry, changing `len(b)`; on a slice or array it cannot.
#[must_use]
pub fn elements_assigned(b: &Binding<'_>) -> bool {
    b.uses.iter().any(|u| {
        u.up().is_some_and(|ix| {
            ix.kind_str() == k::INDEX_EXPRESSION
                && ix.field("operand").is_some_and(|o| o.id() == u.id())
                && crate::syntax::ancestors(ix).any(|a| {
                    a.kind_str() == k::ASSIGNMENT_STATEMENT
                        && a.field("left").is_some_and(|l| crate::syntax::contains(l, ix))
                })
        })
    })
}

/// [`is_slice_or_array`], with the result types of the package.
#[must_use]
pub fn is_sequence_in_package<'t>(pkg: &Package<'t>, b: &Binding<'t>) -> bool {
    is_slice_or_array(b)
        || result_type(pkg, b).is_some_and(|t| matches!(t.value.kind_str(), k::SLICE_TYPE | k::ARRAY_TYPE))
}

/// The declared type of the field `x.f` (or `x.y.f`), for `x` a local of a
/// struct type of the package (`x T`, `x *T`, `x := &T{...}`) that
/// declares `f` itself or promotes it from an embedded struct of the
/// package (the shallowest one, as Go selects it; none when two at one
/// depth declare it, or when an embedded type the package does not
/// declare might).
#[must_use]
pub fn field_type<'t>(pkg: &Package<'t>, sel: Node<'t>) -> Option<InFile<Node<'t>>> {
    field_type_in(pkg, pkg.own(), sel)
}

/// [`field_type`] for a selector in the file `facts` of the package (the
/// checked file or a sibling).
#[must_use]
pub fn field_type_in<'t>(pkg: &Package<'t>, facts: &super::FileFacts<'t>, sel: Node<'t>) -> Option<InFile<Node<'t>>> {
    let operand = sel.field("operand")?;
    let field = facts.text(sel.field("field")?);
    let owner = match operand.kind_str() {
        k::SELECTOR_EXPRESSION => {
            let t = field_type_in(pkg, facts, operand)?;
            type_name(pkg.file(t.file), t.value)?
        }
        _ => super::starts::receiver_type(facts, operand)?,
    };
    promoted_field(pkg, owner, field)
}

/// `T` for the type `T` or `*T` (`None` for any other type).
fn type_name<'t>(file: &super::FileFacts<'t>, ty: Node<'t>) -> Option<&'t str> {
    match ty.kind_str() {
        k::TYPE_IDENTIFIER => Some(file.text(ty)),
        k::POINTER_TYPE => ty.named(0).filter(|t| t.kind_str() == k::TYPE_IDENTIFIER).map(|t| file.text(t)),
        _ => None,
    }
}

/// The type of the field `field` of the struct type `owner`, its own or
/// promoted through embedded fields, level by level. An embedded type is
/// followed only when it is declared in the file of the struct embedding
/// it (the parse shortcut keeps those declarations with it; see
/// `relevance::embedded_types`).
fn promoted_field<'t>(pkg: &Package<'t>, owner: &str, field: &str) -> Option<InFile<Node<'t>>> {
    let mut level: Vec<(&str, Option<super::FileId>)> = vec![(owner, None)];
    let mut seen: Vec<&str> = Vec::new();
    // Go allows any depth; four levels cover hand-written code.
    for _ in 0..4 {
        let mut found = Vec::new();
        let mut next = Vec::new();
        for &(t, in_file) in &level {
            if seen.contains(&t) {
                continue;
            }
            seen.push(t);
            // An embedded type is looked up in the embedding struct's file.
            let spec = match in_file {
                None => pkg.type_spec(t)?,
                Some(f) => InFile::new(f, pkg.file(f).type_spec(t)?),
            };
            let file = pkg.file(spec.file);
            let strukt = spec.value.field("type").filter(|t| t.kind_str() == k::STRUCT_TYPE)?;
            let list = named_children(strukt).into_iter().find(|l| l.kind_str() == k::FIELD_DECLARATION_LIST)?;
            for f in named_children(list).into_iter().filter(|f| f.kind_str() == k::FIELD_DECLARATION) {
                let ty = f.field("type")?;
                let mut c = f.walk();
                let names: Vec<&str> = f.children_by_field_name("name", &mut c).map(|n| file.text(n)).collect();
                if names.is_empty() {
                    // Embedded: named by its type; another package's type may
                    // promote anything.
                    let embedded = type_name(file, ty)?;
                    if embedded == field {
                        found.push(InFile::new(spec.file, ty));
                    }
                    next.push((embedded, Some(spec.file)));
                } else if names.contains(&field) {
                    found.push(InFile::new(spec.file, ty));
                }
            }
        }
        match found.as_slice() {
            [one] => return Some(*one),
            [] if !next.is_empty() => level = next,
            _ => return None,
        }
    }
    None
}

/// The shape of a declared type found by [`result_type`] or
/// [`field_type`], read in the file it is declared in.
#[must_use]
pub fn declared_shape(pkg: &Package<'_>, ty: InFile<Node<'_>>) -> Shape {
    shape_of_type(pkg.file(ty.file), ty.value)
}
