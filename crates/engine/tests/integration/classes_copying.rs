//! The docassemble object library: copies of objects and the list methods that reshape lists.

use crate::run_support;
use run_support::Session;

#[test]
fn copy_deep_renames_the_copied_items() {
    // TestExamples:8828: the chosen fruits are copied under person[0].fruit_preferences, so the
    // questions about the copies ask `person[0].fruit_preferences[j].preferred_seeds`
    let mut s = Session::start("docassemble.demo:data/questions/examples/object-checkboxes-copy.yml");
    s.set("First name", "John");
    s.set("Last name", "Smith");
    s.click("Continue");
    s.see("Which fruits does John Smith like?");
    s.click_option_under("apple", "Fruits");
    s.click_option_under("pear", "Fruits");
    s.click("Continue");
    s.see("How many seeds does John Smith’s ideal apple have?");
    s.set("Seeds", "3");
    s.click("Continue");
    s.see("How many seeds does John Smith’s ideal pear have?");
    s.click("Continue");
    s.see("Is there another person you would like to add?");
}

#[test]
fn copy_shallow_shares_the_attributes() {
    // TestExamples:6589
    let mut s = Session::start("docassemble.base:data/questions/examples/copy-shallow.yml");
    s.see("What is the company’s name?");
    s.set("Name", "ABC");
    s.click("Continue");
    s.see("Who is the CEO of ABC?");
}

#[test]
fn filter_by_attribute_and_list_concatenation() {
    // TestExamples:9797 (parties.filter(role=…)) and 5056 (DAList + DAList)
    let mut s = Session::start("docassemble.base:data/questions/examples/tablegather.yml");
    s.click(" Add a party");
    s.set("First name", "Thomas");
    s.set("Last name", "Jones");
    s.click("Continue");
    s.click_option("Plaintiff");
    s.click("Continue");
    s.see("Parties to the case");
    s.click("Continue");
    s.see("Summary of case");
    s.see("The plaintiffs are:");
    s.not_see("The defendants are:");
    let s = Session::start("docassemble.base:data/questions/examples/checkbox-dict-dict.yml");
    s.see("Do you have any fr.uit bowls?");
}
