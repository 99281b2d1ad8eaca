//! The docassemble object library: financial classes and language methods, walked in process.

use crate::run_support;
use run_support::Session;

fn base(name: &str) -> String {
    format!("docassemble.base:data/questions/examples/{name}")
}

fn demo(name: &str) -> String {
    format!("docassemble.demo:data/questions/examples/{name}")
}

#[test]
fn asset_list_totals_the_values_gathered_by_name() {
    // TestExamples:274
    let mut s = Session::start(&base("assets.yml"));
    s.set("First Name", "Jöhn");
    s.set("Last Name", "Smith");
    s.click("Continue");
    s.see("Does the estate of Jöhn Smith have any assets?");
    s.click("Yes");
    s.set("Type of asset", "fish");
    s.click("Continue");
    s.see("What is the value of fish in the estate of Jöhn Smith?");
    s.set("Value", "400");
    s.click("Continue");
    s.click("Yes");
    s.set("Type of asset", "vegetables");
    s.click("Continue");
    s.set("Value", "10.5");
    s.click("Continue");
    s.click("No");
    s.see("The total value of Jöhn Smith’s estate is $410.50.");
}

#[test]
fn value_exists_false_skips_the_amount() {
    // TestExamples:1410
    let mut s = Session::start(&base("exists.yml"));
    s.see("Do you have real estate holdings?");
    s.click("No");
    s.see("You do not have real estate.");
    let mut s = Session::start(&base("exists.yml"));
    s.click("Yes");
    s.set("Value", "1000");
    s.click("Continue");
    s.see("The value of your real estate holdings is $1,000.00.");
}

#[test]
fn periodic_value_is_value_times_period() {
    // TestExamples:3702
    let mut s = Session::start(&base("periodic-value.yml"));
    s.click("Yes");
    s.set("Amount", "100");
    s.choose("Monthly");
    s.click("Continue");
    s.see("You make $1,200.00 per year.");
}

#[test]
fn dict_using_keys_creates_the_items() {
    // TestExamples:7079
    let s = Session::start(&base("table-dict.yml"));
    s.see("Summary of income");
    s.see("employment");
    s.see("$237.00");
    s.see("$23.00");
}

#[test]
fn language_methods_of_things_and_individuals() {
    // TestExamples:10096
    let s = Session::start(&demo("daobject-language-functions.yml"));
    s.see("Don’t eat the apple’s core.");
    s.see("Do you understand the thing’s intrinsic nature?");
    s.see("Look at Thomas Montague, but do not stare at him.");
    s.see("May an abundance of apple be granted unto you.");
    s.see("You can squeeze the apple, but its juice will get all over your hands.");
    s.see("Thomas Montague drives, but his car is a piece of junk.");
    s.see("Is apple sweet?");
    s.see("Are you sweet?");
    s.see("Thomas Montague can speak for himself.");
    s.see("John Smith is the user.");
    s.not_see("Thomas Montague is the user.");
    s.see("Does Thomas Montague exist?");
    s.see("Was Thomas Montague present at the scene of the crime?");
    s.see("Has Thomas Montague followed the news about the apple festival?");
    s.see("He eats like a pig.");
    s.see("You went to the park.");
    s.see("I gave the apple to Thomas Montague.");
}

#[test]
fn link_text_and_name_defined() {
    // TestExamples:6086 (the hyperlink part)
    let mut s = Session::start(&base("dalink.yml"));
    s.set("URL", "https://docassemble.org");
    s.set("Anchor text", "Dòcassemble");
    s.click("Continue");
    s.see("You can find all the information you need at Dòcassemble.");
}

#[test]
fn salutation_by_gender_and_suffix() {
    let mut s = Session::start(&base("salutation.yml"));
    s.set("First Name", "Jane");
    s.set("Last Name", "Smith");
    s.click_option("Female");
    s.click("Continue");
    s.see("Client letter");
    s.see("Dear Ms. Smith:");
}
