//! The language's integration tests: the sandbox, templates, Jinja, differential runs against python3.
//!
//! One test binary per crate: each file here was its own binary, and each binary links the
//! whole dependency tree (the server's, typst included, is hundreds of megabytes).

mod differential;
mod jinja;
mod sandbox;
mod template;
mod undefined_paths;
