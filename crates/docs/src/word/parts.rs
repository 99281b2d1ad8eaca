//! The fixed parts of a written .docx: the built-in style sheet (Times, the headings, header
//! and footer, hyperlinks), the numbering definitions for bullets and numbered lists, the
//! settings, the package relationships and `[Content_Types].xml`.

use std::fmt::Write as _;

use super::W_NS;

/// The paragraph styles the body refers to; a reference document is expected to define them
/// (Word falls back to Normal for any it lacks).
pub(crate) fn heading_style(level: u8) -> String {
    format!("Heading{}", level.clamp(1, 9))
}

/// The built-in style sheet, for a body type size in points.
pub(crate) fn styles(font_size: f32) -> String {
    let size = (font_size * 2.0).round().max(2.0) as i64;
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"{W_NS}\">\
<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" \
w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:sz w:val=\"{size}\"/><w:szCs w:val=\"{size}\"/>\
<w:lang w:val=\"en-US\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr/></w:pPrDefault></w:docDefaults>\
<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
    );
    let heading_sizes = [1.5, 1.25, 1.1, 1.0, 1.0, 1.0];
    for (index, factor) in heading_sizes.iter().enumerate() {
        let level = index + 1;
        let heading_size = (size as f64 * factor).round() as i64;
        let italic = if level >= 4 { "<w:i/>" } else { "" };
        let _ = write!(
            out,
            "<w:style w:type=\"paragraph\" w:styleId=\"Heading{level}\"><w:name w:val=\"heading {level}\"/>\
<w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/><w:pPr><w:keepNext/><w:keepLines/>\
<w:spacing w:before=\"240\" w:after=\"120\"/><w:outlineLvl w:val=\"{index}\"/></w:pPr><w:rPr><w:b/>{italic}\
<w:sz w:val=\"{heading_size}\"/><w:szCs w:val=\"{heading_size}\"/></w:rPr></w:style>"
        );
    }
    out.push_str(
        "<w:style w:type=\"paragraph\" w:styleId=\"Header\"><w:name w:val=\"header\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:tabs><w:tab w:val=\"center\" w:pos=\"4680\"/><w:tab w:val=\"right\" w:pos=\"9360\"/></w:tabs></w:pPr></w:style>\
<w:style w:type=\"paragraph\" w:styleId=\"Footer\"><w:name w:val=\"footer\"/><w:basedOn w:val=\"Normal\"/>\
<w:pPr><w:tabs><w:tab w:val=\"center\" w:pos=\"4680\"/><w:tab w:val=\"right\" w:pos=\"9360\"/></w:tabs></w:pPr></w:style>\
<w:style w:type=\"character\" w:default=\"1\" w:styleId=\"DefaultParagraphFont\"><w:name w:val=\"Default Paragraph Font\"/></w:style>\
<w:style w:type=\"character\" w:styleId=\"Hyperlink\"><w:name w:val=\"Hyperlink\"/><w:basedOn w:val=\"DefaultParagraphFont\"/>\
<w:rPr><w:color w:val=\"0563C1\"/><w:u w:val=\"single\"/></w:rPr></w:style>\
<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:tblPr>\
<w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/>\
<w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style></w:styles>",
    );
    out
}

/// One numbering instance: its id, the abstract definition (0 bullets, 1 numbers) and the
/// level it restarts at `start` (numbered lists only).
#[derive(Debug, Clone, Copy)]
pub(crate) struct NumberingInstance {
    pub(crate) id: u32,
    pub(crate) ordered: bool,
    pub(crate) level: u8,
    pub(crate) start: u64,
}

const BULLETS: [&str; 3] = ["\u{2022}", "\u{25E6}", "\u{25AA}"];
const NUMBER_FORMATS: [(&str, &str); 3] = [("decimal", "."), ("lowerLetter", "."), ("lowerRoman", ".")];

/// `numbering.xml`: a bullet definition, a numbered definition, and the instances.
pub(crate) fn numbering(instances: &[NumberingInstance]) -> String {
    let mut out = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"{W_NS}\">"
    );
    for ordered in [false, true] {
        let _ = write!(
            out,
            "<w:abstractNum w:abstractNumId=\"{}\"><w:multiLevelType w:val=\"multilevel\"/>",
            u8::from(ordered)
        );
        for level in 0..9usize {
            let (format, text) = if ordered {
                let (format, suffix) = NUMBER_FORMATS[level % 3];
                (format, format!("%{}{suffix}", level + 1))
            } else {
                ("bullet", BULLETS[level % 3].to_string())
            };
            let left = 720 * (level + 1);
            let _ = write!(
                out,
                "<w:lvl w:ilvl=\"{level}\"><w:start w:val=\"1\"/><w:numFmt w:val=\"{format}\"/>\
<w:lvlText w:val=\"{text}\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"{left}\" w:hanging=\"360\"/></w:pPr></w:lvl>"
            );
        }
        out.push_str("</w:abstractNum>");
    }
    for instance in instances {
        let _ = write!(out, "<w:num w:numId=\"{}\"><w:abstractNumId w:val=\"{}\"/>", instance.id, u8::from(instance.ordered));
        if instance.ordered {
            let _ = write!(
                out,
                "<w:lvlOverride w:ilvl=\"{}\"><w:startOverride w:val=\"{}\"/></w:lvlOverride>",
                instance.level,
                instance.start.min(i32::MAX as u64)
            );
        }
        out.push_str("</w:num>");
    }
    out.push_str("</w:numbering>");
    out
}

/// `settings.xml`: half-inch default tabs, Word 2013+ compatibility, fields refreshed on open
/// (page numbers need no refresh; a reference table of contents would).
pub(crate) fn settings() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"{W_NS}\">\
<w:defaultTabStop w:val=\"720\"/><w:characterSpacingControl w:val=\"doNotCompress\"/><w:compat>\
<w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/>\
</w:compat></w:settings>"
    )
}

/// `_rels/.rels`: the main document.
pub(crate) fn package_rels() -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships \
xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" \
Type=\"{}/officeDocument\" Target=\"word/document.xml\"/></Relationships>",
        super::REL_TYPE
    )
}

/// `[Content_Types].xml` for the parts written: `overrides` are (part name, content type),
/// `defaults` (extension, content type) for media.
pub(crate) fn content_types(overrides: &[(String, &str)], defaults: &[(&str, &str)]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types \
xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>",
    );
    for (extension, content_type) in defaults {
        let _ = write!(out, "<Default Extension=\"{extension}\" ContentType=\"{content_type}\"/>");
    }
    for (name, content_type) in overrides {
        let _ = write!(out, "<Override PartName=\"/{name}\" ContentType=\"{content_type}\"/>");
    }
    out.push_str("</Types>");
    out
}

/// Content types of the WordprocessingML parts.
pub(crate) mod types {
    pub(crate) const DOCUMENT: &str =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
    pub(crate) const STYLES: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";
    pub(crate) const NUMBERING: &str =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml";
    pub(crate) const SETTINGS: &str =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml";
    pub(crate) const HEADER: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml";
    pub(crate) const FOOTER: &str = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml";
    pub(crate) const THEME: &str = "application/vnd.openxmlformats-officedocument.theme+xml";
    pub(crate) const FONT_TABLE: &str =
        "application/vnd.openxmlformats-officedocument.wordprocessingml.fontTable+xml";
}
