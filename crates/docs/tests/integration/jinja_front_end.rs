//! Every patched part of every example DOCX template compiles with `lang`'s Jinja front end,
//! and rendering the body with no answers stops at a name that `variables()` lists (the
//! question the engine would ask).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use docs::docx::DocxTemplate;
use docs::Limits;
use lang::{Args, Error, Namespace, Origin, Template, Value, Vm};

fn first_argument(_vm: &mut Vm<'_>, args: Args) -> Result<Value, Error> {
    Ok(args.positional.into_iter().next().unwrap_or(Value::None))
}

fn examples() -> Vec<PathBuf> {
    let root = std::env::var_os("COLLOQUY_EXAMPLES").map(PathBuf::from).unwrap_or_else(|| {
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/docassemble-examples/packages")
    });
    let mut found = Vec::new();
    for package in std::fs::read_dir(root).into_iter().flatten().flatten() {
        for entry in std::fs::read_dir(package.path().join("data/templates")).into_iter().flatten().flatten() {
            if entry.path().extension().is_some_and(|ext| ext == "docx") {
                found.push(entry.path());
            }
        }
    }
    found.sort();
    found
}

#[test]
fn every_example_part_compiles_and_asks_for_a_listed_name() {
    let files = examples();
    assert!(files.len() >= 45);
    let mut asked = 0;
    for path in files {
        let template = DocxTemplate::open(&std::fs::read(&path).unwrap(), &Limits::default()).unwrap();
        let file = path.file_name().unwrap().to_string_lossy().into_owned();
        for part in template.parts() {
            let compiled = Template::compile_jinja(&part.source, Origin::new(&format!("{file}:{}", part.name), 1, 0))
                .unwrap_or_else(|err| panic!("{err}"));
            if part.name != "word/document.xml" {
                continue;
            }
            let mut out = String::new();
            let mut vm = Vm::new(lang::Limits::default(), &mut out);
            let ns = Namespace::new();
            let names = template.variables();
            // docassemble's filters are functions of its environment, not free names: stand
            // them in as identity functions until a free name is asked for.
            for _ in 0..20 {
                match compiled.render(&mut vm, &ns, &|s: &str| docs::docx::escape_value(s, docs::docx::ValueKind::Text)) {
                    Err(Error::Undefined(path)) => {
                        let root = path.split(['.', '[']).next().unwrap_or("").to_string();
                        if names.contains(&root) {
                            asked += 1;
                            break;
                        }
                        assert!(part.source.contains(&format!("| {root}")) || part.source.contains(&format!("|{root}")), "{file}: asks for {path}, not among {names:?}");
                        ns.set(&root, Value::native("filter", first_argument));
                    }
                    Err(other) => panic!("{file}: {other:?}"),
                    Ok(xml) => {
                        docs::xml::check_well_formed(&file, &xml, 256).unwrap();
                        break;
                    }
                }
            }
        }
    }
    assert!(asked >= 37, "only {asked} templates asked for a name");
}
