//! docxtpl's `fix_tables`: after rendering, a table whose rows (`{%tc for %}` loops) now hold
//! more cells than its `<w:tblGrid>` has columns gets extra columns (widths scaled so the
//! table keeps its width), and one with fewer gets its last columns removed (their width
//! shared among the others). As in docxtpl, a table's rows include those of tables nested in
//! it, and a grid that needs no change is left as written.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;

use crate::{DocsError, Result};

struct Table {
    /// Byte range of `<w:tblGrid>…</w:tblGrid>` and the `w:w` of each `<w:gridCol>`.
    grid: Option<(usize, usize)>,
    grid_start: Option<usize>,
    columns: Vec<Option<f64>>,
    depth: usize,
    /// (cell count, cell count with spans) of every row inside the table.
    rows: Vec<(usize, usize)>,
}

struct Row {
    depth: usize,
    cells: usize,
    spans: usize,
}

fn attribute(start: &BytesStart<'_>, name: &str) -> Option<String> {
    start.attributes().flatten().find(|a| a.key.as_ref() == name).and_then(|a| {
        a.normalized_value(quick_xml::XmlVersion::Implicit1_0).ok().map(|v| v.into_owned())
    })
}

/// Python's `str(int(x))` for a width.
fn int_text(value: f64) -> String {
    format!("{}", value.trunc() as i64)
}

