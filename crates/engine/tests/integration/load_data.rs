//! Interview-level data and modules: `imports`/`modules`, `objects from file`,
//! `objects_from_file`, data blocks with `use objects`, `session_local`, `suppress loading
//! util`, the `docassemble` package and `random`. Interviews are given in memory.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)] // tests may unwrap

use std::collections::HashMap;

use engine::model::{BlockKind, SourceFile};
use engine::screen::Screen;
use engine::{InterviewRef, RequestContext, Sources};

struct Mem(HashMap<String, String>);

impl Sources for Mem {
    fn read(&self, package: &str, path: &str) -> std::io::Result<String> {
        self.0
            .get(&format!("{package}:{path}"))
            .cloned()
            .ok_or_else(|| std::io::Error::new(std::io::ErrorKind::NotFound, "no such file"))
    }
    fn modified(&self, _: &str, _: &str) -> Option<std::time::SystemTime> {
        None
    }
    fn list(&self) -> Vec<(String, String)> {
        Vec::new()
    }
}

const MAIN: &str = "demo.pkg:data/questions/main.yml";

fn sources(interview: &str, extra: &[(&str, &str)]) -> Mem {
    let mut m = HashMap::new();
    m.insert(MAIN.to_string(), interview.to_string());
    for (k, v) in extra {
        m.insert(format!("demo.pkg:data/sources/{k}"), v.to_string());
    }
    Mem(m)
}

fn load(interview: &str, extra: &[(&str, &str)]) -> (engine::Interview, Vec<engine::Warning>) {
    engine::load(
        &sources(interview, extra),
        &InterviewRef::parse(MAIN).unwrap(),
    )
    .unwrap()
}

/// The text of the first screen (question, subquestion) or the error message.
fn first_screen(interview: &str, extra: &[(&str, &str)]) -> String {
    let (iv, _) = load(interview, extra);
    let mut st = iv.new_session();
    let ctx = RequestContext::for_tests(MAIN);
    match iv.next_screen(&mut st, &ctx) {
        Screen::Question(q) => format!("{}\n{}", q.question, q.subquestion.unwrap_or_default()),
        Screen::Error { message } => format!("ERROR: {message}"),
        other => format!("{other:?}"),
    }
}

const FISHES: &str = "object: Halibut
module: .fish
items:
  - name: Fred Halibut
    scales: 500
  - name: Larry Halibut
    scales: 600
";

