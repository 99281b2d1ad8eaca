//! docassemble's function and object library as the example interviews show it: lists of
//! choices, formatted text and functions that must not end in an error page.

use crate::run_support;
use run_support::{norm, Session};

fn base(name: &str) -> String {
    format!("docassemble.base:data/questions/examples/{name}")
}

/// The labels of the choices of the screen's first field.
fn choice_labels(s: &Session) -> Vec<String> {
    s.q().fields.iter().find(|f| !f.choices.is_empty()).map(|f| f.choices.iter().map(|c| c.label.clone()).collect()).unwrap_or_default()
}

#[test]
fn states_list_has_the_territories_sorted_by_name() {
    let s = Session::start(&base("state.yml"));
    let labels = choice_labels(&s);
    assert_eq!(labels.len(), 57, "{labels:?}");
    assert_eq!(&labels[..4], ["Alabama", "Alaska", "American Samoa", "Arizona"]);
    assert!(labels.contains(&"Puerto Rico".to_string()) && labels.contains(&"Guam".to_string()));
    assert_eq!(labels.last().map(String::as_str), Some("Wyoming"));
}

#[test]
fn choices_from_a_dictionary_are_sorted_by_label() {
    // `code: us.states.mapping('abbr', 'name')`: a plain dict, shown sorted by its values
    let s = Session::start(&base("drop-down-with-code.yml"));
    let field = s.q().fields.iter().find(|f| f.label.contains("State of birth")).expect("state field");
    let labels: Vec<&str> = field.choices.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(&labels[..4], ["Alabama", "Alaska", "American Samoa", "Arizona"]);
    assert_eq!(labels.len(), 55);
    // a field's `choices` written as a mapping (`Male: male`) are sorted by value too
    let s = Session::start(&base("salutation.yml"));
    let field = s.q().fields.iter().find(|f| f.label == "Gender").expect("gender field");
    let labels: Vec<&str> = field.choices.iter().map(|c| c.label.as_str()).collect();
    assert_eq!(labels, ["Female", "Male", "Other"]);
}

#[test]
fn period_list_starts_with_per_month() {
    let s = Session::start(&base("income.yml"));
    let labels = s.q().fields.iter().find(|f| f.choices.len() == 5).map(|f| f.choices.iter().map(|c| c.label.clone()).collect::<Vec<_>>());
    assert_eq!(
        labels.as_deref(),
        Some(&["Per Month", "Per Year", "Per Week", "Twice Per Month", "Every Two Weeks"].map(String::from)[..])
    );
}

#[test]
fn show_if_in_choices_from_code_leaves_the_choice_out() {
    let s = Session::start(&base("choices-from-code.yml"));
    let labels = choice_labels(&s);
    assert!(!labels.iter().any(|l| l == "Crocs"), "{labels:?}");
}

#[test]
fn dict_items_are_completed_in_key_order() {
    // keys=['employment', 'benefits', 'interest']: docassemble completes them sorted
    let s = Session::start(&base("table-dict-edit.yml"));
    s.see("Income from benefits");
}

#[test]
fn an_address_prints_as_a_block_with_its_unit_named() {
    let mut s = Session::start(&base("address-block.yml"));
    s.set("Address", "123 Main St");
    s.set("Unit", "Bob");
    s.set("City", "Springfield");
    s.set("State", "MO");
    s.click("Continue");
    // `${ address }` is the block: the unit on its own line, called "Unit"; no commas
    // between the lines
    s.see("123 Main St Unit Bob Springfield, MO");
    s.not_see("123 Main St,");
}

#[test]
fn the_legal_classes_make_a_case_with_its_court_and_parties() {
    // `modules: docassemble.base.legal`, `case: Case`: the first question, not an error page
    let s = Session::start(&base("object-try-1.yml"));
    assert!(matches!(s.screen, engine::screen::Screen::Question(_)), "{:?}", s.screen);
    let s = Session::start("docassemble.demo:data/questions/testplural.yml");
    assert!(matches!(s.screen, engine::screen::Screen::Question(_)), "{:?}", s.screen);
}

#[test]
fn server_capabilities_lists_the_outside_services_as_disabled() {
    let s = Session::start(&base("server-capabilities.yml"));
    s.see("sms: disabled");
    s.see("google_maps: disabled");
}

#[test]
fn encode_name_gives_the_form_field_name_of_a_variable() {
    let s = Session::start("docassemble.demo:data/questions/examples/pytojs-hidden.yml");
    assert!(matches!(s.screen, engine::screen::Screen::Question(_)), "{:?}", s.screen);
}

