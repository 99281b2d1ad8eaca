//! The parts of a screen around its inputs: titles and texts, help, terms, progress,
//! sections, action buttons, images, review items, and the pieces that come from the
//! interview and session rather than the question.

use lang::Value;

use crate::html::html_escape;
use crate::model::{BlockKind, Progress, Question, Text};
use crate::runtime::{Flow, Run, R};
use crate::screen::{LinkView, QuestionScreen, ReviewItem, SectionView};

/// The pieces of a screen that come from the interview and session, not the question.
pub(crate) fn base_screen(run: &mut Run<'_>) -> QuestionScreen {
    let iv = run.iv;
    let mut qs = QuestionScreen {
        title: iv.metadata.title.clone(),
        short_title: iv.metadata.short_title.clone(),
        subtitle: iv.metadata.subtitle.clone(),
        back_allowed: run.st.steps > run.st.steps_offset && !run.st.history.is_empty(),
        question_back_button: iv.features.question_back_button,
        ..QuestionScreen::default()
    };
    if let Some(h) = iv.interview_help.first() {
        qs.interview_help = run.render(&h.content).ok();
        qs.interview_help_heading = h.heading.as_ref().and_then(|t| run.render(t).ok());
    }
    qs.menu_items = menu_items(run);
    qs
}

pub(super) fn menu_items(run: &mut Run<'_>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Some(Value::List(items)) = run.ns.get("menu_items") else { return out };
    for it in items.borrow().iter() {
        if let Value::Dict(d) = it {
            let d = d.borrow();
            let label = d.get(&lang::value::Key::str("label")).map(Value::str);
            let url = d.get(&lang::value::Key::str("url")).map(Value::str);
            if let (Some(l), Some(u)) = (label, url) {
                out.push((html_escape(&l), run.resign(&u)));
            }
        }
    }
    out
}

impl<'a> Run<'a> {
    pub(super) fn text(&mut self, t: &Text) -> R<String> {
        self.render(t)
    }

    pub(super) fn opt_text(&mut self, t: Option<&Text>) -> R<Option<String>> {
        match t {
            Some(t) => Ok(Some(self.text(t)?)),
            None => Ok(None),
        }
    }

    /// A screen part: the question's own, else `default screen parts`, else metadata.
    pub(super) fn part(&mut self, own: Option<&Text>, key: &str) -> R<Option<String>> {
        if let Some(t) = own {
            return Ok(Some(self.text(t)?));
        }
        if let Some(v) = self.host.parts.get(key) {
            return Ok(Some(html_escape(v)));
        }
        let iv = self.iv;
        if let Some(t) = small_get(&iv.default_screen_parts, key) {
            return Ok(Some(self.text(t)?));
        }
        if let Some(n) = small_get(&iv.metadata.raw, key) {
            if let Some(s) = n.as_str() {
                let pos = crate::model::Pos { file: iv.reference.to_string().into(), line: n.line, column: n.column };
                return Ok(Some(self.render_src(s, &pos)?));
            }
        }
        Ok(None)
    }

    /// `:name:` image references become images; attributions of the images used are added
    /// at the end of the screen (`post`).
    pub(super) fn image_references(&mut self, qs: &mut QuestionScreen) -> R<()> {
        let iv = self.iv;
        if iv.image_files.is_empty() {
            return Ok(());
        }
        let mut used: Vec<String> = Vec::new();
        if let Some(d) = &qs.decoration {
            used.push(d.trim().to_string());
        }
        let base = self.ctx.base_url.clone();
        let replace = |text: &mut String, used: &mut Vec<String>| {
            for (name, img) in &iv.image_files {
                let pat = format!(":{name}:");
                if text.contains(&pat) {
                    let (pkg, file) = match img.file.split_once(':') {
                        Some((p, f)) => (p.to_string(), f.to_string()),
                        None => (img.package.clone(), img.file.clone()),
                    };
                    let url = format!("{base}/packagestatic/{pkg}/{file}");
                    let tag = format!("<img src=\"{url}\" alt=\"{name}\" class=\"daicon\">");
                    *text = text.replace(&pat, &tag);
                    used.push(name.clone());
                }
            }
        };
        replace(&mut qs.question, &mut used);
        if let Some(t) = qs.subquestion.as_mut() {
            replace(t, &mut used);
        }
        let mut notes = Vec::new();
        for name in used {
            if let Some(a) = iv.image_files.get(&name).and_then(|i| i.attribution.as_ref()) {
                let t = self.text(a)?;
                if !notes.contains(&t) {
                    notes.push(t);
                }
            }
        }
        if !notes.is_empty() {
            let mut post = qs.post.take().unwrap_or_default();
            for n in notes {
                if !post.is_empty() {
                    post.push_str("\n\n");
                }
                post.push_str(&n);
            }
            qs.post = Some(post);
        }
        Ok(())
    }

