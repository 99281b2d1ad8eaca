//! Formatting read from a .docx: paragraph and run properties (`w:pPr`, `w:rPr`), the style
//! sheet with `basedOn` inheritance and document defaults, and the numbering definitions that
//! say whether a numbered paragraph is a bullet or a number.

use std::collections::HashMap;

use super::tree::Element;
use crate::model::{Align, Spacing};

/// Paragraph properties; `None` leaves the inherited value.
#[derive(Debug, Clone, Default)]
pub(super) struct ParaFormat {
    pub(super) align: Option<Align>,
    pub(super) left: Option<f32>,
    pub(super) right: Option<f32>,
    pub(super) first_line: Option<f32>,
    pub(super) spacing: Option<Spacing>,
    pub(super) after: Option<f32>,
    pub(super) outline: Option<u8>,
    pub(super) numbering: Option<(String, u8)>,
    pub(super) page_break_before: Option<bool>,
    pub(super) border: Option<bool>,
    /// The kinds of the tab stops (`left`, `center`, `right`, …) by position.
    pub(super) tabs: Option<Vec<String>>,
}

/// Run properties; `None` leaves the inherited value.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct RunFormat {
    pub(super) bold: Option<bool>,
    pub(super) italic: Option<bool>,
    pub(super) underline: Option<bool>,
    pub(super) strike: Option<bool>,
    pub(super) superscript: Option<bool>,
    pub(super) subscript: Option<bool>,
    pub(super) size: Option<f32>,
    pub(super) code: Option<bool>,
    pub(super) hidden: Option<bool>,
}

fn over<T: Clone>(base: &mut Option<T>, top: &Option<T>) {
    if top.is_some() {
        base.clone_from(top);
    }
}

impl ParaFormat {
    /// Applies `top` over `self`.
    pub(super) fn overlay(&mut self, top: &ParaFormat) {
        over(&mut self.align, &top.align);
        over(&mut self.left, &top.left);
        over(&mut self.right, &top.right);
        over(&mut self.first_line, &top.first_line);
        over(&mut self.spacing, &top.spacing);
        over(&mut self.after, &top.after);
        over(&mut self.outline, &top.outline);
        over(&mut self.numbering, &top.numbering);
        over(&mut self.page_break_before, &top.page_break_before);
        over(&mut self.border, &top.border);
        over(&mut self.tabs, &top.tabs);
    }
}

impl RunFormat {
    /// Applies `top` over `self`.
    pub(super) fn overlay(&mut self, top: &RunFormat) {
        over(&mut self.bold, &top.bold);
        over(&mut self.italic, &top.italic);
        over(&mut self.underline, &top.underline);
        over(&mut self.strike, &top.strike);
        over(&mut self.superscript, &top.superscript);
        over(&mut self.subscript, &top.subscript);
        over(&mut self.size, &top.size);
        over(&mut self.code, &top.code);
        over(&mut self.hidden, &top.hidden);
    }
}

/// A toggle property: present and not `0`/`false`/`off`.
fn toggle(element: &Element) -> bool {
    element.val().is_none_or(|value| !matches!(value, "0" | "false" | "off"))
}

/// Points from a twips attribute.
fn points(element: &Element, name: &str) -> Option<f32> {
    element.attr(name).and_then(|value| value.trim().parse::<f32>().ok()).filter(|v| v.is_finite()).map(|twips| twips / 20.0)
}

