//! Every example interview loads or fails with a reason; nothing panics.

use std::path::PathBuf;
use std::time::SystemTime;

use engine::Sources;

use crate::run_support;

struct Examples(PathBuf);

impl Sources for Examples {
    fn read(&self, package: &str, path: &str) -> std::io::Result<String> {
        std::fs::read_to_string(self.0.join(package).join(path))
    }
    fn read_bytes(&self, package: &str, path: &str) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.0.join(package).join(path))
    }
    fn modified(&self, _: &str, _: &str) -> Option<SystemTime> {
        None
    }
    fn list(&self) -> Vec<(String, String)> {
        run_support::interview_files(&self.0)
    }
}

#[test]
fn every_example_loads_or_fails_with_a_reason() {
    let dir = std::env::var_os("EXAMPLES_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                .join("../../../shared/docassemble-examples/packages")
        });
    if !dir.is_dir() {
        eprintln!("examples not found at {}; skipped", dir.display());
        return;
    }
    let sources = Examples(dir);
    let refs = engine::check::all_references(&sources);
    assert!(refs.len() > 800, "only {} example files", refs.len());
    let mut failed = Vec::new();
    for r in &refs {
        let result = engine::check::check_one(&sources, r);
        if let Err(e) = &result.outcome {
            let msg = e.to_string();
            assert!(!msg.contains("panic"), "{r}: {msg}");
            assert!(
                msg.contains(", line ") || msg.contains("cannot read"),
                "{r}: no line in '{msg}'"
            );
            failed.push(format!("{r}: {msg}"));
        }
    }
    // the known failures are data files that are not interviews, Jinja2 YAML and `with` in code
    assert!(
        failed.len() <= 12,
        "{} failures:\n{}",
        failed.len(),
        failed.join("\n")
    );
}