    pub(super) fn section_view(
        &mut self,
        s: &crate::model::Section,
        current: Option<&str>,
        reached: &mut bool,
    ) -> R<SectionView> {
        let is_current = current == Some(s.key.as_str());
        let visited = *reached || self.st.nav.visited.contains(&s.key);
        if is_current {
            *reached = false;
        }
        let label = self.text(&s.label)?;
        let mut subs = Vec::new();
        for sub in &s.subsections {
            subs.push(self.section_view(sub, current, reached)?);
        }
        Ok(SectionView {
            key: s.key.clone(),
            label,
            current: is_current,
            visited: visited && current.is_some(),
            url: None,
            subsections: subs,
        })
    }

    /// An action URL for an event name (or the URL itself when it is one).
    pub(crate) fn action_url(
        &mut self,
        action: &str,
        args: serde_json::Map<String, serde_json::Value>,
        forget_prior: bool,
    ) -> String {
        if action.starts_with("http://")
            || action.starts_with("https://")
            || action.starts_with("javascript:")
            || action.starts_with('/')
            || action.starts_with('?')
        {
            return action.to_string();
        }
        let mut args = args;
        if forget_prior {
            args.insert("_forget_prior".into(), serde_json::Value::Bool(true));
        }
        self.signed_action_url(action, &args)
    }

    /// Renders a review text; tables and templates it refers to are made on the way (only an
    /// answer that is missing leaves the item out).
    pub(super) fn text_defining(&mut self, t: Option<&crate::model::Text>) -> R<Option<String>> {
        for _ in 0..20 {
            match self.opt_text(t) {
                Err(Flow::Undefined(v)) if self.made_without_asking(&v) => match self.askfor(&v, 0, false)? {
                    None => continue,
                    Some(_) => return Err(Flow::Undefined(v)),
                },
                other => return other,
            }
        }
        self.opt_text(t)
    }

    /// Whether only `table:` or `template:` blocks define `var`.
    pub(super) fn made_without_asking(&mut self, var: &str) -> bool {
        let iv = self.iv;
        let cands = self.candidates(var);
        !cands.is_empty()
            && cands.iter().all(|(b, _)| {
                iv.blocks.get(*b).is_some_and(|bl| matches!(bl.kind, BlockKind::Table(_) | BlockKind::Template(_)))
            })
    }

