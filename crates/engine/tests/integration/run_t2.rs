//! Tier-2 behaviour walked in process: objects, list gathering, tables.

use crate::run_support;
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
    let s = Session::start(&ex("index-variable.yml"));
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

#[test]
fn table_delete_button_removes_the_row_and_read_only_hides_buttons() {
    // TestExamples:7260
    let mut s = Session::start(&ex("table-read-only-2.yml"));
    s.click("Yes");
    s.set("Name", "Grape");
    s.set("Seeds", "0");
    s.click("Continue");
    s.click("No");
    s.see("Table of fruits");
    s.see("Apple");
    s.see("Orange");
    // Apple may be deleted but not edited; Orange edited but not deleted; Grape both
    let links: Vec<String> = run_support::anchors(s.q()).into_iter().map(|(t, _)| t).collect();
    assert_eq!(links.iter().filter(|t| t.as_str() == " Edit").count(), 2, "{links:?}");
    assert_eq!(links.iter().filter(|t| t.as_str() == " Delete").count(), 2, "{links:?}");
    s.see("Actions");
    s.nth_link(" Delete", 1);
    s.see("Table of fruits");
    s.not_see("Apple");
    s.see("Grape");
    // the items after the deleted one are renamed: editing Grape (now fruit[1]) asks about it
    s.nth_link(" Edit", 2);
    s.see("Tell me about the fruit.");
    s.set("Name", "Lime");
    s.click("Continue");
    s.see("Table of fruits");
    s.see("Lime");
    s.not_see("Grape");
}

#[test]
fn table_edit_follows_up_and_rechecks_completeness() {
    // TestExamples:7347: editing re-asks the listed attributes, then the complete code runs again
    let mut s = Session::start(&ex("edit-list-complete-complex.yml"));
    s.set("First Name", "John");
    s.set("Last Name", "Smith");
    s.click("Continue");
    s.set("Fruit", "peach");
    s.click("Continue");
    s.click("No");
    s.see("Summary of answers");
    s.nth_link(" Edit", 1);
    s.see("Who is the first person?");
    s.click("Continue");
    s.see("What is John Smith’s favorite fruit?");
    s.set("Fruit", "apple");
    s.click("Continue");
    s.see("What is John Smith’s favorite apple?");
    s.set("Variety", "Fuji");
    s.click("Continue");
    s.see("Summary of answers");
    s.click(" Add another");
    s.see("Who is the second person?");
}

#[test]
fn dict_add_action_asks_the_new_key_then_its_value() {
    // TestExamples:7866
    let mut s = Session::start(&ex("table-dict-string.yml"));
    s.click(" Add another");
    s.see("What type of income would you like to add?");
    s.set("Type of income", "dividends");
    s.click("Continue");
    s.see("Income from dividends");
    s.set("How much income do you get from dividends?", "102");
    s.click("Continue");
    s.see("Summary of income");
    s.see("$102.00");
}

#[test]
fn object_list_is_filled_up_to_an_index_and_generic_objects_get_real_names() {
    // TestExamples:8352: `person[0]` of an object list creates the item
    let s = Session::start(&ex("list-table-manual-gather.yml"));
    s.see("Who is the first person?");
    // TestExamples:3112: `x.allergy` made for person[0] is person[0].allergy
    let mut s = Session::start(&ex("nested-loop.yml"));
    s.set("First", "Ralph");
    s.set("Last", "Smith");
    s.click("Continue");
    s.see("Does Ralph Smith have any allergies?");
    s.click("No");
    s.see("Does Ralph Smith have any children?");
}

#[test]
fn list_collect_shows_a_row_per_item_and_add_another_adds_one() {
    // TestExamples:7831
    let mut s = Session::start(&ex("list-collect-string.yml"));
    s.see("Tell me about the fruit.");
    assert_eq!(s.q().fields.iter().filter(|f| f.label == "Fruit name").count(), 1);
    s.click("Add another");
    s.see("Tell me about the fruit.");
    assert_eq!(s.q().fields.iter().filter(|f| f.label == "Fruit name").count(), 2);
    s.set_nth("Fruit name", 2, "orange");
    s.click("Continue");
    // `is final` (the default): the list is complete
    s.see("Summary of fruit");
    s.see("apple");
    s.see("orange");
    // TestExamples:7628: rows of an object list, a label per row, blank added rows dropped
    let mut s = Session::start(&ex("list-collect-options.yml"));
    s.see("Fruit 1.");
    s.see("Fruit 2.");
    s.set_nth("Fruit name", 2, "orange");
    s.set_nth("Number of seeds", 2, "2");
    s.click("Add more");
    s.click("Add more");
    assert_eq!(s.q().fields.iter().filter(|f| f.label == "Fruit name").count(), 4);
    s.set_nth("Fruit name", 3, "grapes");
    s.set_nth("Number of seeds", 3, "0");
    s.click("Continue");
    // not final: asked whether there are more
    s.see("Are there any more fruit?");
    s.click("No");
    s.see("grapes");
    assert_eq!(run_support::anchors(s.q()).iter().filter(|(t, _)| t == " Edit").count(), 3);
}

