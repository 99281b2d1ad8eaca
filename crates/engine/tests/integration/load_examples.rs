//! Loading real docassemble example interviews and deliberately broken files.
#![allow(clippy::panic)] // a test reports a failure by panicking

use std::collections::HashMap;
use std::path::PathBuf;
use std::time::SystemTime;

use engine::model::{
    BlockKind, ChoiceStyle, ChoiceValue, Choices, Condition, DefaultValue, FieldCondition, Input,
    Question, YesNoKind,
};
use engine::yaml::Value;
use engine::{load, Interview, InterviewRef, LoadError, Sources};

/// The example packages on disk.
struct Examples(PathBuf);

impl Examples {
    fn new() -> Examples {
        // the examples live beside the repository (../shared); EXAMPLES_DIR overrides
        let dir = std::env::var_os("EXAMPLES_DIR")
            .map(PathBuf::from)
            .unwrap_or_else(|| {
                PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                    .join("../../../shared/docassemble-examples/packages")
            });
        Examples(dir)
    }
}

impl Sources for Examples {
    fn read(&self, package: &str, path: &str) -> std::io::Result<String> {
        std::fs::read_to_string(self.0.join(package).join(path))
    }
    fn read_bytes(&self, package: &str, path: &str) -> std::io::Result<Vec<u8>> {
        std::fs::read(self.0.join(package).join(path))
    }
    fn modified(&self, package: &str, path: &str) -> Option<SystemTime> {
        std::fs::metadata(self.0.join(package).join(path))
            .ok()?
            .modified()
            .ok()
    }
    fn list(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}

/// Files in memory.
#[derive(Default)]
struct Mem(HashMap<String, String>);

impl Mem {
    fn with(mut self, path: &str, text: &str) -> Mem {
        self.0.insert(path.to_string(), text.to_string());
        self
    }
}

impl Sources for Mem {
    fn read(&self, package: &str, path: &str) -> std::io::Result<String> {
        self.0
            .get(&format!("{package}:{path}"))
            .cloned()
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "not found"))
    }
    fn modified(&self, _: &str, _: &str) -> Option<SystemTime> {
        None
    }
    fn list(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}

fn example(reference: &str) -> Interview {
    let r = InterviewRef::parse(reference).unwrap();
    let (iv, _warnings) = load(&Examples::new(), &r).unwrap_or_else(|e| panic!("{reference}: {e}"));
    iv
}

fn question(iv: &Interview, n: usize) -> &Question {
    match &iv.blocks[n].kind {
        BlockKind::Question(q) => q,
        other => panic!("block {n} is not a question: {other:?}"),
    }
}

fn mem_load(text: &str) -> Result<Interview, LoadError> {
    let sources = Mem::default().with("docassemble.test:data/questions/t.yml", text);
    load(
        &sources,
        &InterviewRef::parse("docassemble.test:t.yml").unwrap(),
    )
    .map(|(iv, _)| iv)
}

