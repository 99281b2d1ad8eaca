//! A table written as an `.xlsx` workbook (what docassemble's `DALazyTableTemplate.export`
//! makes with pandas and xlsxwriter): one sheet named after the title, the header row frozen
//! (`freeze_panes`), every cell an inline string. Pure: rows in, bytes out.

use crate::{Package, Result};

/// The sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`; `Sheet1` when
/// nothing is left.
fn sheet_name(title: &str) -> String {
    let name: String = title.chars().filter(|c| !"[]:*?/\\".contains(*c) && !c.is_control()).take(31).collect();
    if name.trim().is_empty() {
        "Sheet1".to_string()
    } else {
        name
    }
}

/// Text as XML character data (control characters other than tab and newline dropped).
fn xml_text(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// `A`, `B`, … `Z`, `AA`, … for column `n` (0-based).
fn column_letters(mut n: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + u8::try_from(n % 26).unwrap_or(0)));
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    letters.iter().rev().collect()
}

fn row_xml(out: &mut String, number: usize, cells: &[String]) {
    out.push_str(&format!("<row r=\"{number}\">"));
    for (i, cell) in cells.iter().enumerate() {
        out.push_str(&format!(
            "<c r=\"{}{number}\" t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
            column_letters(i),
            xml_text(cell)
        ));
    }
    out.push_str("</row>");
}

/// The workbook of a table: `headers` in the first (frozen, when `freeze_header`) row, then
/// `rows`, on one sheet named after `title`.
pub fn write_table(title: &str, headers: &[String], rows: &[Vec<String>], freeze_header: bool) -> Result<Vec<u8>> {
    let mut sheet = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">",
    );
    if freeze_header {
        sheet.push_str("<sheetViews><sheetView workbookViewId=\"0\"><pane ySplit=\"1\" topLeftCell=\"A2\" activePane=\"bottomLeft\" state=\"frozen\"/></sheetView></sheetViews>");
    }
    sheet.push_str("<sheetData>");
    row_xml(&mut sheet, 1, headers);
    for (i, row) in rows.iter().enumerate() {
        row_xml(&mut sheet, i + 2, row);
    }
    sheet.push_str("</sheetData></worksheet>");
    let mut package = Package::default();
    package.set(
        "[Content_Types].xml",
        b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/><Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/></Types>".to_vec(),
    );
    package.set(
        "_rels/.rels",
        b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>".to_vec(),
    );
    package.set(
        "xl/workbook.xml",
        format!(
            "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets><sheet name=\"{}\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>",
            xml_text(&sheet_name(title))
        )
        .into_bytes(),
    );
    package.set(
        "xl/_rels/workbook.xml.rels",
        b"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>".to_vec(),
    );
    package.set("xl/worksheets/sheet1.xml", sheet.into_bytes());
    package.write()
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use std::io::{Cursor, Read};

    use super::*;

    #[test]
    fn columns_are_lettered_as_excel_letters_them() {
        assert_eq!([0, 25, 26, 27, 701, 702].map(column_letters), ["A", "Z", "AA", "AB", "ZZ", "AAA"]);
    }

    #[test]
    fn the_workbook_holds_the_header_and_rows_as_text() {
        let headers = vec!["Fruit Name".to_string(), "Seeds".to_string()];
        let rows = vec![vec!["orange & <lime>".to_string(), "3".to_string()], vec!["apple".to_string(), "10".to_string()]];
        let bytes = write_table("Fruit: [list]", &headers, &rows, true).unwrap();
        let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
        let mut sheet = String::new();
        zip.by_name("xl/worksheets/sheet1.xml").unwrap().read_to_string(&mut sheet).unwrap();
        let mut workbook = String::new();
        zip.by_name("xl/workbook.xml").unwrap().read_to_string(&mut workbook).unwrap();
        assert!(workbook.contains("name=\"Fruit list\""), "{workbook}");
        assert!(sheet.contains("state=\"frozen\""));
        let texts: Vec<String> = sheet.split("<t xml:space=\"preserve\">").skip(1).map(|s| s.split("</t>").next().unwrap().to_string()).collect();
        assert_eq!(texts, ["Fruit Name", "Seeds", "orange &amp; &lt;lime&gt;", "3", "apple", "10"]);
        assert!(sheet.contains("<c r=\"B3\""));
        // well-formed XML
        let mut reader = quick_xml::Reader::from_str(&sheet);
        while !matches!(reader.read_event().unwrap(), quick_xml::events::Event::Eof) {}
    }
}