    pub(super) fn review_item(&mut self, item: &crate::model::ReviewItem) -> R<Option<ReviewItem>> {
        // skip undefined: an item whose text needs an undefined variable is left out
        for e in &item.show_if {
            match self.eval_expr(e) {
                Ok(v) if v.truthy() => {}
                Ok(_) | Err(Flow::Undefined(_)) => return Ok(None),
                Err(e) => return Err(e),
            }
        }
        // only the plain variables of `fields:` must be defined (docassemble's `saveas_code`
        // holds those, not the ones under `follow up`/`recompute`/`undefine`/`set`)
        for a in &item.actions {
            if let crate::model::ReviewAction::Ask(f) = a {
                if !self.is_defined(f) {
                    return Ok(None);
                }
            }
        }
        let soft = |r: R<Option<String>>| -> R<Option<Option<String>>> {
            match r {
                Ok(v) => Ok(Some(v)),
                Err(Flow::Undefined(_)) => Ok(None),
                Err(e) => Err(e),
            }
        };
        let Some(label) = soft(self.text_defining(item.label.as_ref()))? else { return Ok(None) };
        let Some(button) = soft(self.text_defining(item.button.as_ref()))? else { return Ok(None) };
        let Some(note) = soft(self.text_defining(item.note.as_ref()))? else { return Ok(None) };
        let Some(html) = soft(self.text_defining(item.html.as_ref()))? else { return Ok(None) };
        let Some(help) = soft(self.text_defining(item.help.as_ref()))? else { return Ok(None) };
        if let Some(h) = html {
            return Ok(Some(ReviewItem { label: String::new(), url: None, value: Some(h), html: true, button: false }));
        }
        if label.is_none() && button.is_none() {
            return Ok(Some(ReviewItem { label: String::new(), url: None, value: note, html: false, button: false }));
        }
        let url = if let Some(a) = &item.action {
            Some(self.action_url(a, serde_json::Map::new(), false))
        } else if !item.fields.is_empty() {
            let mut args = serde_json::Map::new();
            args.insert(
                "variables".into(),
                serde_json::Value::Array(item.fields.iter().map(|f| serde_json::Value::String(f.clone())).collect()),
            );
            Some(self.signed_action_url("_da_force_ask", &args))
        } else {
            None
        };
        Ok(Some(ReviewItem {
            label: label.clone().unwrap_or_default(),
            url,
            // the item's text (`button`/`help`) and its side `note` are both shown
            value: match (button.or(help), note) {
                (Some(text), Some(note)) => Some(format!("{text}\n\n{note}")),
                (text, note) => text.or(note),
            },
            html: false,
            button: item.button.is_some(),
        }))
    }

    /// The action being served (head of the event stack) is named by this question's
    /// `breadcrumb:` or its text; the stack's crumbs are kept for `DABreadCrumbs`.
    fn record_breadcrumb(&mut self, q: &Question, question: &str) -> R<()> {
        use crate::functions::objects::breadcrumbs::CRUMBS_KEY;
        if self.st.event_stack.is_empty() {
            self.host.info.remove(CRUMBS_KEY);
            return Ok(());
        }
        let label = match &q.breadcrumb {
            Some(t) => self.text(t)?.trim_end().to_string(),
            None => question.to_string(),
        };
        let old: Vec<serde_json::Value> =
            self.host.info.get(CRUMBS_KEY).and_then(|j| j.as_array()).cloned().unwrap_or_default();
        let mut crumbs = Vec::new();
        for (i, e) in self.st.event_stack.iter().enumerate() {
            let known = if i == 0 {
                Some(serde_json::Value::String(label.clone()))
            } else {
                old.iter().find(|o| o.get("action").and_then(|a| a.as_str()) == Some(e.action.as_str())).and_then(|o| o.get("breadcrumb").cloned())
            };
            let mut m = serde_json::Map::new();
            m.insert("action".into(), serde_json::Value::String(e.action.clone()));
            if let Some(k) = known {
                m.insert("breadcrumb".into(), k);
            }
            crumbs.push(serde_json::Value::Object(m));
        }
        self.host.info.insert(CRUMBS_KEY.into(), serde_json::Value::Array(crumbs));
        Ok(())
    }

    /// The question's texts: question, subquestion, screen parts, help and the back button.
    pub(super) fn question_texts(&mut self, q: &Question, qs: &mut QuestionScreen) -> R<()> {
        qs.question = self.text(&q.question)?;
        self.record_breadcrumb(q, &qs.question)?;
        qs.subquestion = self.opt_text(q.subquestion.as_ref())?;
        qs.pre = self.part(q.pre.as_ref(), "pre")?;
        qs.post = self.part(q.post.as_ref(), "post")?;
        qs.submit = self.part(q.submit.as_ref(), "submit")?;
        qs.under = self.part(q.under.as_ref(), "under")?;
        qs.right = self.part(q.right.as_ref(), "right")?;
        qs.footer = self.part(None, "footer")?;
        qs.navigation_bar_html = self.part(None, "navigation bar html")?;
        if let Some(t) = self.part(None, "title")? {
            qs.title = Some(t);
        }
        if let Some(t) = self.part(None, "short title")?.or(self.part(None, "short")?) {
            qs.short_title = Some(t);
        }
        qs.tab_title = self.part(None, "tab")?.or(self.part(None, "tab title")?);
        if let Some(t) = self.part(None, "subtitle")? {
            qs.subtitle = Some(t);
        }
        qs.css_class = match &q.css_class {
            Some(t) => Some(self.render_raw(t)?),
            None => self.part(None, "css class")?,
        };
        qs.decoration = q.decoration.clone();
        qs.css = match &q.css {
            Some(t) => Some(self.render_raw(t)?),
            None => None,
        };
        qs.script = match &q.script {
            Some(t) => Some(self.render_raw(t)?),
            None => None,
        };
        if let Some(n) = &q.reload {
            qs.reload = n.scalar_text().and_then(|s| s.parse::<u32>().ok());
        }
        self.question_help(q, qs)?;
        qs.back_label = match &q.back_button_label {
            Some(t) => Some(self.text(t)?),
            None => self.part(None, "back button label")?,
        };
        if let Some(c) = &q.back_button {
            qs.question_back_button = self.condition(c)?;
        }
        Ok(())
    }

