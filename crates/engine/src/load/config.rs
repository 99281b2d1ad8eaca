//! Interview-wide (non-appending) blocks: metadata, features, sections, terms, …

use indexmap::IndexMap;

use super::block::{parse_help, parse_terms, KNOWN_BLOCK_KEYS};
use super::cx::{get, key_list, Cx, R};
use super::Sources;
use crate::model::*;
use crate::reference::InterviewRef;
use crate::yaml::{Node, Value};

pub(crate) fn empty_interview(reference: InterviewRef) -> Interview {
    Interview {
        reference,
        blocks: Vec::new(),
        metadata: Metadata::default(),
        features: Features::default(),
        default_screen_parts: IndexMap::new(),
        default_validation_messages: IndexMap::new(),
        sections: Vec::new(),
        sections_by_language: IndexMap::new(),
        sections_progressive: true,
        sections_auto_open: false,
        terms: Vec::new(),
        auto_terms: Vec::new(),
        interview_help: Vec::new(),
        defs: IndexMap::new(),
        modules: Vec::new(),
        imports: Vec::new(),
        reset: Vec::new(),
        images: IndexMap::new(),
        image_files: IndexMap::new(),
        on_change: Vec::new(),
        default_language: None,
        other_config: Vec::new(),
        attachment_options: crate::attach::AttachmentOptions::default(),
        orders: Vec::new(),
        index: VariableIndex::default(),
        files: Vec::new(),
        run_data: std::sync::Arc::default(),
        static_texts: std::sync::Arc::default(),
        revision: 0,
    }
}

/// Applies one configuration block.
pub(crate) fn apply(
    cx: &mut Cx<'_>,
    iv: &mut Interview,
    _sources: &dyn Sources,
    file_ref: &InterviewRef,
    node: &Node,
    keys: &[(String, &Node, &Node)],
    file_language: Option<&str>,
) -> R<()> {
    let mut understood = false;
    let language: Option<String> = match get(keys, "language") {
        Some(l) => Some(cx.string(l, "language")?.trim().to_string()),
        None => file_language.map(str::to_string),
    };
    if let Some(m) = get(keys, "metadata") {
        understood = true;
        merge_metadata(cx, &mut iv.metadata, m)?;
    }
    if let Some(f) = get(keys, "features") {
        understood = true;
        merge_features(cx, &mut iv.features, f)?;
    }
    if let Some(d) = get(keys, "default screen parts") {
        understood = true;
        merge_texts(cx, &mut iv.default_screen_parts, d, "default screen parts")?;
    }
    if let Some(d) = get(keys, "default validation messages") {
        understood = true;
        merge_texts(
            cx,
            &mut iv.default_validation_messages,
            d,
            "default validation messages",
        )?;
    }
    if let Some(s) = get(keys, "sections") {
        understood = true;
        let sections = parse_sections(cx, s, 0)?;
        match &language {
            Some(l) => {
                iv.sections_by_language.insert(l.clone(), sections);
            }
            None => iv.sections = sections,
        }
        if let Some(p) = get(keys, "progressive") {
            iv.sections_progressive = cx.boolean(p, "progressive");
        }
        if let Some(a) = get(keys, "auto open") {
            iv.sections_auto_open = cx.boolean(a, "auto open");
        }
    }
    understood |= apply_help_and_terms(cx, iv, keys, &language)?;
    if let Some(d) = get(keys, "def") {
        understood = true;
        let name = cx.string(d, "def")?.trim().to_string();
        let Some(m) = get(keys, "mako") else {
            return Err(cx.err(d.line, "a 'def' block needs 'mako'"));
        };
        iv.defs.insert(name, cx.text(m, "mako")?);
    }
    if let Some(m) = get(keys, "modules") {
        understood = true;
        iv.modules.extend(
            cx.strings(m, "modules")?
                .into_iter()
                .map(|s| s.trim().to_string()),
        );
    }
    if let Some(m) = get(keys, "imports") {
        understood = true;
        iv.imports.extend(
            cx.strings(m, "imports")?
                .into_iter()
                .map(|s| s.trim().to_string()),
        );
    }
    if let Some(r) = get(keys, "reset") {
        understood = true;
        iv.reset.extend(cx.var_list(r, "reset")?);
    }
    understood |= apply_images(cx, iv, file_ref, keys)?;
    if let Some(o) = get(keys, "on change") {
        understood = true;
        apply_on_change(cx, iv, o)?;
    }
    if let Some(o) = get(keys, "order") {
        understood = true;
        let ids = cx
            .strings(o, "order")?
            .into_iter()
            .map(|s| s.trim().to_string())
            .collect();
        iv.orders.push(ids);
        // also kept raw, where the runtime reads it
        iv.other_config.push(("order".to_string(), o.clone()));
    }
    if let Some(l) = get(keys, "default language") {
        understood = true;
        iv.default_language = Some(cx.string(l, "default language")?.trim().to_string());
    }
    for k in [
        "translations",
        "attachment options",
        "machine learning storage",
        "default role",
        "progressive",
        "auto open",
    ] {
        if let Some(v) = get(keys, k) {
            understood = true;
            if k == "attachment options" {
                super::attachment::interview_options(cx, v, &mut iv.attachment_options)?;
            }
            iv.other_config.push((k.to_string(), v.clone()));
        }
    }
    if get(keys, "language").is_some() || get(keys, "comment").is_some() {
        understood = true;
    }
    if !understood {
        return Err(cx.err(
            node.line,
            format!(
                "no block type could be determined (keys: {})",
                key_list(keys)
            ),
        ));
    }
    for (k, kn, _) in keys {
        if !KNOWN_BLOCK_KEYS.contains(&k.as_str()) {
            cx.warn(kn.line, format!("unknown key '{k}'"));
        }
    }
    Ok(())
}

