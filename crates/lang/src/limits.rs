//! Evaluation limits.

use std::time::{Duration, Instant};

/// Per-Vm limits on evaluation.
#[derive(Clone, Debug)]
pub struct Limits {
    /// Evaluation steps: statements, loop iterations and calls, plus the work done inside
    /// builtins, methods and operators (one step per [`WORK_PER_STEP`] elements compared,
    /// copied or visited, or per [`BYTES_PER_STEP`] bytes scanned or built).
    pub max_steps: u64,
    /// Nesting of calls (Python functions and natives).
    pub max_depth: u32,
    /// Items or bytes per string / collection.
    pub max_len: usize,
    /// Approximate total bytes allocated by strings and collections (including what builtins
    /// build), an upper bound of what the program holds.
    pub max_alloc: usize,
    /// Wall-clock time one Vm may run, from its creation (`None`: no time limit).
    pub max_time: Option<Duration>,
    /// An absolute deadline (e.g. the request's), whichever of it and `max_time` comes first.
    pub deadline: Option<Instant>,
}

/// Elements (compared, copied, hashed, visited) that cost one step.
pub const WORK_PER_STEP: u64 = 16;
/// Bytes (scanned, copied, built) that cost one step.
pub const BYTES_PER_STEP: u64 = 256;

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            max_steps: 1_000_000,
            max_depth: 100,
            max_len: 10_000_000,
            max_alloc: 256 << 20,
            max_time: Some(Duration::from_secs(5)),
            deadline: None,
        }
    }
}

impl Limits {
    /// The deadline of a Vm created now under these limits.
    pub(crate) fn deadline_from_now(&self) -> Option<Instant> {
        let relative = self.max_time.and_then(|d| Instant::now().checked_add(d));
        match (relative, self.deadline) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }
}
