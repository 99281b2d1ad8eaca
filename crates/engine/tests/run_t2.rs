//! Tier-2 behaviour walked in process: objects, list gathering, tables.

mod run_support;
use run_support::Session;

fn ex(name: &str) -> String {
    format!("docassemble.base:data/questions/examples/{name}")
}

#[test]
fn table_block_renders_gathered_rows() {
    // TestExamples:4479
    let mut s = Session::start(&ex("table.yml"));
    s.see("What fruit should be added to the list?");
    s.set("Fruit", "apple");
    s.set("Number of seeds", "10");
    s.click("Continue");
    s.see("So far, the fruits include apple. Are there any others?");
    s.click("Yes");
    s.set("Fruit", "orange");
    s.set("Number of seeds", "5");
    s.click("Continue");
    s.click("No");
    s.see("Information about fruit");
    s.see("Here is a fruity summary.");
    s.see("Fruit Name");
    s.see("orange");
}

#[test]
fn object_checkboxes_fill_the_list_and_default_to_its_items() {
    // TestExamples:3306
    let mut s = Session::start(&ex("object-checkboxes-default.yml"));
    s.see("Who are the villains, if any?");
    s.click("Continue");
    s.see("The villain includes Tom Riddle.");
}

#[test]
fn object_radio_labels_and_default_name_objects() {
    // TestExamples:3350
    let mut s = Session::start(&ex("object-radio.yml"));
    s.see("Who is the villain?");
    s.see("Harry Potter");
    s.click("Continue");
    s.see("Tom Riddle will surely be defeated!");
}

#[test]
fn list_not_auto_gathered_is_gathered_by_the_question_that_sets_it() {
    // TestExamples:1355
    let mut s = Session::start(&ex("empty-choices-object-checkboxes.yml"));
    s.see("Should the list of choices for the object_checkboxes field be empty?");
    s.click("Yes");
    s.see("Please answer this.");
    s.set("Favorite fruit", "äpples");
    s.click("Continue");
    s.see("There are no villains here. In fact, no villains ever existed.");
}

#[test]
fn daset_gathers_new_items_without_duplicates() {
    // TestExamples:2442
    let mut s = Session::start(&ex("gather-set.yml"));
    s.see("Should there be any fruits in the set?");
    s.click("Yes");
    s.set("Fruit", "äpple");
    s.click("Continue");
    s.see("So far, the fruits in the set include äpple. Are there any others?");
    s.click("Yes");
    s.set("Fruit", "pear");
    s.click("Continue");
    s.click("Yes");
    s.set("Fruit", "pear");
    s.click("Continue");
    s.see("So far, the fruits in the set include pear and äpple. Are there any others?");
    s.click("No");
    s.see("There are two fruits in all.");
}

#[test]
fn list_gathered_after_a_code_block_defines_there_are_any() {
    // TestExamples:2655
    let mut s = Session::start(&ex("index-variable.yml"));
    s.see("What is the first person’s name?");
}

#[test]
fn object_identity_survives_the_session_state() {
    // TestExamples:4579: `recipient.append(trustee)` — the list item and `trustee` are one object
    let mut s = Session::start(&ex("testdalist.yml"));
    s.see("What is the name of the trustee?");
    s.set("First Name", "Thomas");
    s.set("Last Name", "Trustee");
    s.click("Continue");
    s.see("What is the name of the beneficiary?");
    let json = serde_json::to_string(&s.state.variables).unwrap();
    assert!(json.contains("\"__ref__\""), "shared objects are written once: {json}");
    for who in ["Bernard", "George"] {
        s.set("First Name", who);
        s.set("Last Name", "X");
        s.click("Continue");
    }
    // object_name() of a list item: its ordinal
    s.see("What is the name of the fourth recipient?");
}

#[test]
fn dict_gathers_keys_with_new_item_value() {
    // TestExamples:2145
    let mut s = Session::start(&ex("gather-dict-value.yml"));
    s.see("What fruit should be added to the database?");
    s.set("Fruit", "peach");
    s.set("Number of seeds", "1");
    s.click("Continue");
    s.see("So far, the fruits in the database include peach. Are there any others?");
    s.click("No");
    s.see("There are one fruits in all.");
}

#[test]
fn gather_with_a_number() {
    // TestExamples:740
    let mut s = Session::start(&ex("dalist2.yml"));
    s.see("How many things are there?");
    s.set("Number of things", "2");
    s.click("Continue");
    s.see("What is the first thing?");
    s.set_first_text("äpples");
    s.click("Continue");
    s.see("What is the second thing?");
    s.set_first_text("peaches");
    s.click("Continue");
    s.see("The things are: äpples and peaches.");
}

#[test]
fn deleting_a_dict_item_not_there_yet_seeks_it() {
    // TestExamples:6197: `del endpoint[user.goal]`
    let mut s = Session::start("docassemble.demo:data/questions/examples/interview_in_interview.yml");
    s.see("What interview would you like to complete?");
    s.click_option("Vegetable quiz");
    s.click("Continue");
    s.see("What is your name?");
}

#[test]
fn dict_new_creates_items_and_nested_index_variables_gather_them() {
    // TestExamples:3229
    let mut s = Session::start(&ex("nested-veggies.yml"));
    s.see("How much does the first potato weigh?");
    s.set("Grams", "90");
    s.click("Continue");
    s.see("Is there another potato?");
    s.click("No");
    s.see("How much does the first turnip weigh?");
}

#[test]
fn country_functions() {
    // TestExamples:8332, 4336
    let mut s = Session::start(&ex("iso-country.yml"));
    s.set("Country", "United Kingdom");
    s.click("Continue");
    s.see("You live in United Kingdom.");
    let s = Session::start(&ex("subdivision-type.yml"));
    s.see("In Viet Nam, you live in a Province.");
    s.see("In United States, you live in a State.");
}

#[test]
fn name_methods_on_a_plain_name() {
    // TestExamples:2797: a Person's Name has lastfirst() too
    let s = Session::start(&ex("lastfirst.yml"));
    s.see("Vader, Darth");
    s.see("Death Star Corporation");
}

#[test]
fn does_verb_agrees_with_the_number_of_items() {
    // TestExamples:2100: fruit.does_verb("is") with two items
    let mut s = Session::start(&ex("gather-dict-number.yml"));
    s.set("Number", "2");
    s.click("Continue");
    for (fruit, seeds) in [("peach", "1"), ("äpple", "1")] {
        s.set("Fruit", fruit);
        s.click("Continue");
        s.set("Number of seeds", seeds);
        s.click("Continue");
    }
    s.see("There are two fruits in all.");
}
