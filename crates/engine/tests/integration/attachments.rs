//! Documents evaluated in process: the attachment box of a question, DOCX templates asking
//! their questions (sub-documents, `skip undefined`), PDF forms filled, `variable name` blocks
//! as DAFileCollection objects, files named by code, DAContext, load errors of templates, and
//! the interview behaviour the document examples rely on (`error action`).

use crate::run_support;
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
    // the reference document is read when the interview loads
    let missing = engine::load(&Mem(files.clone()), &r).err().map(|e| e.to_string()).unwrap_or_default();
    assert!(missing.contains("docx reference file ref.docx was not found"), "{missing}");
    files.insert("t:data/templates/ref.docx".to_string(), reference_docx("Plain"));
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

/// A reference document whose style sheet has one more paragraph style, `style_id`.
fn reference_docx(style_id: &str) -> Vec<u8> {
    let plain = docs::write_docx(&docs::read_markdown("x", &Default::default()), &Default::default()).unwrap();
    let mut pkg = docs::Package::read(&plain, &docs::Limits::default()).unwrap();
    let styles = pkg.get_text("word/styles.xml").unwrap().unwrap().replace(
        "</w:styles>",
        &format!("<w:style w:type=\"paragraph\" w:styleId=\"{style_id}\"><w:name w:val=\"{style_id}\"/></w:style></w:styles>"),
    );
    pkg.set("word/styles.xml", styles.into_bytes());
    pkg.write().unwrap()
}

/// The text of the `w:t` elements of a WordprocessingML part, read with quick-xml.
fn word_text(xml: &str) -> String {
    let mut reader = quick_xml::Reader::from_str(xml);
    let mut out = String::new();
    let mut in_text = false;
    loop {
        match reader.read_event().unwrap() {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
            quick_xml::events::Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
            quick_xml::events::Event::Text(t) if in_text => out.push_str(&t.xml_content(quick_xml::XmlVersion::Implicit1_0)),
            quick_xml::events::Event::GeneralRef(r) if in_text => {
                let name: &str = r.as_ref();
                out.push_str(match name {
                    "amp" => "&",
                    "lt" => "<",
                    "gt" => ">",
                    "quot" => "\"",
                    "apos" => "'",
                    _ => "",
                });
            }
            quick_xml::events::Event::End(e) if e.name().as_ref() == "w:p" => out.push('\n'),
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    out
}

#[test]
fn markdown_attachment_is_written_as_docx_and_rtf_with_its_metadata() {
    let interview = "attachment options:\n  docx reference file: house.docx\n---\nquestion: What is your name?\nfields:\n  - Name: user_name\n---\nattachment:\n  variable name: the_letter\n  name: A letter\n  filename: letter\n  valid formats: [docx, rtf]\n  metadata:\n    FirstHeaderCenter: Confidential draft\n    FirstHeaderLeft: For ${ user_name }\n    HeaderCenter: Confidential draft\n    TopMargin: 2in\n  content: |\n    [BOLDCENTER] Notice\n\n    Dear ${ user_name },\n\n    See [the court](https://example.org).\n---\nmandatory: True\nquestion: Done\nsubquestion: ${ the_letter.docx.filename } is ready (${ the_letter.docx.ok }).\nattachment code: the_letter\n";
    let mut files = std::collections::HashMap::new();
    files.insert("t:data/questions/main.yml".to_string(), interview.as_bytes().to_vec());
    files.insert("t:data/templates/house.docx".to_string(), reference_docx("HouseStyle"));
    let r = engine::InterviewRef::parse("t:data/questions/main.yml").unwrap();
    let (iv, _) = engine::load(&Mem(files), &r).unwrap();
    let iv = std::sync::Arc::new(iv);
    let mut state = iv.new_session();
    let ctx = engine::RequestContext::for_tests("t:data/questions/main.yml");
    let screen = iv.next_screen(&mut state, &ctx);
    let mut s = Session { iv, state, ctx, screen, staged: Vec::new(), show_help: false };
    s.set("Name", "Zoë Q. Marker & Sons");
    s.click("Continue");
    s.see("Done");
    s.see("letter.docx is ready (True).");
    let a = attachments(&s).attachments[0].clone();
    let formats: Vec<&str> = a.downloads.iter().map(|d| d.format.as_str()).collect();
    assert_eq!(formats, vec!["rtf", "docx"], "both are made now");
    let docx = a.downloads.iter().find(|d| d.format == "docx").unwrap();
    assert_eq!(docx.filename, "letter.docx");
    let rtf = a.downloads.iter().find(|d| d.format == "rtf").unwrap();
    let produced = s.state.take_produced();
    let bytes_of = |n: u64| produced.iter().find(|f| f.number == n).map(|f| f.bytes.clone()).unwrap();

    // the DOCX, opened with zip and quick-xml
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes_of(docx.number))).unwrap();
    let mut part = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let body = part("word/document.xml");
    let text = word_text(&body);
    assert!(text.contains("Dear Zoë Q. Marker & Sons,"), "{text}");
    assert!(text.contains("Notice") && text.contains("the court"), "{text}");
    assert!(body.contains("w:top=\"2880\""), "the top margin is 2 inches");
    let headers: Vec<String> = (1..=4).map(|i| format!("word/header{i}.xml")).collect();
    let header_text: String = headers
        .iter()
        .filter(|h| body.contains("headerReference") && zip_has(&bytes_of(docx.number), h))
        .map(|h| word_text(&part(h)))
        .collect();
    assert!(header_text.contains("Confidential draft"), "the running header: {header_text:?}");
    assert!(header_text.contains("For Zoë Q. Marker & Sons"), "metadata is Mako: {header_text:?}");
    assert!(part("word/styles.xml").contains("w:styleId=\"HouseStyle\""), "the reference's styles are used");

    // the RTF carries the same header
    let rtf = String::from_utf8(bytes_of(rtf.number)).unwrap();
    assert!(rtf.starts_with("{\\rtf1") && rtf.contains("Dear Zo\\u235?"), "{rtf}");
    assert!(rtf.contains("{\\headerf") && rtf.contains("Confidential draft"), "{rtf}");

    // the DAFileCollection has its .docx; a re-shown screen makes no new file
    s.reload();
    assert!(s.state.take_produced().is_empty());
    assert_eq!(attachments(&s).attachments[0].downloads[1].number, docx.number);
}

fn zip_has(bytes: &[u8], name: &str) -> bool {
    zip::ZipArchive::new(std::io::Cursor::new(bytes)).is_ok_and(|mut z| z.by_name(name).is_ok())
}
