//! Documents evaluated in process: the attachment box of a question, DOCX templates asking
//! their questions (sub-documents, `skip undefined`), PDF forms filled, `variable name` blocks
//! as DAFileCollection objects, files named by code, DAContext, load errors of templates, and
//! the interview behaviour the document examples rely on (`error action`).

mod run_support;
use run_support::Session;

fn ex(name: &str) -> String {
    format!("docassemble.base:data/questions/examples/{name}")
}

fn attachments(s: &Session) -> engine::screen::AttachmentBoxView {
    s.q().attachments.clone().unwrap_or_else(|| panic!("no attachment box on {}", s.text()))
}

#[test]
fn markdown_attachment_gives_a_box_with_preview() {
    let s = Session::start(&ex("attachment-simple.yml"));
    s.see("Your document is ready.");
    let b = attachments(&s);
    assert_eq!(b.attachments.len(), 1);
    let a = &b.attachments[0];
    assert_eq!(a.name, "A hello world document");
    assert_eq!(a.description.as_deref(), Some("A document with a classic message"));
    assert_eq!(a.filename, "Hello_World");
    assert_eq!(a.formats, vec!["pdf", "rtf", "html"]);
    assert_eq!(a.preview.as_deref().map(str::trim), Some("Hello, world!"));
    assert!(b.notice && b.allow_emailing && !b.allow_downloading);
    // PDF is not typeset yet: no broken link; RTF is written from the Markdown
    let formats: Vec<&str> = a.downloads.iter().map(|d| d.format.as_str()).collect();
    assert_eq!(formats, vec!["rtf"]);
    assert_eq!(a.downloads[0].filename, "Hello_World.rtf");
    let mut s = s;
    let produced = s.state.take_produced();
    let rtf = String::from_utf8(produced[0].bytes.clone()).unwrap();
    assert!(rtf.starts_with("{\\rtf1") && rtf.contains("Hello, world!"), "{rtf}");
}

#[test]
fn docx_template_asks_its_questions_then_makes_the_document() {
    let mut s = Session::start(&ex("docx-recipe.yml"));
    s.see("Assembling a document from a .docx template");
    s.click("Continue");
    s.see("What is the maximum temperature setting of your oven?");
    s.set("Degrees", "500");
    s.click("Continue");
    s.see("What is your favorite thing to eat?");
    s.set("Favorite food", "peäches & cream");
    s.click("Continue");
    s.see("Here is your recipe. Enjoy!");
    let b = attachments(&s);
    let a = &b.attachments[0];
    let docx = a.downloads.iter().find(|d| d.format == "docx").expect("a docx download");
    assert_eq!(docx.filename, "recipe.docx");
    let produced = s.state.take_produced();
    let file = produced.iter().find(|f| f.number == docx.number).expect("the docx bytes");
    let pkg = docs::Package::read(&file.bytes, &docs::Limits::default()).expect("a docx package");
    let body = pkg.get_text("word/document.xml").ok().flatten().expect("the body");
    assert!(body.contains("peäches &amp; cream"), "answer not in the document");
    assert!(body.contains("500 degrees"));
    assert!(!body.contains("{{"));
    // showing the screen again makes no new file
    s.reload();
    assert!(s.state.take_produced().is_empty());
    assert_eq!(attachments(&s).attachments[0].downloads[0].number, docx.number);
}

#[test]
fn pdf_form_is_filled_with_docassemble_values() {
    let mut s = Session::start(&ex("pdf-fill-code.yml"));
    s.set("Your First Name", "Jöhn");
    s.set("Your Last Name", "Smith");
    s.set("Your Organization", "Example, Inc.");
    s.click("Continue");
    s.click("Yes");
    s.click("No");
    s.click("No");
    s.click("Yes");
    s.see("Here is your PDF form");
    let b = attachments(&s);
    let pdf = b.attachments[0].downloads.iter().find(|d| d.format == "pdf").expect("a pdf download");
    let produced = s.state.take_produced();
    let file = produced.iter().find(|f| f.number == pdf.number).expect("the pdf bytes");
    let fields = docs::pdf::get_pdf_fields(&file.bytes, &docs::Limits::default()).expect("fields");
    let value = |name: &str| fields.iter().find(|f| f.name == name).map(|f| f.value.clone());
    assert_eq!(value("Your Name").as_deref(), Some("Jöhn Smith"));
    assert_eq!(value("Your Organization").as_deref(), Some("Example, Inc."));
}

