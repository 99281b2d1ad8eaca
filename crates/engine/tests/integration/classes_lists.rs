//! The docassemble object library: list and dictionary methods, addresses and points of view.

use crate::run_support;
use run_support::Session;

fn base(name: &str) -> String {
    format!("docassemble.base:data/questions/examples/{name}")
}

#[test]
fn dict_keys_come_in_sorted_order() {
    // TestExamples:713: initialized trustee, beneficiary, grantor; asked in sorted order
    let mut s = Session::start(&base("dadict.yml"));
    s.see("What is the beneficiary player’s name?");
    s.set("First Name", "Jöhn");
    s.set("Last Name", "Smith");
    s.click("Continue");
    s.see("What is the grantor player’s name?");
}

#[test]
fn item_of_a_missing_index_is_blank() {
    // TestExamples:5313
    let mut s = Session::start(&base("item.yml"));
    s.see("Describe the first fruit.");
    s.set("Name", "Apple");
    s.set("Color", "red");
    s.set("Seeds", "10");
    s.click("Continue");
    s.click("No");
    s.see("The name of the first fruit is Apple. It is red and it has 10 seeds.");
    s.see("The name of the tenth fruit is . It is and it has seeds.");
}

#[test]
fn gather_with_a_minimum_does_not_ask_whether_there_are_any() {
    // TestExamples:2203
    let mut s = Session::start(&base("gather-fruit-gather.yml"));
    s.see("What fruit should be added to the list?");
    s.set("Fruit", "äpple");
    s.click("Continue");
    s.see("So far, the fruits include äpple. Are there any others?");
    s.click("No");
    s.see("The fruits are äpple.");
}

#[test]
fn address_block_with_postal_code_and_international_format() {
    // TestExamples:8201
    let mut s = Session::start(&base("address-block.yml"));
    s.set("Address", "123 Main St");
    s.set("City", "Springfield");
    s.set("State", "MO");
    s.set("Postal Code", "12121");
    s.click("Continue");
    s.see("Your address block");
    s.see("Springfield, MO 12121");
    s.see("SPRINGFIELD, MO 12121");
}

#[test]
fn reset_gathered_mark_incomplete_asks_the_items_again() {
    // TestExamples:8420
    let mut s = Session::start(&base("on-change.yml"));
    s.click("No");
    s.set("Name", "employment");
    s.set("Amount per year", "40000");
    s.click("Continue");
    s.click("No");
    s.see("Review your answers.");
    s.link("Change this");
    s.click("Yes");
    s.see("What is the first income item that you and your spouse earn?");
    s.set("Amount per year", "73400");
    s.click("Continue");
    s.click("No");
    s.see("$73,400.00");
}

#[test]
fn points_of_view_of_things_people_and_lists() {
    // TestExamples:10185
    let s = Session::start("docassemble.demo:data/questions/examples/language-functions.yml");
    s.see("Variable name is helper. The helper’s string representation is Robot. Am I going to the ball? My favorite fruit is apple.");
    s.see("Variable name is user. Your string representation is Ursula User. Are you going to the ball?");
    s.see("Harold User returned the potatoes to himself.");
    s.see("Variable name is company. The company’s string representation is ABC, Inc.. Is ABC, Inc. going to the ball? Its favorite fruit is apple.");
    s.see("Multiple lists’ favorite vegetable is turnips. Please fetch two apples for Sally Jones and Peter Roberts, since there are two.");
    s.see("Single list’s favorite vegetable is turnips. Please fetch one apple for Fred Smith, since there are one.");
    s.see("You returned the radishes to yourselves.");
    s.see("The subject is we. The object is us. We returned the radishes to ourselves.");
}

