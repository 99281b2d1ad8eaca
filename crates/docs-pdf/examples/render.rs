//! Reads docassemble-flavoured Markdown from standard input and writes the PDF to standard
//! output: `cargo run --release -p docs-pdf --example render < letter.md > letter.pdf`.

use std::io::{Read, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut markdown = String::new();
    std::io::stdin().read_to_string(&mut markdown)?;
    let options = docs::ReadOptions {
        metadata: [("FooterCenter".to_string(), "Page [PAGENUM] of [TOTALPAGES]".to_string())]
            .into_iter()
            .collect(),
        ..docs::ReadOptions::default()
    };
    let doc = docs::read_markdown(&markdown, &options);
    let pdf = docs_pdf::render_pdf(&doc, &docs_pdf::PdfOptions::default())?;
    std::io::stdout().write_all(&pdf)?;
    Ok(())
}
