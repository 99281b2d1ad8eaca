//! `table:` blocks with `filter`, `sort key` and `sort reverse`, as docassemble's
//! `text_of_table` applies them: rows kept by the filter, ordered by the key function
//! (items of a list, `(key, item)` pairs of a dict), reversed on request.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::run_support;

use run_support::Inline;

/// The subquestion of the first screen of `yaml`.
fn shown(yaml: &str) -> String {
    Inline::load("t.yml", yaml).q().subquestion.clone().unwrap_or_default()
}

const FRUIT: &str = r#"
objects:
  - fruit: DAList.using(object_type=Thing, auto_gather=False, gathered=True)
---
mandatory: True
code: |
  for name, seeds, eaten in [("apple", 10, 3), ("orange", 3, 9), ("kiwi", 0, 5), ("pear", 4, 1)]:
    fruit.appendObject()
    fruit[-1].name.text = name
    fruit[-1].seeds = seeds
    fruit[-1].last_eaten = eaten
---
table: fruit.table
rows: fruit
columns:
  - Fruit: row_item
  - Seeds: row_item.seeds
OPTIONS
---
mandatory: True
question: Fruit
subquestion: |
  ${ fruit.table }
"#;

fn order(options: &str) -> Vec<String> {
    let text = shown(&FRUIT.replace("OPTIONS", options));
    let mut found: Vec<(usize, String)> = ["apple", "orange", "kiwi", "pear"]
        .iter()
        .filter_map(|n| text.find(&format!("| {n} |")).or_else(|| text.find(&format!("{n} |"))).map(|i| (i, n.to_string())))
        .collect();
    found.sort();
    found.into_iter().map(|(_, n)| n).collect()
}

#[test]
fn rows_are_filtered_and_sorted_by_the_key_function() {
    assert_eq!(order(""), ["apple", "orange", "kiwi", "pear"]);
    assert_eq!(order("sort key: |\n  lambda y: y.last_eaten\nsort reverse: True\nfilter: |\n  row_item.seeds > 0"), ["orange", "apple", "pear"]);
    assert_eq!(order("sort key: |\n  lambda y: y.last_eaten"), ["pear", "apple", "kiwi", "orange"]);
    assert_eq!(order("sort reverse: True"), ["pear", "kiwi", "orange", "apple"]);
    assert_eq!(order("filter: |\n  row_index % 2 == 0"), ["apple", "kiwi"]);
}

#[test]
fn a_dicts_key_function_gets_key_and_item_pairs() {
    let yaml = r#"
mandatory: True
code: |
  prices = {"b": 3, "a": 2, "c": 1}
---
table: prices_table
rows: prices
columns:
  - Name: row_index
  - Price: row_item
sort key: |
  lambda pair: pair[1]
---
mandatory: True
question: Prices
subquestion: |
  ${ prices_table }
"#;
    let text = shown(yaml);
    let (c, b) = (text.find("c | 1").unwrap(), text.find("b | 3").unwrap());
    assert!(c < b, "sorted by price: {text}");
}

#[test]
fn a_table_exports_its_rows_in_table_order() {
    let csv = FRUIT.replace("OPTIONS", "sort key: |\n  lambda y: y.seeds").replace(
        "${ fruit.table }",
        "${ fruit.table }\n\n  [CSV ${ fruit.table.export('fruits.csv').slurp() } END]\n\n  ${ fruit.table.export('fruits.xlsx', title='Fruit').filename }\n\n  ${ fruit.table.export(file_format='json').slurp() }",
    );
    let text = shown(&csv);
    let start = text.find("[CSV ").expect("csv shown") + 5;
    let end = text.find(" END]").expect("csv ends");
    let lines: Vec<&str> = text[start..end].lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    assert_eq!(lines, ["Fruit,Seeds", "kiwi,0", "orange,3", "pear,4", "apple,10"], "{text}");
    assert!(text.contains("fruits.xlsx"), "{text}");
    assert!(text.contains(r#"{"Fruit":"kiwi","Seeds":"0"}"#), "{text}");
}