    /// The question's help tab and the interview help's label.
    fn question_help(&mut self, q: &Question, qs: &mut QuestionScreen) -> R<()> {
        let interview_help_label = match iv_help_label(self.iv) {
            Some(t) => Some(self.text(t)?),
            None => None,
        };
        qs.interview_help_label = interview_help_label.clone();
        if let Some(h) = &q.help {
            qs.help = Some(self.text(&h.content)?);
            qs.help_heading = self.opt_text(h.heading.as_ref())?;
            // the question's own help is "Help" unless labelled; the interview help keeps its
            // label for its own tab
            qs.help_label = match &h.label {
                Some(t) => Some(self.text(t)?),
                None => self.part(None, "help label")?,
            };
        } else {
            qs.help_label = self.part(None, "help label")?.or(interview_help_label);
        }
        Ok(())
    }

    /// The terms `update_terms()` defined (for the current language, or any): each replaces the
    /// definition of the same term, or is added.
    fn runtime_terms(&self, qs: &mut QuestionScreen) {
        let Some(all) = self.host.info.get(crate::functions::control::TERMS_KEY) else { return };
        let language = self.host.language.as_str();
        for kind in ["terms", "autoterms"] {
            for lang in ["*", language] {
                let Some(terms) = all.get(kind).and_then(|k| k.get(lang)).and_then(|t| t.as_object()) else { continue };
                for (term, definition) in terms {
                    let definition = definition.as_str().unwrap_or_default().to_string();
                    match qs.terms.iter_mut().find(|(t, _)| t.to_lowercase() == *term) {
                        Some(existing) => existing.1 = definition,
                        None => qs.terms.push((term.clone(), definition)),
                    }
                }
            }
        }
    }

    /// Terms, the progress bar and the sections (recording the section as visited).
    pub(super) fn question_navigation(&mut self, q: &Question, qs: &mut QuestionScreen) -> R<()> {
        let iv = self.iv;
        for t in iv.terms.iter().chain(iv.auto_terms.iter()).chain(q.terms.iter()).chain(q.auto_terms.iter()) {
            let def = self.text(&t.definition)?;
            qs.terms.push((t.term.clone(), def));
        }
        self.runtime_terms(qs);
        match &q.progress {
            Progress::Percent(p) => self.st.progress = Some(*p),
            Progress::Hide => {}
            Progress::Auto => {}
        }
        if iv.features.progress_bar && !matches!(q.progress, Progress::Hide) {
            let p = self.st.progress.unwrap_or(0.0).clamp(0.0, 100.0);
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            {
                qs.progress = Some(p.round() as u8);
            }
        }
        if let Some(s) = &q.section {
            self.st.nav.current = Some(s.clone());
            self.st.nav.visited.insert(s.clone());
        }
        let runtime_sections = self.host.info.get(crate::functions::modules::NAV_SECTIONS_KEY).cloned();
        if let (Some(j), true) = (&runtime_sections, iv.features.navigation.is_some()) {
            qs.sections_horizontal = iv.features.navigation.as_deref() == Some("horizontal");
            let current = self.st.nav.current.clone();
            let mut reached = true;
            qs.sections = runtime_section_views(j, current.as_deref(), &self.st.nav.visited, &mut reached, 0);
        } else if iv.features.navigation.is_some() && !iv.sections.is_empty() {
            qs.sections_horizontal = iv.features.navigation.as_deref() == Some("horizontal");
            let current = self.st.nav.current.clone();
            let mut reached = true;
            let sections: Vec<&crate::model::Section> = iv.sections.iter().collect();
            for s in sections {
                qs.sections.push(self.section_view(s, current.as_deref(), &mut reached)?);
            }
        }
        Ok(())
    }

