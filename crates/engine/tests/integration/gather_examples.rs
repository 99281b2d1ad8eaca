//! The gathering protocol walked in process, one test per example interview
//! `examples/{gather*,dalist*,edit-list*}.yml`: 0, 1 and 3 items (or the number-based
//! variants), dicts and sets, the final screen listing the items in order — and every walk
//! run twice, the second time saving and reloading the state (JSON round trip) after every
//! request and re-displaying the screen from the reloaded state, as the server does; both
//! runs must end on the same screen.
//!
//! Where a browser scenario exists (TestExamples.feature) the walk follows its steps and
//! phrases; otherwise the expected texts come from the YAML and docassemble's own
//! implementation of DAList/DADict/DASet (docassemble.base.util).
#![allow(clippy::panic)] // a test reports a failure by panicking

use crate::run_support;

use engine::screen::Screen;
use run_support::{norm, Session};

fn ex(name: &str) -> String {
    format!("docassemble.base:data/questions/examples/{name}")
}

/// `comma_and_list` as docassemble writes it (Oxford comma).
fn and_list<S: AsRef<str>>(items: &[S]) -> String {
    let items: Vec<&str> = items.iter().map(AsRef::as_ref).collect();
    match items.len() {
        0 => String::new(),
        1 => items[0].to_string(),
        2 => format!("{} and {}", items[0], items[1]),
        n => format!("{}, and {}", items[..n - 1].join(", "), items[n - 1]),
    }
}

/// `ordinal(i)` for a 0-based index.
fn ordinal(i: usize) -> &'static str {
    [
        "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
        "tenth",
    ][i]
}

/// `nice_number(n)` for small numbers.
fn word(n: usize) -> &'static str {
    [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    ][n]
}

/// A browser session; with `persist`, the state is saved and reloaded (JSON) after every
/// request, as the server does between requests; with `refresh` too, the screen is also
/// shown again from the reloaded state (a browser refresh), which must not change it.
struct Walk {
    s: Session,
    persist: bool,
    refresh: bool,
}

/// An `<a href>` or Markdown link found in the screen text: (raw inner text, url).
type Link = (String, String);

impl Walk {
    fn start(name: &str, persist: bool) -> Walk {
        let refresh = REFRESH.with(|r| r.get());
        let mut w = Walk {
            s: Session::start(&ex(name)),
            persist: persist || refresh,
            refresh,
        };
        w.saved();
        w
    }

    fn has_errors(&self) -> bool {
        match &self.s.screen {
            Screen::Question(q) => {
                !q.errors.is_empty() || q.fields.iter().any(|f| f.error.is_some())
            }
            _ => false,
        }
    }

    /// After a request: the server saves the state; in persist mode reload it and show the
    /// screen again (not after a rejected form: its messages are not part of the state).
    fn saved(&mut self) {
        if !self.persist {
            return;
        }
        self.s.persist();
        if !self.refresh || self.has_errors() {
            return;
        }
        let before = self.s.text();
        self.s.reload();
        assert_eq!(
            before,
            self.s.text(),
            "the screen changed after saving and reloading the state"
        );
    }

    fn text(&self) -> String {
        self.s.text()
    }

    fn see(&self, phrase: &str) {
        self.s.see(phrase);
    }

    fn not_see(&self, phrase: &str) {
        self.s.not_see(phrase);
    }

    /// The phrases appear in this order on the screen.
    fn see_in_order(&self, phrases: &[&str]) {
        let t = self.text();
        let mut at = 0;
        for p in phrases {
            let p = norm(p);
            match t[at..].find(&p) {
                Some(i) => at += i + p.len(),
                None => panic!("expected {p:?} after position {at} (order {phrases:?}) in:\n{t}"),
            }
        }
    }

    fn set(&mut self, label: &str, value: &str) {
        self.s.set(label, value);
    }

    fn set_text(&mut self, value: &str) {
        self.s.set_first_text(value);
    }

    /// A button (or Continue/Back); failing that an action button or link with that text.
    fn click(&mut self, label: &str) {
        let q = self.s.q().clone();
        let want = norm(label);
        let is_button = q.buttons.iter().any(|b| norm(&b.label) == want)
            || q.continue_label.as_deref().map(norm) == Some(want.clone())
            || ((q.back_allowed || q.question_back_button)
                && norm(q.back_label.as_deref().unwrap_or("Back")) == want);
        if is_button {
            self.s.click(label);
            self.saved();
        } else {
            self.link(label, 0);
        }
    }

    /// Every link on the screen: HTML anchors and Markdown links in the screen parts and
    /// notes, then action buttons and review items.
    fn links(&self) -> Vec<Link> {
        let q = self.s.q();
        let mut texts: Vec<&String> = Vec::new();
        for part in [&q.pre, &q.subquestion, &q.under, &q.post, &q.right] {
            texts.extend(part.iter());
        }
        texts.insert(1.min(texts.len()), &q.question);
        for f in &q.fields {
            texts.extend(f.content.iter());
        }
        let mut out = Vec::new();
        for t in texts {
            out.extend(html_links(t));
            out.extend(markdown_links(t));
        }
        for a in &q.action_buttons {
            out.push((a.label.clone(), a.url.clone()));
        }
        for r in &q.review {
            if let Some(u) = &r.url {
                out.push((r.label.clone(), u.clone()));
            }
        }
        out
    }

    /// Follows the `nth` (0-based) link whose text (tags stripped, trimmed) is `label`.
    fn link(&mut self, label: &str, nth: usize) {
        let want = norm(label.trim());
        let url = self
            .links()
            .into_iter()
            .filter(|(inner, _)| norm(strip_tags(inner).trim()) == want)
            .nth(nth)
            .map(|(_, u)| u)
            .unwrap_or_else(|| {
                panic!(
                    "no link #{nth} {label:?}; links {:?} on:\n{}",
                    self.links(),
                    self.text()
                )
            });
        self.visit(&url);
    }

    /// Follows the `nth` link whose inner HTML/Markdown contains `icon` (e.g. `pencil-alt`).
    fn icon_link(&mut self, icon: &str, nth: usize) {
        let url = self
            .links()
            .into_iter()
            .filter(|(inner, _)| inner.contains(icon))
            .nth(nth)
            .map(|(_, u)| u)
            .unwrap_or_else(|| panic!("no icon link #{nth} {icon:?}: {:?}", self.links()));
        self.visit(&url);
    }