/// Reads a `w:pPr`.
pub(super) fn para_format(ppr: &Element) -> ParaFormat {
    let mut format = ParaFormat::default();
    for element in ppr.elements() {
        match element.local() {
            "jc" => {
                format.align = Some(match element.val().unwrap_or("") {
                    "center" => Align::Center,
                    "right" | "end" => Align::Right,
                    _ => Align::Left,
                });
            }
            "ind" => {
                format.left = points(element, "left").or_else(|| points(element, "start")).or(format.left);
                format.right = points(element, "right").or_else(|| points(element, "end")).or(format.right);
                if let Some(hanging) = points(element, "hanging") {
                    format.first_line = Some(if hanging == 0.0 { 0.0 } else { -hanging });
                } else if let Some(first) = points(element, "firstLine") {
                    format.first_line = Some(first);
                }
            }
            "spacing" => {
                format.after = points(element, "after").map(|after| after.max(0.0)).or(format.after);
                let rule = element.attr("lineRule").unwrap_or("auto");
                if let Some(line) = element.attr("line").and_then(|v| v.parse::<f32>().ok()) {
                    format.spacing = Some(if rule == "auto" {
                        match line / 240.0 {
                            r if r < 1.25 => Spacing::Single,
                            r if r < 1.75 => Spacing::OneAndHalf,
                            r if r < 2.5 => Spacing::Double,
                            _ => Spacing::Triple,
                        }
                    } else {
                        Spacing::Single
                    });
                }
            }
            "outlineLvl" => format.outline = element.val().and_then(|v| v.parse().ok()),
            "numPr" => {
                let id = element.child("numId").and_then(Element::val).unwrap_or("0").to_string();
                let level = element.child("ilvl").and_then(Element::val).and_then(|v| v.parse().ok()).unwrap_or(0u8);
                format.numbering = Some((id, level.min(8)));
            }
            "tabs" => {
                let mut stops: Vec<(i64, String)> = element
                    .children_named("tab")
                    .filter_map(|tab| {
                        let kind = tab.val()?;
                        let position = tab.attr("pos")?.parse::<i64>().ok()?;
                        (kind != "clear").then(|| (position, kind.to_string()))
                    })
                    .collect();
                stops.sort_by_key(|(position, _)| *position);
                format.tabs = Some(stops.into_iter().map(|(_, kind)| kind).collect());
            }
            "pageBreakBefore" => format.page_break_before = Some(toggle(element)),
            "pBdr" => format.border = Some(element.elements().any(|side| side.val().is_some_and(|v| v != "none" && v != "nil"))),
            _ => {}
        }
    }
    format
}

/// Reads a `w:rPr`.
pub(super) fn run_format(rpr: &Element) -> RunFormat {
    let mut format = RunFormat::default();
    for element in rpr.elements() {
        match element.local() {
            "b" => format.bold = Some(toggle(element)),
            "i" => format.italic = Some(toggle(element)),
            "u" => format.underline = Some(element.val().is_none_or(|v| v != "none")),
            "strike" | "dstrike" => format.strike = Some(toggle(element)),
            "vanish" => format.hidden = Some(toggle(element)),
            "vertAlign" => {
                let value = element.val().unwrap_or("baseline");
                format.superscript = Some(value == "superscript");
                format.subscript = Some(value == "subscript");
            }
            "sz" => {
                format.size = element.val().and_then(|v| v.parse::<f32>().ok()).filter(|v| v.is_finite() && *v > 0.0).map(|half| half / 2.0);
            }
            "rFonts" => {
                let font = element.attr("ascii").or_else(|| element.attr("hAnsi")).unwrap_or("");
                if !font.is_empty() {
                    format.code = Some(font.contains("Courier") || font.contains("Mono") || font.contains("Consolas"));
                }
            }
            _ => {}
        }
    }
    format
}

/// One style of the sheet.
#[derive(Debug, Clone, Default)]
struct StyleDef {
    name: String,
    based_on: Option<String>,
    para: ParaFormat,
    run: RunFormat,
}

/// The style sheet.
#[derive(Debug, Clone, Default)]
pub(super) struct Styles {
    defs: HashMap<String, StyleDef>,
    pub(super) default_paragraph: Option<String>,
    defaults_para: ParaFormat,
    defaults_run: RunFormat,
}

impl Styles {
    /// Reads `styles.xml`.
    pub(super) fn read(root: &Element) -> Styles {
        let mut styles = Styles::default();
        if let Some(defaults) = root.child("docDefaults") {
            if let Some(ppr) = defaults.child("pPrDefault").and_then(|d| d.child("pPr")) {
                styles.defaults_para = para_format(ppr);
            }
            if let Some(rpr) = defaults.child("rPrDefault").and_then(|d| d.child("rPr")) {
                styles.defaults_run = run_format(rpr);
            }
        }
        for style in root.children_named("style") {
            let Some(id) = style.attr("styleId") else { continue };
            let kind = style.attr("type").unwrap_or("paragraph");
            if kind == "paragraph" && style.attr("default").is_some_and(|v| v == "1" || v == "true") {
                styles.default_paragraph = Some(id.to_string());
            }
            let def = StyleDef {
                name: style.child("name").and_then(Element::val).unwrap_or(id).to_string(),
                based_on: style.child("basedOn").and_then(Element::val).map(str::to_string),
                para: style.child("pPr").map(para_format).unwrap_or_default(),
                run: style.child("rPr").map(run_format).unwrap_or_default(),
            };
            styles.defs.insert(id.to_string(), def);
        }
        styles
    }