#[test]
fn nav_set_section_makes_the_section_current() {
    let mut s = Session::start(&base("sections-keywords-code.yml"));
    s.click("Continue");
    assert!(matches!(s.screen, engine::screen::Screen::Question(_)), "{:?}", s.screen);
    let current: Vec<&str> = s.q().sections.iter().filter(|v| v.current).map(|v| v.key.as_str()).collect();
    assert_eq!(current, ["about"]);
}

#[test]
fn a_checkboxes_field_without_choices_is_still_shown_beside_other_fields() {
    let mut s = Session::start(&base("empty-choices-checkboxes.yml"));
    s.click("Yes");
    s.see("What do you choose?");
    assert_eq!(s.q().fields.len(), 2);
    assert!(s.q().fields[1].choices.is_empty());
    s.set("Favorite fruit", "apple");
    s.click("Continue");
    s.see("No doors could be chosen.");
    s.see("Your favorite fruit is apple.");
}

#[test]
fn a_review_item_shows_its_help_text_and_its_side_note() {
    let s = Session::start(&base("review-side-note.yml"));
    let values: Vec<String> = s.q().review.iter().filter_map(|r| r.value.clone()).collect();
    let name = values.iter().find(|v| v.contains("pseudonym")).expect("the name item");
    assert!(name.contains("You said your name was") && name.contains("John Doe"), "{name}");
    let fruit = values.iter().find(|v| v.contains("tasty")).expect("the fruit item");
    assert!(fruit.contains("You said you liked apples."), "{fruit}");
}

#[test]
fn date_difference_counts_whole_seconds() {
    let s = Session::start(&base("date-difference.yml"));
    s.see("19180800 seconds");
    s.not_see("19180800.0");
}

#[test]
fn all_false_checks_only_the_keys_given() {
    let mut s = Session::start(&base("all-false.yml"));
    s.click_option("Peaches");
    s.click("Continue");
    s.see("It is not true that you don't like any of the fruit.");
    s.see("It is true that you do not like apples or pears.");
    s.see("It is not true that apples and pears are the only fruits you do not like.");
}

#[test]
fn all_false_exclusive_needs_every_other_key_true() {
    let mut s = Session::start(&base("all-false.yml"));
    s.click_option("Peaches");
    s.click_option("Plums");
    s.click("Continue");
    s.see("It is true that apples and pears are the only fruits you do not like.");
}

#[test]
fn disable_others_stores_the_field_that_has_a_value() {
    // a dropdown with `disable others` and a text field for the same variable
    let mut s = Session::start(&base("disable-others.yml"));
    s.set("Favorite color", "Purple");
    s.set("Other", "");
    s.click("Continue");
    s.see("Your favorite color is Purple.");
    // the dropdown left empty: the other field counts
    let mut s = Session::start(&base("disable-others.yml"));
    s.set("Other", "Orange");
    s.click("Continue");
    s.see("Your favorite color is Orange.");
}

#[test]
fn an_object_chosen_beside_its_own_fields_keeps_its_name() {
    // picking an object disables the name fields: what is typed there is not stored
    let mut s = Session::start(&base("object-disable-others.yml"));
    s.set("One of these", "Tom Riddle");
    s.set("First Name", "Jane");
    s.click("Continue");
    s.see("Tom Riddle will surely be defeated!");
}

#[test]
fn a_table_header_may_start_with_a_hash_or_end_with_a_newline() {
    let mut s = Session::start(&base("table-alt.yml"));
    s.set("Fruit", "apple");
    s.set("Number of seeds", "4");
    s.click("Continue");
    s.click("No");
    let sub = s.q().subquestion.clone().unwrap_or_default();
    assert!(sub.contains("Fruit Name  | Number of Seeds"), "{sub}");
    let mut s = Session::start(&base("edit-list-string.yml"));
    s.set("Name", "Ann");
    s.click("Continue");
    s.click("No");
    let sub = s.q().subquestion.clone().unwrap_or_default();
    assert!(sub.contains("\\# | Name | Actions"), "{sub}");
}

#[test]
fn a_dict_key_entered_again_asks_whether_there_are_more() {
    let mut s = Session::start(&base("gather-dict.yml"));
    s.set("Fruit", "apple");
    s.click("Continue");
    s.set("Number of seeds", "3");
    s.click("Continue");
    s.click("Yes");
    s.set("Fruit", "apple");
    s.click("Continue");
    s.see("So far, the fruits in the database include apple. Are there any others?");
}

