//! Appearance streams for filled text and choice fields: the value drawn with the field's
//! default appearance (`/DA` font, size and colour; Helvetica when the form names no font),
//! on one line, wrapped for multi-line fields, or spread over the cells of a comb field, and
//! aligned by `/Q`.

use lopdf::{dictionary, Dictionary, Object, Stream};

/// Widths of Helvetica's printable ASCII glyphs (32–126), in 1/1000 em.
const HELVETICA_WIDTHS: [u16; 95] = [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556,
    556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722, 722, 667,
    611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667,
    667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500,
    222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

const MULTILINE: i64 = 1 << 12;
const PASSWORD: i64 = 1 << 13;
const COMB: i64 = 1 << 24;

/// The parts of a default-appearance string that matter here.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DefaultAppearance {
    /// The font resource name (without the slash).
    pub font: String,
    /// The font size; 0 means "fit the field".
    pub size: f64,
    /// The other operators (colour), kept as written.
    pub rest: String,
}

/// Parses `/Helv 0 Tf 0 g`. A string without `Tf` gives Helvetica, auto size.
pub(crate) fn parse_da(da: &str) -> DefaultAppearance {
    let tokens: Vec<&str> = da.split_whitespace().collect();
    let mut parsed = DefaultAppearance { font: "Helv".to_string(), size: 0.0, rest: String::new() };
    let mut rest = Vec::new();
    let mut index = 0;
    while index < tokens.len() {
        if tokens.get(index + 2) == Some(&"Tf") && tokens[index].starts_with('/') {
            parsed.font = tokens[index][1..].to_string();
            parsed.size = tokens[index + 1].parse().unwrap_or(0.0);
            index += 3;
        } else {
            rest.push(tokens[index]);
            index += 1;
        }
    }
    parsed.rest = rest.join(" ");
    parsed
}

/// The WinAnsiEncoding byte of `ch` ('?' when it has none).
fn win_ansi(ch: char) -> u8 {
    match ch as u32 {
        code @ (0x20..=0x7E | 0xA0..=0xFF) => code as u8,
        _ => match ch {
            '€' => 0x80,
            '…' => 0x85,
            '‘' => 0x91,
            '’' => 0x92,
            '“' => 0x93,
            '”' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            _ => b'?',
        },
    }
}

fn glyph_width(byte: u8) -> f64 {
    match byte {
        32..=126 => f64::from(HELVETICA_WIDTHS[usize::from(byte - 32)]),
        _ => 556.0,
    }
}

fn text_width(bytes: &[u8], size: f64) -> f64 {
    bytes.iter().map(|byte| glyph_width(*byte)).sum::<f64>() * size / 1000.0
}

/// A literal string operand for `bytes`.
fn literal(bytes: &[u8]) -> String {
    let mut out = String::from("(");
    for byte in bytes {
        match byte {
            b'(' | b')' | b'\\' => {
                out.push('\\');
                out.push(char::from(*byte));
            }
            32..=126 => out.push(char::from(*byte)),
            other => out.push_str(&format!("\\{other:03o}")),
        }
    }
    out.push(')');
    out
}

/// Breaks `bytes` into lines no wider than `width` (at spaces where possible; at explicit
/// newlines always).
fn wrap(text: &str, width: f64, size: f64) -> Vec<Vec<u8>> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line: Vec<u8> = Vec::new();
        for word in paragraph.split(' ') {
            let word: Vec<u8> = word.chars().map(win_ansi).collect();
            let candidate_width = text_width(&line, size) + text_width(b" ", size) + text_width(&word, size);
            if !line.is_empty() && candidate_width > width {
                lines.push(std::mem::take(&mut line));
            } else if !line.is_empty() {
                line.push(b' ');
            }
            line.extend(word);
        }
        lines.push(line);
    }
    lines
}

fn number(value: f64) -> String {
    let rounded = (value * 1000.0).round() / 1000.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded}")
    }
}

/// Everything the appearance of one widget depends on.
pub(crate) struct TextField<'a> {
    pub value: &'a str,
    pub width: f64,
    pub height: f64,
    pub da: DefaultAppearance,
    pub flags: i64,
    pub quadding: i64,
    pub max_len: Option<i64>,
    /// The font resource to use (from the form's `/DR`), or `None` for built-in Helvetica.
    pub font: Option<Object>,
}