#[test]
fn variable_name_block_defines_a_file_collection() {
    let s = Session::start(&ex("document-variable-name-link.yml"));
    s.see("All done.");
    assert!(s.state.variables.contains_key("my_file"));
}



#[test]
fn package_files_named_by_code_are_read_at_load_time() {
    let s = Session::start(&ex("get-pdf-fields.yml"));
    s.see("favorite_fungus");
    let s = Session::start(&ex("get-docx-variables.yml"));
    s.see("adverse_party");
    let s = Session::start(&ex("document-file-code.yml"));
    s.see("Your document is ready.");
    let a = &attachments(&s).attachments[0];
    assert!(a.preview.as_deref().is_some_and(|p| p.contains("Hello, world!")), "{:?}", a.preview);
}

/// An interview and its templates in memory.
struct Mem(std::collections::HashMap<String, Vec<u8>>);

impl engine::Sources for Mem {
    fn read(&self, package: &str, path: &str) -> std::io::Result<String> {
        String::from_utf8(self.read_bytes(package, path)?).map_err(|_| std::io::ErrorKind::InvalidData.into())
    }
    fn read_bytes(&self, package: &str, path: &str) -> std::io::Result<Vec<u8>> {
        self.0.get(&format!("{package}:{path}")).cloned().ok_or_else(|| std::io::ErrorKind::NotFound.into())
    }
    fn modified(&self, _: &str, _: &str) -> Option<std::time::SystemTime> {
        None
    }
    fn list(&self) -> Vec<(String, String)> {
        vec![("t".into(), "data/questions/main.yml".into())]
    }
}

#[test]
fn template_errors_are_load_errors_with_file_and_place() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/docassemble-examples/packages/docassemble.base/data/templates/recipe_template.docx");
    let Ok(good) = std::fs::read(&root) else { return };
    let mut pkg = docs::Package::read(&good, &docs::Limits::default()).unwrap();
    let xml = pkg.get_text("word/document.xml").unwrap().unwrap().replace("{{ title }}", "{{ title + }}");
    pkg.set("word/document.xml", xml.into_bytes());
    let bad = pkg.write().unwrap();
    let interview = "mandatory: True\nquestion: Done\nattachment:\n  docx template file: bad.docx\n";
    let mut files = std::collections::HashMap::new();
    files.insert("t:data/questions/main.yml".to_string(), interview.as_bytes().to_vec());
    files.insert("t:data/templates/bad.docx".to_string(), bad);
    let sources = Mem(files);
    let r = engine::InterviewRef::parse("t:data/questions/main.yml").unwrap();
    let e = engine::load(&sources, &r).err().expect("a load error").to_string();
    assert!(e.starts_with("t:data/questions/main.yml, line 4: docx template file t:data/templates/bad.docx, word/document.xml, line "), "{e}");
    assert!(e.contains("A recipe for"), "the paragraph is quoted: {e}");
    // a missing template is a load error too
    let mut files = std::collections::HashMap::new();
    files.insert("t:data/questions/main.yml".to_string(), interview.as_bytes().to_vec());
    let e = engine::load(&Mem(files), &r).err().expect("a load error").to_string();
    assert!(e.contains("line 4: docx template file t:data/templates/bad.docx cannot be read"), "{e}");
    let check = engine::check::check_one(&Mem(std::collections::HashMap::new()), "t:data/questions/main.yml");
    assert!(check.outcome.is_err());
}


