//! Facts about a package, computed once and read by every transform: the
//! package itself ([`package`]: its files, found on demand), name
//! resolution ([`scope`]), channels and their operations ([`channels`]),
//! goroutine starts ([`starts`]) and control flow ([`flow`]).

pub mod channel_facts;
pub mod channels;
pub mod exits;
pub mod flow;
pub mod handoff;
pub mod known;
pub mod package;
pub mod relevance;
pub mod scope;
pub mod selects;
pub mod starts;
pub mod summaries;
pub mod types;

use crate::syntax::Fast as _;
use std::cell::OnceCell;
use std::collections::HashMap;

use tree_sitter::{Node, Tree};

use crate::syntax::Named as _;
use crate::syntax::{kinds as k, named_children, text};
pub use channels::{Channel, Op, OpKind};
pub use package::{FileId, InFile, Overlay, Package, Sources, forget_directories, hold_text, release_directory};
pub use scope::Scopes;
pub use starts::{Place, Start, StartKind};

/// What one parsed file says: its declarations and their name resolution.
/// A file is parsed into one tree or several (see [`crate::syntax::parse_parts`]),
/// each with the file's header.
pub struct FileFacts<'t> {
    pub src: &'t [u8],
    trees: &'t [Tree],
    /// Top-level functions and methods by name (methods may repeat).
    funcs: HashMap<&'t str, Node<'t>>,
    methods: HashMap<&'t str, Vec<Node<'t>>>,
    /// Top-level type specs by name.
    types: HashMap<&'t str, Node<'t>>,
    decls: Vec<Node<'t>>,
    scopes: Vec<OnceCell<Scopes<'t>>>,
    /// The jump statements of each declaration (on first use).
    jumps: Vec<OnceCell<flow::DeclJumps<'t>>>,
    /// Whether each declaration spells a call that ends the process
    /// (`os.Exit`, `log.Fatal...`: `Exit` or `Fatal`), on first use.
    spells_process_exit: Vec<OnceCell<bool>>,
    /// Names of this file's methods that start a goroutine (on first use).
    starting_methods: OnceCell<Vec<&'t str>>,
    /// The methods of each named receiver type, in source order (on first
    /// use: a lookup per type, never a scan of every declaration).
    by_receiver: OnceCell<HashMap<&'t str, Vec<Node<'t>>>>,
    /// Names of this file's functions and methods that may return a
    /// channel they make and feed (on first use).
    constructors: OnceCell<Vec<&'t str>>,
}

impl<'t> FileFacts<'t> {
    #[must_use]
    pub fn new(trees: &'t [Tree], src: &'t [u8]) -> Self {
        let mut funcs = HashMap::new();
        let mut methods: HashMap<&str, Vec<Node>> = HashMap::new();
        let mut decls = Vec::new();
        let mut types = HashMap::new();
        for d in trees.iter().flat_map(|t| named_children(t.root_node())) {
            match d.kind_str() {
                k::TYPE_DECLARATION => {
                    for spec in named_children(d).into_iter().filter(|s| s.kind_str() == k::TYPE_SPEC) {
                        if let Some(n) = spec.field("name") {
                            types.insert(text(n, src), spec);
                        }
                    }
                    continue;
                }
                k::FUNCTION_DECLARATION => {
                    if let Some(n) = d.field("name") {
                        funcs.insert(text(n, src), d);
                    }
                }
                k::METHOD_DECLARATION => {
                    if let Some(n) = d.field("name") {
                        methods.entry(text(n, src)).or_default().push(d);
                    }
                }
                _ => continue,
            }
            decls.push(d);
        }
        let scopes = decls.iter().map(|_| OnceCell::new()).collect();
        let jumps = decls.iter().map(|_| OnceCell::new()).collect();
        let spells_process_exit = decls.iter().map(|_| OnceCell::new()).collect();
        FileFacts {
            src,
            trees,
            funcs,
            methods,
            types,
            decls,
            scopes,
            jumps,
            spells_process_exit,
            starting_methods: OnceCell::new(),
            by_receiver: OnceCell::new(),
            constructors: OnceCell::new(),
        }
    }

    /// The roots of the file's trees, in source order.
    pub fn roots(&self) -> impl Iterator<Item = Node<'t>> + '_ {
        self.trees.iter().map(Tree::root_node)
    }

    /// Top-level function and method declarations, in source order.
    #[must_use]
    pub fn decls(&self) -> &[Node<'t>] {
        &self.decls
    }

    /// Name resolution for the top-level declaration containing `node`
    /// (computed on first use, then shared).
    #[must_use]
    pub fn scopes_for(&self, node: Node<'_>) -> Option<(Node<'t>, &Scopes<'t>)> {
        let i = self.decl_index(node.start_byte())?;
        let d = self.decls[i];
        Some((d, self.scopes[i].get_or_init(|| Scopes::of(d, self.src))))
    }

