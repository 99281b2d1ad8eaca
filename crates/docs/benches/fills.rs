//! Benchmarks: a DOCX template fill and a 40-field PDF form fill, each through the code the
//! engine runs per session. The DOCX template (`recipe_template.docx`, a title, a `{%p for %}`
//! list of ingredients, numbers) is opened and its parts compiled with `lang`'s Jinja front
//! end once, as the engine does when the interview loads; each iteration renders every part
//! with the fields bound in a `lang` namespace (values escaped as the engine escapes them) and
//! writes the package. The PDF form (`sample-sig-form-2.pdf`, 42 fields) is filled with a value
//! for every field (text fields get appearance streams), editable and flattened. A two-page
//! Markdown letter is written as DOCX and as RTF (made when a document is assembled). The example
//! files come from the docassemble examples (`$COLLOQUY_EXAMPLES`, else the shared checkout).

#![allow(clippy::panic)] // a benchmark whose document is not made reports it by panicking

use std::path::PathBuf;

use criterion::{criterion_group, criterion_main, Criterion};
use docs::docx::{escape_value, DocxTemplate, PartRenderer, TemplatePart, ValueKind};
use docs::pdf::{fill_form, get_pdf_fields, FillOptions};
use docs::Limits;
use lang::{Namespace, Origin, Template, Value, Vm};

fn examples() -> PathBuf {
    std::env::var_os("COLLOQUY_EXAMPLES").map_or_else(
        || PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/docassemble-examples/packages"),
        PathBuf::from,
    )
}

/// Renders each part with its compiled template, as the engine's renderer does.
struct Renderer<'a> {
    template: &'a DocxTemplate,
    compiled: &'a [Template],
    ns: &'a Namespace,
}

impl PartRenderer for Renderer<'_> {
    type Error = lang::Error;

    fn render_part(&mut self, part: &TemplatePart) -> Result<String, lang::Error> {
        let index = self.template.parts().iter().position(|p| p.name == part.name).unwrap_or(0);
        let mut out = String::new();
        let mut vm = Vm::new(lang::Limits::default(), &mut out);
        self.compiled[index].render_with(&mut vm, self.ns, &|_v: &Value, s: &str| escape_value(s, ValueKind::Text))
    }
}

fn docx_fill(c: &mut Criterion) {
    let path = examples().join("docassemble.base/data/templates/recipe_template.docx");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("{} not found: DOCX benchmark skipped", path.display());
        return;
    };
    let Ok(template) = DocxTemplate::open(&bytes, &Limits::default()) else { return };
    let compiled: Vec<Template> = template
        .parts()
        .iter()
        .filter_map(|p| Template::compile_jinja(&p.source, Origin::new(&p.name, 1, 0)).ok())
        .collect();
    if compiled.len() != template.parts().len() {
        eprintln!("a part does not compile: DOCX benchmark skipped");
        return;
    }
    let ns = Namespace::new();
    ns.set("title", Value::from_str("Peäches & cream <with> “quotes”"));
    ns.set("oven_temperature", Value::Int(350));
    ns.set("preparation_time", Value::from_str("45 minutes"));
    let ingredients: Vec<Value> = (1..=12).map(|i| Value::from_str(&format!("{i} cups of ingredient {i} & more"))).collect();
    ns.set("ingredients", Value::list(ingredients));
    // the document must really be made: check once before timing
    let mut renderer = Renderer { template: &template, compiled: &compiled, ns: &ns };
    match template.render(&mut renderer) {
        Ok(docx) if docx.len() > 1000 => {}
        Ok(_) => panic!("the filled DOCX is empty"),
        Err(docs::docx::RenderFailure::Renderer { part, error }) => panic!("{part}: {error:?}"),
        Err(docs::docx::RenderFailure::Document(e)) => panic!("{e}"),
    }
    c.bench_function("DOCX template fill (recipe_template.docx)", |b| {
        b.iter(|| {
            let mut renderer = Renderer { template: &template, compiled: &compiled, ns: &ns };
            template.render(&mut renderer).map(|d| d.len()).unwrap_or(0)
        });
    });
    c.bench_function("DOCX template open and compile (recipe_template.docx, load time)", |b| {
        b.iter(|| {
            let t = DocxTemplate::open(&bytes, &Limits::default()).ok();
            t.map_or(0, |t| t.parts().iter().filter_map(|p| Template::compile_jinja(&p.source, Origin::new(&p.name, 1, 0)).ok()).count())
        });
    });
}