/// `images` and `image sets`: the names kept for `:name:` references and their files.
/// True if the block has either key.
fn apply_images(cx: &mut Cx<'_>, iv: &mut Interview, file_ref: &InterviewRef, keys: &[(String, &Node, &Node)]) -> R<bool> {
    let mut understood = false;
    for k in ["image sets", "images"] {
        if let Some(i) = get(keys, k) {
            understood = true;
            for (name, v) in i.as_map().unwrap_or(&[]) {
                iv.images
                    .insert(name.scalar_text().unwrap_or_default(), v.clone());
            }
        }
    }
    if let Some(i) = get(keys, "images") {
        for (name, v) in i.as_map().unwrap_or(&[]) {
            if let (Some(name), Some(file)) = (name.scalar_text(), v.scalar_text()) {
                let image = Image {
                    file,
                    package: file_ref.package.clone(),
                    attribution: None,
                };
                iv.image_files.insert(name, image);
            }
        }
    }
    if let Some(sets) = get(keys, "image sets") {
        for (_, set) in sets.as_map().unwrap_or(&[]) {
            let attribution = match set.get("attribution") {
                Some(a) => Some(cx.text(a, "attribution")?),
                None => None,
            };
            for (name, v) in set.get("images").and_then(Node::as_map).unwrap_or(&[]) {
                if let (Some(name), Some(file)) = (name.scalar_text(), v.scalar_text()) {
                    let attribution = match &attribution {
                        Some(a) => {
                            Some(cx.text_from(a.source().to_string(), set, "attribution")?)
                        }
                        None => None,
                    };
                    let image = Image {
                        file,
                        package: file_ref.package.clone(),
                        attribution,
                    };
                    iv.image_files.insert(name, image);
                }
            }
        }
    }
    Ok(understood)
}

