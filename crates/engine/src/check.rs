//! `colloquy check`: load interviews and classify each as loaded or failed.

use crate::load::{load, LoadError, Sources, Warning};
use crate::reference::InterviewRef;

/// The outcome of checking one interview.
#[derive(Debug)]
pub struct CheckResult {
    /// The interview checked ("package:path").
    pub reference: String,
    /// Number of blocks on success, or why it failed.
    pub outcome: Result<usize, LoadError>,
    /// Warnings of a successful load (empty when it failed).
    pub warnings: Vec<Warning>,
}

impl CheckResult {
    /// True if the interview loaded.
    pub fn ok(&self) -> bool {
        self.outcome.is_ok()
    }
}

/// Every interview the sources list, as references.
pub fn all_references(sources: &dyn Sources) -> Vec<String> {
    sources
        .list()
        .into_iter()
        .map(|(p, path)| format!("{p}:{path}"))
        .collect()
}

/// Loads one interview; never panics on author input (a panic inside the loader would be
/// a bug and is reported as a failure rather than propagated).
pub fn check_one(sources: &dyn Sources, reference: &str) -> CheckResult {
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        let r = InterviewRef::parse(reference)?;
        load(sources, &r)
    }));
    match outcome {
        Ok(Ok((iv, warnings))) => CheckResult {
            reference: reference.to_string(),
            outcome: Ok(iv.blocks.len()),
            warnings,
        },
        Ok(Err(e)) => CheckResult {
            reference: reference.to_string(),
            outcome: Err(e),
            warnings: Vec::new(),
        },
        Err(_) => CheckResult {
            reference: reference.to_string(),
            outcome: Err(LoadError::Read {
                file: reference.to_string(),
                reason: "internal error (panic) while loading".into(),
            }),
            warnings: Vec::new(),
        },
    }
}