#[test]
fn embedded_code_buttons_are_remembered_per_item() {
    // TestExamples:7609
    let mut s = Session::start(&ex("buttons-code-iterator.yml"));
    s.set("Name", "Edward Ableton");
    s.click("Continue");
    s.click("Yes");
    s.set("Name", "Melissa Duncan");
    s.click("Continue");
    s.click("No");
    s.see("What kind of car does Edward Ableton want?");
    s.click("Ford Focus");
    s.see("What kind of car does Melissa Duncan want?");
    s.click("Toyota Camry");
    s.see("Melissa Duncan needs to go to a Toyota dealership");
}

#[test]
fn tables_show_incomplete_items_as_n_a_or_only_complete_ones() {
    // TestExamples:8584: `show incomplete: True` — an item not finished shows "n/a"
    let mut s = Session::start(&ex("table-show-incomplete.yml"));
    s.click("Yes");
    s.click("Edit past answers");
    s.see("Review your answers");
    s.see("n/a");
    s.see("Edit");
    // TestExamples:8575: `require gathered: False` — only complete items
    let mut s = Session::start(&ex("table-require-gathered.yml"));
    s.click("Yes");
    s.click("Edit past answers");
    s.see("Review your answers");
    s.see("Fruit Name");
    s.not_see("Edit");
}

#[test]
fn object_choices_use_generators_and_lists_stand_for_their_items() {
    // TestExamples:8413: `object labeler` and `image generator`
    let s = Session::start(&ex("generators.yml"));
    let labels: Vec<String> = s.q().fields.iter().flat_map(|f| f.choices.iter().map(|c| c.label.clone())).collect();
    assert_eq!(labels, vec![":bus-alt: Bus".to_string(), ":car-side: Car".to_string()]);
    assert_eq!(s.q().fields[0].choices[0].help.as_deref(), Some("An inexpensive form of public transportation."));
    let mut s = s;
    s.click_option("Bus");
    s.click("Continue");
    s.see("You will travel by bus.");
}

#[test]
fn none_of_the_above_label_is_a_template_and_unchecks_the_others() {
    // TestExamples:1734
    let mut s = Session::start(&ex("fields-mc-nota.yml"));
    s.click("Continue");
    s.see("Check at least one option, or check “Nothing at all”");
    s.click_option_under("Sunroof", "Requested options");
    s.click_option_under("Nothing at all", "Requested options");
    s.click("Continue");
    s.see("'Sunroof': False");
}

#[test]
fn review_button_items_and_object_checkboxes_without_a_preselected_none() {
    // TestExamples:6489: `button:` review items are buttons; the list's revisit screen is reached
    let mut s = Session::start(&ex("review-edit-list.yml"));
    for (first, last, fruit) in [("Jöhn", "Smith", "apples"), ("Jane", "Doe", "kiwi")] {
        s.set("First Name", first);
        s.set("Last Name", last);
        s.click("Continue");
        s.set("Fruit", fruit);
        s.click("Continue");
        s.click(if first == "Jane" { "No" } else { "Yes" });
    }
    s.set("Favorite", "Jane Doe");
    s.click("Continue");
    s.link("edit your answers");
    assert!(s.q().review.iter().all(|r| r.button));
    s.nth_link(" Edit", 2);
    s.see("Edit the people");
    // TestExamples:1346: an object list made by `objects` is not an answer of "none of the above"
    let mut s = Session::start(&ex("empty-choices-object-checkboxes-solo.yml"));
    s.click("No");
    let f = s.q().fields.iter().find(|f| !f.choices.is_empty()).unwrap().clone();
    assert!(f.choices.iter().all(|c| !c.selected), "{:?}", f.choices);
    s.click_option("Tom Riddle");
    s.click("Continue");
    s.see("The villain includes Tom Riddle.");
}