#[test]
fn objects_from_file_reads_package_sources_at_load_time() {
    let iv = "code: |
  fishes = objects_from_file(\"fishes.yml\")
---
mandatory: True
question: Fish
subquestion: |
  % for fish in fishes:
  ${ fish } has ${ fish.scales } scales (${ fish.__class__.__name__ }, ${ fish.instanceName }).
  % endfor
";
    let (loaded, _) = load(iv, &[("fishes.yml", FISHES)]);
    assert!(
        matches!(loaded.run_data.source_files.get("fishes.yml"), Some(SourceFile::Documents(d)) if d.len() == 1)
    );
    let text = first_screen(iv, &[("fishes.yml", FISHES)]);
    assert!(
        text.contains("Fred Halibut has 500 scales (Halibut, fishes[0])."),
        "{text}"
    );
    assert!(
        text.contains("Larry Halibut has 600 scales (Halibut, fishes[1])."),
        "{text}"
    );
}

#[test]
fn objects_from_file_missing_file_is_a_run_time_error() {
    let iv = "mandatory: True
code: |
  things = objects_from_file('nothing.yml')
---
mandatory: True
question: never
";
    let (_, warnings) = load(iv, &[]);
    assert!(
        warnings.iter().any(|w| w.message.contains("nothing.yml")),
        "{warnings:?}"
    );
    let text = first_screen(iv, &[]);
    assert!(
        text.contains("objects_from_file: file reference nothing.yml not found"),
        "{text}"
    );
}

#[test]
fn objects_from_file_block_becomes_code_and_names_objects() {
    let iv = "objects from file:
  - fishes: fishes.yml
---
mandatory: True
question: Fish
subquestion: |
  ${ fishes.number() } fish: ${ fishes[1].instanceName if False else fishes[1].scales }.
  Gathered: ${ fishes.gathered }
";
    let (loaded, _) = load(iv, &[("fishes.yml", FISHES)]);
    let b = loaded
        .blocks
        .iter()
        .find(|b| b.defines.iter().any(|d| d == "fishes"))
        .unwrap();
    match &b.kind {
        BlockKind::Code(c) => assert!(
            c.source()
                .contains("objects_from_file('fishes.yml', name='fishes')"),
            "{}",
            c.source()
        ),
        other => panic!("expected code, got {other:?}"),
    }
    let text = first_screen(iv, &[("fishes.yml", FISHES)]);
    assert!(text.contains("2 fish: 600."), "{text}");
    assert!(text.contains("Gathered: True"), "{text}");
}

#[test]
fn objects_from_file_json_dadict_and_raw() {
    let contacts = r#"{"object": "Individual", "module": "docassemble.base.util",
        "items": [{"name": {"object": "IndividualName", "module": "docassemble.base.util",
                            "item": {"first": "Fred", "last": "Smith"}},
                   "email": "fred@example.com"}]}"#;
    let seeds = "object: DADict\nitem:\n  elements:\n    apple: 4\n    peach: 5\n";
    let raw = "object: DAObject\nitems:\n  - title: Closet\n    inventory:\n      object: Thing\n      items:\n        - nuts\n";
    let iv = "mandatory: True
question: Data
subquestion: |
  ${ people[0] } at ${ people[0].email }.
  ${ seeds.number_as_word() } fruit, apple ${ seeds['apple'] }.
  ${ raw[0].inventory }
---
code: |
  people = objects_from_file('contacts.json')
---
code: |
  seeds = objects_from_file('seeds.yml')
---
code: |
  raw = objects_from_file('raw.yml', recursive=False)
";
    let files = [
        ("contacts.json", contacts),
        ("seeds.yml", seeds),
        ("raw.yml", raw),
    ];
    let text = first_screen(iv, &files);
    assert!(text.contains("Fred Smith at fred@example.com."), "{text}");
    assert!(text.contains("two fruit, apple 4."), "{text}");
    assert!(
        text.contains("{'object': 'Thing', 'items': ['nuts']}"),
        "{text}"
    );
}

#[test]
fn data_block_use_objects() {
    let iv = "variable name: people
use objects: objects
data:
  object: Individual
  items:
    - name:
        object: IndividualName
        item:
          first: Fred
          last: Smith
      skills:
        - guessing
        - making ${ 'coffee' }
---
variable name: letters
data:
  - a
  - b
---
mandatory: True
question: Summary
subquestion: |
  ${ people[0] } is good at ${ people[0].skills }. ${ letters }
  ${ people[0].name.instanceName if False else people.number() }
";
    let (loaded, _) = load(iv, &[]);
    assert_eq!(loaded.run_data.data_blocks.len(), 1);
    let text = first_screen(iv, &[]);
    assert!(
        text.contains("Fred Smith is good at guessing and making coffee. ['a', 'b']"),
        "{text}"
    );
}

#[test]
fn data_from_code_with_classes_and_docassemble_module() {
    let iv = "variable name: the_object
use objects: objects
data from code:
  object: Thing
  module: docassemble.base.util
  item:
    name:
      object: docassemble.base.util.Name
      item:
        text: the_name
    size: 4 * unit_size
---
code: |
  the_name = 'rocks'
  unit_size = 2
---
mandatory: True
question: The object is ${ the_object } and its size is ${ the_object.size }.
";
    let text = first_screen(iv, &[]);
    assert!(
        text.contains("The object is rocks and its size is 8."),
        "{text}"
    );
}

