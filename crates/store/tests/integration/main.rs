//! The store's integration tests: the key hierarchy and sessions on their stores.
//!
//! One test binary per crate: each file here was its own binary, and each binary links the
//! whole dependency tree (the server's, typst included, is hundreds of megabytes).

mod crypto;
mod sessions;