#[test]
fn fields_example() {
    let iv = example("docassemble.base:data/questions/examples/fields.yml");
    assert_eq!(iv.metadata.title.as_deref(), Some("Fields example"));
    let title = iv.metadata.texts.get("title").unwrap();
    assert_eq!((title.source(), title.pos().line), ("Fields example", 2));
    assert_eq!(iv.imports, vec!["us"]);
    assert_eq!(iv.blocks.len(), 2);
    let done = &iv.blocks[0];
    assert!(matches!(done.mandatory, Some(Condition::Always(true))));
    assert_eq!(done.name, "Question_0");
    assert_eq!(done.pos.line, 9);
    let q = question(&iv, 1);
    assert_eq!(q.question.source(), "Tell me more about yourself");
    let Input::Fields(fields) = &q.input else {
        panic!("not fields")
    };
    let f0 = &fields[0];
    assert_eq!(f0.label.as_ref().unwrap().source(), "Description");
    assert_eq!(f0.var.as_ref().unwrap().name(), "user_description");
    assert_eq!(f0.input_type.as_deref(), Some("area"));
    assert!(f0
        .hint
        .as_ref()
        .unwrap()
        .source()
        .starts_with("E.g., you can describe"));
    let income = &fields[1];
    assert_eq!(income.datatype.as_deref(), Some("currency"));
    assert_eq!(income.min.as_ref().unwrap().source(), "100");
    // radio with `Label: value` choices keeps the values' types
    let friends = fields
        .iter()
        .find(|f| f.var.as_ref().is_some_and(|v| v.name() == "num_friends"))
        .unwrap();
    let Some(Choices::List(choices)) = &friends.choices else {
        panic!()
    };
    assert_eq!(choices[0].label.source(), "One");
    assert!(matches!(&choices[0].value, ChoiceValue::Value(n) if n.value == Value::Int(1)));
    // choices from code
    let state = fields
        .iter()
        .find(|f| f.var.as_ref().is_some_and(|v| v.name() == "home_state"))
        .unwrap();
    assert!(
        matches!(&state.choices, Some(Choices::Code(e)) if e.source() == "us.states.mapping('abbr', 'name')")
    );
    // html item has no variable
    assert!(fields.iter().any(|f| f.var.is_none() && f.html.is_some()));
    let views = fields
        .iter()
        .find(|f| {
            f.var
                .as_ref()
                .is_some_and(|v| v.name() == "political_views")
        })
        .unwrap();
    assert!(
        matches!(&views.default, Some(DefaultValue::Text(t)) if t.source() == "I have no political views")
    );
    assert!(q.css.is_some() && q.script.is_some());
    // the index
    assert_eq!(iv.index.candidates("user_annual_income"), &[1]);
    assert_eq!(iv.index.candidates("degrees"), &[1]);
    assert!(iv.index.candidates("nothing").is_empty());
}

#[test]
fn buttons_yesno_and_special_buttons() {
    let iv = example("docassemble.base:data/questions/examples/buttons.yml");
    let q = question(&iv, 0);
    let Input::Choice(c) = &q.input else { panic!() };
    assert_eq!(c.style, ChoiceStyle::Buttons);
    assert_eq!(c.field.as_ref().unwrap().name(), "target_variable");
    let Choices::List(items) = &c.choices else {
        panic!()
    };
    assert_eq!(items.len(), 3);
    assert_eq!(items[2].label.source(), "No belly button");
    assert_eq!(iv.index.candidates("target_variable"), &[0]);

    let iv = example("docassemble.base:data/questions/examples/yesno.yml");
    let q = question(&iv, 0);
    assert!(
        matches!(&q.input, Input::YesNo { var, kind: YesNoKind::YesNo } if var.name() == "over_eighteen")
    );

    let iv = example("docassemble.base:data/questions/examples/exit-buttons.yml");
    let q = question(&iv, 0);
    let Input::Choice(c) = &q.input else { panic!() };
    assert!(c.field.is_none());
    let Choices::List(items) = &c.choices else {
        panic!()
    };
    assert!(matches!(&items[0].value, ChoiceValue::Command { command, .. } if command == "exit"));
    assert!(
        matches!(&items[1].value, ChoiceValue::Command { command, .. } if command == "restart")
    );
}

#[test]
fn embedded_blocks_in_choices_define_variables() {
    let iv = example("docassemble.base:data/questions/examples/fallback.yml");
    // the embedded yesno question's variable is defined by the outer question
    let n = iv
        .blocks
        .iter()
        .position(|b| matches!(&b.kind, BlockKind::Question(q) if q.question.source() == "Which of these statements is true?"))
        .unwrap();
    assert!(iv.blocks[n]
        .defines
        .contains(&"user_wants_to_go_to_dance".to_string()));
    let q = question(&iv, n);
    let Input::Choice(c) = &q.input else { panic!() };
    let Choices::List(items) = &c.choices else {
        panic!()
    };
    assert!(
        matches!(&items[0].value, ChoiceValue::Block(b) if matches!(&b.kind, BlockKind::Question(_)))
    );
    assert!(
        matches!(&items[1].value, ChoiceValue::Command { command, .. } if command == "continue")
    );
}

