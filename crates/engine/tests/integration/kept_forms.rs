//! An answer is read against the screen the user saw: the form description of a shown
//! question is kept in the session (plain values only, tied to the interview's revision),
//! so a choice computed by code means what it meant when it was shown, another revision of
//! the interview builds the question again, a choice among objects is always built again,
//! and the history for the back button holds no form description.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::run_support;

use engine::{InterviewRef, Screen, Submitted};
use run_support::{Inline, MemSources};

impl Inline {
    fn kept(yaml: &str) -> Inline {
        Inline::load("kept.yml", yaml)
    }

    /// Posts `value` for the field labelled `label`; the screen that follows.
    fn answer(&mut self, label: &str, value: &str) {
        let q = self.q().clone();
        let f = q.fields.iter().find(|f| f.label.contains(label)).unwrap_or_else(|| panic!("no field {label}"));
        let form = vec![("_question".to_string(), q.token.clone()), (f.name.clone(), value.to_string())];
        self.screen = match self.iv.submit(&mut self.st, &form, &self.ctx) {
            Submitted::Accepted => self.iv.next_screen(&mut self.st, &self.ctx),
            Submitted::Invalid(s) => s,
        };
    }

    /// The value posted for the option labelled `option` of the field labelled `label`.
    fn option(&self, label: &str, option: &str) -> String {
        let f = self.q().fields.iter().find(|f| f.label.contains(label)).unwrap_or_else(|| panic!("no field {label}"));
        let c = f.choices.iter().find(|c| c.label == option).unwrap_or_else(|| panic!("no option {option}: {:?}", f.choices));
        c.value.clone()
    }

    fn state_json(&self) -> serde_json::Value {
        serde_json::to_value(&self.st).expect("state serialises")
    }
}

fn title(screen: &Screen) -> String {
    match screen {
        Screen::Question(q) => q.question.clone(),
        other => panic!("not a question: {other:?}"),
    }
}

const DAY_CHOICE: &str = r#"
question: Pick one
fields:
  - Day: pick
    datatype: radio
    code: |
      [str(today().day), 'other']
---
mandatory: True
question: You picked ${ pick }
"#;

#[test]
fn a_choice_computed_by_code_means_what_it_meant_when_shown() {
    let mut s = Inline::kept(DAY_CHOICE);
    s.ctx.now = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap().and_hms_opt(23, 59, 0).unwrap();
    s.screen = s.iv.next_screen(&mut s.st, &s.ctx);
    let shown = s.option("Day", "1");
    assert!(s.state_json()["current"]["form"].is_object(), "a plain form is kept: {}", s.state_json()["current"]);
    // the answer arrives after midnight: built again, the screen would offer "2" at that place
    s.ctx.now = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap().and_hms_opt(0, 0, 1).unwrap();
    s.answer("Day", &shown);
    assert_eq!(title(&s.screen), "You picked 1");
    // the history of the step holds the question, without its form description
    let st = s.state_json();
    let record = &st["history"][0];
    assert!(record["current"].is_object() && record["current"].get("form").is_none(), "{record}");
}

#[test]
fn another_revision_of_the_interview_builds_the_question_again() {
    let mut s = Inline::kept(DAY_CHOICE);
    let shown = s.option("Day", "other");
    // the author changes the options while the user is on the screen
    let changed = DAY_CHOICE.replace("'other'", "'something else'");
    let src = MemSources(std::collections::HashMap::from([("data/questions/kept.yml".to_string(), changed)]));
    let reference = InterviewRef::parse("docassemble.test:data/questions/kept.yml").unwrap();
    let (iv, _) = engine::load(&src, &reference).unwrap();
    assert_ne!(iv.revision, s.iv.revision);
    s.iv = iv;
    s.answer("Day", &shown);
    assert_eq!(title(&s.screen), "You picked something else");
}

#[test]
fn the_same_files_give_the_same_revision() {
    let a = Inline::kept(DAY_CHOICE);
    let b = Inline::kept(DAY_CHOICE);
    assert_eq!(a.iv.revision, b.iv.revision);
    assert_ne!(a.iv.revision, 0);
}

#[test]
fn a_refused_answer_is_shown_on_the_screen_as_it_was_and_changes_nothing() {
    let mut s = Inline::kept(
        r#"
question: Your age
fields:
  - Age: age
    datatype: integer
    min: 18
  - Day: pick
    datatype: radio
    required: False
    code: |
      [str(today().day), 'other']
---
mandatory: True
question: Age ${ age }
"#,
    );
    let before = s.state_json();
    let token = s.q().token.clone();
    s.answer("Age", "12");
    let q = s.q();
    assert_eq!(q.question, "Your age");
    assert_eq!(q.token, token, "the refused screen answers the same question");
    let age = q.fields.iter().find(|f| f.label == "Age").unwrap();
    assert!(age.error.as_deref().is_some_and(|e| e.contains("18")), "{:?}", age.error);
    assert_eq!(s.state_json(), before, "a refused answer stores nothing");
    s.answer("Age", "30");
    assert_eq!(title(&s.screen), "Age 30");
}

#[test]
fn a_field_the_screen_did_not_offer_refuses_the_answer() {
    let mut s = Inline::kept(DAY_CHOICE);
    let token = s.q().token.clone();
    let form = vec![("_question".to_string(), token), ("aW50cnVkZXI".to_string(), "x".to_string())];
    let Submitted::Invalid(Screen::Question(q)) = s.iv.submit(&mut s.st, &form, &s.ctx) else {
        panic!("refused")
    };
    assert!(q.errors.iter().any(|e| e.contains("does not offer")), "{:?}", q.errors);
    assert_eq!(q.question, "Pick one");
}

#[test]
fn a_choice_among_objects_is_built_again_and_stores_the_object_itself() {
    let mut s = Inline::kept(
        r#"
objects:
  - fruit: DAList.using(object_type=Thing, auto_gather=False, gathered=True)
---
code: |
  fruit.appendObject()
  fruit[0].name.text = 'apple'
  fruit.appendObject()
  fruit[1].name.text = 'pear'
  fruit_ready = True
---
question: Pick a fruit
fields:
  - Fruit: favourite
    datatype: object
    choices: fruit
---
mandatory: True
code: |
  fruit_ready
---
mandatory: True
question: ${ favourite.name } / ${ favourite is fruit[1] }
"#,
    );
    assert!(s.state_json()["current"].get("form").is_none(), "objects are not kept: {}", s.state_json()["current"]);
    let pear = s.option("Fruit", "pear");
    s.answer("Fruit", &pear);
    assert_eq!(title(&s.screen), "pear / True");
}