/// The new grid for `table`, or `None` when docxtpl would leave it unchanged.
fn new_grid(table: &Table) -> Option<String> {
    let mut columns = table.columns.clone();
    let most_cells = table.rows.iter().map(|r| r.0).max().unwrap_or(0);
    let to_add = most_cells.saturating_sub(columns.len());
    let mut changed = false;
    if to_add > 0 {
        let width: f64 = columns.iter().flatten().sum();
        if width > 0.0 && !columns.is_empty() {
            let old_average = width / columns.len() as f64;
            let new_average = width / (columns.len() + to_add) as f64;
            for column in columns.iter_mut() {
                *column = column.map(|w| (w * new_average / old_average).trunc());
            }
            columns.extend(std::iter::repeat_n(Some(new_average.trunc()), to_add));
            changed = true;
        }
    }
    let widest = table.rows.iter().map(|r| r.1).max().unwrap_or(0);
    let to_remove = columns.len().saturating_sub(widest);
    if to_remove > 0 {
        let removed: f64 = columns[columns.len() - to_remove..].iter().flatten().sum();
        columns.truncate(columns.len() - to_remove);
        let extra = if columns.is_empty() { 0.0 } else { (removed / columns.len() as f64).trunc() };
        for column in columns.iter_mut() {
            *column = column.map(|w| (w + extra).trunc());
        }
        changed = true;
    }
    if !changed {
        return None;
    }
    let mut grid = String::from("<w:tblGrid>");
    for column in columns {
        match column {
            Some(width) => grid.push_str(&format!(r#"<w:gridCol w:w="{}"/>"#, int_text(width))),
            None => grid.push_str("<w:gridCol/>"),
        }
    }
    grid.push_str("</w:tblGrid>");
    Some(grid)
}

/// Re-balances the grid of every table in a rendered body part.
pub fn fix_tables(part: &str, xml: &str) -> Result<String> {
    if !xml.contains("<w:tbl>") && !xml.contains("<w:tbl ") {
        return Ok(xml.to_string());
    }
    let mut reader = Reader::from_str(xml);
    let mut tables: Vec<Table> = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut depth = 0usize;
    let mut replacements: Vec<(usize, usize, String)> = Vec::new();
    let error = |message: String| DocsError::Xml { part: part.to_string(), message };
    loop {
        let before = reader.buffer_position() as usize;
        let event = reader.read_event().map_err(|err| error(err.to_string()))?;
        let after = reader.buffer_position() as usize;
        match &event {
            Event::Start(start) | Event::Empty(start) => {
                let empty = matches!(event, Event::Empty(_));
                depth += 1;
                match start.name().as_ref() {
                    "w:tbl" if !empty => tables.push(Table { grid: None, grid_start: None, columns: Vec::new(), depth, rows: Vec::new() }),
                    "w:tblGrid" => {
                        if let Some(table) = tables.last_mut().filter(|t| t.depth + 1 == depth) {
                            table.grid_start = Some(before);
                            if empty {
                                table.grid = Some((before, after));
                            }
                        }
                    }
                    "w:gridCol" => {
                        if let Some(table) = tables.last_mut().filter(|t| t.depth + 2 == depth && t.grid.is_none()) {
                            table.columns.push(attribute(start, "w:w").and_then(|w| w.parse().ok()));
                        }
                    }
                    "w:tr" if !empty => rows.push(Row { depth, cells: 0, spans: 0 }),
                    "w:tc" => {
                        if let Some(row) = rows.last_mut().filter(|r| r.depth + 1 == depth) {
                            row.cells += 1;
                            row.spans += 1;
                        }
                    }
                    "w:gridSpan" => {
                        if let Some(row) = rows.last_mut().filter(|r| r.depth + 3 == depth) {
                            let span: usize = attribute(start, "w:val").and_then(|v| v.parse().ok()).unwrap_or(1);
                            row.spans = row.spans + span - 1;
                        }
                    }
                    _ => {}
                }
                if empty {
                    depth -= 1;
                }
            }
            Event::End(end) => {
                match end.name().as_ref() {
                    "w:tblGrid" => {
                        if let Some(table) = tables.last_mut().filter(|t| t.depth + 1 == depth) {
                            table.grid = table.grid_start.map(|start| (start, after));
                        }
                    }
                    "w:tr" if rows.last().is_some_and(|r| r.depth == depth) => {
                        if let Some(row) = rows.pop() {
                            for table in &mut tables {
                                table.rows.push((row.cells, row.spans));
                            }
                        }
                    }
                    "w:tbl" if tables.last().is_some_and(|t| t.depth == depth) => {
                        if let Some(table) = tables.pop() {
                            if let (Some((start, end)), Some(grid)) = (table.grid, new_grid(&table)) {
                                replacements.push((start, end, grid));
                            }
                        }
                    }
                    _ => {}
                }
                depth = depth.saturating_sub(1);
            }
            Event::Eof => break,
            _ => {}
        }
    }
    let mut out = xml.to_string();
    replacements.sort_by_key(|r| std::cmp::Reverse(r.0));
    for (start, end, grid) in replacements {
        out.replace_range(start..end, &grid);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(grid: &str, rows: &[usize]) -> String {
        let rows: String = rows
            .iter()
            .map(|cells| format!("<w:tr>{}</w:tr>", "<w:tc><w:p/></w:tc>".repeat(*cells)))
            .collect();
        format!("<w:body><w:tbl><w:tblPr/>{grid}{rows}</w:tbl></w:body>")
    }

    #[test]
    fn columns_are_added_for_wider_rows() {
        let xml = table(r#"<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="6000"/></w:tblGrid>"#, &[2, 3]);
        let fixed = fix_tables("t", &xml).unwrap_or_default();
        assert!(fixed.contains(r#"<w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="4000"/><w:gridCol w:w="3000"/></w:tblGrid>"#), "{fixed}");
    }

    #[test]
    fn surplus_columns_are_removed_and_their_width_shared() {
        let xml = table(r#"<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/><w:gridCol w:w="3001"/></w:tblGrid>"#, &[1, 1]);
        let fixed = fix_tables("t", &xml).unwrap_or_default();
        assert!(fixed.contains(r#"<w:tblGrid><w:gridCol w:w="9001"/></w:tblGrid>"#), "{fixed}");
    }

    #[test]
    fn a_matching_grid_is_left_as_written() {
        let xml = table(r#"<w:tblGrid><w:gridCol w:w="3000"/><w:gridCol w:w="3000"/></w:tblGrid>"#, &[2, 2]);
        assert_eq!(fix_tables("t", &xml).unwrap_or_default(), xml);
    }
}
