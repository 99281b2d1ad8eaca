//! Integration tests for `Template::compile_jinja`: Jinja sources render like Jinja2 (the
//! expected strings come from Jinja2 3.1 rendering the same templates with the same data),
//! and an undefined name is the evaluator's `Undefined(path)`.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use lang::{Error, Limits, Namespace, Origin, Program, Template, Vm};

const SETUP: &str = "
class Item:
    def __init__(self, name, cost):
        self.name = name
        self.cost = cost
fruits = ['apple', 'pear', 'fig']
items = [Item('a', 2), Item('b', 3)]
d = {'x': 1, 'y': 2}
n = 7
name = 'Ann'
";

fn render(tpl: &str) -> Result<String, Error> {
    let mut out = String::new();
    let mut vm = Vm::new(Limits::default(), &mut out);
    let ns = Namespace::new();
    let setup = Program::compile(SETUP, Origin::new("setup.py", 1, 0)).unwrap();
    vm.exec(&setup, &ns).unwrap();
    let t = Template::compile_jinja(tpl, Origin::new("template.docx", 1, 0)).unwrap();
    t.render(&mut vm, &ns, &|s: &str| s.to_string())
}

#[test]
fn jinja_templates_render_as_jinja2_does() {
    let cases = [
        (
            "{% for f in fruits %}{{ loop.index }}/{{ loop.length }}. {{ f | upper }}{% if not loop.last %}, {% endif %}{% endfor %}",
            "1/3. APPLE, 2/3. PEAR, 3/3. FIG",
        ),
        (
            "{{ items | map(attribute='cost') | sum }} {{ items | join(', ', attribute='name') }} {{ fruits | length }} {{ fruits | first | title }}",
            "5 a, b 3 Apple",
        ),
        (
            "{% set total = n * 2 %}{% macro greet(who, p='Hi') %}{{ p }} {{ who }}{% endmacro %}{{ greet(name) }} {{ greet('Bo', p='Yo') }} {{ total }}",
            "Hi Ann Yo Bo 14",
        ),
        ("{# note #}a  {%- if n is odd -%}  odd  {%- else %}even{% endif -%}  b", "aoddb"),
        (
            "{% for k, v in d.items() %}{{ k ~ '=' ~ v }}{% if not loop.last %};{% endif %}{% endfor %} {{ true }} {{ none }}",
            "x=1;y=2 True None",
        ),
        (
            "{% for f in fruits if f != 'pear' %}{{ loop.index0 }}{{ f }}{% else %}none{% endfor %}|{% for f in [] %}x{% else %}empty{% endfor %}",
            "0apple1fig|empty",
        ),
        ("{% raw %}{{ not rendered }}{% endraw %} {{ '%s-%s' | format(n, name) }} {{ n is divisibleby 7 }}", "{{ not rendered }} 7-Ann True"),
    ];
    for (tpl, expected) in cases {
        assert_eq!(render(tpl).unwrap(), expected, "{tpl}");
    }
}

#[test]
fn an_undefined_name_is_reported_with_its_path() {
    match render("{% if n > 1 %}{{ user.name.first }}{% endif %}") {
        Err(Error::Undefined(path)) => assert_eq!(path, "user"),
        other => panic!("{other:?}"),
    }
    match render("{% for f in fruits %}{{ f }}{% endfor %}{{ missing_thing | upper }}") {
        Err(Error::Undefined(path)) => assert_eq!(path, "missing_thing"),
        other => panic!("{other:?}"),
    }
}

#[test]
fn jinja_syntax_errors_carry_the_place() {
    let err = Template::compile_jinja("<w:p>\n{% if x %}\n<w:p>{% endfor %}", Origin::new("t.docx", 1, 0)).unwrap_err();
    assert_eq!(err.line, 3, "{err}");
    assert!(Template::compile_jinja("{% with a = 1 %}{% endwith %}", Origin::anonymous()).is_err());
}

