//! One answer-and-advance step of fields.yml, as the server does it per request:
//! deserialize the session state from JSON, submit the form, run `next_screen`,
//! serialize the state again. Also the plain `next_screen` of a fresh session.
//!
//! `cargo bench -p engine --bench step`

use std::path::PathBuf;
use std::sync::Arc;

use criterion::{criterion_group, criterion_main, Criterion};
use engine::screen::{FieldKind, Screen, Submitted};
use engine::{Interview, InterviewRef, RequestContext, SessionState, Sources};

struct DirSources(PathBuf);

impl Sources for DirSources {
    fn read(&self, package: &str, path: &str) -> std::io::Result<String> {
        std::fs::read_to_string(self.0.join(package).join(path))
    }
    fn modified(&self, _: &str, _: &str) -> Option<std::time::SystemTime> {
        None
    }
    fn list(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}

fn load(reference: &str) -> Arc<Interview> {
    let root = std::env::var("COLLOQUY_EXAMPLES")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from("/work/shared/docassemble-examples/packages"));
    let r = InterviewRef::parse(reference).unwrap();
    Arc::new(engine::load(&DirSources(root), &r).unwrap().0)
}

/// A filled-in answer for every field of the fields.yml screen.
fn answers(screen: &Screen) -> Vec<(String, String)> {
    let Screen::Question(q) = screen else { panic!("expected a question") };
    let mut form = vec![("_question".to_string(), q.token.clone())];
    for f in &q.fields {
        if f.name.is_empty() {
            continue;
        }
        match f.kind {
            FieldKind::Checkbox => form.push((f.name.clone(), "True".into())),
            FieldKind::Radio | FieldKind::Dropdown => {
                form.push((f.name.clone(), f.choices.first().map(|c| c.value.clone()).unwrap_or_default()))
            }
            FieldKind::Checkboxes => {
                if let Some(n) = f.choices.first().and_then(|c| c.name.clone()) {
                    form.push((n, "True".into()));
                }
            }
            FieldKind::Range => form.push((f.name.clone(), f.min.clone().unwrap_or_else(|| "1".into()))),
            FieldKind::Currency | FieldKind::Number | FieldKind::Integer => {
                form.push((f.name.clone(), "5000".into()))
            }
            FieldKind::Email => form.push((f.name.clone(), "a@example.com".into())),
            _ => form.push((f.name.clone(), "Some text".into())),
        }
    }
    form
}

fn bench(c: &mut Criterion) {
    let reference = "docassemble.base:data/questions/examples/fields.yml";
    let iv = load(reference);
    let ctx = RequestContext::for_tests(reference);
    let mut state = iv.new_session();
    let screen = iv.next_screen(&mut state, &ctx);
    let form = answers(&screen);
    let json = state.to_json_string();
    // sanity: the step is accepted
    {
        let mut st = SessionState::from_json_str(&json).unwrap();
        let r = iv.submit(&mut st, &form, &ctx);
        assert!(matches!(r, Submitted::Accepted), "{r:?}");
        let next = iv.next_screen(&mut st, &ctx);
        assert!(matches!(next, Screen::Question(ref q) if q.question.contains("All done")), "{next:?}");
    }
    c.bench_function("fields.yml submit+next_screen (JSON in/out)", |b| {
        b.iter(|| {
            let mut st = SessionState::from_json_str(&json).unwrap();
            let r = iv.submit(&mut st, &form, &ctx);
            let s = iv.next_screen(&mut st, &ctx);
            let out = st.to_json_string();
            std::hint::black_box((r, s, out));
        })
    });
    c.bench_function("fields.yml next_screen of a fresh session", |b| {
        b.iter(|| {
            let mut st = iv.new_session();
            let s = iv.next_screen(&mut st, &ctx);
            std::hint::black_box((s, st.to_json_string()));
        })
    });
}

criterion_group!(benches, bench);
criterion_main!(benches);