    fn visit(&mut self, url: &str) {
        let url = url.replace("&amp;", "&");
        self.s.visit(&url);
        self.saved();
    }

    fn number_of_links(&self, label: &str) -> usize {
        let want = norm(label);
        self.links()
            .iter()
            .filter(|(inner, _)| norm(strip_tags(inner).trim()) == want)
            .count()
    }
}

fn strip_tags(s: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in s.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if !in_tag => out.push(c),
            _ => {}
        }
    }
    out
}

fn html_links(t: &str) -> Vec<Link> {
    let mut out = Vec::new();
    let mut rest = t;
    while let Some(i) = rest.find("<a ") {
        rest = &rest[i..];
        let Some(open_end) = rest.find('>') else {
            break;
        };
        let tag = &rest[..open_end];
        let href = tag
            .find("href=\"")
            .and_then(|h| tag[h + 6..].split('"').next())
            .unwrap_or("")
            .to_string();
        let after = &rest[open_end + 1..];
        let Some(close) = after.find("</a>") else {
            break;
        };
        out.push((after[..close].to_string(), href));
        rest = &after[close..];
    }
    out
}

fn markdown_links(t: &str) -> Vec<Link> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(i) = t[from..].find("](") {
        let mid = from + i;
        let Some(open) = t[..mid].rfind('[') else {
            from = mid + 2;
            continue;
        };
        let Some(close) = t[mid + 2..].find(')') else {
            break;
        };
        out.push((
            t[open + 1..mid].to_string(),
            t[mid + 2..mid + 2 + close].trim().to_string(),
        ));
        from = mid + 2 + close;
    }
    out
}