#[test]
fn dict_new_takes_the_keys_of_a_list_object() {
    // TestExamples:5336: company_hired.new(types_of_companies.true_values())
    let mut s = Session::start(&base("nested-objects.yml"));
    s.click("Yes");
    s.set("First Name", "Thomas");
    s.click("Continue");
    s.click("No");
    s.see("Which of the following types of companies has Thomas hired?");
    s.click_option("Financial Advisor");
    s.click_option("Law Firm");
    s.click("Continue");
    s.see("What is the name of Thomas’s Financial Advisor?");
    s.set("Company name", "Expert Financial Analysts");
    s.click("Continue");
    s.see("In what city does Expert Financial Analysts do business?");
}

#[test]
fn sms_number_in_e164_for_the_phone_country() {
    // TestExamples:8867
    let mut s = Session::start("docassemble.demo:data/questions/examples/phone-number.yml");
    s.click("Another country");
    s.choose("France");
    s.click("Continue");
    s.set("Phone number", "05 56 81 94 55");
    s.click("Continue");
    s.see("I will text you at +33556819455.");
}

#[test]
fn a_refresh_after_yes_asks_for_the_new_item_again() {
    // there_is_another stays until the new item is there (list, dictionary and set)
    for (file, item_label, item, prompt) in [
        ("gather-fruit.yml", "Fruit", "äpple", "What fruit should be added to the list?"),
        ("gather-dict-value.yml", "Fruit", "peach", "What fruit should be added to the database?"),
    ] {
        let mut s = Session::start(&base(file));
        if s.text().contains("Are there any") {
            s.click("Yes");
        }
        s.see(prompt);
        s.set(item_label, item);
        if file == "gather-dict-value.yml" {
            s.set("Number of seeds", "3");
        }
        s.click("Continue");
        s.click("Yes");
        s.see(prompt);
        s.persist();
        s.reload();
        s.see(prompt);
    }
}

#[test]
fn email_recipient_list_items_show_their_address() {
    let mut s = Session::start(&base("gather-list-email-recipients.yml"));
    s.see("What is the first e-mail address?");
    s.set("E-mail", "fred@example.com");
    s.click("Continue");
    s.click("Yes");
    s.see("What is the second e-mail address?");
    s.set("E-mail", "sally@example.com");
    s.click("Continue");
    s.click("No");
    s.see("The list of recipients");
    s.see("fred@example.com");
    s.see("sally@example.com");
}

#[test]
fn set_of_objects_is_in_text_order_and_intersects() {
    let mut s = Session::start(&base("gather-set-object.yml"));
    s.see("Do you like apples, oranges, pears, plums, or grapes?");
    s.click("Yes");
    for (k, fruit) in ["plums", "apples", "pears"].iter().enumerate() {
        if k > 0 {
            s.click("Yes");
        }
        s.choose(fruit);
        s.click("Continue");
    }
    s.click("No");
    s.see("The fruits you like include apples, pears, and plums.");
    s.see("The fruits we both like are apples and pears.");
}

#[test]
fn ask_number_list_counts_its_target_and_fills_typed_items() {
    // TestExamples:5223: people.number() is the target while gathering; people[1] is made
    let mut s = Session::start(&base("fields-code.yml"));
    s.set("Number", "2");
    s.click("Continue");
    s.see("What are the peoples’ names?");
    s.set("First person’s given name", "Frederick");
    s.set("First person’s surname", "Baker");
    s.set("Second person’s given name", "Paul");
    s.set("Second person’s surname", "Clark");
    s.click("Continue");
    s.see("List of people");
    s.see("Frederick Baker");
    s.see("Paul Clark");
}

#[test]
fn as_serializable_gives_plain_data() {
    // TestExamples:8781
    let mut s = Session::start("docassemble.demo:data/questions/examples/jsondemo.yml");
    s.click("Yes");
    s.set("Name", "orange");
    s.click("Continue");
    s.click("No");
    s.see("You can use this to set the value of user.favorite_fruit using the POST /api/session API endpoint.");
    s.see("docassemble.base.util.DAList");
    s.see("orange");
}