#[test]
fn include_blocks_come_at_the_include_position() {
    let iv = example("docassemble.base:data/questions/examples/include.yml");
    assert!(iv.files.len() >= 2);
    assert_eq!(
        iv.files[1].to_string(),
        "docassemble.demo:data/questions/some-questions.yml"
    );
    // the included questions come before the final mandatory question
    let last = iv.blocks.last().unwrap();
    assert!(matches!(last.mandatory, Some(Condition::Always(true))));
    assert!(last.pos.file.contains("include.yml"));
    assert!(!iv.index.candidates("favorite_fruit").is_empty());
    let fruit = iv.index.candidates("favorite_fruit")[0];
    assert!(iv.blocks[fruit].pos.file.contains("some-questions.yml"));
}

#[test]
fn relative_and_chained_includes_and_cycles() {
    let sources = Mem::default()
        .with(
            "docassemble.test:data/questions/a.yml",
            "include:\n  - sub/b.yml\n---\nquestion: A\nfield: a\n",
        )
        .with(
            "docassemble.test:data/questions/sub/b.yml",
            "include:\n  - c.yml\n---\nquestion: B\nfield: b\n",
        )
        .with(
            "docassemble.test:data/questions/sub/c.yml",
            "include:\n  - docassemble.test:a.yml\n---\nquestion: C\nfield: c\n",
        )
        .with(
            "docassemble.base:data/questions/basic.yml",
            "question: Base\nfield: base\n",
        );
    let (iv, _) = load(
        &sources,
        &InterviewRef::parse("docassemble.test:a.yml").unwrap(),
    )
    .unwrap();
    let names: Vec<&str> = iv
        .blocks
        .iter()
        .flat_map(|b| b.defines.iter().map(String::as_str))
        .collect();
    assert_eq!(names, vec!["c", "b", "a"]);
    // a missing relative include falls back to docassemble.base:data/questions/
    let sources = Mem::default()
        .with(
            "docassemble.test:data/questions/a.yml",
            "include:\n  - basic.yml\n",
        )
        .with(
            "docassemble.base:data/questions/basic.yml",
            "question: Base\nfield: base\n",
        );
    let (iv, _) = load(
        &sources,
        &InterviewRef::parse("docassemble.test:a.yml").unwrap(),
    )
    .unwrap();
    assert_eq!(iv.blocks.len(), 1);
    // a missing include is an error at the include line
    let e = mem_load("question: x\nfield: y\n---\ninclude:\n  - nowhere.yml\n").unwrap_err();
    assert!(
        e.to_string()
            .starts_with("docassemble.test:data/questions/t.yml, line 5:"),
        "{e}"
    );
}

