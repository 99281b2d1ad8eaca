//! Mako-style templates (docassemble's `${ }`, `% if`, `% for` …): compiled once,
//! rendered many times against a namespace. The evaluator-facing half lands with the `Vm`.

#[allow(dead_code)]
pub(crate) mod parse;