/// `interview help`, `terms` and `auto terms`, in the block's language. True if the block
/// has any of them.
fn apply_help_and_terms(
    cx: &mut Cx<'_>,
    iv: &mut Interview,
    keys: &[(String, &Node, &Node)],
    language: &Option<String>,
) -> R<bool> {
    let mut understood = false;
    if let Some(h) = get(keys, "interview help") {
        understood = true;
        let mut help = parse_help(cx, h)?;
        help.language = language.clone();
        iv.interview_help.push(help);
    }
    if let Some(t) = get(keys, "terms") {
        understood = true;
        let terms = parse_terms(cx, t)?;
        iv.terms.extend(terms.into_iter().map(|mut t| {
            t.language = language.clone();
            t
        }));
    }
    if let Some(t) = get(keys, "auto terms") {
        understood = true;
        let terms = parse_terms(cx, t)?;
        iv.auto_terms.extend(terms.into_iter().map(|mut t| {
            t.language = language.clone();
            t
        }));
    }
    Ok(understood)
}

/// `on change`: code run when a variable changes.
fn apply_on_change(cx: &mut Cx<'_>, iv: &mut Interview, o: &Node) -> R<()> {
    let Some(m) = o.as_map() else {
        return Err(cx.err(
            o.line,
            "'on change' must be a dictionary of 'variable: code'",
        ));
    };
    for (k, v) in m {
        let var = cx.var(k, "on change")?;
        let (code, _) = cx.code(v, "on change")?;
        iv.on_change.push((var.name, code));
    }
    Ok(())
}

fn merge_metadata(cx: &mut Cx<'_>, md: &mut Metadata, m: &Node) -> R<()> {
    let Some(entries) = m.as_map() else {
        if m.is_null() {
            return Ok(());
        }
        return Err(cx.err(m.line, "'metadata' must be a dictionary"));
    };
    for (k, v) in entries {
        let key = k.scalar_text().unwrap_or_default().trim().to_lowercase();
        match (md.raw.get_mut(&key), &v.value) {
            (
                Some(Node {
                    value: Value::Map(old),
                    ..
                }),
                Value::Map(new),
            ) => {
                for (nk, nv) in new {
                    if let Some(slot) = old.iter_mut().find(|(ok, _)| ok.value == nk.value) {
                        slot.1 = nv.clone();
                    } else {
                        old.push((nk.clone(), nv.clone()));
                    }
                }
            }
            _ => {
                md.raw.insert(key.clone(), v.clone());
            }
        }
        if v.as_str().is_some() {
            match cx.text(v, &key) {
                Ok(t) => {
                    md.texts.insert(key.clone(), t);
                }
                Err(_) => {
                    md.texts.shift_remove(&key);
                }
            }
        } else {
            md.texts.shift_remove(&key);
        }
        let text = || v.scalar_text();
        match key.as_str() {
            "title" => md.title = text(),
            "short title" => md.short_title = text(),
            "tab title" => md.tab_title = text(),
            "subtitle" => md.subtitle = text(),
            "exit url" => md.exit_url = text(),
            "exit label" => md.exit_label = text(),
            "exit link" => md.exit_link = text(),
            "unlisted" => md.unlisted = cx.boolean(v, "unlisted"),
            _ => {}
        }
    }
    Ok(())
}