#[test]
fn quote_paragraphs_makes_a_block_quote_of_escaped_text() {
    let mut s = Session::start(&base("quote_paragraphs.yml"));
    s.set("Allegations", "He said <b>no</b>.\nTwice.");
    s.click("Continue");
    let sub = s.q().subquestion.clone().unwrap_or_default();
    // the quote marks are Markdown, the text is escaped
    assert!(sub.contains("> He said &lt;b&gt;no&lt;/b&gt;.\n> Twice."), "{sub}");
}

#[test]
fn show_if_on_an_option_of_a_checkbox_group_on_the_same_screen() {
    // `show if: varieties_liked['Fuji']`: the reason is asked only when Fuji is ticked
    let mut s = Session::start(&base("showif-nested-checkbox.yml"));
    s.click_option_under("Yes", "Do you like fruit?");
    s.click_option_under("Yes", "Do you like apples?");
    s.click_option_under("Gala", "Favorite varieties");
    s.click("Continue");
    s.see("The varieties of apples you like are");
    s.not_see("Fuji apples because");
    let mut s = Session::start(&base("showif-nested-checkbox.yml"));
    s.click_option_under("Yes", "Do you like fruit?");
    s.click_option_under("Yes", "Do you like apples?");
    s.click_option_under("Fuji", "Favorite varieties");
    s.click("Continue");
    s.see("This field is required.");
}

#[test]
fn a_list_that_asks_the_object_type_of_each_item() {
    // `DAList.using(ask_object_type=True)`: new_object_type is asked for each item
    let mut s = Session::start(&base("mixed-list.yml"));
    s.see("Do you know the full address of the first location?");
    s.click("No");
    // a City: its own question (the address question is for an Address)
    s.see("What is the city of the first location?");
}

#[test]
fn defined_and_showifdef_create_no_items() {
    // `defined("dict_of_things['third'].sub_list[1]")` on a DADict with an object type:
    // docassemble inspects the path and makes no `third` item
    let mut s = Session::start(&base("def-test.yml"));
    s.see("Start");
    s.click("Continue");
    s.see("Testing");
    s.not_see("Not ok");
}

#[test]
fn a_seeded_generator_goes_on_across_screens() {
    // `seed(30)` once, then `int(1 + random()*4)` on each screen: Python's sequence
    // 0.539…, 0.289…, 0.030… gives three, two, one
    let mut s = Session::start(&base("noun-plural.yml"));
    s.see("There are three toads in the pond.");
    s.set("Singular noun", "frog");
    s.click("Continue");
    s.see("There are two frogs in the pond.");
    s.set("Singular noun", "child");
    s.click("Continue");
    s.see("There is one child in the pond.");
}

#[test]
fn object_checkboxes_refill_the_list_the_interview_defined() {
    // docassemble (in the browser) keeps the `objects:` block's PartyList and fills it
    let mut s = Session::start("docassemble.demo:data/questions/examples/object-checkboxes-custom.yml");
    s.see("Who are the villains, if any?");
    s.click_option("Harry Potter");
    s.click("Continue");
    s.see("The villain includes Harry Potter.");
    s.see("The class name of villain is PartyList.");
}

#[test]
fn an_international_address_block_follows_the_countrys_postal_format() {
    let mut s = Session::start(&base("address-block.yml"));
    s.set("Address", "1 Rue Royale");
    s.set("City", "Paris");
    s.set("State", "IDF");
    s.set("Postal Code", "75008");
    s.set("Country", "France");
    s.click("Continue");
    // France (i18n data): "%O%n%N%n%A%n%Z %C", the city in capitals, no region
    s.see("International: 1 Rue Royale 75008 PARIS FRANCE");
}

#[test]
fn iso_country_matches_as_pycountrys_fuzzy_search() {
    // "Jane" is in the Algerian province Djanet (and in Rio de Janeiro, further on)
    let mut s = Session::start(&base("iso-country.yml"));
    s.set("Country", "Jane");
    s.click("Continue");
    s.see("You live in Algeria.");
}

#[test]
fn a_dict_with_all_false_is_gathered_first() {
    // `has_standing.all_false()` on a DADict that is not gathered automatically: its
    // `gathered` is sought (the code that fills it asks the relationship) before answering
    let s = Session::start("docassemble.demo:data/questions/examples/custody.yml");
    s.see("What is your relationship to the child");
}

#[test]
fn a_table_named_before_its_list_is_filled_shows_the_items() {
    // `fruit_list.table` is referred to by code before the items are appended (docassemble's
    // tables are lazy): the review screen lists them, no question about the list is asked
    let s = Session::start(&base("review-10.yml"));
    s.see("Apple");
    s.see("Pear");
    s.not_see("there are any");
}