thread_local! {
    /// Whether walks started on this thread refresh the screen after every request.
    static REFRESH: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs a walk without and with saving/reloading the state after every request; both must
/// end on the same screen. Returns the walk without persistence for further checks.
fn both(walk: impl Fn(bool) -> Walk) -> Walk {
    let plain = walk(false);
    let persisted = walk(true);
    assert_eq!(
        plain.text(),
        persisted.text(),
        "the walk ends differently when the state is saved and reloaded after every step"
    );
    plain
}

// ---------------------------------------------------------------------------------------
// dalist.yml, dalist2.yml

fn dalist(persist: bool, people: &[(&str, &str)]) -> Walk {
    let mut w = Walk::start("dalist.yml", persist);
    w.see("Do you have any people to add to the list?");
    if people.is_empty() {
        w.click("No");
    } else {
        w.click("Yes");
        for (k, (first, last)) in people.iter().enumerate() {
            if k > 0 {
                w.click("Yes");
            }
            w.see("What is the person’s name?");
            w.set("First", first);
            w.set("Last", last);
            w.click("Continue");
            w.see("Do you have more people for me?");
            let so_far: Vec<String> = people[..=k]
                .iter()
                .map(|(f, l)| format!("{f} {l}"))
                .collect();
            w.see(&format!(
                "So far you have told me about {}.",
                and_list(&so_far)
            ));
        }
        w.click("No");
    }
    w.see("Here is your list of people.");
    w
}

#[test]
fn dalist_party_list_of_people() {
    // TestExamples:761 and 0 / 1 / 3 people
    let w = both(|p| dalist(p, &[]));
    w.not_see("Smith");
    both(|p| dalist(p, &[("Jöhn", "Smith")])).see("Jöhn Smith");
    both(|p| dalist(p, &[("Jöhn", "Smith"), ("Jane", "Smith")])).see("Jöhn Smith and Jane Smith");
    let w = both(|p| dalist(p, &[("Jöhn", "Smith"), ("Jane", "Smith"), ("Ann", "Lee")]));
    w.see("Jöhn Smith, Jane Smith, and Ann Lee");
}

fn dalist2(persist: bool, things: &[&str]) -> Walk {
    let mut w = Walk::start("dalist2.yml", persist);
    w.see("How many things are there?");
    w.set("Number of things", &things.len().to_string());
    w.click("Continue");
    for (k, t) in things.iter().enumerate() {
        w.see(&format!("What is the {} thing?", ordinal(k)));
        w.set_text(t);
        w.click("Continue");
    }
    w.see(&format!("The things are: {}.", and_list(things)));
    w
}

#[test]
fn dalist2_gather_number_of_things() {
    // TestExamples:740: gather(number=number_of_things), 1 / 2 / 3 things, restart
    both(|p| dalist2(p, &["äpples"]));
    both(|p| dalist2(p, &["äpples", "peaches"]));
    let mut w = both(|p| dalist2(p, &["äpples", "peaches", "pears"]));
    w.click("Restart");
    w.see("How many things are there?");
    // min: 1
    w.set("Number of things", "0");
    w.click("Continue");
    w.see("How many things are there?");
    assert!(w.has_errors(), "0 things must be rejected (min: 1)");
}

// ---------------------------------------------------------------------------------------
// edit-list*.yml

#[test]
fn edit_list_cancel_empty_table() {
    // no fruits: `show if empty`, then the table's continue button field
    let w = both(|p| {
        let mut w = Walk::start("edit-list-cancel.yml", p);
        w.see("Are there any fruits?");
        w.click("No");
        w.see("Fruit table");
        w.see("No fruits yet.");
        w.see("Add a fruit");
        w.click("Continue");
        w
    });
    w.see("Thank you for creating a table of fruits.");
}

#[test]
fn edit_list_cancel_add_or_edit() {
    // TestExamples:9954: Cancel of an added or of an edited item
    let w = both(|p| {
        let mut w = Walk::start("edit-list-cancel.yml", p);
        w.click("Yes");
        w.see("What is the name of the first fruit?");
        // not gathered yet: no Cancel (`show if: fruits.has_been_gathered()`)
        assert_eq!(w.number_of_links("Cancel"), 0);
        w.set("Name", "apple");
        w.click("Continue");
        w.see("How many seeds does apple have?");
        w.set("Seeds", "4");
        w.click("Continue");
        w.see("Are there any more fruits?");
        w.click("No");
        w.see("Fruit table");
        w.not_see("No fruits yet.");
        w.see_in_order(&["Name", "Seeds", "apple", "4"]);
        w.click("Add a fruit");
        w.see("What is the name of the second fruit?");
        assert_eq!(w.number_of_links("Cancel"), 1);
        w.click("Cancel");
        w.see("Fruit table");
        // the cancelled item is gone: still one row
        assert_eq!(w.number_of_links("Edit"), 1);
        w.link("Edit", 0);
        w.see("What is the name of the first fruit?");
        w.click("Continue");
        w.see("How many seeds does apple have?");
        w.click("Cancel");
        w.see("Fruit table");
        w.see_in_order(&["apple", "4"]);
        w.click("Continue");
        w
    });
    w.see("Thank you for creating a table of fruits.");
}

#[test]
fn edit_list_complete_complex_edit_and_add() {
    // TestExamples:7347: editing re-runs the completeness code (favorite apple), "Add another"
    let w = both(|p| {
        let mut w = Walk::start("edit-list-complete-complex.yml", p);
        w.see("Who is the first person?");
        w.set("First Name", "John");
        w.set("Last Name", "Smith");
        w.click("Continue");
        w.see("What is John Smith’s favorite fruit?");
        w.set("Fruit", "peach");
        w.click("Continue");
        w.see("Are there any more people you would like to mention?");
        w.click("No");
        w.see("Summary of answers");
        w.see_in_order(&["Name", "Fruit", "John Smith", "peach"]);
        assert_eq!(w.number_of_links("Edit"), 1);
        w.link("Edit", 0);
        w.see("Who is the first person?");
        w.click("Continue");
        w.see("What is John Smith’s favorite fruit?");
        w.set("Fruit", "apple");
        w.click("Continue");
        w.see("What is John Smith’s favorite apple?");
        w.set("Variety", "Fuji");
        w.click("Continue");
        w.see("Summary of answers");
        w.see_in_order(&["John Smith", "apple"]);
        w.not_see("peach");
        w.link("Add another", 0);
        w.see("Who is the second person?");
        w.set("First Name", "Jane");
        w.set("Last Name", "Doe");
        w.click("Continue");
        w.see("What is Jane Doe’s favorite fruit?");
        w.set("Fruit", "apple");
        w.click("Continue");
        w.see("What is Jane Doe’s favorite apple?");
        w.set("Variety", "Granny Smith");
        w.click("Continue");
        w
    });
    w.see("Summary of answers");
    w.see_in_order(&["John Smith", "apple", "Jane Doe", "apple"]);
    assert_eq!(w.number_of_links("Edit"), 2);
    assert_eq!(w.number_of_links("Delete"), 2);
}

/// Two people with their favorite fruits, then the favorite person.
fn people_and_favorite(w: &mut Walk, people: &[(&str, &str, &str)], favorite: Option<&str>) {
    for (k, (first, last, fruit)) in people.iter().enumerate() {
        if k > 0 {
            w.see("Are there any more people you would like to mention?");
            w.click("Yes");
        }
        w.see(&format!("Who is the {} person?", ordinal(k)));
        w.set("First Name", first);
        w.set("Last Name", last);
        w.click("Continue");
        w.see(&format!("What is {first} {last}’s favorite fruit?"));
        w.set("Fruit", fruit);
        w.click("Continue");
    }
    w.see("Are there any more people you would like to mention?");
    w.click("No");
    if let Some(f) = favorite {
        w.see("Who is your favorite person?");
        w.set("Favorite", f);
        w.click("Continue");
    }
}

const TWO_PEOPLE: &[(&str, &str, &str)] = &[("Jöhn", "Smith", "apple"), ("Jane", "Doe", "kiwi")];

#[test]
#[ignore = "needs `event:` code blocks never used to define variables (person_add sets person.there_is_another and runs during gathering)"]
fn edit_list_manual_add_delete_and_review_links() {
    let w = both(|p| {
        let mut w = Walk::start("edit-list-manual.yml", p);
        people_and_favorite(&mut w, TWO_PEOPLE, Some("Jane Doe"));
        w.see("All done");
        w.see("The people are Jöhn Smith and Jane Doe.");
        w.see("Your favorite is Jane Doe.");
        w.see_in_order(&[
            "Name",
            "Fruit",
            "Action",
            "Jöhn Smith",
            "apple",
            "Jane Doe",
            "kiwi",
        ]);
        // person_add: appendObject + reset_gathered + there_is_another = False
        w.link("Add another person", 0);
        w.see("Who is the third person?");
        w.set("First Name", "Ann");
        w.set("Last Name", "Lee");
        w.click("Continue");
        w.see("What is Ann Lee’s favorite fruit?");
        w.set("Fruit", "plum");
        w.click("Continue");
        w.see("All done");
        w.see("The people are Jöhn Smith, Jane Doe, and Ann Lee.");
        // person_del with item=person[0]
        w.icon_link("trash", 0);
        w.see("All done");
        w
    });
    w.see("The people are Jane Doe and Ann Lee.");
    w.not_see("Jöhn");
    // the pencil: the person[i].review event
    let w = both(|p| {
        let mut w = Walk::start("edit-list-manual.yml", p);
        people_and_favorite(&mut w, TWO_PEOPLE, Some("Jane Doe"));
        w.icon_link("pencil-alt", 1);
        w
    });
    w.see("Edit information about Jane Doe.");
    w.see("Name: Jane Doe");
    w.see("Favorite fruit: kiwi");
}

#[test]
fn edit_list_non_editable_table_has_no_edit_buttons() {
    let w = both(|p| {
        let mut w = Walk::start("edit-list-non-editable.yml", p);
        people_and_favorite(&mut w, TWO_PEOPLE, None);
        w
    });
    w.see("Thank you for your answers!");
    assert_eq!(w.number_of_links("Edit"), 0);
    assert_eq!(w.number_of_links("Delete"), 0);
    w.not_see("Actions");
}

#[test]
fn edit_list_non_editable_final_table() {
    let w = both(|p| {
        let mut w = Walk::start("edit-list-non-editable.yml", p);
        people_and_favorite(&mut w, TWO_PEOPLE, None);
        w
    });
    w.see("Thank you for your answers!");
    w.see_in_order(&["Name", "Fruit", "Jöhn Smith", "apple", "Jane Doe", "kiwi"]);
    w.see("Review Answers");
}

#[test]
fn edit_list_non_editable_review_revisits_the_table() {
    let w = both(|p| {
        let mut w = Walk::start("edit-list-non-editable.yml", p);
        people_and_favorite(&mut w, TWO_PEOPLE, None);
        w.link("edit your answers", 0);
        w.see("Edit your answers");
        // `favorite` was never asked: its review item is not shown
        w.not_see("Your favorite person is");
        w.see_in_order(&["The people are:", "Jöhn Smith", "Jane Doe"]);
        w.link("Edit", 0);
        w
    });
    w.see("Edit the people");
    w.see_in_order(&["Jöhn Smith", "apple", "Jane Doe", "kiwi"]);
    assert_eq!(w.number_of_links("Edit"), 2);
    assert_eq!(w.number_of_links("Delete"), 2);
    w.see("Add another");
}

fn edit_list_string(persist: bool, people: &[&str]) -> Walk {
    let mut w = Walk::start("edit-list-string.yml", persist);
    for (k, name) in people.iter().enumerate() {
        if k > 0 {
            w.click("Yes");
        }
        w.see(&format!("Who is the {} person?", ordinal(k)));
        w.set("Name", name);
        w.click("Continue");
        w.see("Are there any more people you would like to mention?");
    }
    w.click("No");
    w.see("All done");
    w.see(&format!("The people are {}.", and_list(people)));
    w
}

#[test]
fn edit_list_string_items() {
    both(|p| edit_list_string(p, &["Ann"])).see_in_order(&["Name", "1", "Ann"]);
    let w = both(|p| edit_list_string(p, &["Ann", "Bob", "Cy"]));
    w.see_in_order(&["1", "Ann", "2", "Bob", "3", "Cy"]);
    assert_eq!(w.number_of_links("Edit"), 3);
    // edit: True on a list of strings — the follow-up is the item itself
    let w = both(|p| {
        let mut w = edit_list_string(p, &["Ann", "Bob"]);
        w.link("Edit", 1);
        w.see("Who is the second person?");
        w.set("Name", "Bea");
        w.click("Continue");
        w.see("All done");
        w.see("The people are Ann and Bea.");
        w.link("Delete", 0);
        w
    });
    w.see("The people are Bea.");
    let w = both(|p| {
        let mut w = edit_list_string(p, &["Ann"]);
        w.link("Add another", 0);
        w.see("Who is the second person?");
        w.set("Name", "Bob");
        w.click("Continue");
        w
    });
    w.see("The people are Ann and Bob.");
}

#[test]
fn edit_list_edit_delete_add() {
    let w = both(|p| {
        let mut w = Walk::start("edit-list.yml", p);
        people_and_favorite(&mut w, TWO_PEOPLE, Some("Jane Doe"));
        w.see("All done");
        w.see("The people are Jöhn Smith and Jane Doe.");
        w.see("Your favorite is Jane Doe.");
        w.see_in_order(&["Name", "Fruit", "Jöhn Smith", "apple", "Jane Doe", "kiwi"]);
        assert_eq!(w.number_of_links("Edit"), 2);
        w.link("Edit", 0);
        w.see("Who is the first person?");
        w.set("First Name", "Johnny");
        w.click("Continue");
        w.see("What is Johnny Smith’s favorite fruit?");
        w.set("Fruit", "fig");
        w.click("Continue");
        w.see("All done");
        w.see_in_order(&["Johnny Smith", "fig", "Jane Doe", "kiwi"]);
        w.link("Delete", 1);
        w.see("The people are Johnny Smith.");
        w.link("Add another", 0);
        w.see("Who is the second person?");
        w.set("First Name", "Ann");
        w.set("Last Name", "Lee");
        w.click("Continue");
        w.see("What is Ann Lee’s favorite fruit?");
        w.set("Fruit", "plum");
        w.click("Continue");
        w
    });
    w.see("All done");
    w.see("The people are Johnny Smith and Ann Lee.");
    w.see_in_order(&["Johnny Smith", "fig", "Ann Lee", "plum"]);
}

// ---------------------------------------------------------------------------------------
// gather*.yml — lists

fn gather_another(persist: bool, fruits: &[&str]) -> Walk {
    let mut w = Walk::start("gather-another.yml", persist);
    for (k, f) in fruits.iter().enumerate() {
        if k > 0 {
            w.see("Are there more fruits?");
            w.click("Yes");
        }
        w.see(&format!("What’s the {} fruit?", ordinal(k)));
        w.set("Fruit", f);
        w.click("Continue");
    }
    w.see("Are there more fruits?");
    w.click("No");
    w.see("Fruits");
    w.see("The fruits are:");
    w.see_in_order(fruits);
    w
}

#[test]
fn gather_another_manual_loop() {
    // auto_gather=False, gathered=True; a `while` loop in a mandatory code block
    both(|p| gather_another(p, &["äpple"]));
    both(|p| gather_another(p, &["äpple", "peach", "pear"]));
}

fn gather_dict(file: &str, persist: bool, fruits: &[(&str, &str, &str)]) -> Walk {
    // (name, article + name, seeds)
    let mut w = Walk::start(file, persist);
    let ask_number = file == "gather-dict-number.yml";
    if ask_number {
        w.see("How many fruit should be added to the database?");
        w.set("Number", &fruits.len().to_string());
        w.click("Continue");
    }
    let mut keys: Vec<&str> = Vec::new();
    for (k, (name, with_article, seeds)) in fruits.iter().enumerate() {
        if k > 0 && !ask_number {
            w.click("Yes");
        }
        w.see("What fruit should be added to the database?");
        w.set("Fruit", name);
        if file == "gather-dict-value.yml" {
            w.set("Number of seeds", seeds);
            w.click("Continue");
        } else {
            w.click("Continue");
            w.see(&format!("How many seeds does {with_article} have?"));
            w.set("Number of seeds", seeds);
            w.click("Continue");
        }
        keys.push(name);
        if !ask_number {
            // str(DADict): its keys, sorted
            let mut sorted = keys.clone();
            sorted.sort();
            w.see(&format!(
                "So far, the fruits in the database include {}. Are there any others?",
                and_list(&sorted)
            ));
        }
    }
    if !ask_number {
        w.click("No");
    }
    // iteration: insertion order
    let lines: Vec<String> = fruits
        .iter()
        .map(|(name, _, seeds)| format!("The fruit {name} has {seeds} seeds."))
        .collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    w.see_in_order(&lines);
    w
}

const ONE_FRUIT: &[(&str, &str, &str)] = &[("peach", "a peach", "1")];
const TWO_FRUITS: &[(&str, &str, &str)] = &[("peach", "a peach", "1"), ("äpple", "a äpple", "10")];
const THREE_FRUITS: &[(&str, &str, &str)] = &[
    ("plum", "a plum", "1"),
    ("apple", "an apple", "10"),
    ("cherry", "a cherry", "1"),
];

/// Three keys entered in sorted order (str() and iteration agree).
const THREE_SORTED: &[(&str, &str, &str)] = &[
    ("apple", "an apple", "10"),
    ("cherry", "a cherry", "1"),
    ("plum", "a plum", "1"),
];

#[test]
fn gather_dict_number_ask_number() {
    // TestExamples:2100; does_verb("is") is "is" unless there is more than one item
    both(|p| gather_dict("gather-dict-number.yml", p, ONE_FRUIT))
        .see("There is one fruits in all.");
    both(|p| gather_dict("gather-dict-number.yml", p, TWO_FRUITS))
        .see("There are two fruits in all.");
    both(|p| gather_dict("gather-dict-number.yml", p, THREE_FRUITS))
        .see("There are three fruits in all.");
}

#[test]
fn gather_dict_number_zero_items() {
    both(|p| gather_dict("gather-dict-number.yml", p, &[])).see("There is zero fruits in all.");
}

#[test]
fn gather_dict_keys_then_values() {
    both(|p| gather_dict("gather-dict.yml", p, ONE_FRUIT)).see("There is one fruits in all.");
    both(|p| gather_dict("gather-dict.yml", p, TWO_FRUITS)).see("There are two fruits in all.");
    both(|p| gather_dict("gather-dict.yml", p, THREE_SORTED)).see("There are three fruits in all.");
}

#[test]
fn gather_dict_str_lists_keys_sorted() {
    // keys entered plum, apple, cherry: str() sorts them, iteration keeps insertion order
    both(|p| gather_dict("gather-dict.yml", p, THREE_FRUITS)).see("There are three fruits in all.");
    both(|p| gather_dict("gather-dict-value.yml", p, THREE_FRUITS))
        .see("There are three fruits in all.");
    both(|p| {
        gather_dict_object(
            p,
            &[
                ("worm", "Buddy", "0"),
                ("cat", "Tom", "4"),
                ("rabbit", "Freddy", "3"),
            ],
        )
    });
}

#[test]
fn gather_dict_value_new_item_value() {
    // TestExamples:2145
    both(|p| gather_dict("gather-dict-value.yml", p, ONE_FRUIT))
        .see("There are one fruits in all.");
    both(|p| gather_dict("gather-dict-value.yml", p, TWO_FRUITS))
        .see("There are two fruits in all.");
    both(|p| gather_dict("gather-dict-value.yml", p, THREE_SORTED))
        .see("There are three fruits in all.");
}

fn gather_dict_object(persist: bool, pets: &[(&str, &str, &str)]) -> Walk {
    let mut w = Walk::start("gather-dict-object.yml", persist);
    w.see("Do you have any pets?");
    if pets.is_empty() {
        w.click("No");
    } else {
        w.click("Yes");
        let mut keys: Vec<&str> = Vec::new();
        for (k, (kind, _, _)) in pets.iter().enumerate() {
            if k > 0 {
                w.click("Yes");
            }
            w.see("What kind of pet do you have?");
            w.set("Type of pet", kind);
            w.click("Continue");
            keys.push(kind);
            let mut sorted = keys.clone();
            sorted.sort();
            w.see(&format!(
                "So far, you have told me about your {}. Do you have any other pets?",
                and_list(&sorted)
            ));
        }
        w.click("No");
        // the objects' attributes are asked by the final screen, in insertion order
        for (kind, name, feet) in pets {
            w.see(&format!("Describe your pet {kind}."));
            w.set("Name", name);
            w.set("Number of feet", feet);
            w.click("Continue");
        }
    }
    w.see(&format!("You have {} pets.", word(pets.len())));
    let lines: Vec<String> = pets
        .iter()
        .map(|(kind, name, feet)| format!("Your pet {kind} named {name} has {feet} feet."))
        .collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    w.see_in_order(&lines);
    w
}

#[test]
fn gather_dict_object_keys_then_attributes() {
    // TestExamples:2121
    both(|p| gather_dict_object(p, &[]));
    both(|p| gather_dict_object(p, &[("rabbit", "Freddy", "3")]));
    both(|p| gather_dict_object(p, &[("rabbit", "Freddy", "3"), ("worm", "Buddy", "2")]));
    both(|p| {
        gather_dict_object(
            p,
            &[
                ("cat", "Tom", "4"),
                ("rabbit", "Freddy", "3"),
                ("worm", "Buddy", "0"),
            ],
        )
    });
}

/// The "So far, the fruits include …. Are there any others?" loop of a DAList of strings.
fn fruit_loop(w: &mut Walk, fruits: &[&str], ask_phrase: impl Fn(usize) -> String, min: usize) {
    for (k, f) in fruits.iter().enumerate() {
        if k > 0 && k >= min {
            w.click("Yes");
        }
        w.see(&ask_phrase(k));
        w.set("Fruit", f);
        w.click("Continue");
        if k + 1 >= min {
            w.see(&format!(
                "So far, the fruits include {}. Are there any others?",
                and_list(&fruits[..=k])
            ));
        } else {
            w.not_see("Are there any others?");
        }
    }
    w.click("No");
}

fn at_least_two(persist: bool, fruits: &[&str]) -> Walk {
    let mut w = Walk::start("gather-fruit-at-least-two.yml", persist);
    fruit_loop(
        &mut w,
        fruits,
        |k| format!("What is the {} fruit?", ordinal(k)),
        2,
    );
    w.see(&format!("There are {} fruits in all.", word(fruits.len())));
    w.see(&format!("The fruits are {}.", and_list(fruits)));
    w
}

#[test]
fn gather_fruit_at_least_two_minimum_number() {
    // TestExamples:2185
    both(|p| at_least_two(p, &["äpple", "peach"]));
    both(|p| at_least_two(p, &["äpple", "peach", "pear"]));
}

fn fruit_gather(persist: bool, fruits: &[&str]) -> Walk {
    let mut w = Walk::start("gather-fruit-gather.yml", persist);
    fruit_loop(
        &mut w,
        fruits,
        |_| "What fruit should be added to the list?".into(),
        1,
    );
    w.see(&format!("The fruits are {}.", and_list(fruits)));
    w
}

#[test]
fn gather_fruit_gather_method_with_minimum() {
    // TestExamples:2203: fruit.gather(minimum=1) never asks there_are_any
    both(|p| fruit_gather(p, &["äpple"]));
    both(|p| fruit_gather(p, &["äpple", "orange"]));
    both(|p| fruit_gather(p, &["äpple", "orange", "plum"]));
}

#[test]
fn gather_fruit_incomplete_reports_there_are_any() {
    // TestExamples:5264
    let s = Session::start(&ex("gather-fruit-incomplete.yml"));
    assert!(matches!(s.screen, Screen::Error { .. }), "{:?}", s.screen);
    s.see("Interview has an error. There was a reference to a variable 'fruit.there_are_any' that could not be looked up in the question file (for language 'en') or in any of the files incorporated by reference into the question file.");
}

fn fruit_number(persist: bool, fruits: &[&str]) -> Walk {
    let mut w = Walk::start("gather-fruit-number.yml", persist);
    w.see("How many fruits are there?");
    w.set("Number", &fruits.len().to_string());
    w.click("Continue");
    for (k, f) in fruits.iter().enumerate() {
        w.see(&format!("What is the name of the {} fruit?", ordinal(k)));
        if k == 0 {
            w.not_see("So far, you have mentioned");
        } else {
            w.see(&format!(
                "So far, you have mentioned {}.",
                and_list(&fruits[..k])
            ));
        }
        w.set("Fruit", f);
        w.click("Continue");
    }
    w.see(&format!("There are {} fruits in all.", fruits.len()));
    w.see(&format!("The fruits are {}.", and_list(fruits)));
    w
}

#[test]
fn gather_fruit_number_target_number() {
    both(|p| fruit_number(p, &["äpple", "peach"]));
    both(|p| fruit_number(p, &["äpple", "peach", "pear"]));
}

#[test]
fn gather_fruit_number_minimum_of_the_target_number() {
    // min: 2
    let mut w = Walk::start("gather-fruit-number.yml", false);
    w.set("Number", "1");
    w.click("Continue");
    w.see("How many fruits are there?");
    assert!(w.has_errors(), "1 must be rejected (min: 2)");
}

fn gather_fruit(persist: bool, fruits: &[&str]) -> Walk {
    let mut w = Walk::start("gather-fruit.yml", persist);
    w.see("Are there any fruit that you would like to add to the list?");
    if fruits.is_empty() {
        w.click("No");
    } else {
        w.click("Yes");
        fruit_loop(
            &mut w,
            fruits,
            |_| "What fruit should be added to the list?".into(),
            1,
        );
    }
    w.see(&format!("There are {} fruits in all.", word(fruits.len())));
    w.see(&format!("The fruits are {}.", and_list(fruits)));
    w
}

#[test]
fn gather_fruit_there_are_any_there_is_another() {
    // TestExamples:2232
    both(|p| gather_fruit(p, &[]));
    both(|p| gather_fruit(p, &["äpple"]));
    both(|p| gather_fruit(p, &["äpple", "orange"]));
    both(|p| gather_fruit(p, &["äpple", "orange", "fig"]));
}

fn email_recipients(persist: bool, addresses: &[&str]) -> Walk {
    let mut w = Walk::start("gather-list-email-recipients.yml", persist);
    for (k, a) in addresses.iter().enumerate() {
        if k > 0 {
            w.click("Yes");
        }
        w.see(&format!("What is the {} e-mail address?", ordinal(k)));
        w.set("E-mail", a);
        w.click("Continue");
        w.see("Would you like to add another e-mail recipient?");
    }
    w.click("No");
    w.see("The list of recipients");
    w.see_in_order(addresses);
    w
}

#[test]
fn gather_list_email_recipients() {
    // TestExamples:2249
    both(|p| email_recipients(p, &["fred@docassemble.org"]));
    both(|p| email_recipients(p, &["fred@docassemble.org", "sally@docassemble.org"]));
}

#[test]
fn gather_list_friend_bad_order_asks_another_before_the_details() {
    // no complete_attribute: only str(friend[i]) (the first name) is needed to gather
    let w = both(|p| {
        let mut w = Walk::start("gather-list-friend-bad-order.yml", p);
        w.see("What is the name of your first friend?");
        w.set("First Name", "Fred");
        w.click("Continue");
        w.see("Do you have any other friends?");
        w.click("Yes");
        w.see("What is the name of your second friend?");
        w.set("First Name", "Sälly");
        w.click("Continue");
        w.see("Do you have any other friends?");
        w.click("No");
        // the final screen asks the rest, friend by friend, in the template's order
        for (name, animal, birthdate) in [
            ("Fred", "toad", "03/01/2000"),
            ("Sälly", "frog", "06/04/2003"),
        ] {
            w.see(&format!("What is {name}’s favorite animal?"));
            w.set("Favorite animal", animal);
            w.click("Continue");
            w.see(&format!("What is {name}’s birthdate?"));
            w.set("Birthdate", birthdate);
            w.click("Continue");
        }
        w
    });
    w.see("Your friends");
    // RequestContext::for_tests: 2024-01-15
    w.see_in_order(&[
        "Fred likes toads and is 23 years old.",
        "Sälly likes frogs and is 20 years old.",
    ]);
}

fn friend_good_order(file: &str, persist: bool, friends: &[(&str, &str, &str)]) -> Walk {
    let mut w = Walk::start(file, persist);
    for (k, (name, birthdate, animal)) in friends.iter().enumerate() {
        if k > 0 {
            w.click("Yes");
        }
        w.see(&format!("What is the name of your {} friend?", ordinal(k)));
        w.set("First Name", name);
        w.click("Continue");
        w.see(&format!("What is {name}’s birthdate?"));
        w.set("Birthdate", birthdate);
        w.click("Continue");
        w.see(&format!("What is {name}’s favorite animal?"));
        w.set("Favorite animal", animal);
        w.click("Continue");
        w.see("Do you have any other friends?");
    }
    w.click("No");
    w.see("Your friends");
    w
}

const FRIENDS: &[(&str, &str, &str)] = &[
    ("Fred", "03/01/2000", "toad"),
    ("Sälly", "06/04/2003", "frog"),
];

#[test]
fn gather_list_friend_good_order_complete_code() {
    // complete_attribute='complete' set by a code block
    both(|p| friend_good_order("gather-list-friend-good-order.yml", p, &FRIENDS[..1]))
        .see("Fred likes toads and is 23 years old.");
    both(|p| friend_good_order("gather-list-friend-good-order.yml", p, FRIENDS)).see_in_order(&[
        "Fred likes toads and is 23 years old.",
        "Sälly likes frogs and is 20 years old.",
    ]);
}

#[test]
fn gather_list_friend_good_order_2_complete_attribute_list() {
    // TestExamples:2321: complete_attribute=['name.first', 'birthdate', 'favorite_animal']
    both(|p| friend_good_order("gather-list-friend-good-order-2.yml", p, &FRIENDS[..1]))
        .see("Fred likes toads and is 23 years old.");
    both(|p| friend_good_order("gather-list-friend-good-order-2.yml", p, FRIENDS)).see_in_order(&[
        "Fred likes toads and is 23 years old.",
        "Sälly likes frogs and is 20 years old.",
    ]);
}

#[test]
fn gather_list_objects_addresses() {
    // TestExamples:2349
    let w = both(|p| {
        let mut w = Walk::start("gather-list-objects.yml", p);
        let places = [
            ("123 Main St", "Springfield", "Georgia"),
            ("432 Elm St", "Oak Grove", "Louisiana"),
            ("9 Oak Ave", "Salem", "Oregon"),
        ];
        for (k, (street, city, state)) in places.iter().enumerate() {
            if k > 0 {
                w.click("Yes");
            }
            w.see(&format!(
                "What is the address of the {} location?",
                ordinal(k)
            ));
            w.set("Address", street);
            w.set("City", city);
            w.set("State", state);
            w.click("Continue");
            w.see("Would you like to add another location?");
        }
        w.click("No");
        w
    });
    w.see("The locations");
    w.see_in_order(&[
        "123 Main St",
        "Springfield",
        "432 Elm St",
        "Oak Grove",
        "9 Oak Ave",
        "Salem",
    ]);
}

fn manual_object(file: &str, persist: bool, fruits: &[(&str, &str)]) -> Walk {
    let mut w = Walk::start(file, persist);
    w.see("Do you know about any fruit?");
    if fruits.is_empty() {
        w.click("No");
    } else {
        w.click("Yes");
        for (k, (name, seeds)) in fruits.iter().enumerate() {
            if k == 0 {
                w.see("Tell me about the first fruit.");
            } else {
                w.click("Yes");
                w.see("Tell me about another fruit.");
            }
            w.set("Name", name);
            w.set("Seeds", seeds);
            w.click("Continue");
            w.see("Do you know about any other fruit?");
        }
        w.click("No");
    }
    w.see("Your knowledge of fruit.");
    let lines: Vec<String> = fruits
        .iter()
        .map(|(n, s)| format!("{n} has {s} seeds."))
        .collect();
    let lines: Vec<&str> = lines.iter().map(String::as_str).collect();
    w.see_in_order(&lines);
    w
}

#[test]
fn gather_manual_gathered_object_simple() {
    // TestExamples:2369: object_type and complete_attribute set by mandatory code
    let f = "gather-manual-gathered-object-simple.yml";
    both(|p| manual_object(f, p, &[])).not_see("seeds");
    both(|p| manual_object(f, p, &[("äpple", "10")]));
    both(|p| manual_object(f, p, &[("äpple", "10"), ("pear", "0")]));
    both(|p| manual_object(f, p, &[("äpple", "10"), ("pear", "0"), ("fig", "300")]));
}

#[test]
fn gather_manual_gathered_object_complete_code() {
    let f = "gather-manual-gathered-object.yml";
    both(|p| manual_object(f, p, &[])).not_see("seeds");
    both(|p| manual_object(f, p, &[("äpple", "10")]));
    both(|p| manual_object(f, p, &[("äpple", "10"), ("pear", "0"), ("fig", "300")]));
}

#[test]
fn gather_manual_gathered_auto_gather_false() {
    // TestExamples:2406
    let w = both(|p| Walk::start("gather-manual-gathered.yml", p));
    w.see("The fruits are apple, orange, and grape.");
}

fn gather_simple(persist: bool, fruits: &[&str]) -> Walk {
    let mut w = Walk::start("gather-simple.yml", persist);
    w.see("How many fruits are there?");
    w.set("Number", &fruits.len().to_string());
    w.click("Continue");
    for (k, f) in fruits.iter().enumerate() {
        w.see(&format!("What’s the {} fruit?", ordinal(k)));
        w.set("Fruit", f);
        w.click("Continue");
    }
    w.see("Fruits");
    w.see("The fruits are:");
    w.see_in_order(fruits);
    w
}

#[test]
fn gather_simple_indexes_without_the_protocol() {
    // TestExamples:2459
    both(|p| gather_simple(p, &["äpple", "pear"]));
    both(|p| gather_simple(p, &["äpple", "pear", "fig"]));
}

#[test]
fn gather_mako_for_loop_reports_there_are_any() {
    // TestExamples:5268: witness.gather() with the there_are_any question commented out
    let s = Session::start(&ex("gather.yml"));
    assert!(matches!(s.screen, Screen::Error { .. }), "{:?}", s.screen);
    s.see("Interview has an error. There was a reference to a variable 'witness.there_are_any' that could not be looked up in the question file (for language 'en') or in any of the files incorporated by reference into the question file.");
}

// ---------------------------------------------------------------------------------------
// gather-set*.yml — sets (str() lists the items sorted)

fn sorted(items: &[&str]) -> Vec<String> {
    let mut v: Vec<String> = items.iter().map(|s| s.to_string()).collect();
    v.sort();
    v.dedup();
    v
}

fn gather_set(persist: bool, fruits: &[&str]) -> Walk {
    let mut w = Walk::start("gather-set.yml", persist);
    w.see("Should there be any fruits in the set?");
    if fruits.is_empty() {
        w.click("No");
    } else {
        w.click("Yes");
        for (k, f) in fruits.iter().enumerate() {
            if k > 0 {
                w.click("Yes");
            }
            w.see("What fruit should be added to the set?");
            w.set("Fruit", f);
            w.click("Continue");
            w.see(&format!(
                "So far, the fruits in the set include {}. Are there any others?",
                and_list(&sorted(&fruits[..=k]))
            ));
        }
        w.click("No");
    }
    let all = sorted(fruits);
    w.see(&format!("There are {} fruits in all.", word(all.len())));
    w.see(&format!("The fruit include {}.", and_list(&all)));
    w
}

#[test]
fn gather_set_values() {
    // TestExamples:2442 (a duplicate is not added twice)
    both(|p| gather_set(p, &[]));
    both(|p| gather_set(p, &["äpple"]));
    both(|p| gather_set(p, &["äpple", "pear", "pear"]));
    both(|p| gather_set(p, &["plum", "äpple", "banana"]));
}

fn gather_set_number(persist: bool, target: usize, entries: &[&str]) -> Walk {
    let mut w = Walk::start("gather-set-number.yml", persist);
    w.see("How many fruit should be added to the set?");
    w.set("Number", &target.to_string());
    w.click("Continue");
    for f in entries {
        w.see("What fruit should be added to the set?");
        w.set("Fruit", f);
        w.click("Continue");
    }
    let all = sorted(entries);
    assert_eq!(
        all.len(),
        target,
        "test setup: the entries make {target} distinct fruits"
    );
    w.see(&format!("There are {} fruits in all.", word(target)));
    w.see(&format!("The fruit include {}.", and_list(&all)));
    w
}

#[test]
fn gather_set_number_target_number() {
    // TestExamples:2410
    both(|p| gather_set_number(p, 0, &[]));
    both(|p| gather_set_number(p, 2, &["äpple", "orange"]));
    // a duplicate does not count: the set asks until it has the target number
    both(|p| gather_set_number(p, 2, &["äpple", "äpple", "orange"]));
    both(|p| gather_set_number(p, 3, &["fig", "äpple", "orange"]));
}

fn gather_set_object(persist: bool, picks: &[&str]) -> Walk {
    let mut w = Walk::start("gather-set-object.yml", persist);
    w.see("Do you like apples, oranges, pears, plums, or grapes?");
    if picks.is_empty() {
        w.click("No");
    } else {
        w.click("Yes");
        for (k, f) in picks.iter().enumerate() {
            if k > 0 {
                w.click("Yes");
            }
            w.see("Pick a fruit that you like.");
            w.set("Fruit", f);
            w.click("Continue");
            w.see(&format!(
                "So far, you have indicated you like {}. Are there any other fruits you like?",
                and_list(&sorted(&picks[..=k]))
            ));
        }
        w.click("No");
    }
    w.see(&format!(
        "There are {} fruits in all.",
        word(sorted(picks).len())
    ));
    w
}

#[test]
fn gather_set_object_items_and_intersection() {
    let w = both(|p| gather_set_object(p, &[]));
    w.not_see("The fruits you like include");
    w.not_see("The fruits we both like are");
    let w = both(|p| gather_set_object(p, &["plums"]));
    w.see("The fruits you like include plums.");
    w.not_see("The fruits we both like are");
    let w = both(|p| gather_set_object(p, &["apples", "plums", "pears"]));
    w.see("The fruits you like include apples, pears, and plums.");
    w.see("The fruits we both like are apples and pears.");
}

// ---------------------------------------------------------------------------------------
// a browser refresh

#[test]
fn refreshing_a_gathering_screen_shows_it_again() {
    // After "Yes" to there_is_another, a refresh (GET: next_screen on the saved state) must
    // show the question for the next item again, as docassemble does: its gather() deletes
    // there_is_another only after the new item is defined.
    REFRESH.with(|r| r.set(true));
    gather_fruit(true, &["äpple", "orange", "fig"]);
    dalist(true, &[("Jöhn", "Smith"), ("Jane", "Smith")]);
    gather_dict("gather-dict.yml", true, TWO_FRUITS);
    gather_dict_object(true, &[("rabbit", "Freddy", "3"), ("worm", "Buddy", "2")]);
    gather_set(true, &["äpple", "pear"]);
    manual_object(
        "gather-manual-gathered-object.yml",
        true,
        &[("äpple", "10"), ("pear", "0")],
    );
    friend_good_order("gather-list-friend-good-order.yml", true, FRIENDS);
}

// ---------------------------------------------------------------------------------------
// the Back button while gathering

#[test]
fn back_while_gathering_undoes_the_last_item() {
    let w = both(|p| {
        let mut w = Walk::start("gather-fruit.yml", p);
        w.click("Yes");
        w.set("Fruit", "äpple");
        w.click("Continue");
        w.click("Yes");
        w.set("Fruit", "fig");
        w.click("Continue");
        w.see("So far, the fruits include äpple and fig. Are there any others?");
        w.click("Back");
        w.see("What fruit should be added to the list?");
        w.set("Fruit", "pear");
        w.click("Continue");
        w.see("So far, the fruits include äpple and pear. Are there any others?");
        w.click("No");
        w
    });
    w.see("There are two fruits in all.");
    w.see("The fruits are äpple and pear.");
}
