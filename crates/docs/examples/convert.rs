//! Converts between the formats of the document model, for trying the writers and readers by
//! hand: `convert docx < letter.md > letter.docx`, `convert rtf < letter.md > letter.rtf`,
//! `convert read < letter.docx` (the model read from a .docx, as JSON).

use std::io::{Read, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let mut input = Vec::new();
    std::io::stdin().read_to_end(&mut input)?;
    let output = match mode.as_str() {
        "docx" => docs::write_docx(&docs::read_markdown(&String::from_utf8(input)?, &Default::default()), &Default::default())?,
        "rtf" => docs::rtf::markdown_to_rtf(&String::from_utf8(input)?).into_bytes(),
        "read" => {
            let (doc, images) = docs::read_docx(&input, &docs::Limits::default())?;
            let mut names: Vec<&String> = images.keys().collect();
            names.sort();
            eprintln!("images: {names:?}");
            serde_json::to_vec_pretty(&doc)?
        }
        _ => return Err("usage: convert docx|rtf|read < input > output".into()),
    };
    std::io::stdout().write_all(&output)?;
    Ok(())
}