#[test]
fn a_first_value_invalidates_nothing_that_depends_on_it() {
    // `depends on: people[i].pay_period`: giving the pay period its first value keeps the
    // income asked just before
    let mut s = Session::start(&base("depends-on-iterator.yml"));
    s.set("First name", "Jane");
    s.set("Last name", "Doe");
    s.click("Continue");
    s.set("Amount", "100");
    s.click("Continue");
    s.set("", "Monthly");
    s.click("Continue");
    s.see("Is there another person?");
}

#[test]
fn message_screen_offers_exit_and_restart_and_exit_ends_the_session() {
    let mut s = Session::start(&base("message.yml"));
    assert_eq!(norm(&s.q().question), "The interview is over.");
    let labels: Vec<&str> = s.q().buttons.iter().map(|b| b.label.as_str()).collect();
    assert_eq!(labels, ["Exit", "Restart"]);
    s.click("Exit");
    assert!(matches!(&s.screen, engine::screen::Screen::Command { command: engine::screen::Command::Exit, .. }), "{:?}", s.screen);
}

#[test]
fn catchall_asks_for_the_value_in_the_context_it_is_used() {
    let mut s = Session::start(&base("catchall.yml"));
    assert_eq!(norm(&s.q().question), "What is user name?");
    s.set_first_text("Jane");
    s.click("Continue");
    // `currency(salary)`: a number is wanted, so the `x.context == 'float'` question
    assert_eq!(norm(&s.q().question), "How much is salary?");
    s.set("Amount", "2500");
    s.click("Continue");
    s.see("Your name is Jane.");
    s.see("You earn $2,500.00 each year.");
}

#[test]
fn update_terms_adds_and_redefines_glossary_terms() {
    let s = Session::start(&base("update-terms.yml"));
    let def = |term: &str| s.q().terms.iter().find(|(t, _)| t.to_lowercase() == term).map(|(_, d)| norm(d));
    assert_eq!(def("nether").as_deref(), Some("The underworld"));
    assert_eq!(def("zombie pigman").as_deref(), Some("A nether dweller"));
    assert_eq!(def("creeper").as_deref(), Some("A tall green creature that explodes if you get too close."));
}

#[test]
fn templates_render_on_use_with_show_arguments_and_files_named_by_code() {
    // `company` is defined nowhere: `show(company=…)` supplies it
    let s = Session::start(&base("template-show.yml"));
    s.see("The opinions expressed herein do not necessarily reflect the views of ABC Widgets, Incorporated.");
    // `content file: {code: template_file_to_use}`
    let s = Session::start(&base("template-file-code.yml"));
    s.see("reflect the views of ABC Widgets, Incorporated.");
}

#[test]
fn set_sections_replaces_the_navigation_bar() {
    let mut s = Session::start(&base("sections-keywords-set-sections.yml"));
    s.set("Name", "Conclusion");
    s.set("Keyword", "conclusion");
    s.click("Continue");
    let labels: Vec<String> = s.q().sections.iter().map(|x| norm(&x.label)).collect();
    assert_eq!(labels, ["Introduction", "About you", "Preferences", "Conclusion"]);
}

#[test]
fn normalize_without_a_geocoder_leaves_the_address_as_entered() {
    let mut s = Session::start(&base("normalize.yml"));
    s.set("Address", "123 Main St");
    s.set("City", "Springfield");
    s.set("State", "IL");
    s.click("Continue");
    s.see("123 Main St");
    s.see("Springfield, IL");
}

#[test]
fn breadcrumbs_show_the_actions_in_progress() {
    let mut s = Session::start(&base("breadcrumbs.yml"));
    // no action in progress: no trail
    assert_eq!(s.q().pre.as_deref().map(norm).unwrap_or_default(), "");
    s.set("First Name", "Jane");
    s.set("Last Name", "Doe");
    s.click("Continue");
    s.set("Fruit", "apple");
    s.click("Continue");
    s.click("No");
    s.link("edit your answers");
    assert_eq!(norm(&s.q().question), "Edit your answers");
    s.click("Add another");
    // the review screen's action, then the new person's: two crumbs
    let pre = s.q().pre.clone().unwrap_or_default();
    assert!(pre.contains("breadcrumb-item active\" aria-current=\"page\">Edit answers</li>"), "{pre}");
    assert!(pre.contains("<li class=\"da-breadcrumb-item breadcrumb-item\">Edit person</li>"), "{pre}");
}

#[test]
fn translations_files_give_the_text_in_the_current_language() {
    // written in German (`default language: de`), translated to English in testtr_en.xlsx
    let s = Session::start("docassemble.demo:data/questions/testtr.yml");
    assert_eq!(norm(&s.q().question), "What is your favorite English fruit?");
}
