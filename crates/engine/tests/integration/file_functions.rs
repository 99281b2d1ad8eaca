//! The file functions run in process: `pdf_concatenate`, `zip_file`, `overlay_pdf`,
//! `DAFile.extract_pages` and `qr_code` give the values docassemble gives, and each file they
//! make is a new session file recorded to be made on request from the right sources.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use crate::run_support;

use run_support::Inline;

use engine::screen::{MadeFrom, OverlayPages};
use engine::upload::Upload;
use engine::{Screen, Submitted};

impl Inline {
    fn file_functions(yaml: &str) -> Inline {
        Inline::load("ff.yml", yaml)
    }

    fn upload(&mut self, name: &str, bytes: &[u8]) {
        let q = self.q().clone();
        let field = q.fields.iter().find(|f| f.kind == engine::FieldKind::File).unwrap().name.clone();
        let form = vec![("_question".to_string(), q.token.clone())];
        self.ctx.uploads = vec![Upload { field, filename: name.into(), content_type: "application/pdf".into(), bytes: bytes.to_vec() }];
        match self.iv.submit(&mut self.st, &form, &self.ctx) {
            Submitted::Accepted => self.screen = self.iv.next_screen(&mut self.st, &self.ctx),
            Submitted::Invalid(s) => self.screen = s,
        }
        self.ctx.uploads.clear();
    }

    fn text(&self) -> String {
        let q = self.q();
        format!("{}\n{}", q.question, q.subquestion.clone().unwrap_or_default())
    }

    /// The value after `key=` in the screen's text (up to the end of its line).
    fn value(&self, key: &str) -> String {
        let t = self.text();
        let start = t.find(&format!("{key}=")).unwrap_or_else(|| panic!("no {key} in {t}")) + key.len() + 1;
        t[start..].lines().next().unwrap().trim().to_string()
    }

    fn made(&self, number: &str) -> MadeFrom {
        let n: u64 = number.parse().unwrap();
        self.st.files.get(&n).unwrap_or_else(|| panic!("no file {n}: {:?}", self.st.files)).made_from.clone().unwrap()
    }
}

const FUNCTIONS: &str = r#"
question: Upload a PDF
fields:
  - PDF: the_pdf
    datatype: file
---
attachment:
  variable name: letter
  filename: letter
  valid formats:
    - docx
  content: Hello.
---
code: |
  both = pdf_concatenate(the_pdf, [letter.docx], filename="both.pdf")
  bundle = zip_file(the_pdf, {'letters': [letter]})
  stamped = overlay_pdf(the_pdf, the_pdf, first_page=2, logo_page=1, only='even')
  multi = overlay_pdf(the_pdf, the_pdf, multi=True, filename='multi.pdf')
  cut = the_pdf[0].extract_pages(first=2, last=3)
---
mandatory: True
question: Files
subquestion: |
  upload=${ the_pdf[0].number }
  both=${ both.number }
  both_name=${ both.filename } ${ both.extension } ${ both.mimetype } ${ both.__class__.__name__ }
  both_show=${ both }
  bundle=${ bundle.number }
  bundle_name=${ bundle.filename }
  stamped=${ stamped.number }
  multi=${ multi.number }
  cut=${ cut.number }
  cut_name=${ cut.filename }
  pm=${ path_and_mimetype(the_pdf)[1] } ${ path_and_mimetype(the_pdf)[0] == the_pdf[0].url_for() } ${ path_and_mimetype(letter)[1] }
  qr1=${ qr_code('https://x.org') }
  qr2=${ qr_code('https://x.org', '2in') }
  qr3=${ qr_code('https://x.org', alt_text='Go') }
  qr4=${ qr_code('https://x.org', width='50%', alt_text='Go') }
"#;

#[test]
fn file_functions_make_session_files_from_the_right_sources() {
    let mut s = Inline::file_functions(FUNCTIONS);
    s.upload("scan.pdf", b"%PDF-1.4 not parsed here");
    let upload: u64 = s.value("upload").parse().unwrap();
    assert_eq!(s.value("both_name"), "both.pdf pdf application/pdf DAFile");
    assert!(s.value("both_show").starts_with("[both.pdf](") && s.value("both_show").contains("/uploadedfile/"), "{}", s.text());

    // the DOCX of the letter enters the concatenation through its PDF, converted on request
    let MadeFrom::Concatenate { parts } = s.made(&s.value("both")) else { panic!() };
    assert_eq!(parts.len(), 2);
    assert_eq!(parts[0], upload);
    let converted = s.st.files.get(&parts[1]).unwrap();
    assert!(converted.hidden, "the converted letter is not served by itself");
    let Some(MadeFrom::Docx { source, .. }) = &converted.made_from else { panic!("{converted:?}") };
    assert_eq!(s.st.files.get(source).unwrap().filename, "letter.docx");
    assert!(parts.iter().all(|p| *p < s.value("both").parse::<u64>().unwrap()), "made from earlier files");

    assert_eq!(s.value("bundle_name"), "file.zip");
    let MadeFrom::Zip { entries } = s.made(&s.value("bundle")) else { panic!() };
    let names: Vec<&str> = entries.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["scan.pdf", "letters/letter.docx"]);
    assert_eq!(entries[0].1, upload);

    let MadeFrom::Overlay { main, logo, pages } = s.made(&s.value("stamped")) else { panic!() };
    assert_eq!((main, logo), (upload, upload));
    assert_eq!(pages, OverlayPages { first_page: Some(2), last_page: None, logo_page: Some(1), only: Some("even".into()), multi: false });
    let MadeFrom::Overlay { pages, .. } = s.made(&s.value("multi")) else { panic!() };
    assert!(pages.multi);
    assert_eq!(s.st.files.get(&s.value("multi").parse().unwrap()).unwrap().filename, "multi.pdf");

    assert_eq!(s.value("cut_name"), "scan.pdf");
    assert_eq!(s.made(&s.value("cut")), MadeFrom::ExtractPages { source: upload, first: 2, last: Some(3) });

    assert_eq!(s.value("pm"), "application/pdf True application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    assert_eq!(s.value("qr1"), "[QR https://x.org]");
    assert_eq!(s.value("qr2"), "[QR https://x.org, 2in]");
    assert_eq!(s.value("qr3"), "[QR https://x.org, None, Go]");
    assert_eq!(s.value("qr4"), "[QR https://x.org, 50%, Go]");

    // showing the screen again makes no new files (the variables are set)
    let count = s.st.files.len();
    s.screen = s.iv.next_screen(&mut s.st, &s.ctx);
    assert_eq!(s.st.files.len(), count);
}

#[test]
fn nothing_to_concatenate_is_an_error_on_the_screen() {
    let s = Inline::file_functions("mandatory: True\nquestion: x\nsubquestion: ${ pdf_concatenate([]) }\n");
    match &s.screen {
        Screen::Error { message, .. } => assert!(message.contains("no valid files to concatenate"), "{message}"),
        other => panic!("expected an error, got {other:?}"),
    }
}