    /// [`flow::jumps`] of `region`, a node of this file: looked up in its
    /// declaration's jumps, found in one walk on first use.
    #[must_use]
    pub fn jumps(&self, region: Node<'t>) -> Vec<Node<'t>> {
        let in_decl = self.decl_index(region.start_byte()).filter(|&i| {
            let d = self.decls[i];
            d.into_raw().tree == region.into_raw().tree && region.end_byte() <= d.end_byte()
        });
        match in_decl {
            Some(i) => self.jumps[i].get_or_init(|| flow::DeclJumps::of(self.decls[i], self.src)).within(region),
            None => flow::jumps(region, self.src),
        }
    }

    /// May a statement of `region`, a node of this file, end the process
    /// (see [`flow::ends_process`])? Its declaration spells `Exit` or
    /// `Fatal` (asked once per declaration: the exits of each channel are
    /// tested against it).
    #[must_use]
    pub fn may_end_process(&self, region: Node<'t>) -> bool {
        let spells = |r: std::ops::Range<usize>| {
            let t = &self.src[r];
            memchr::memmem::find(t, b"Exit").is_some() || memchr::memmem::find(t, b"Fatal").is_some()
        };
        match self.decl_index(region.start_byte()) {
            Some(i) => *self.spells_process_exit[i].get_or_init(|| spells(self.decls[i].byte_range())),
            None => spells(region.byte_range()),
        }
    }

    /// The top-level function or method declaration holding the byte
    /// offset `at`.
    #[must_use]
    pub fn decl_at(&self, at: usize) -> Option<Node<'t>> {
        self.decl_index(at).map(|i| self.decls[i])
    }

    fn decl_index(&self, at: usize) -> Option<usize> {
        let i = self.decls.partition_point(|d| d.end_byte() <= at);
        self.decls.get(i).is_some_and(|d| d.start_byte() <= at).then_some(i)
    }

    /// The package name of this file.
    #[must_use]
    pub fn package(&self) -> Option<&'t str> {
        let clause =
            named_children(self.trees.first()?.root_node()).into_iter().find(|n| n.kind_str() == k::PACKAGE_CLAUSE)?;
        Some(self.text(clause.named(0)?))
    }

    /// Does this file declare a function, a method or a type called `name`?
    #[must_use]
    pub fn declares(&self, name: &str) -> bool {
        self.funcs.contains_key(name) || self.methods.contains_key(name) || self.types.contains_key(name)
    }

    /// A top-level type spec of this file by name (`T struct {...}` in
    /// `type T struct {...}`).
    #[must_use]
    pub fn type_spec(&self, name: &str) -> Option<Node<'t>> {
        self.types.get(name).copied()
    }

    /// The names of this file's methods whose text starts a goroutine
    /// (spells `go`), computed once.
    #[must_use]
    pub fn starting_methods(&self) -> &[&'t str] {
        self.starting_methods.get_or_init(|| {
            self.methods
                .iter()
                .filter(|(_, ms)| ms.iter().any(|m| relevance::starts_goroutine(&self.src[m.byte_range()])))
                .map(|(name, _)| *name)
                .collect()
        })
    }

    /// The names of this file's functions and methods whose one result is
    /// a channel type and whose text makes a channel and starts a
    /// goroutine: the candidates of [`starts::returned_by`], sorted,
    /// computed once.
    #[must_use]
    pub fn constructors(&self) -> &[&'t str] {
        self.constructors.get_or_init(|| {
            let mut names: Vec<&'t str> = self
                .decls
                .iter()
                .filter(|d| d.field("result").is_some_and(|r| r.kind_str() == k::CHANNEL_TYPE))
                .filter(|d| {
                    let t = &self.src[d.byte_range()];
                    crate::syntax::has_make_chan(t) && relevance::starts_goroutine(t)
                })
                .filter_map(|d| d.field("name").map(|n| self.text(n)))
                .collect();
            names.sort_unstable();
            names.dedup();
            names
        })
    }

    /// Does this file declare a method called `name` (on any type)?
    #[must_use]
    pub fn has_method(&self, name: &str) -> bool {
        self.methods.contains_key(name)
    }

    /// A top-level function of this file by name.
    #[must_use]
    pub fn func(&self, name: &str) -> Option<Node<'t>> {
        self.funcs.get(name).copied()
    }

    /// The method `name` declared in this file on the named type `recv`.
    #[must_use]
    pub fn method(&self, recv: &str, name: &str) -> Option<Node<'t>> {
        self.receivers().get(recv)?.iter().copied().find(|m| m.field("name").is_some_and(|n| self.text(n) == name))
    }

    /// The methods of this file on the named type `recv`, in source order.
    #[must_use]
    pub fn methods_on(&self, recv: &str) -> Vec<Node<'t>> {
        self.receivers().get(recv).cloned().unwrap_or_default()
    }

    fn receivers(&self) -> &HashMap<&'t str, Vec<Node<'t>>> {
        self.by_receiver.get_or_init(|| {
            let mut by: HashMap<&'t str, Vec<Node<'t>>> = HashMap::new();
            for d in &self.decls {
                if let Some(t) = self.receiver_type(*d) {
                    by.entry(t).or_default().push(*d);
                }
            }
            by
        })
    }

    /// The named type of the receiver of the method `decl` (`T` for `(r
    /// *T)`); `None` for a function.
    #[must_use]
    pub fn receiver_type(&self, decl: Node<'t>) -> Option<&'t str> {
        let ty = decl.field("receiver")?.named(0)?.field("type")?;
        starts::type_name(self, ty)
    }

    #[must_use]
    pub fn text(&self, node: Node<'_>) -> &'t str {
        text(node, self.src)
    }
}
