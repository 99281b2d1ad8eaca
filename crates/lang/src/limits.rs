//! Evaluation limits.

/// Per-Vm limits on evaluation.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Evaluation steps (statements, loop iterations, calls).
    pub max_steps: u64,
    /// Nesting of calls (Python functions and natives).
    pub max_depth: u32,
    /// Items or bytes per string / collection.
    pub max_len: usize,
    /// Approximate total bytes allocated by strings and collections.
    pub max_alloc: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_steps: 1_000_000,
            max_depth: 100,
            max_len: 10_000_000,
            max_alloc: 256 << 20,
        }
    }
}