#[test]
fn dacontext_reads_differently_on_the_screen_and_in_documents() {
    let mut s = Session::start("docassemble.demo:data/questions/examples/context.yml");
    s.set("Fruit", "Peach");
    s.click("Continue");
    s.see("Your favorite fruit is Peach.");
    let b = attachments(&s);
    let pandoc = &b.attachments[0];
    assert!(pandoc.markdown.as_deref().is_some_and(|m| m.contains("very juicy fruit")), "{:?}", pandoc.markdown);
    let docx = b.attachments[1].downloads.iter().find(|d| d.format == "docx").expect("a docx");
    let produced = s.state.take_produced();
    let file = produced.iter().find(|f| f.number == docx.number).expect("the docx bytes");
    let pkg = docs::Package::read(&file.bytes, &docs::Limits::default()).unwrap();
    assert!(pkg.get_text("word/document.xml").unwrap().unwrap().contains("peachy peach"));
}


#[test]
fn include_docx_template_inserts_the_rendered_sub_document() {
    let mut s = Session::start("docassemble.demo:data/questions/examples/subdocument.yml");
    s.click("Continue");
    s.set("First name", "Jöhn");
    s.set("Last name", "Doe");
    s.click("Continue");
    s.set("Favorite fruit", "apples & pears");
    s.click("Continue");
    s.see("Here is your document.");
    let b = attachments(&s);
    let docx = b.attachments[0].downloads.iter().find(|d| d.format == "docx").expect("a docx");
    let produced = s.state.take_produced();
    let file = produced.iter().find(|f| f.number == docx.number).expect("the docx bytes");
    let pkg = docs::Package::read(&file.bytes, &docs::Limits::default()).unwrap();
    let xml = pkg.get_text("word/document.xml").unwrap().unwrap().to_string();
    docs::xml::check_well_formed("word/document.xml", &xml, 256).unwrap();
    assert!(!xml.contains("include_docx_template"), "{xml}");
    assert!(xml.contains("apples &amp; pears") && xml.contains("Jöhn Doe"), "the values: {xml}");
    assert!(xml.contains("I am a paragraph in the sub document."));
}

#[test]
fn interview_wide_attachment_options_are_typed() {
    let interview = "attachment options:\n  initial yaml: [a.yml, b.yml]\n  docx reference file: ref.docx\n  metadata:\n    fontsize: 12pt\n---\nmandatory: True\nquestion: Done\n";
    let mut files = std::collections::HashMap::new();
    files.insert("t:data/questions/main.yml".to_string(), interview.as_bytes().to_vec());
    let r = engine::InterviewRef::parse("t:data/questions/main.yml").unwrap();
    let (iv, _) = engine::load(&Mem(files), &r).unwrap();
    assert_eq!(iv.attachment_options.initial_yaml, vec!["a.yml", "b.yml"]);
    assert_eq!(iv.attachment_options.docx_reference_file.as_deref(), Some("ref.docx"));
    assert!(iv.attachment_options.metadata.is_some());
}

