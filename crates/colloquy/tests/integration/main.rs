//! The binary's integration tests: `colloquy eval` and `colloquy serve` run as processes.

mod eval_cli;
mod serve_cli;