#[test]
fn broken_files_report_file_and_line() {
    let e = mem_load("question: one\nfield: x\n---\nquestion: two\nfields:\n  - A: a\n   - B: b\n")
        .unwrap_err();
    let msg = e.to_string();
    assert!(
        msg.starts_with("docassemble.test:data/questions/t.yml, line 7"),
        "{msg}"
    );

    let e = mem_load(
        "question: one\nfield: x\n---\nmandatory: True\ncode: |\n  a = 1\n  b = (2 +\n  c = 3\n",
    )
    .unwrap_err();
    let msg = e.to_string();
    assert!(msg.contains("t.yml, line "), "{msg}");

    let e = mem_load(
        "question: one\nfield: x\n---\nmandatory: True\ncode: |\n  a = 1\n  b = 2 +\n  c = 3\n",
    )
    .unwrap_err();
    assert!(
        e.to_string()
            .starts_with("docassemble.test:data/questions/t.yml, line 7: column 10: code:"),
        "{e}"
    );
    let e = mem_load("question: one\nfield: x\n---\nquestion: |\n  Hello\n  ${ a + }\nfield: y\n")
        .unwrap_err();
    assert!(
        e.to_string().contains("t.yml, line 6: column 9: question:"),
        "{e}"
    );
    let e = mem_load("question: Hi\nsubquestion: |\n  line\n  % if x\n  a\n  % endif\nfield: y\n")
        .unwrap_err();
    assert!(e.to_string().contains("t.yml, line 4: "), "{e}");

    let e = mem_load("question: hi\nfields:\n  - Name: user.name(\n").unwrap_err();
    assert!(e.to_string().contains("line 3"), "{e}");

    let e = mem_load("metadata:\n  title: x\n---\nfoo: bar\n").unwrap_err();
    assert!(
        e.to_string()
            .contains("line 4: no block type could be determined"),
        "{e}"
    );

    let e = mem_load("- a\n- b\n").unwrap_err();
    assert!(
        e.to_string()
            .contains("line 1: a block must be a dictionary"),
        "{e}"
    );
}

#[test]
fn unknown_keys_are_warnings() {
    let sources = Mem::default().with(
        "docassemble.test:data/questions/t.yml",
        "question: hi\nfield: x\nfrobnicate: 3\n",
    );
    let (iv, warnings) = load(
        &sources,
        &InterviewRef::parse("docassemble.test:t.yml").unwrap(),
    )
    .unwrap();
    assert_eq!(iv.blocks.len(), 1);
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        warnings[0].to_string(),
        "docassemble.test:data/questions/t.yml, line 3: unknown key 'frobnicate'"
    );
}

#[test]
fn modifiers_and_code_targets() {
    let iv = mem_load(
        "id: calc\nif: user_is_ok\nneed:\n  pre: a\n  post:\n    - b\nreconsider: True\ncode: |\n  total = x + y\n  user.name.first = 'A'\n  fruit[\"apple\"] = 1\n---\ngeneric object: Individual\nquestion: Name?\nfields:\n  - First: x.name.first\n    show if:\n      code: x.is_adult\n---\nevent: review_it\nquestion: Review\nsets: extra_var\n",
    )
    .unwrap();
    let b = &iv.blocks[0];
    assert_eq!(b.name, "ID calc");
    assert_eq!(b.conditions.len(), 1);
    assert_eq!(b.need.pre.len(), 1);
    assert_eq!(b.need.post[0].source(), "b");
    assert!(matches!(b.reconsider, engine::model::Reconsider::All));
    assert_eq!(
        b.defines,
        vec!["total", "user.name.first", "fruit['apple']"]
    );
    assert_eq!(iv.index.candidates("fruit['apple']"), &[0]);
    assert_eq!(
        iv.index.generic_candidates("Individual", "x.name.first"),
        &[1]
    );
    assert!(iv.index.candidates("x.name.first").is_empty());
    let q = question(&iv, 1);
    let Input::Fields(f) = &q.input else { panic!() };
    assert!(matches!(&f[0].show_if, Some(FieldCondition::Code(e)) if e.source() == "x.is_adult"));
    assert_eq!(
        iv.index.events.get("review_it").map(Vec::as_slice),
        Some(&[2][..])
    );
    assert_eq!(iv.index.candidates("extra_var"), &[2]);
}

