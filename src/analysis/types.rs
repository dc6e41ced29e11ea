//! What the file itself says about a local's type: enough to know whether
//! `len(x)` or `x` is a valid, non-negative channel capacity.

use tree_sitter::Node;

use super::FileFacts;
use super::scope::{Binding, Scopes};
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
    match ty.kind() {
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
    match e.kind() {
        k::INT_LITERAL => Shape::NonNegInt,
        k::INTERPRETED_STRING_LITERAL | k::RAW_STRING_LITERAL => Shape::Collection,
        k::COMPOSITE_LITERAL => e.child_by_field_name("type").map_or(Shape::Unknown, |t| shape_of_type(facts, t)),
        k::CALL_EXPRESSION => {
            let Some(f) = e.child_by_field_name("function") else { return Shape::Unknown };
            if f.kind() != k::IDENTIFIER || scopes.resolve(f).is_some() {
                return Shape::Unknown;
            }
            let first = e.child_by_field_name("arguments").and_then(|a| a.named(0));
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
    if b.ident.parent().is_some_and(|p| p.kind() == k::VARIADIC_PARAMETER_DECLARATION) {
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
            if init.kind() == k::IDENTIFIER {
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
    let list = b.ident.parent().filter(|p| p.kind() == k::EXPRESSION_LIST)?;
    let clause = list.parent().filter(|p| p.kind() == k::RANGE_CLAUSE)?;
    let index = named_children(list).iter().position(|n| n.id() == b.ident.id())?;
    let over = clause.child_by_field_name("right").filter(|r| r.kind() == k::IDENTIFIER)?;
    let ob = scopes.binding(scopes.resolve(over)?);
    if ob.ident.id() == b.ident.id() {
        return None;
    }
    let ty = ob.ty?;
    let part = match (ty.kind(), index) {
        (k::SLICE_TYPE | k::ARRAY_TYPE, 0) => return Some(Shape::NonNegInt),
        (k::SLICE_TYPE | k::ARRAY_TYPE, 1) => ty.child_by_field_name("element")?,
        (k::MAP_TYPE, 0) => ty.child_by_field_name("key")?,
        (k::MAP_TYPE, 1) => ty.child_by_field_name("value")?,
        _ => return None,
    };
    Some(shape_of_type(facts, part))
}

/// Is the local a slice or an array, by its declared type or initialiser
/// (`[]T`, `[n]T`, `make([]T, n)`, `[]T{...}`)? Then `x[i] = v` cannot
/// change `len(x)`, as it can for a map.
#[must_use]
pub fn is_slice_or_array(b: &Binding<'_>) -> bool {
    let sequence = |t: Node<'_>| matches!(t.kind(), k::SLICE_TYPE | k::ARRAY_TYPE | k::IMPLICIT_LENGTH_ARRAY_TYPE);
    if let Some(ty) = b.ty {
        return sequence(ty);
    }
    b.init.is_some_and(|init| match init.kind() {
        k::COMPOSITE_LITERAL => init.child_by_field_name("type").is_some_and(sequence),
        // `make([]T, n)`: a shadowed `make` does not take a type argument.
        k::CALL_EXPRESSION => {
            init.child_by_field_name("function").is_some_and(|f| f.kind() == k::IDENTIFIER)
                && init.child_by_field_name("arguments").and_then(|a| a.named(0)).is_some_and(sequence)
        }
        _ => false,
    })
}