#[test]
fn cancel_add_or_edit_drops_the_pending_add_and_its_item() {
    // TestExamples:9954
    let mut s = Session::start(&ex("edit-list-cancel.yml"));
    s.click("Yes");
    s.set("Name", "apple");
    s.click("Continue");
    s.set("Seeds", "4");
    s.click("Continue");
    s.click("No");
    s.see("Fruit table");
    s.click(" Add a fruit");
    s.see("What is the name of the second fruit?");
    s.click("Cancel");
    s.see("Fruit table");
    assert_eq!(run_support::anchors(s.q()).iter().filter(|(t, _)| t == " Edit").count(), 1);
    s.nth_link(" Edit", 1);
    s.see("What is the name of the first fruit?");
    s.click("Continue");
    s.see("How many seeds does apple have?");
    s.click("Cancel");
    s.see("Fruit table");
    assert!(s.state.event_stack.is_empty(), "{:?}", s.state.event_stack);
}

#[test]
fn force_ask_takes_recompute_dictionaries() {
    // TestExamples:10414: force_ask('q', {'recompute': 'x'}, 'ack')
    let mut s = Session::start("docassemble.demo:data/questions/examples/navbar-button-action.yml");
    s.set("Fruit", "apples");
    s.click("Continue");
    s.see("What is your favorite vegetable?");
    s.link("Message a Lawyer");
    s.see("What would you like to ask the attorney on duty?");
    s.set("Your email address", "someone@example.com");
    s.set("Question", "What is the meaning of life?");
    s.click("Continue");
    s.see("Thank you for your question.");
    s.click("Resume interview");
    s.see("What is your favorite vegetable?");
}

#[test]
fn object_labeler_does_not_seek_the_objects_names_and_sliders_start_in_the_middle() {
    // TestExamples:7918
    let mut s = Session::start(&ex("object-radio-address-2.yml"));
    s.set("Address", "211 S 11th St");
    s.set("City", "Philadelphia");
    s.set("State", "Pennsylvania");
    s.set("Zip", "19107");
    s.click("Continue");
    s.see("What address should I use as your shipping address?");
    s.click_option("Your billing address");
    s.click("Continue");
    s.see("I will ship your order to 211 S 11th St, Philadelphia, PA 19107.");
    // TestExamples:8781: a range field posts its starting value
    let mut s = Session::start("docassemble.demo:data/questions/examples/jsondemo.yml");
    s.click("Yes");
    let slider = s.q().fields.iter().find(|f| f.label == "Sweetness").unwrap().clone();
    assert_eq!(slider.value.as_deref(), Some("6"));
    s.set("Name", "orange");
    s.click("Continue");
    s.see("Do you have any other favorite fruit besides orange?");
}

#[test]
fn a_link_cannot_set_variables() {
    // `_da_set` is for the interview's own force_ask(), not for URLs
    let mut s = Session::start(&ex("table-read-only-2.yml"));
    s.click("No");
    s.see("Table of fruits");
    let mut args = serde_json::Map::new();
    args.insert("variables".into(), serde_json::json!([["fruit_hacked", 1]]));
    let url = s.ctx.action_url("_da_set", &args);
    s.visit(&url);
    s.see("Table of fruits");
    assert!(!s.state.variables.contains_key("fruit_hacked"));
}

#[test]
fn reordering_arrows_move_items_and_show_can_leave_the_actions_out() {
    let mut s = Session::start(&ex("table-reorder.yml"));
    for (i, (f, n)) in [("apple", "3"), ("pear", "5")].into_iter().enumerate() {
        s.set("Fruit", f);
        s.set("Number of seeds", n);
        s.click("Continue");
        s.click(if i == 0 { "Yes" } else { "No" });
    }
    s.see("Information about fruit");
    let sub = s.q().subquestion.clone().unwrap_or_default();
    assert!(sub.find("apple").unwrap() < sub.find("pear").unwrap());
    // the second row's "Move up" link
    let ups: Vec<String> = run_support::anchors(s.q()).into_iter().filter(|(t, _)| t == "Move up").map(|(_, u)| u).collect();
    assert_eq!(ups.len(), 2);
    s.visit(&ups[1]);
    let sub = s.q().subquestion.clone().unwrap_or_default();
    assert!(sub.find("pear").unwrap() < sub.find("apple").unwrap(), "{sub}");
    // editing the first row now edits pear (names follow the places)
    s.nth_link(" Edit", 1);
    s.set("Fruit", "plum");
    s.click("Continue");
    s.see("plum");
    s.not_see("pear");
    s.click("Continue");
    s.see("All done");
    s.not_see("Actions");
    s.see("plum");
}