#[test]
fn template_content_file_is_read_at_load_time() {
    let iv = example("docassemble.base:data/questions/examples/template-file.yml");
    let t = iv
        .blocks
        .iter()
        .find_map(|b| match &b.kind {
            BlockKind::Template(t) => Some(t),
            _ => None,
        })
        .unwrap();
    assert_eq!(t.variable.name(), "disclaimer");
    let content = t.content.as_ref().unwrap();
    assert!(!content.source().is_empty());
    assert_eq!(
        &*content.pos().file,
        "docassemble.base:data/templates/disclaimer.md"
    );
    // `content file: {code: …}` stays for the runtime
    let iv = example("docassemble.base:data/questions/examples/template-file-code.yml");
    let t = iv
        .blocks
        .iter()
        .find_map(|b| match &b.kind {
            BlockKind::Template(t) => Some(t),
            _ => None,
        })
        .unwrap();
    assert!(t.content.is_none() && t.content_file.is_some());
}

#[test]
fn hostile_input_is_refused_with_a_line() {
    let n = 20_000;
    let cases = vec![
        format!("a: {}{}\n", "[".repeat(n), "]".repeat(n)),
        format!("a: {}\n", "{a: ".repeat(n)),
        (0..200).map(|i| format!("{}k{i}:\n", " ".repeat(i))).collect::<String>(),
        format!("question: x\nfield: {}\n", "a[".repeat(n) + &"0]".repeat(n)),
        format!("question: x\nfield: a{}\n", ".b".repeat(n)),
        format!("code: |\n  x = {}1{}\n", "(".repeat(n), ")".repeat(n)),
        format!("code: |\n  a{} = 1\n", ".b".repeat(n)),
        format!("if: {}1{}\nquestion: x\nfield: y\n", "(".repeat(n), ")".repeat(n)),
        format!("question: \"${{ {}1{} }}\"\nfield: y\n", "(".repeat(n), ")".repeat(n)),
        "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n".to_string(),
        (0..60_000).map(|i| format!("k{i}: 1\n")).collect::<String>(),
    ];
    for text in cases {
        let started = std::time::Instant::now();
        let e = mem_load(&text).unwrap_err();
        assert!(e.to_string().contains(", line "), "{e}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "too slow: {e}"
        );
    }
}

#[test]
fn usedefs_are_compiled_into_the_texts() {
    let iv = example("docassemble.base:data/questions/examples/def.yml");
    assert!(iv.defs.contains_key("my_explanation"));
    let q = question(&iv, 0);
    assert_eq!(q.usedefs, vec!["my_explanation"]);
    let sub = q.subquestion.as_ref().unwrap();
    assert!(!sub.is_plain());
    let mut out = String::new();
    let mut vm = lang::Vm::new(lang::Limits::default(), &mut out);
    let text = sub
        .template()
        .render(&mut vm, &lang::Namespace::new(), &|s| s.to_string())
        .unwrap();
    assert!(text.contains("Peaches are a type of fruit"), "{text}");
    assert!(text.contains("Strawberries are disgusting"), "{text}");
    let e = mem_load("question: x\nusedefs:\n  - nothing\nmandatory: True\n").unwrap_err();
    assert!(
        e.to_string()
            .contains("line 3: usedefs: no 'def' block named 'nothing'"),
        "{e}"
    );
}

#[test]
fn jinja_yaml_is_expanded() {
    let iv = example("docassemble.demo:data/questions/examples/jinjayaml.yml");
    assert_eq!(iv.metadata.title.as_deref(), Some("Using Jinja2 in YAML"));
    assert_eq!(iv.blocks.len(), 2);
    let last = question(&iv, 1);
    assert!(last
        .subquestion
        .as_ref()
        .unwrap()
        .source()
        .contains("`__filename__`: docassemble.demo:data/questions/examples/jinjayaml.yml"));
    assert!(iv
        .files
        .iter()
        .any(|f| f.path.ends_with("jinjayaml-included.yml")));
    let e = mem_load("# use jinja\nquestion: x\n{% for a in b %}\n").unwrap_err();
    assert!(
        e.to_string()
            .contains("line 3: unsupported Jinja2 statement"),
        "{e}"
    );
}