fn pdf_form_fill(c: &mut Criterion) {
    let path = examples().join("docassemble.demo/data/templates/sample-sig-form-2.pdf");
    let Ok(bytes) = std::fs::read(&path) else {
        eprintln!("{} not found: PDF form benchmark skipped", path.display());
        return;
    };
    let limits = Limits::default();
    let Ok(fields) = get_pdf_fields(&bytes, &limits) else { return };
    assert!(fields.len() >= 40, "only {} fields", fields.len());
    let values: Vec<(String, String)> = fields
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let value = match f.field_type.as_deref() {
                Some("/Btn") => "Yes".to_string(),
                _ => format!("Jöhn Smith {i}, 12 Elm Street"),
            };
            (f.name.clone(), value)
        })
        .collect();
    let editable = FillOptions::default();
    let flattened = FillOptions { editable: false, ..FillOptions::default() };
    assert!(fill_form(&bytes, &values, &editable, &limits).is_ok_and(|pdf| pdf.starts_with(b"%PDF")));
    let name = format!("{}-field PDF form fill (sample-sig-form-2.pdf)", fields.len());
    c.bench_function(&name, |b| {
        b.iter(|| fill_form(&bytes, &values, &editable, &limits).map(|p| p.len()).unwrap_or(0));
    });
    c.bench_function(&format!("{name}, flattened"), |b| {
        b.iter(|| fill_form(&bytes, &values, &flattened, &limits).map(|p| p.len()).unwrap_or(0));
    });
}

criterion_group!(benches, docx_fill, pdf_form_fill, markdown_docx);
/// A two-page Markdown letter with a running header, read and written as DOCX and RTF (what
/// the engine does for every Markdown attachment with those formats, when it is assembled).
fn markdown_docx(c: &mut Criterion) {
    let mut text = String::from("[BOLDCENTER] NOTICE TO LANDLORD\n\nDear **Olíve Martínez**,\n\n# Facts\n\n");
    for paragraph in 0..8 {
        text.push_str(&format!(
            "Paragraph {paragraph}: I, *Jöhn Smith*, have rented the apartment at 12 Elm Street since \
             2024. The heating has failed three times this winter, and each time I asked for a repair \
             in writing, as the lease requires; no repair was made within the time the law allows.\n\n"
        ));
    }
    text.push_str("1. November 2.\n2. November 19.\n3. **December 1**.\n\n| Date | Amount |\n|:-----|-------:|\n| November | $900 |\n\n");
    text.push_str("[PAGEBREAK]\n\n# Signature\n\nSincerely,\n\nJöhn Smith [BR] 12 Elm Street\n");
    let options = docs::ReadOptions {
        metadata: [("HeaderRight".to_string(), "Tenant's copy".to_string()), ("FooterCenter".to_string(), "Page [PAGENUM]".to_string())]
            .into_iter()
            .collect(),
        ..docs::ReadOptions::default()
    };
    let docx_options = docs::DocxOptions::default();
    c.bench_function("two-page Markdown letter to DOCX", |b| {
        b.iter(|| docs::write_docx(&docs::read_markdown(&text, &options), &docx_options).map(|d| d.len()).unwrap_or(0));
    });
    c.bench_function("two-page Markdown letter to RTF", |b| {
        b.iter(|| docs::write_rtf(&docs::read_markdown(&text, &options)).len());
    });
}

criterion_main!(benches);