#[test]
fn skip_undefined_renders_nothing_for_missing_names_and_attributes() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/docassemble-examples/packages/docassemble.base/data/templates/recipe_template.docx");
    let Ok(good) = std::fs::read(&root) else { return };
    let mut pkg = docs::Package::read(&good, &docs::Limits::default()).unwrap();
    let xml = pkg
        .get_text("word/document.xml")
        .unwrap()
        .unwrap()
        .replacen("{{ title }}", "[{{ user.organization }}|{{ nothing }}|{{ user.name.first }}]", 1);
    pkg.set("word/document.xml", xml.into_bytes());
    let interview = "objects:\n  - user: Individual\n---\nmandatory: True\ncode: |\n  user.name.first = 'Ann'\n---\nmandatory: True\nquestion: Done\nattachment:\n  docx template file: t.docx\n  skip undefined: True\n";
    let mut files = std::collections::HashMap::new();
    files.insert("t:data/questions/main.yml".to_string(), interview.as_bytes().to_vec());
    files.insert("t:data/templates/t.docx".to_string(), pkg.write().unwrap());
    let r = engine::InterviewRef::parse("t:data/questions/main.yml").unwrap();
    let (iv, _) = engine::load(&Mem(files), &r).unwrap();
    let mut state = iv.new_session();
    let screen = iv.next_screen(&mut state, &engine::RequestContext::for_tests("t:main.yml"));
    let engine::Screen::Question(q) = screen else { panic!("{screen:?}") };
    let b = q.attachments.expect("a box");
    let n = b.attachments[0].downloads[0].number;
    let produced = state.take_produced();
    let file = produced.iter().find(|f| f.number == n).unwrap();
    let out = docs::Package::read(&file.bytes, &docs::Limits::default()).unwrap();
    let body = out.get_text("word/document.xml").unwrap().unwrap().to_string();
    assert!(body.contains("[||Ann]"), "{body}");
    // the placeholders are gone again: nothing was defined by the render
    let user = state.variables.get("user").unwrap().to_string();
    assert!(!user.contains("organization"), "{user}");
    assert!(!state.variables.contains_key("nothing"));
}

#[test]
fn attachment_code_shows_a_collection_made_by_an_attachment_block() {
    let mut s = Session::start(&ex("document-cache-invalidate.yml"));
    s.see("Here is your document.");
    let a = &attachments(&s).attachments[0];
    assert_eq!(a.name, "Summary of Benefits");
    assert!(a.preview.as_deref().is_some_and(|p| p.contains("Jane Doe")), "{:?}", a.preview);
    assert!(a.downloads.iter().any(|d| d.format == "rtf"));
    s.click("Continue");
    s.see("Here is your document again.");
    let a = &attachments(&s).attachments[0];
    assert!(a.preview.as_deref().is_some_and(|p| p.contains("John Doe")), "reassembled: {:?}", a.preview);
}


#[test]
fn include_docx_template_with_parameters_renders_each_inclusion_with_its_own() {
    let mut s = Session::start("docassemble.demo:data/questions/examples/subdoc-params.yml");
    s.click("Continue");
    s.see("Give me some information.");
    s.click("Continue");
    s.see("Here is your document.");
    let b = attachments(&s);
    let docx = b.attachments[0].downloads.iter().find(|d| d.format == "docx").expect("a docx");
    let produced = s.state.take_produced();
    let file = produced.iter().find(|f| f.number == docx.number).expect("the docx bytes");
    let pkg = docs::Package::read(&file.bytes, &docs::Limits::default()).unwrap();
    let xml = pkg.get_text("word/document.xml").unwrap().unwrap().to_string();
    docs::xml::check_well_formed("word/document.xml", &xml, 256).unwrap();
    assert!(xml.contains("Dad") && xml.contains("toadstools") && xml.contains("Jimmy"), "{xml}");
    assert!(xml.contains("Mom") && xml.contains("carpets") && xml.contains("Sarah"), "{xml}");
    // the parameters were names for the sub-document only
    assert!(!s.state.variables.contains_key("grantor"));
}

#[test]
fn error_action_runs_instead_of_the_error_page() {
    let mut s = Session::start(&ex("error-action.yml"));
    s.see("This interview will encounter an error when you press Continue.");
    s.click("Continue");
    s.see("Sorry, we have encountered an error.");
    let mut s = Session::start(&ex("error-action-2.yml"));
    s.set("Fruit", "apple");
    s.click("Continue");
    s.set("Vegetable", "turnip");
    s.click("Continue");
    s.see("We encountered an error, so we did the best we could to fill out the document.");
    let a = &attachments(&s).attachments[0];
    assert!(a.markdown.as_deref().is_some_and(|m| m.contains("Your favorite fruit is\napple.")), "{:?}", a.markdown);
}