#[test]
fn order_and_supersedes_set_priorities() {
    for file in ["supersede.yml", "supersede-order.yml"] {
        let iv = example(&format!("docassemble.base:data/questions/examples/{file}"));
        let list = iv.index.candidates("favorite_fruit");
        assert_eq!(list.len(), 2, "{file}");
        // the runtime tries the last first: it must be the informal question
        let last = iv.blocks[*list.last().unwrap()].id.as_deref();
        assert_eq!(last, Some("informal favorite fruit question"), "{file}");
    }
}

#[test]
fn interviews_are_shareable_and_tolerate_bom_and_crlf() {
    fn shareable<T: Send + Sync>() {}
    shareable::<Interview>();
    shareable::<engine::Library>();
    let iv =
        mem_load("\u{feff}metadata:\r\n  title: T\r\n---\r\nquestion: |\r\n  Hi\r\nfield: x\r\n")
            .unwrap();
    assert_eq!(iv.metadata.title.as_deref(), Some("T"));
    assert_eq!(question(&iv, 0).question.source(), "Hi\n");
}

#[test]
fn review_items_keep_their_actions() {
    use engine::model::ReviewAction;
    let iv = example("docassemble.base:data/questions/examples/review-9.yml");
    let items = iv
        .blocks
        .iter()
        .find_map(|b| match &b.kind {
            BlockKind::Question(q) => match &q.input {
                Input::Review(items) => Some(items),
                _ => None,
            },
            _ => None,
        })
        .unwrap();
    let item = items
        .iter()
        .find(|i| {
            i.label
                .as_ref()
                .is_some_and(|l| l.source() == "Change this")
        })
        .unwrap();
    assert!(matches!(&item.actions[0], ReviewAction::Undefine(v) if v == &["a", "b", "c"]));
    assert!(matches!(&item.actions[1], ReviewAction::Recompute(v) if v == &["d"]));
    assert_eq!(item.fields, vec!["a", "b", "c", "d"]);
    assert!(item.button.is_some());
}

#[test]
fn choices_mixing_code_items_become_one_expression() {
    let iv = example("docassemble.base:data/questions/examples/buttons-code-list-partial.yml");
    let q = question(&iv, 0);
    let Input::Choice(c) = &q.input else { panic!() };
    let Choices::Code(e) = &c.choices else {
        panic!("{:?}", c.choices)
    };
    assert!(
        e.source()
            .starts_with("[{'understands': 'I understand'}] + list("),
        "{}",
        e.source()
    );
}

#[test]
fn default_language_applies_to_later_blocks_of_the_file() {
    let iv = example("docassemble.demo:data/questions/bestnumber/interview.yml");
    let langs: Vec<Option<&str>> = iv
        .index
        .candidates("favorite_number")
        .iter()
        .map(|&n| iv.blocks[n].language.as_deref())
        .collect();
    assert_eq!(langs, vec![Some("en"), Some("es")]);
    let terms: Vec<(&str, Option<&str>)> = iv
        .terms
        .iter()
        .map(|t| (t.term.as_str(), t.language.as_deref()))
        .collect();
    assert!(
        terms.contains(&("favorite number", Some("en"))),
        "{terms:?}"
    );
    // blocks of other files are not affected
    assert_eq!(
        iv.blocks[iv.index.candidates("user_language")[0]].language,
        None
    );
}

#[test]
fn image_sets_are_flattened_with_attribution() {
    let iv = example("docassemble.base:data/questions/examples/image-sets.yml");
    let money = iv.image_files.get("money").unwrap();
    assert_eq!(money.file, "commerce.svg");
    assert_eq!(money.package, "docassemble.base");
    let attribution = money.attribution.as_ref().unwrap().source();
    assert!(
        attribution.starts_with("Icon made by\n[Freepik]"),
        "{attribution}"
    );
    let iv = example("docassemble.base:data/questions/examples/images.yml");
    assert_eq!(iv.image_files.get("star").unwrap().file, "star.svg");
    assert!(iv.image_files.get("star").unwrap().attribution.is_none());
}
