//! The server's integration tests: the app in process, over real TCP, on real stores.
//!
//! One test binary per crate: each file here was its own binary, and each binary links the
//! whole dependency tree (the server's, typst included, is hundreds of megabytes).

#[path = "../fixtures/support.rs"]
mod support;

mod csrf;
mod documents;
mod editable_documents;
mod file_functions;
mod first_screens;
mod headers;
mod http;
mod injected;
mod isolation;
mod signatures;
mod slow;
mod status;
mod uploads;
mod xss;
