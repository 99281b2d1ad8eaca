//! The engine's integration tests: example interviews run screen by screen, the oracle's ratchet.
//!
//! One test binary per crate: each file here was its own binary, and each binary links the
//! whole dependency tree (the server's, typst included, is hundreds of megabytes).

mod oracle_support;
mod run_support;

mod attachments;
mod classes_copying;
mod classes_finance;
mod classes_lists;
mod file_examples;
mod file_functions;
mod first_screens;
mod gather_examples;
mod kept_forms;
mod library_behaviour;
mod load_all_examples;
mod load_data;
mod load_examples;
mod oracle;
mod run_scenarios;
mod run_t0;
mod run_t1;
mod run_t2;
mod signatures;
mod table_order;
mod uploads;
mod verbatim;