/// The normal appearance stream of a text field showing `field.value`.
pub(crate) fn text_appearance(field: &TextField<'_>) -> Stream {
    let (width, height) = (field.width.max(1.0), field.height.max(1.0));
    let multiline = field.flags & MULTILINE != 0;
    let shown = if field.flags & PASSWORD != 0 { "*".repeat(field.value.chars().count()) } else { field.value.replace("\r\n", "\n") };
    let mut size = field.da.size;
    let inner_width = width - 4.0;
    if size <= 0.0 {
        size = if multiline { 12.0 } else { ((height - 2.0) * 0.75).clamp(4.0, 12.0) };
        if !multiline {
            let bytes: Vec<u8> = shown.chars().map(win_ansi).collect();
            let natural = text_width(&bytes, size);
            if natural > inner_width && natural > 0.0 {
                size = (size * inner_width / natural).max(4.0);
            }
        }
    }
    let mut content = format!(
        "/Tx BMC\nq\n1 1 {} {} re W n\nBT\n/{} {} Tf {}\n",
        number(width - 2.0),
        number(height - 2.0),
        field.da.font,
        number(size),
        field.da.rest
    );
    let comb = field.flags & COMB != 0 && !multiline;
    if let (true, Some(max_len)) = (comb, field.max_len.filter(|len| *len > 0)) {
        let cell = width / max_len as f64;
        let y = (height - size) / 2.0 + size * 0.22;
        let mut x_prev = 0.0;
        for (index, ch) in shown.chars().take(max_len as usize).enumerate() {
            let byte = win_ansi(ch);
            let x = cell * index as f64 + (cell - text_width(&[byte], size)) / 2.0;
            content.push_str(&format!("{} {} Td {} Tj\n", number(x - x_prev), if index == 0 { number(y) } else { "0".to_string() }, literal(&[byte])));
            x_prev = x;
        }
    } else {
        let lines = if multiline { wrap(&shown, inner_width, size) } else { vec![shown.chars().filter(|c| *c != '\n').map(win_ansi).collect()] };
        let leading = size * 1.15;
        let first_y = if multiline { height - 2.0 - size * 0.9 } else { (height - size) / 2.0 + size * 0.22 };
        let (mut x_prev, mut y_prev) = (0.0, 0.0);
        for (index, line) in lines.iter().enumerate() {
            let line_width = text_width(line, size);
            let x = match field.quadding {
                1 => (width - line_width) / 2.0,
                2 => width - 2.0 - line_width,
                _ => 2.0,
            };
            let y = first_y - leading * index as f64;
            content.push_str(&format!("{} {} Td {} Tj\n", number(x - x_prev), number(y - y_prev), literal(line)));
            (x_prev, y_prev) = (x, y);
        }
    }
    content.push_str("ET\nQ\nEMC\n");
    let font = field.font.clone().unwrap_or_else(|| {
        Object::Dictionary(dictionary! {
            "Type" => "Font",
            "Subtype" => "Type1",
            "BaseFont" => "Helvetica",
            "Encoding" => "WinAnsiEncoding",
        })
    });
    let mut fonts = Dictionary::new();
    fonts.set(field.da.font.as_bytes().to_vec(), font);
    let dict = dictionary! {
        "Type" => "XObject",
        "Subtype" => "Form",
        "BBox" => vec![0.into(), 0.into(), Object::Real(width as f32), Object::Real(height as f32)],
        "Resources" => dictionary! { "Font" => fonts },
    };
    Stream::new(dict, content.into_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn default_appearance_is_parsed() {
        let da = parse_da("/Helv 0 Tf 0 g");
        assert_eq!(da, DefaultAppearance { font: "Helv".into(), size: 0.0, rest: "0 g".into() });
        assert_eq!(parse_da("0 0 1 rg /TiRo 10 Tf").size, 10.0);
    }

    #[test]
    fn appearance_shows_the_value_escaped() {
        let field = TextField {
            value: "Fish (and chips)",
            width: 200.0,
            height: 20.0,
            da: parse_da("/Helv 10 Tf 0 g"),
            flags: 0,
            quadding: 0,
            max_len: None,
            font: None,
        };
        let stream = text_appearance(&field);
        let content = String::from_utf8_lossy(&stream.content);
        assert!(content.contains("(Fish \\(and chips\\)) Tj"), "{content}");
        assert!(content.contains("/Helv 10 Tf 0 g"), "{content}");
    }

    #[test]
    fn multiline_values_wrap() {
        let lines = wrap("one two three four five six seven eight nine ten", 60.0, 10.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|line| text_width(line, 10.0) <= 60.0 || !line.contains(&b' ')));
    }
}
