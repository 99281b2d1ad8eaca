//! One answer-and-advance step of fields.yml, as the server does it per request:
//! deserialize the session state from JSON, submit the form, run `next_screen`,
//! serialize the state again. Also the plain `next_screen` of a fresh session.
//!
//! The list-gathering benchmark (`gather-people.yml` in `benches/fixtures`) gathers ten
//! people, three screens each (first name, last name, "Is there another person?"), and
//! measures the same JSON → submit → next screen → JSON step at step 1, 10 and 30 (and at
//! the first-name screens 13 and 28: 4 and 9 people entered before), so it
//! shows whether the cost of a step grows with the number of steps already taken (and, for
//! steps 1 and 30, the same without the undo history kept for the Back button).
//!
//! `cargo bench -p engine --bench step` (filter: `-- gather`)
#![allow(clippy::panic)] // a broken fixture stops the benchmark

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
    fn read_bytes(&self, package: &str, path: &str) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.0.join(package).join(path))
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
    load_from(root, reference)
}

fn load_from(root: PathBuf, reference: &str) -> Arc<Interview> {
    let r = InterviewRef::parse(reference).unwrap();
    Arc::new(engine::load(&DirSources(root), &r).unwrap().0)
}

/// A filled-in answer for every field of the fields.yml screen.
fn answers(screen: &Screen) -> Vec<(String, String)> {
    let Screen::Question(q) = screen else {
        panic!("expected a question")
    };
    let mut form = vec![("_question".to_string(), q.token.clone())];
    for f in &q.fields {
        if f.name.is_empty() {
            continue;
        }
        match f.kind {
            FieldKind::Checkbox => form.push((f.name.clone(), "True".into())),
            FieldKind::Radio | FieldKind::Dropdown => form.push((
                f.name.clone(),
                f.choices
                    .first()
                    .map(|c| c.value.clone())
                    .unwrap_or_default(),
            )),
            FieldKind::Checkboxes => {
                if let Some(n) = f.choices.first().and_then(|c| c.name.clone()) {
                    form.push((n, "True".into()));
                }
            }
            FieldKind::Range => {
                form.push((f.name.clone(), f.min.clone().unwrap_or_else(|| "1".into())))
            }
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
        assert!(
            matches!(next, Screen::Question(ref q) if q.question.contains("All done")),
            "{next:?}"
        );
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

/// The people the gathering benchmark enters.
const PEOPLE: usize = 10;

/// The answer to one screen of gather-people.yml; `people` = the number of first names
/// entered so far (including the one on this screen's person).
fn gather_answer(screen: &Screen, people: &mut usize) -> Vec<(String, String)> {
    let Screen::Question(q) = screen else {
        panic!("expected a question, got {screen:?}")
    };
    let mut form = vec![("_question".to_string(), q.token.clone())];
    if let Some(f) = q.fields.iter().find(|f| f.label == "First Name") {
        form.push((f.name.clone(), format!("Person{}", *people + 1)));
        *people += 1;
    } else if let Some(f) = q.fields.iter().find(|f| f.label == "Last Name") {
        form.push((f.name.clone(), "Smith".into()));
    } else {
        let want = if *people < PEOPLE { "Yes" } else { "No" };
        let b = q
            .buttons
            .iter()
            .find(|b| b.label == want)
            .unwrap_or_else(|| panic!("no {want} on {q:?}"));
        form.push((b.name.clone(), b.value.clone()));
    }
    form
}

fn bench_gather(c: &mut Criterion) {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("benches/fixtures");
    let reference = "docassemble.bench:data/questions/gather-people.yml";
    let iv = load_from(root, reference);
    let ctx = RequestContext::for_tests(reference);
    // Walk the whole interview once, keeping (state JSON, form, people in the list) per step.
    let mut state = iv.new_session();
    let mut screen = iv.next_screen(&mut state, &ctx);
    let mut people = 0;
    let mut steps: Vec<(String, Vec<(String, String)>, usize)> = Vec::new();
    while steps.len() < 3 * PEOPLE {
        let before = state.to_json_string();
        let gathered = people;
        let form = gather_answer(&screen, &mut people);
        let r = iv.submit(&mut state, &form, &ctx);
        assert!(
            matches!(r, Submitted::Accepted),
            "step {}: {r:?}",
            steps.len() + 1
        );
        screen = iv.next_screen(&mut state, &ctx);
        steps.push((before, form, gathered));
    }
    match &screen {
        Screen::Question(q) => assert!(q.question.contains("There are ten people."), "{q:?}"),
        other => panic!("expected the final screen, got {other:?}"),
    }
    let mut group = c.benchmark_group("gather ten people: submit+next_screen (JSON in/out)");
    for step in [1usize, 10, 13, 28, 30] {
        let (json, form, gathered) = &steps[step - 1];
        let id = format!(
            "step {step} ({gathered} people entered before, state {} bytes)",
            json.len()
        );
        group.bench_function(id, |b| {
            b.iter(|| {
                let mut st = SessionState::from_json_str(json).unwrap();
                let r = iv.submit(&mut st, form, &ctx);
                let s = iv.next_screen(&mut st, &ctx);
                let out = st.to_json_string();
                std::hint::black_box((r, s, out));
            })
        });
    }
    // The same steps with the undo history (for the Back button) dropped from the state:
    // shows how much of the growth is the history rather than the list itself.
    for step in [1usize, 30] {
        let (json, form, gathered) = &steps[step - 1];
        let mut st = SessionState::from_json_str(json).unwrap();
        st.history.clear();
        let json = st.to_json_string();
        let id = format!(
            "step {step} without history ({gathered} people entered before, state {} bytes)",
            json.len()
        );
        group.bench_function(id, |b| {
            b.iter(|| {
                let mut st = SessionState::from_json_str(&json).unwrap();
                let r = iv.submit(&mut st, form, &ctx);
                let s = iv.next_screen(&mut st, &ctx);
                let out = st.to_json_string();
                std::hint::black_box((r, s, out));
            })
        });
    }
    group.finish();
}

criterion_group!(benches, bench, bench_gather);
criterion_main!(benches);
