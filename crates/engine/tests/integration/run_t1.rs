//! Tier-1 behaviour walked in process: validation on the server, refused fields, back,
//! actions, review screens, force_ask, code blocks.
#![allow(clippy::panic)] // a test reports a failure by panicking

use crate::run_support;
use engine::screen::{Screen, Submitted};
use run_support::Session;

fn ex(name: &str) -> String {
    format!("docassemble.base:data/questions/examples/{name}")
}

#[test]
fn min_max_validated_on_server_and_nothing_stored() {
    // TestExamples:3018
    let mut s = Session::start(&ex("min.yml"));
    s.see("What percentage of your friends are turnips?");
    let before = s.state.clone();
    s.set("Percent", "-1");
    s.click("Continue");
    s.see("You need to enter a number that is at least 0");
    assert_eq!(s.state.variables, before.variables, "invalid input must store nothing");
    s.set("Percent", "200");
    s.click("Continue");
    s.see("You need to enter a number that is at most 100");
    s.set("Percent", "50");
    s.click("Continue");
    s.see("50.0% of your friends are turnips.");
}

#[test]
fn minlength() {
    // TestExamples:3007
    let mut s = Session::start(&ex("minlength.yml"));
    s.set("Code", "42");
    s.click("Continue");
    s.see("You must type at least 5 characters");
    s.set("Code", "4210022");
    s.click("Continue");
    s.see("Thank you for giving me the launch code (4210022).");
}

#[test]
fn required_field_and_unoffered_field_refused() {
    let mut s = Session::start(&ex("text-field.yml"));
    let q = s.q().clone();
    // an empty required field
    let form = vec![("_question".to_string(), q.token.clone())];
    match s.iv.submit(&mut s.state, &form, &s.ctx) {
        Submitted::Invalid(Screen::Question(q2)) => {
            assert!(q2.fields.iter().any(|f| f.error.as_deref() == Some("This field is required.")));
        }
        other => panic!("expected invalid, got {other:?}"),
    }
    // a variable the screen did not offer
    let mut form = vec![("_question".to_string(), q.token.clone())];
    for f in &q.fields {
        form.push((f.name.clone(), "x".into()));
    }
    form.push((engine::vars::path::b64_encode("is_admin"), "True".into()));
    let before = s.state.clone();
    assert!(matches!(s.iv.submit(&mut s.state, &form, &s.ctx), Submitted::Invalid(_)));
    assert_eq!(s.state, before);
    // a stale token
    let form = vec![("_question".to_string(), "nope".to_string())];
    assert!(matches!(s.iv.submit(&mut s.state, &form, &s.ctx), Submitted::Invalid(_)));
}

#[test]
fn back_restores_previous_step() {
    let mut s = Session::start(&ex("review-1.yml"));
    s.set_first_text("orange");
    s.click("Continue");
    s.see("What is your favorite vegetable?");
    s.persist();
    s.back();
    s.see("What is your favorite fruit?");
    let q = s.q().clone();
    assert_eq!(q.fields[0].value.as_deref(), None, "fruit undefined again after back");
    assert!(!s.state.variables.contains_key("fruit"));
}

#[test]
fn review_screen_and_menu() {
    // TestExamples:3969
    let mut s = Session::start(&ex("review-1.yml"));
    s.set_first_text("orange");
    s.click("Continue");
    s.set_first_text("turnip");
    s.click("Continue");
    s.set_first_text("button mushrooms");
    s.click("Continue");
    s.see("You like orange, turnip, and button mushrooms.");
    s.link("Review Answers");
    s.see("These are the questions you have answered so far. Click to revisit.");
    s.link("Favorite vegetable");
    s.see("What is your favorite vegetable?");
    s.set_first_text("potato");
    s.click("Continue");
    s.see("Revisit questions");
    s.click("Resume");
    s.see("You like orange, potato, and button mushrooms.");
}

#[test]
fn force_ask_reasks_a_defined_variable() {
    // TestExamples:2015
    let mut s = Session::start(&ex("force-ask.yml"));
    s.see("Are you a communist?");
    s.click("Yes");
    s.see("I suggest you reconsider your answer.");
    s.click("Continue");
    s.see("Are you a communist?");
    s.click("No");
    s.see("I am glad you are a true American.");
}

#[test]
fn checkboxes_make_a_dadict() {
    // TestExamples:1616
    let mut s = Session::start(&ex("fields-checkboxes.yml"));
    s.click_option("apple");
    s.click_option("pear");
    s.set("What is your favorite fruit overall?", "mango");
    s.click("Continue");
    s.see("You like apples.");
    s.see("You like pears.");
    s.see("'apple': True");
    s.see("'peach': False");
    s.see("In other words, you like apple and pear.");
}

#[test]
fn dates_are_dadatetimes() {
    // TestExamples:805
    let mut s = Session::start(&ex("date-field.yml"));
    s.set("Birthdate", "04/01/1989");
    s.click("Continue");
    s.see("target_variable looks like April 1, 1989.");
    s.see("the date was April 8, 1989.");
}

#[test]
fn embedded_code_choices_and_exit() {
    // TestExamples:1430
    let mut s = Session::start(&ex("exit-buttons-mixed.yml"));
    s.click("I do not care");
    s.see("You are foolish!");
    let mut s = Session::start(&ex("exit-buttons-mixed.yml"));
    s.click("Get me out of here");
    assert!(matches!(&s.screen, Screen::Command { command, .. } if command == "exit"), "{:?}", s.screen);
}

#[test]
fn user_values_are_escaped() {
    let mut s = Session::start(&ex("text-field.yml"));
    let q = s.q().clone();
    let mut form = vec![("_question".to_string(), q.token.clone())];
    for f in &q.fields {
        form.push((f.name.clone(), "<script>alert(1)</script>".into()));
    }
    assert!(matches!(s.iv.submit(&mut s.state, &form, &s.ctx), Submitted::Accepted));
    s.reload();
    let Screen::Question(q) = &s.screen else { panic!() };
    let all = format!("{} {}", q.question, q.subquestion.clone().unwrap_or_default());
    assert!(!all.contains("<script>"), "{all}");
    assert!(all.contains("&lt;script&gt;"), "{all}");
}

#[test]
fn infinite_loop_is_reported() {
    let s = Session::start(&ex("infinite-loop-2.yml"));
    s.see("There appears to be an infinite loop.");
    s.see("Variables in stack are bar, foo.");
}
