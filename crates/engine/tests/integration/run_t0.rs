//! Tier-0 example interviews walked in process, mirroring the browser scenarios.

use crate::run_support;
use run_support::Session;

fn ex(name: &str) -> String {
    format!("docassemble.base:data/questions/examples/{name}")
}

#[test]
fn buttons() {
    // TestExamples:501
    let mut s = Session::start(&ex("buttons.yml"));
    s.see("What type of belly button do you have?");
    s.click("Outie");
    s.see("Result of question");
    s.see("target_variable is: \"Outie\"");
}

#[test]
fn yesno() {
    let mut s = Session::start(&ex("yesno.yml"));
    s.click("Yes");
    s.persist();
    s.see("Result of question");
}

#[test]
fn text_field() {
    let s = Session::start(&ex("text-field.yml"));
    s.see("What are your favorite things to eat?");
}

#[test]
fn action_with_arguments() {
    // TestExamples:179
    let mut s = Session::start(&ex("actions-parameters.yml"));
    s.link("Add blue fish");
    s.see("You have 3 blue fishes");
    s.click("Continue");
    s.see("You have 3 blue fishes");
}

#[test]
fn yesnoradio() {
    // TestExamples:1803
    let mut s = Session::start(&ex("fields-yesnoradio.yml"));
    s.click_option_under("Yes", "Do you like apricots?");
    s.click_option_under("No", "Do you like pineapple?");
    s.click("Continue");
    s.see("You like apricots.");
    s.see("You do not like pineapple.");
}

#[test]
fn fields_example() {
    let s = Session::start(&ex("fields.yml"));
    s.see("Tell me more about yourself");
}

#[test]
fn fields_example_all_datatypes() {
    let mut s = Session::start(&ex("fields.yml"));
    s.set("Description", "Tall");
    s.set("Annual income", "5000");
    s.set("E-mail address", "a@example.com");
    s.set("Opinion of turnips", "3");
    s.click_option_under("Innie", "Belly button type");
    s.click_option_under("Two", "Number of friends");
    s.click_option("College");
    s.set("State you grew up in", "Ohio");
    s.set("Tell me about your political views.", "None");
    s.click_option_under("Democrat", "Party");
    s.click("Continue");
    s.see("Your income is 5000.0.");
}

#[test]
fn gather_list_of_strings() {
    let mut s = Session::start(&ex("gather-fruit.yml"));
    s.persist();
    s.click("Yes");
    s.persist();
    eprintln!("{:?}", s.state.variables);
    s.set("Fruit", "apple");
    s.click("Continue");
    eprintln!("{:?}", s.state.variables);
    s.see("So far, the fruits include apple.");
    s.click("Yes");
    s.see("What fruit should be added to the list?");
}

#[test]
fn raw_datatype_is_shown_as_html() {
    // TestExamples:9478: `datatype: raw` text is not escaped; other text is
    let mut s = Session::start(&ex("fields-raw.yml"));
    s.set("HTML", "<span class='invisible'>ABC</span> One");
    s.set("Non-HTML", "<span class='invisible'>XYZ</span> Two");
    s.click("Continue");
    let sub = s.q().subquestion.clone().unwrap_or_default();
    assert!(sub.contains("<span class='invisible'>ABC</span> One"), "{sub}");
    assert!(sub.contains("&lt;span class='invisible'&gt;XYZ&lt;/span&gt; Two"), "{sub}");
}