#[test]
fn imports_and_modules_bind_names() {
    let iv = "imports:
  - re
  - math
---
modules:
  - json
  - docassemble.base.util
---
mandatory: True
question: |
  ${ re.sub('a', 'b', 'banana') } ${ dumps([1, 'x']) } ${ math.floor(2.5) } ${ json.dumps({'a': 1}) }
";
    let text = first_screen(iv, &[]);
    assert!(text.contains(r#"bbnbnb [1, "x"] 2 {"a": 1}"#), "{text}");
}

#[test]
fn unavailable_modules_warn_and_fail_clearly_when_used() {
    let iv = "imports:
  - numpy
---
modules:
  - .fish
---
mandatory: True
question: ${ numpy.zeros(3) }
";
    let (_, warnings) = load(iv, &[]);
    assert!(
        warnings.iter().any(|w| w.message.contains("numpy")),
        "{warnings:?}"
    );
    assert!(
        warnings.iter().any(|w| w.message.contains("demo.pkg.fish")),
        "{warnings:?}"
    );
    let text = first_screen(iv, &[]);
    assert!(
        text.contains("ImportError: No module named 'numpy'"),
        "{text}"
    );
}

#[test]
fn docassemble_package_imports_in_code() {
    let iv = "mandatory: True
code: |
  import docassemble.base.util
  from docassemble.base.util import comma_and_list, Thing
  import random
  random.seed(3)
  n = random.randint(1, 6)
  words = comma_and_list(['a', 'b', 'c'])
  same = docassemble.base.util.Thing is Thing
---
mandatory: True
question: ${ words } ${ same } ${ 1 <= n <= 6 }
";
    let text = first_screen(iv, &[]);
    assert!(text.contains("a, b, and c True True"), "{text}");
}

#[test]
fn session_local_is_an_object_kept_in_the_state() {
    let iv = "mandatory: True
code: |
  session_local.mood = 'fine'
  device_local.colour = 'blue'
---
mandatory: True
question: ${ session_local.mood } ${ device_local.colour } ${ user_local.__class__.__name__ }
";
    let (loaded, _) = load(iv, &[]);
    let mut st = loaded.new_session();
    let ctx = RequestContext::for_tests(MAIN);
    let Screen::Question(q) = loaded.next_screen(&mut st, &ctx) else {
        panic!("no question")
    };
    assert!(q.question.contains("fine blue DAObject"), "{}", q.question);
    let json = serde_json::to_string(&st.variables).unwrap();
    assert!(
        json.contains("session_local") && json.contains("fine"),
        "{json}"
    );
}

#[test]
fn suppress_loading_util_hides_the_library() {
    let iv = "metadata:
  suppress loading util: True
---
code: |
  try:
    Individual
    individual_defined = True
  except:
    individual_defined = False
---
mandatory: True
question: Individual defined ${ individual_defined }
";
    assert!(first_screen(iv, &[]).contains("Individual defined False"));
    let shown = first_screen(&iv.replace("True\n---\ncode", "False\n---\ncode"), &[]);
    assert!(shown.contains("Individual defined True"), "{shown}");
}

#[test]
fn nav_get_sections_lists_the_sections() {
    let iv = "sections:
  - intro: Introduction
  - about: About you
    subsections:
      - contact: Contact info
---
mandatory: True
question: Sections
subquestion: ${ json.dumps(nav.get_sections()) }
";
    let text = first_screen(iv, &[]);
    assert!(
        text.contains(r#"[{"intro": "Introduction"}, {"about": "About you", "subsections": [{"contact": "Contact info"}]}]"#),
        "{text}"
    );
}

const FISH_PY: &str = "from docassemble.base.util import DAObject, comma_and_list
import re

__all__ = ['Halibut', 'describe']

class Halibut(DAObject):
    def __str__(self):
        return 'Halibut ' + self.name

def describe(fishes):
    return comma_and_list([str(f) for f in fishes])
";

#[test]
fn package_modules_run_in_the_sandbox_and_their_classes_survive_a_reload() {
    let iv = "modules:
  - .fish
---
objects:
  - fred: Halibut
---
code: |
  fred.name = 'Fred'
---
mandatory: True
question: ${ describe([fred]) } is a ${ fred.__class__.__name__ }
";
    let mut m = sources(iv, &[]).0;
    m.insert("demo.pkg:demo/pkg/fish.py".into(), FISH_PY.into());
    let src = Mem(m);
    let (loaded, warnings) = engine::load(&src, &InterviewRef::parse(MAIN).unwrap()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    assert!(loaded
        .run_data
        .package_modules
        .contains_key("demo.pkg.fish"));
    let ctx = RequestContext::for_tests(MAIN);
    let mut st = loaded.new_session();
    let screen = loaded.next_screen(&mut st, &ctx);
    let Screen::Question(q) = screen else {
        panic!("no question: {screen:?}")
    };
    assert!(
        q.question.contains("Halibut Fred is a Halibut"),
        "{}",
        q.question
    );
    // the object is restored from the saved state with its module class
    let mut again = engine::SessionState::from_json_str(&st.to_json_string()).unwrap();
    let Screen::Question(q) = loaded.next_screen(&mut again, &ctx) else {
        panic!("no question")
    };
    assert!(
        q.question.contains("Halibut Fred is a Halibut"),
        "{}",
        q.question
    );
}

#[test]
fn package_module_syntax_error_fails_the_load() {
    let mut m = sources(
        "modules:\n  - .broken\n---\nquestion: hi\nmandatory: True\n",
        &[],
    )
    .0;
    m.insert(
        "demo.pkg:demo/pkg/broken.py".into(),
        "def f(:\n  pass\n".into(),
    );
    let err = engine::load(&Mem(m), &InterviewRef::parse(MAIN).unwrap()).unwrap_err();
    assert!(
        err.to_string().contains("demo.pkg:demo/pkg/broken.py"),
        "{err}"
    );
}

#[test]
fn objects_from_structure_on_cyclic_data_stops() {
    let iv = "mandatory: True
code: |
  a = []
  a.append(a)
  a.append(a)
  try:
    b = objects_from_structure(a)
  except Exception:
    b = 'stopped'
  del a
---
mandatory: True
question: ${ b }
";
    let text = first_screen(iv, &[]);
    assert!(
        text.contains("stopped") || text.starts_with("ERROR"),
        "{text}"
    );
}

#[test]
fn objects_from_structure_builds_objects_and_containers() {
    let iv = "mandatory: True
code: |
  thing = objects_from_structure({'object': 'Thing', 'item': {'name': 'rock', 'tags': ['a', 'b']}}, root='thing')
---
mandatory: True
question: ${ thing } ${ thing.tags } ${ thing.tags.instanceName if False else thing.tags.number() }
";
    let text = first_screen(iv, &[]);
    assert!(text.contains("rock a and b 2"), "{text}");
}

const SCHOOL_PY: &str = "from docassemble.base.util import DAList, DAObject

class Pupil(DAObject):
    @property
    def pupil_complete(self):
        self.age
        return True

class Class(DAList):
    def init(self, *pargs, **kwargs):
        self.object_type = Pupil
        self.complete_attribute = 'pupil_complete'
        super().init(*pargs, **kwargs)
";

#[test]
fn a_module_class_with_its_own_init_and_a_property_as_complete_attribute() {
    let iv = "modules:
  - .school
---
objects:
  - pupils: Class
---
mandatory: True
code: |
  pupils.there_are_any = True
  pupils.there_is_another = False
---
question: How old is the first pupil?
fields:
  - Age: pupils[0].age
---
mandatory: True
question: ${ pupils.number() } pupil, a ${ pupils[0].__class__.__name__ }
";
    let mut m = sources(iv, &[]).0;
    m.insert("demo.pkg:demo/pkg/school.py".into(), SCHOOL_PY.into());
    let (loaded, warnings) = engine::load(&Mem(m), &InterviewRef::parse(MAIN).unwrap()).unwrap();
    assert!(warnings.is_empty(), "{warnings:?}");
    let ctx = RequestContext::for_tests(MAIN);
    let mut st = loaded.new_session();
    // the subclass's init made the items Pupils, whose property asks for the age
    let Screen::Question(q) = loaded.next_screen(&mut st, &ctx) else { panic!("no question") };
    assert!(q.question.contains("How old is the first pupil?"), "{}", q.question);
}

#[test]
fn explanations_are_recorded_once_and_cleared() {
    let iv = "mandatory: True
code: |
  explain('first')
  explain('first')
  explain('other', category='x')
  clear_explanations('x')
  explain('second')
---
mandatory: True
question: ${ '; '.join(logic_explanation()) } / ${ len(logic_explanation('x')) }
";
    assert_eq!(first_screen(iv, &[]).trim(), "first; second / 0");
}

#[test]
fn a_subclass_using_keeps_its_class_and_its_gather_hooks_run() {
    let iv = "modules:
  - .income
---
objects:
  - income: |
      IncomeDict.using(
        object_type=DAObject,
        keys=['employment', 'benefits'],
        complete_attribute='complete',
        there_is_another=False)
---
code: |
  income[i].amount = 5
  income[i].complete = True
---
mandatory: True
question: ${ income.__class__.__name__ } ${ income.gathered } ${ income.total_amount }
";
    let module = "from docassemble.base.util import DADict
class IncomeDict(DADict):
    def hook_on_gather(self):
        self.seen = True
    def hook_after_gather(self):
        self.total_amount = sum(y.amount for y in self.values()) + (1 if self.seen else 0)
";
    let mut m = sources(iv, &[]).0;
    m.insert("demo.pkg:demo/pkg/income.py".into(), module.into());
    let (loaded, _) = engine::load(&Mem(m), &InterviewRef::parse(MAIN).unwrap()).unwrap();
    let ctx = RequestContext::for_tests(MAIN);
    let mut st = loaded.new_session();
    let Screen::Question(q) = loaded.next_screen(&mut st, &ctx) else { panic!("no question") };
    assert_eq!(q.question.trim(), "IncomeDict True 11");
}

#[test]
fn a_choice_written_with_mako_stores_the_text_it_gives() {
    let iv = "mandatory: True
code: |
  first = 'Ann'
  second = 'Bob'
---
question: Who is the tallest?
fields:
  - Tallest: tallest
    choices:
      - ${ first }
      - ${ second }
---
mandatory: True
question: The tallest is ${ tallest }.
";
    let (loaded, _) = load(iv, &[]);
    let ctx = RequestContext::for_tests(MAIN);
    let mut st = loaded.new_session();
    let Screen::Question(q) = loaded.next_screen(&mut st, &ctx) else { panic!("no question") };
    let f = &q.fields[0];
    let bob = f.choices.iter().find(|c| c.label == "Bob").expect("a choice Bob");
    let form = vec![("_question".to_string(), q.token.clone()), (f.name.clone(), bob.value.clone())];
    assert!(matches!(loaded.submit(&mut st, &form, &ctx), engine::screen::Submitted::Accepted));
    let Screen::Question(q) = loaded.next_screen(&mut st, &ctx) else { panic!("no question") };
    assert_eq!(q.question.trim(), "The tallest is Bob.");
}

#[test]
fn an_imported_package_module_replaces_a_language_function() {
    let iv = "imports:
  - demo.pkg.suffixes
---
mandatory: True
question: ${ ', '.join(name_suffix()) }
";
    let module = "from docassemble.base.language.core import update_language_function

def my_name_suffix():
    return ['Jr', 'Esq']

update_language_function('en', 'name_suffix', my_name_suffix)
";
    let mut m = sources(iv, &[]).0;
    m.insert("demo.pkg:demo/pkg/suffixes.py".into(), module.into());
    let (loaded, warnings) = engine::load(&Mem(m), &InterviewRef::parse(MAIN).unwrap()).unwrap();
    assert!(warnings.iter().all(|w| !w.message.contains("suffixes")), "{warnings:?}");
    let ctx = RequestContext::for_tests(MAIN);
    let mut st = loaded.new_session();
    let Screen::Question(q) = loaded.next_screen(&mut st, &ctx) else { panic!("no question") };
    assert_eq!(q.question.trim(), "Jr, Esq");
    // without the module: docassemble's own list
    assert!(first_screen("mandatory: True\nquestion: ${ name_suffix()[5] }\n", &[]).starts_with("V\n"));
}

#[test]
fn a_message_exit_goes_to_its_url() {
    let iv = "mandatory: True
code: |
  message('Closed', 'Come back later.', url='https://example.com/bye', show_restart=False, show_leave=True, show_exit=True)
";
    let (loaded, _) = load(iv, &[]);
    let ctx = RequestContext::for_tests(MAIN);
    let mut st = loaded.new_session();
    let Screen::Question(q) = loaded.next_screen(&mut st, &ctx) else { panic!("no question") };
    let buttons: Vec<(&str, &str)> = q.buttons.iter().map(|b| (b.label.as_str(), b.value.as_str())).collect();
    assert_eq!(buttons, [("Exit", "exit"), ("Leave", "leave")]);
    let form = vec![("_question".to_string(), q.token.clone()), (q.buttons[0].name.clone(), q.buttons[0].value.clone())];
    assert!(matches!(loaded.submit(&mut st, &form, &ctx), engine::Submitted::Accepted));
    match loaded.next_screen(&mut st, &ctx) {
        Screen::Command { command, url } => {
            assert_eq!(command, engine::Command::Exit);
            assert_eq!(url.as_deref(), Some("https://example.com/bye"));
        }
        other => panic!("expected the exit command, got {other:?}"),
    }
}