    /// `action buttons:` (a list, or code giving dicts).
    pub(super) fn action_buttons(&mut self, q: &Question, qs: &mut QuestionScreen) -> R<()> {
        match &q.action_buttons {
            crate::model::ActionButtons::None => {}
            crate::model::ActionButtons::List(list) => {
                for ab in list {
                    if let Some(e) = &ab.show_if {
                        if !self.eval_expr(e)?.truthy() {
                            continue;
                        }
                    }
                    let label = self.text(&ab.label)?;
                    let action = self.render_raw(&ab.action)?;
                    let args = match &ab.arguments {
                        Some(n) => crate::vars::json::node_to_json(n),
                        None => serde_json::Map::new(),
                    };
                    let url = self.action_url(&action, args, ab.forget_prior);
                    qs.action_buttons.push(LinkView {
                        label,
                        url,
                        color: ab.color.clone(),
                        icon: ab.icon.clone(),
                        placement: ab.placement.clone(),
                        css_class: ab.css_class.clone(),
                        new_window: ab.new_window.as_ref().and_then(crate::yaml::Node::as_bool).unwrap_or(false),
                    });
                }
            }
            crate::model::ActionButtons::Code(e) => {
                let v = self.eval_expr(e)?;
                if let Value::List(l) = v {
                    let items = l.borrow().clone();
                    for it in items {
                        if let Value::Dict(d) = it {
                            let d = d.borrow();
                            let get = |k: &str| d.get(&lang::value::Key::str(k)).map(Value::str);
                            let action = get("action").unwrap_or_default();
                            let url = self.action_url(&action, serde_json::Map::new(), false);
                            qs.action_buttons.push(LinkView {
                                label: html_escape(&get("label").unwrap_or_default()),
                                url,
                                color: get("color"),
                                icon: get("icon"),
                                placement: get("placement"),
                                css_class: get("css class"),
                                new_window: false,
                            });
                        }
                    }
                }
            }
        }
        Ok(())
    }
}

pub(super) fn iv_help_label(iv: &crate::model::Interview) -> Option<&Text> {
    iv.interview_help.first().and_then(|h| h.label.as_ref())
}

/// The navigation bar from sections set by `nav.set_sections()` (`[{key: label, 'subsections':
/// […]}, …]`, the labels as text).
fn runtime_section_views(
    j: &serde_json::Value,
    current: Option<&str>,
    visited: &std::collections::BTreeSet<String>,
    reached: &mut bool,
    depth: usize,
) -> Vec<SectionView> {
    let Some(items) = j.as_array().filter(|_| depth < 8) else { return Vec::new() };
    let mut out = Vec::new();
    for item in items {
        let (key, label, subs) = match item {
            serde_json::Value::Object(m) => {
                let Some((k, v)) = m.iter().find(|(k, _)| k.as_str() != "subsections") else { continue };
                (k.clone(), v.as_str().map_or_else(|| v.to_string(), str::to_string), m.get("subsections"))
            }
            serde_json::Value::String(s) => (s.clone(), s.clone(), None),
            _ => continue,
        };
        let is_current = current == Some(key.as_str());
        let was_visited = *reached || visited.contains(&key);
        if is_current {
            *reached = false;
        }
        let subsections = subs.map(|s| runtime_section_views(s, current, visited, reached, depth + 1)).unwrap_or_default();
        out.push(SectionView {
            key,
            label: crate::html::html_escape(&label),
            current: is_current,
            visited: was_visited && current.is_some(),
            url: None,
            subsections,
        });
    }
    out
}

/// `map.get(key)`, comparing the keys of a small map one by one: a screen asks for some
/// twenty parts, most of them absent, and an interview's metadata holds a handful of keys,
/// fewer than it takes hashing each name to pay off.
fn small_get<'m, V>(map: &'m indexmap::IndexMap<String, V>, key: &str) -> Option<&'m V> {
    if map.len() > 8 {
        return map.get(key);
    }
    map.iter().find(|(k, _)| k.as_str() == key).map(|(_, v)| v)
}
