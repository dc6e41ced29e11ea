//! leakfix: find goroutine leaks in Go code and fix them with minimal edits.
//!
//! Data flow: [`walk`] → prefilter → [`syntax::parse`] → [`analysis`] facts →
//! [`transforms`] → [`fix`] → [`render`] or write.

pub mod analysis;
pub mod cli;
pub mod config;
pub mod engine;
pub mod fix;
pub mod gobuild;
pub mod profile;
pub mod render;
pub mod server;
pub mod syntax;
pub mod transforms;
pub mod walk;