    /// The formats of a style with its `basedOn` chain (at most 32 steps), over the defaults.
    pub(super) fn resolve(&self, id: Option<&str>) -> (ParaFormat, RunFormat) {
        let mut chain: Vec<&StyleDef> = Vec::new();
        let mut next = id;
        while let Some(id) = next {
            if chain.len() >= 32 {
                break;
            }
            let Some(def) = self.defs.get(id) else { break };
            chain.push(def);
            next = def.based_on.as_deref();
        }
        let mut para = self.defaults_para.clone();
        let mut run = self.defaults_run;
        for def in chain.iter().rev() {
            para.overlay(&def.para);
            run.overlay(&def.run);
        }
        (para, run)
    }

    /// The run format of a character style (without the defaults).
    pub(super) fn character(&self, id: &str) -> RunFormat {
        let mut chain: Vec<&StyleDef> = Vec::new();
        let mut next = Some(id);
        while let Some(id) = next {
            let Some(def) = self.defs.get(id).filter(|_| chain.len() < 32) else { break };
            chain.push(def);
            next = def.based_on.as_deref();
        }
        let mut run = RunFormat::default();
        for def in chain.iter().rev() {
            run.overlay(&def.run);
        }
        run
    }

    /// The heading level of a paragraph style: `heading N` / `HeadingN`, or `Title` as 1.
    pub(super) fn heading_level(&self, id: &str) -> Option<u8> {
        let name = self.defs.get(id).map_or(id, |def| def.name.as_str()).to_ascii_lowercase();
        if name == "title" {
            return Some(1);
        }
        let digits = name.strip_prefix("heading")?.trim();
        digits.parse::<u8>().ok().filter(|level| (1..=9).contains(level)).map(|level| level.min(6))
    }
}

/// The numbering definitions: instance → (abstract levels, start overrides).
#[derive(Debug, Clone, Default)]
pub(super) struct Numbering {
    /// numId → (abstractNumId, level → start override).
    instances: HashMap<String, (String, HashMap<u8, u64>)>,
    /// abstractNumId → level → (format, start).
    abstracts: HashMap<String, HashMap<u8, (String, u64)>>,
}

impl Numbering {
    /// Reads `numbering.xml`.
    pub(super) fn read(root: &Element) -> Numbering {
        let mut numbering = Numbering::default();
        for abstract_num in root.children_named("abstractNum") {
            let Some(id) = abstract_num.attr("abstractNumId") else { continue };
            let mut levels = HashMap::new();
            for level in abstract_num.children_named("lvl") {
                let Some(index) = level.attr("ilvl").and_then(|v| v.parse::<u8>().ok()) else { continue };
                let format = level.child("numFmt").and_then(Element::val).unwrap_or("decimal").to_string();
                let start = level.child("start").and_then(Element::val).and_then(|v| v.parse().ok()).unwrap_or(1);
                levels.insert(index, (format, start));
            }
            numbering.abstracts.insert(id.to_string(), levels);
        }
        for num in root.children_named("num") {
            let Some(id) = num.attr("numId") else { continue };
            let Some(abstract_id) = num.child("abstractNumId").and_then(Element::val) else { continue };
            let mut starts = HashMap::new();
            for level_override in num.children_named("lvlOverride") {
                let level = level_override.attr("ilvl").and_then(|v| v.parse::<u8>().ok());
                let start = level_override.child("startOverride").and_then(Element::val).and_then(|v| v.parse::<u64>().ok());
                if let (Some(level), Some(start)) = (level, start) {
                    starts.insert(level, start);
                }
            }
            numbering.instances.insert(id.to_string(), (abstract_id.to_string(), starts));
        }
        numbering
    }

    /// Whether a paragraph numbered `num_id` at `level` is a list item: (ordered, start).
    pub(super) fn kind(&self, num_id: &str, level: u8) -> Option<(bool, u64)> {
        if num_id == "0" {
            return None;
        }
        let (abstract_id, starts) = self.instances.get(num_id)?;
        let (format, start) = self.abstracts.get(abstract_id).and_then(|levels| levels.get(&level)).cloned().unwrap_or_else(|| ("decimal".to_string(), 1));
        match format.as_str() {
            "none" => None,
            "bullet" => Some((false, 1)),
            _ => Some((true, starts.get(&level).copied().unwrap_or(start))),
        }
    }
}
