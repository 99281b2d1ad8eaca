//! Arbitrary bytes → UTF-8 → `lang::run_source` under small limits, and the same text as a
//! template: compile + render. Any panic, hang or crash is a bug.
#![no_main]

use libfuzzer_sys::fuzz_target;
use lang::template::Template;
use lang::{Limits, Namespace, Origin, Vm};

fn limits() -> Limits {
    Limits { max_steps: 100_000, max_depth: 50, max_len: 100_000, max_alloc: 1 << 20, ..Limits::default() }
}

fuzz_target!(|data: &[u8]| {
    let Ok(source) = std::str::from_utf8(data) else { return };
    let mut out = String::new();
    let _ = lang::run_source(source, Origin::anonymous(), limits(), &mut out);
    if let Ok(template) = Template::compile(source, Origin::anonymous()) {
        let ns = Namespace::new();
        let mut out = String::new();
        let mut vm = Vm::new(limits(), &mut out);
        let _ = template.render(&mut vm, &ns, &|s: &str| s.to_string());
    }
});
