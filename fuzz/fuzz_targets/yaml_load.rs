//! Arbitrary bytes → UTF-8 → an interview file `fuzz:data/questions/f.yml` in an in-memory
//! [`Sources`] → `engine::load`. Includes resolve against a second in-memory file (`g.yml`,
//! the same text) so `include:` is exercised too. When the file loads, one session is started
//! and its first screen computed (the runtime's own limits bound the time). Any panic, hang
//! or OOM is a bug; a load error is the expected outcome for most inputs.
#![no_main]

use std::time::SystemTime;

use engine::{InterviewRef, RequestContext, Sources};
use libfuzzer_sys::fuzz_target;

struct Mem<'a>(&'a str);

impl Sources for Mem<'_> {
    fn read(&self, package: &str, path: &str) -> std::io::Result<String> {
        match (package, path) {
            ("fuzz", "data/questions/f.yml") | ("fuzz", "data/questions/g.yml") => {
                Ok(self.0.to_string())
            }
            _ => Err(std::io::Error::new(std::io::ErrorKind::NotFound, "no such file")),
        }
    }
    fn modified(&self, _package: &str, _path: &str) -> Option<SystemTime> {
        None
    }
    fn list(&self) -> Vec<(String, String)> {
        vec![("fuzz".into(), "data/questions/f.yml".into())]
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(reference) = InterviewRef::parse("fuzz:f.yml") else { return };
    let sources = Mem(text);
    if let Ok((interview, _warnings)) = engine::load(&sources, &reference) {
        // Only small files run: the point is the loader; the runtime has its own target.
        if text.len() <= 2048 {
            let ctx = RequestContext {
                now: chrono::NaiveDate::from_ymd_opt(2026, 1, 2)
                    .and_then(|d| d.and_hms_opt(3, 4, 5))
                    .unwrap_or_default(),
                base_url: "http://localhost".into(),
                interview_url: "/interview?i=fuzz:f.yml".into(),
                action: None,
                session_id: None,
                url_args: Vec::new(),
                seed: 0,
                sign_action: None,
                deadline: None,
                ..RequestContext::for_tests("fuzz:f.yml")
            };
            let mut state = interview.new_session();
            let _ = interview.next_screen(&mut state, &ctx);
        }
    }
});