fn merge_features(cx: &mut Cx<'_>, f: &mut Features, node: &Node) -> R<()> {
    let Some(entries) = node.as_map() else {
        if node.is_null() {
            return Ok(());
        }
        return Err(cx.err(node.line, "'features' must be a dictionary"));
    };
    for (k, v) in entries {
        let key = k.scalar_text().unwrap_or_default().trim().to_lowercase();
        f.raw.insert(key.clone(), v.clone());
        let int = |v: &Node| match &v.value {
            Value::Int(i) => Some(*i),
            Value::Str(s) => s.trim().parse().ok(),
            _ => None,
        };
        match key.as_str() {
            "progress bar" => f.progress_bar = cx.boolean(v, "progress bar"),
            "show progress bar percentage" => f.show_progress_bar_percentage = cx.boolean(v, &key),
            "progress bar method" => f.progress_bar_method = v.scalar_text(),
            "progress bar multiplier" => {
                f.progress_bar_multiplier = match v.value {
                    Value::Float(x) if x > 0.0 && x < 1.0 => Some(x),
                    _ => {
                        cx.warn(v.line, "progress bar multiplier must be between 0 and 1");
                        None
                    }
                }
            }
            "progress can go backwards" => f.progress_can_go_backwards = cx.boolean(v, &key),
            "navigation" => {
                f.navigation = match &v.value {
                    Value::Bool(true) => Some("true".into()),
                    Value::Bool(false) | Value::Null => None,
                    _ => v.scalar_text(),
                }
            }
            "question back button" => f.question_back_button = cx.boolean(v, &key),
            "question help button" => f.question_help_button = cx.boolean(v, &key),
            "navigation back button" => f.navigation_back_button = cx.boolean(v, &key),
            "loop limit" => {
                f.loop_limit = int(v).and_then(|i| u32::try_from(i).ok()).unwrap_or(500)
            }
            "recursion limit" => {
                f.recursion_limit = int(v).and_then(|i| u32::try_from(i).ok()).unwrap_or(500)
            }
            "use catchall" => f.use_catchall = cx.boolean(v, &key),
            "labels above fields" => f.labels_above_fields = cx.boolean(v, &key),
            "hide standard menu" => f.hide_standard_menu = cx.boolean(v, &key),
            "centered" => f.centered = cx.boolean(v, &key),
            "table width" => f.table_width = int(v),
            _ => {}
        }
    }
    Ok(())
}

fn merge_texts(
    cx: &mut Cx<'_>,
    target: &mut IndexMap<String, Text>,
    node: &Node,
    what: &str,
) -> R<()> {
    let Some(entries) = node.as_map() else {
        return Err(cx.err(node.line, format!("'{what}' must be a dictionary")));
    };
    for (k, v) in entries {
        let key = k.scalar_text().unwrap_or_default().trim().to_lowercase();
        if v.is_null() {
            target.shift_remove(&key);
        } else {
            target.insert(key, cx.text(v, what)?);
        }
    }
    Ok(())
}

fn parse_sections(cx: &mut Cx<'_>, node: &Node, depth: usize) -> R<Vec<Section>> {
    if depth > 8 {
        return Err(cx.err(node.line, "sections nested too deeply"));
    }
    let items: Vec<&Node> = match &node.value {
        Value::Seq(items) => items.iter().collect(),
        Value::Null => Vec::new(),
        _ => return Err(cx.err(node.line, "'sections' must be a list")),
    };
    let mut out = Vec::new();
    for item in items {
        match &item.value {
            Value::Map(entries) => {
                let subsections = match item.get("subsections") {
                    Some(s) => parse_sections(cx, s, depth + 1)?,
                    None => Vec::new(),
                };
                let mut found = false;
                for (k, v) in entries {
                    if k.as_str() == Some("subsections") {
                        continue;
                    }
                    if found {
                        cx.warn(
                            k.line,
                            "a section item has more than one key; extra keys ignored",
                        );
                        continue;
                    }
                    found = true;
                    let key = cx.string(k, "section key")?;
                    match &v.value {
                        Value::Seq(_) => out.push(Section {
                            key: key.clone(),
                            label: cx.text(k, "section")?,
                            subsections: parse_sections(cx, v, depth + 1)?,
                        }),
                        _ => out.push(Section {
                            key,
                            label: cx.text(v, "section label")?,
                            subsections: Vec::new(),
                        }),
                    }
                }
                if let Some(last) = out.last_mut() {
                    if last.subsections.is_empty() {
                        last.subsections = subsections;
                    }
                }
            }
            _ => {
                let label = cx.text(item, "section")?;
                out.push(Section {
                    key: label.source.clone(),
                    label,
                    subsections: Vec::new(),
                });
            }
        }
    }
    Ok(out)
}
