//! Turning a question block into a [`QuestionScreen`] (and the form description that
//! `submit` uses to accept exactly what the screen offered).

use lang::Value;

use super::{Flow, Run, R};
use crate::html::html_escape;
use crate::vars::path;
use crate::model::{
    Block, BlockKind, ChoiceStyle, ChoiceValue, Choices, DefaultValue, Field, FieldCondition, Input, Progress,
    Question, Text, YesNoKind,
};
use crate::screen::{ButtonView, ChoiceView, FieldKind, FieldView, LinkView, QuestionScreen, ReviewItem, Screen, SectionView};
use crate::state::CurrentQuestion;

/// What one form input means, for `submit`.
#[derive(Debug, Clone)]
pub(crate) struct FormField {
    /// Posted name.
    pub name: String,
    /// Variable to set.
    pub var: String,
    /// Datatype (`text`, `integer`, `yesno` …).
    pub datatype: String,
    /// How to read it.
    pub how: How,
    /// Required.
    pub required: bool,
    /// Bounds as evaluated when shown.
    pub min: Option<String>,
    /// Upper bound.
    pub max: Option<String>,
    /// Length bounds.
    pub minlength: Option<usize>,
    /// Upper length bound.
    pub maxlength: Option<usize>,
    /// `validate:` expression (source, pos index into the question's fields).
    pub validate: Option<(String, crate::model::Pos)>,
    /// Same-screen condition: (controlling variable, expected text, show=true/hide=false).
    pub cond: Option<(String, String, bool)>,
    /// Index in the screen's `fields` (for error messages).
    pub view: Option<usize>,
}

/// How a posted input is read.
#[derive(Debug, Clone)]
pub(crate) enum How {
    /// A text-like value converted by datatype.
    Input,
    /// A single checkbox; `invert` for noyes.
    Checkbox { invert: bool },
    /// A choice among values, posted as an index.
    Choice { values: Vec<Value> },
    /// Checkbox group: (posted name, key) per option; `nota` name if offered.
    Checkboxes { options: Vec<(String, Value)>, nota: Option<String>, nota_label: Option<String> },
    /// Buttons posting an index (field + buttons / yesno buttons).
    Buttons { values: Vec<ButtonAction> },
    /// Nothing to ask (no choices were available): store this value.
    Fixed(Value),
}

/// What a button does.
#[derive(Debug, Clone)]
pub(crate) enum ButtonAction {
    /// Store this value.
    Value(Value),
    /// Perform a command (exit, restart …).
    Command(String, Option<String>),
    /// Follow an embedded block (index of the choice).
    Follow(usize),
}

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

fn menu_items(run: &mut Run<'_>) -> Vec<(String, String)> {
    let mut out = Vec::new();
    let Some(Value::List(items)) = run.ns.get("menu_items") else { return out };
    for it in items.borrow().iter() {
        if let Value::Dict(d) = it {
            let d = d.borrow();
            let label = d.get(&lang::value::Key::str("label")).map(Value::str);
            let url = d.get(&lang::value::Key::str("url")).map(Value::str);
            if let (Some(l), Some(u)) = (label, url) {
                out.push((html_escape(&l), u));
            }
        }
    }
    out
}

/// The display text of a value in an input.
pub(crate) fn display_value(v: &Value) -> String {
    match v {
        Value::None => String::new(),
        Value::Bool(b) => if *b { "True" } else { "False" }.to_string(),
        Value::Date(d) => d.format("%Y-%m-%d").to_string(),
        Value::DateTime(d) => d.format("%Y-%m-%dT%H:%M").to_string(),
        Value::Time(t) => t.format("%H:%M").to_string(),
        Value::Object(_) => {
            if let Some(dt) = crate::functions::datetime_of(v) {
                return dt.format("%Y-%m-%d").to_string();
            }
            v.str()
        }
        other => other.str(),
    }
}

fn kind_of(datatype: &str, input_type: Option<&str>, has_choices: bool) -> FieldKind {
    if has_choices
        && !matches!(
            datatype,
            "checkboxes" | "multiselect" | "radio" | "object_radio" | "object_checkboxes" | "object_multiselect"
                | "combobox" | "datalist"
        )
        && !matches!(input_type, Some("radio") | Some("combobox") | Some("datalist"))
    {
        return FieldKind::Dropdown;
    }
    match input_type {
        Some("area") => return FieldKind::Area,
        Some("hidden") => return FieldKind::Hidden,
        Some("radio") => return FieldKind::Radio,
        Some("dropdown") | Some("pulldown") | Some("combobox") => return FieldKind::Dropdown,
        _ => {}
    }
    match datatype {
        "area" | "mlarea" => FieldKind::Area,
        "password" => FieldKind::Password,
        "email" => FieldKind::Email,
        "number" | "float" => FieldKind::Number,
        "integer" => FieldKind::Integer,
        "currency" => FieldKind::Currency,
        "date" => FieldKind::Date,
        "time" => FieldKind::Time,
        "datetime" => FieldKind::DateTime,
        "yesno" | "noyes" | "yesnowide" | "noyeswide" => FieldKind::Checkbox,
        "yesnoradio" | "noyesradio" | "yesnomaybe" | "noyesmaybe" | "radio" | "object_radio" => FieldKind::Radio,
        "checkboxes" | "object_checkboxes" => FieldKind::Checkboxes,
        "multiselect" | "object_multiselect" => FieldKind::Multiselect,
        "dropdown" | "pulldown" | "combobox" | "object" => FieldKind::Dropdown,
        "range" => FieldKind::Range,
        "hidden" => FieldKind::Hidden,
        "file" | "files" | "camera" | "user" | "environment" | "camcorder" | "microphone" => FieldKind::File,
        _ if has_choices => FieldKind::Dropdown,
        _ => FieldKind::Text,
    }
}

/// A field with only its identity set; everything optional empty.
pub(crate) fn field_view(name: String, id: String, label: String, kind: FieldKind, datatype: &str) -> FieldView {
    FieldView {
        name,
        id,
        label,
        kind,
        datatype: datatype.to_string(),
        value: None,
        choices: Vec::new(),
        required: false,
        hint: None,
        help: None,
        error: None,
        min: None,
        max: None,
        step: None,
        minlength: None,
        maxlength: None,
        content: None,
        currency_symbol: None,
        rows: None,
        css_class: None,
        label_above: false,
        disabled: false,
        show_if: None,
        hide_if: None,
    }
}

/// One evaluated option.
pub(crate) struct Opt {
    pub value: ButtonAction,
    pub label: String,
    pub help: Option<String>,
    pub default: bool,
    pub color: Option<String>,
    pub css_class: Option<String>,
    pub image: Option<String>,
}

/// A YAML scalar as a value.
pub(crate) fn node_value(node: &crate::yaml::Node) -> Value {
    use crate::yaml::Value as Y;
    match &node.value {
        Y::Null => Value::None,
        Y::Bool(b) => Value::Bool(*b),
        Y::Int(i) => Value::Int(*i),
        Y::Float(f) => Value::Float(*f),
        Y::Str(s) => Value::from_str(s),
        Y::Seq(items) => Value::list(items.iter().map(node_value).collect()),
        Y::Map(entries) => {
            let mut d = lang::value::Dict::new();
            for (k, v) in entries {
                d.insert(lang::value::Key::str(&k.scalar_text().unwrap_or_default()), node_value(v));
            }
            Value::dict(d)
        }
    }
}

impl<'a> Run<'a> {
    fn text(&mut self, t: &Text) -> R<String> {
        self.render(t)
    }

    fn opt_text(&mut self, t: Option<&Text>) -> R<Option<String>> {
        match t {
            Some(t) => Ok(Some(self.text(t)?)),
            None => Ok(None),
        }
    }

    /// A screen part: the question's own, else `default screen parts`, else metadata.
    fn part(&mut self, own: Option<&Text>, key: &str) -> R<Option<String>> {
        if let Some(t) = own {
            return Ok(Some(self.text(t)?));
        }
        if let Some(v) = self.host.parts.get(key) {
            return Ok(Some(html_escape(v)));
        }
        let iv = self.iv;
        if let Some(t) = iv.default_screen_parts.get(key) {
            return Ok(Some(self.text(t)?));
        }
        if let Some(n) = iv.metadata.raw.get(key) {
            if let Some(s) = n.as_str() {
                let pos = crate::model::Pos { file: iv.reference.to_string().into(), line: n.line, column: n.column };
                return Ok(Some(self.render_src(s, &pos)?));
            }
        }
        Ok(None)
    }

    /// The options of a field: for object datatypes a written list names objects (expressions).
    fn field_options(&mut self, choices: &Choices, datatype: &str, labeler: bool) -> R<Vec<Opt>> {
        if datatype.starts_with("object") {
            if let Choices::List(list) = choices {
                let simple = list.iter().all(|c| {
                    c.show_if.is_none()
                        && c.hide_if.is_none()
                        && matches!(&c.value, ChoiceValue::Value(n) if n.as_str() == Some(c.label.source()))
                });
                if simple && !list.is_empty() {
                    let src = format!("[{}]", list.iter().map(|c| c.label.source().trim()).collect::<Vec<_>>().join(", "));
                    let pos = list[0].label.pos().clone();
                    let v = self.eval_src(&src, &pos)?;
                    // a choice naming a list of objects (a DAList, a list) stands for its items
                    let v = match &v {
                        Value::List(l) => {
                            let mut flat = Vec::new();
                            for it in l.borrow().clone() {
                                let is_group = matches!(&it, Value::List(_))
                                    || (matches!(&it, Value::Object(_)) && path::index_elements(&it).is_some());
                                if is_group {
                                    let items = self.run_vm(|vm, _| vm.iterate(&it)).map_err(|e| self.flow(e, &pos))?;
                                    flat.extend(items);
                                } else {
                                    flat.push(it);
                                }
                            }
                            Value::list(flat)
                        }
                        _ => v,
                    };
                    if let Value::List(l) = &v {
                        // labels of objects are computed first so an undefined name is sought
                        // (an `object labeler` gives them instead)
                        let l = if labeler { std::rc::Rc::new(std::cell::RefCell::new(Vec::new())) } else { l.clone() };
                        for it in l.borrow().clone() {
                            if let Value::Object(_) = it {
                                self.run_vm(|vm, _| vm.str_of(&it)).map_err(|e| self.flow(e, &pos))?;
                            }
                        }
                    }
                    let mut out = Vec::new();
                    self.options_from_value(&v, &mut out);
                    return Ok(out);
                }
            }
        }
        self.options(choices)
    }

    /// `object labeler`, `help generator`, `image generator`: functions of the object that give
    /// an option's label, help and icon.
    fn generators(&mut self, f: &Field, mut opts: Vec<Opt>) -> R<Vec<Opt>> {
        let get = |key: &str| f.other.iter().find(|(k, _)| k == key).and_then(|(_, n)| n.scalar_text().map(|s| (s, n)));
        let gens = [get("object labeler"), get("help generator"), get("image generator")];
        if gens.iter().all(Option::is_none) {
            return Ok(opts);
        }
        let mut funcs = Vec::new();
        for g in &gens {
            funcs.push(match g {
                Some((src, node)) => {
                    let pos = crate::model::Pos { file: self.iv.reference.to_string().into(), line: node.line, column: node.column };
                    Some((self.eval_src(src.trim(), &pos)?, pos))
                }
                None => None,
            });
        }
        for o in &mut opts {
            let ButtonAction::Value(v) = &o.value else { continue };
            let v = v.clone();
            for (n, fp) in funcs.iter().enumerate() {
                let Some((func, pos)) = fp else { continue };
                let r = self.call(func, vec![v.clone()], pos)?;
                let text = self.run_vm(|vm, _| vm.str_of(&r)).map_err(|e| self.flow(e, pos))?;
                match n {
                    0 => o.label = html_escape(&text),
                    1 => o.help = Some(html_escape(&text)),
                    _ => o.image = Some(text),
                }
            }
            if let Some(img) = &o.image {
                if !img.is_empty() && img.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
                    o.label = format!(":{img}: {}", o.label);
                }
            }
        }
        Ok(opts)
    }

    /// Evaluates the options of a choice list.
    pub(crate) fn options(&mut self, choices: &Choices) -> R<Vec<Opt>> {
        let mut out = Vec::new();
        match choices {
            Choices::List(list) => {
                for (idx, c) in list.iter().enumerate() {
                    if let Some(e) = &c.show_if {
                        if !self.eval_expr(e)?.truthy() {
                            continue;
                        }
                    }
                    if let Some(e) = &c.hide_if {
                        if self.eval_expr(e)?.truthy() {
                            continue;
                        }
                    }
                    let label = self.text(&c.label)?;
                    let help = self.opt_text(c.help.as_ref())?;
                    let value = match &c.value {
                        ChoiceValue::Value(n) => ButtonAction::Value(match &n.value {
                            crate::yaml::Value::Int(_) | crate::yaml::Value::Float(_) => {
                                Value::from_str(&n.scalar_text().unwrap_or_default())
                            }
                            _ => node_value(n),
                        }),
                        ChoiceValue::Block(_) => ButtonAction::Follow(idx),
                        ChoiceValue::Command { command, url } => {
                            let url = match url {
                                Some(t) => Some(self.render_raw(t)?),
                                None => None,
                            };
                            ButtonAction::Command(command.clone(), url)
                        }
                    };
                    out.push(Opt {
                        value,
                        label,
                        help,
                        default: c.default,
                        color: c.color.clone(),
                        css_class: c.css_class.clone(),
                        image: c.image.clone(),
                    });
                }
            }
            Choices::Code(e) => {
                let v = self.eval_expr(e)?;
                self.options_from_value(&v, &mut out);
            }
        }
        Ok(out)
    }

    fn options_from_value(&mut self, v: &Value, out: &mut Vec<Opt>) {
        let mk = |value: Value, label: String| Opt {
            value: ButtonAction::Value(value),
            label: html_escape(&label),
            help: None,
            default: false,
            color: None,
            css_class: None,
            image: None,
        };
        let items: Vec<Value> = match v {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            Value::Dict(d) => {
                for (k, val) in d.borrow().iter() {
                    out.push(mk(k.to_value(), val.str()));
                }
                return;
            }
            Value::Object(_) => {
                if let Some(el) = path::index_elements(v) {
                    return self.options_from_value(&el, out);
                }
                Vec::new()
            }
            _ => Vec::new(),
        };
        for it in items {
            match &it {
                Value::Dict(d) => {
                    let d = d.borrow();
                    let get = |k: &str| d.get(&lang::value::Key::str(k)).cloned();
                    if let Some(label) = get("label") {
                        let value = get("value").or_else(|| get("key")).unwrap_or_else(|| label.clone());
                        let mut o = mk(value, label.str());
                        o.help = get("help").map(|h| html_escape(&h.str()));
                        o.default = get("default").is_some_and(|d| d.truthy());
                        o.color = get("color").map(|c| c.str());
                        o.css_class = get("css class").map(|c| c.str());
                        out.push(o);
                    } else {
                        const SPECIAL: [&str; 7] = ["default", "help", "image", "css class", "color", "show if", "hide if"];
                        let mut first = None;
                        for (k, val) in d.iter() {
                            let kv = k.to_value();
                            if matches!(&kv, Value::Str(s) if SPECIAL.contains(&&**s)) {
                                continue;
                            }
                            first = Some((kv, val.str()));
                            break;
                        }
                        if let Some((kv, label)) = first {
                            let mut o = mk(kv, label);
                            o.help = get("help").map(|h| html_escape(&h.str()));
                            o.default = get("default").is_some_and(|d| d.truthy());
                            o.color = get("color").map(|c| c.str());
                            o.css_class = get("css class").map(|c| c.str());
                            out.push(o);
                        }
                    }
                }
                Value::List(_) | Value::Tuple(_) => {
                    let l: Vec<Value> = match &it {
                        Value::List(l) => l.borrow().clone(),
                        Value::Tuple(t) => t.to_vec(),
                        _ => Vec::new(),
                    };
                    if l.len() >= 2 {
                        let mut o = mk(l[0].clone(), l[1].str());
                        o.default = l.get(2).is_some_and(Value::truthy);
                        o.help = l.get(3).map(|h| html_escape(&h.str()));
                        out.push(o);
                    } else if let Some(x) = l.first() {
                        out.push(mk(x.clone(), x.str()));
                    }
                }
                Value::Object(_) => {
                    let label = self.run_vm(|vm, _| vm.str_of(&it)).unwrap_or_else(|_| it.str());
                    out.push(mk(it.clone(), label));
                }
                other => out.push(mk(other.clone(), other.str())),
            }
        }
    }

    /// The value to pre-fill for `var`: current value, then the invalidated value, then `default`.
    fn current_or_default(&mut self, var: &str, default: Option<&DefaultValue>) -> R<Option<Value>> {
        if let Some(p) = path::parse(var) {
            if let Some(v) = path::lookup(&self.ns, &p) {
                return Ok(Some(v));
            }
        }
        if let Some(j) = self.st.dirty.get(var).cloned() {
            return Ok(Some(crate::vars::json::from_json(&j, &self.host)));
        }
        match default {
            None => Ok(None),
            Some(DefaultValue::Text(t)) => Ok(Some(Value::from_str(&self.render_raw(t)?))),
            Some(DefaultValue::Code(e)) => Ok(Some(self.eval_expr(e)?)),
            Some(DefaultValue::Data(n)) => Ok(Some(node_value(n))),
        }
    }

    /// Shows a question: builds the screen and remembers it as the current question.
    pub(crate) fn ask(
        &mut self,
        n: usize,
        choice: Option<usize>,
        block: &'a Block,
        bindings: &[(String, String)],
        sought: Option<&str>,
    ) -> R<Screen> {
        let BlockKind::Question(q) = &block.kind else {
            return Err(Flow::Fatal(format!("{}: not a question", block.pos)));
        };
        let (qs, form) = self.build_question(block, q)?;
        let token = format!("{}.{}.{}", n, choice.map(|c| c.to_string()).unwrap_or_default(), self.st.steps);
        let mut qs = qs;
        qs.token = token.clone();
        self.form = form;
        let mut bind = serde_json::Map::new();
        for (k, v) in bindings {
            bind.insert(k.clone(), serde_json::Value::String(v.clone()));
        }
        let event = sought.filter(|s| self.st.event_stack.first().map(|e| e.action.as_str()) == Some(*s));
        self.st.current = Some(CurrentQuestion {
            token,
            block: n,
            choice,
            bindings: bind,
            sought: sought.map(str::to_string),
            event: event.map(str::to_string),
            name: super::extended_name(&block.name, bindings),
        });
        if let Some(c) = &q.prevent_going_back {
            if self.condition(c)? {
                self.st.steps_offset = self.st.steps + 1;
                qs.back_allowed = false;
            }
        }
        Ok(Screen::Question(qs))
    }

    /// Builds the screen and the form description for a question (no state changes
    /// except navigation/progress bookkeeping).
    pub(crate) fn build_question(&mut self, block: &Block, q: &Question) -> R<(QuestionScreen, Vec<FormField>)> {
        let mut qs = base_screen(self);
        qs.block_name = block.name.clone();
        qs.question = self.text(&q.question)?;
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
        if let Some(t) = self.part(None, "short title")? {
            qs.short_title = Some(t);
        }
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
        qs.back_label = match &q.back_button_label {
            Some(t) => Some(self.text(t)?),
            None => self.part(None, "back button label")?,
        };
        if let Some(c) = &q.back_button {
            qs.question_back_button = self.condition(c)?;
        }
        // terms
        let iv = self.iv;
        for t in iv.terms.iter().chain(iv.auto_terms.iter()).chain(q.terms.iter()).chain(q.auto_terms.iter()) {
            let def = self.text(&t.definition)?;
            qs.terms.push((t.term.clone(), def));
        }
        // progress
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
        // sections
        if let Some(s) = &q.section {
            self.st.nav.current = Some(s.clone());
            self.st.nav.visited.insert(s.clone());
        }
        if iv.features.navigation.is_some() && !iv.sections.is_empty() {
            qs.sections_horizontal = iv.features.navigation.as_deref() == Some("horizontal");
            let current = self.st.nav.current.clone();
            let mut reached = true;
            let sections: Vec<&crate::model::Section> = iv.sections.iter().collect();
            for s in sections {
                qs.sections.push(self.section_view(s, current.as_deref(), &mut reached)?);
            }
        }
        // action buttons
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
        let mut form = Vec::new();
        let continue_default = match &q.continue_button_label {
            Some(t) => Some(self.text(t)?),
            None => self.part(None, "continue button label")?,
        };
        let cont = continue_default.clone().unwrap_or_else(|| crate::functions::word(&self.host.language, "Continue"));
        qs.continue_color = q.continue_button_color.as_ref().map(|t| t.source().trim().to_string());
        let mut wants_continue = q.continue_button_field.is_some();
        match &q.input {
            Input::None => {}
            Input::YesNo { var, kind } => {
                let name = path::b64_encode(var.name());
                let (yes, no) = match kind {
                    YesNoKind::YesNo | YesNoKind::YesNoMaybe => (true, false),
                    YesNoKind::NoYes | YesNoKind::NoYesMaybe => (false, true),
                };
                let mut values = vec![ButtonAction::Value(Value::Bool(yes)), ButtonAction::Value(Value::Bool(no))];
                let lang = self.host.language.clone();
                let mut labels = vec![crate::functions::word(&lang, "Yes"), crate::functions::word(&lang, "No")];
                if matches!(kind, YesNoKind::YesNoMaybe | YesNoKind::NoYesMaybe) {
                    values.push(ButtonAction::Value(Value::None));
                    labels.push(crate::functions::word(&lang, "I don't know"));
                }
                for (i, l) in labels.into_iter().enumerate() {
                    qs.buttons.push(ButtonView {
                        name: name.clone(),
                        value: i.to_string(),
                        label: l,
                        color: None,
                        css_class: None,
                        icon: None,
                        help: None,
                    });
                }
                form.push(FormField {
                    name,
                    var: var.name().to_string(),
                    datatype: "boolean".into(),
                    how: How::Buttons { values },
                    required: true,
                    min: None,
                    max: None,
                    minlength: None,
                    maxlength: None,
                    validate: None,
                    cond: None,
                    view: None,
                });
            }
            Input::Choice(ci) => {
                let opts = self.options(&ci.choices)?;
                let opts = shuffle(opts, ci.shuffle, self.st.steps);
                match &ci.field {
                    None => {
                        // embedded blocks / special commands
                        let name = "_choice".to_string();
                        let mut values = Vec::new();
                        if ci.style == ChoiceStyle::Buttons {
                            for (i, o) in opts.into_iter().enumerate() {
                                qs.buttons.push(ButtonView {
                                    name: name.clone(),
                                    value: i.to_string(),
                                    label: o.label,
                                    color: o.color,
                                    css_class: o.css_class,
                                    icon: o.image,
                                    help: o.help,
                                });
                                values.push(o.value);
                            }
                            form.push(FormField {
                                name,
                                var: String::new(),
                                datatype: "choice".into(),
                                how: How::Buttons { values },
                                required: true,
                                min: None,
                                max: None,
                                minlength: None,
                                maxlength: None,
                                validate: None,
                                cond: None,
                                view: None,
                            });
                        } else {
                            wants_continue = true;
                            let kind = if ci.style == ChoiceStyle::Radio { FieldKind::Radio } else { FieldKind::Dropdown };
                            let mut fv = field_view(name.clone(), "f0".into(), String::new(), kind, "choice");
                            fv.required = true;
                            for (i, o) in opts.into_iter().enumerate() {
                                if o.default {
                                    fv.value = Some(i.to_string());
                                }
                                fv.choices.push(ChoiceView {
                                    value: i.to_string(),
                                    label: o.label,
                                    selected: o.default,
                                    help: o.help,
                                    name: None,
                                    id: format!("f0_{i}"),
                                });
                                values.push(o.value);
                            }
                            qs.fields.push(fv);
                            form.push(FormField {
                                name,
                                var: String::new(),
                                datatype: "choice".into(),
                                how: How::Buttons { values },
                                required: true,
                                min: None,
                                max: None,
                                minlength: None,
                                maxlength: None,
                                validate: None,
                                cond: None,
                                view: Some(0),
                            });
                        }
                    }
                    Some(var) => {
                        let name = path::b64_encode(var.name());
                        let current = self.current_or_default(var.name(), ci.default.as_ref())?;
                        let datatype = ci.datatype.clone().unwrap_or_else(|| "text".into());
                        if ci.style == ChoiceStyle::Buttons {
                            let mut values = Vec::new();
                            for (i, o) in opts.into_iter().enumerate() {
                                qs.buttons.push(ButtonView {
                                    name: name.clone(),
                                    value: i.to_string(),
                                    label: o.label,
                                    color: o.color,
                                    css_class: o.css_class,
                                    icon: o.image,
                                    help: o.help,
                                });
                                values.push(o.value);
                            }
                            form.push(FormField {
                                name,
                                var: var.name().to_string(),
                                datatype,
                                how: How::Buttons { values },
                                required: true,
                                min: None,
                                max: None,
                                minlength: None,
                                maxlength: None,
                                validate: None,
                                cond: None,
                                view: None,
                            });
                        } else {
                            wants_continue = true;
                            let kind = if ci.style == ChoiceStyle::Radio { FieldKind::Radio } else { FieldKind::Dropdown };
                            let mut fv = field_view(name.clone(), "f0".into(), String::new(), kind, &datatype);
                            fv.required = true;
                            let mut values = Vec::new();
                            for (i, o) in opts.into_iter().enumerate() {
                                let val = match &o.value {
                                    ButtonAction::Value(v) => v.clone(),
                                    _ => Value::None,
                                };
                                let selected = match &current {
                                    Some(c) => c.py_eq(&val),
                                    None => o.default,
                                };
                                if selected {
                                    fv.value = Some(i.to_string());
                                }
                                fv.choices.push(ChoiceView {
                                    value: i.to_string(),
                                    label: o.label,
                                    selected,
                                    help: o.help,
                                    name: None,
                                    id: format!("f0_{i}"),
                                });
                                values.push(val);
                            }
                            qs.fields.push(fv);
                            form.push(FormField {
                                name,
                                var: var.name().to_string(),
                                datatype,
                                how: How::Choice { values },
                                required: true,
                                min: None,
                                max: None,
                                minlength: None,
                                maxlength: None,
                                validate: None,
                                cond: None,
                                view: Some(0),
                            });
                        }
                    }
                }
            }
            Input::Fields(fields) => {
                wants_continue = true;
                match self.list_collect(q, fields)? {
                    Some(c) => self.build_collect(&c, fields, &mut qs, &mut form)?,
                    None => self.build_fields(fields, &mut qs, &mut form)?,
                }
            }
            Input::FieldsCode(e) => {
                wants_continue = true;
                let v = self.eval_expr(e)?;
                self.build_code_fields(&v, e.pos(), &mut qs, &mut form)?;
            }
            Input::Review(items) => {
                wants_continue = true;
                for item in items {
                    if let Some(ri) = self.review_item(item)? {
                        qs.review.push(ri);
                    }
                }
            }
            Input::Signature(_) => {
                return Err(Flow::Fatal(format!("{}: signature fields are not supported yet", block.pos)));
            }
        }
        if wants_continue {
            let label = match (&q.input, &q.resume_button_label) {
                (_, Some(t)) => self.text(t)?,
                (Input::Review(_), None) if q.continue_button_field.is_none() && q.continue_button_label.is_none() => {
                    crate::functions::word(&self.host.language, "Resume")
                }
                _ => cont,
            };
            let hidden = match &q.hide_continue_button {
                Some(c) => self.condition(c)?,
                None => false,
            };
            if !hidden {
                qs.continue_label = Some(label);
            }
        }
        if qs.buttons.is_empty() && qs.continue_label.is_none() {
            qs.submit = None;
        }
        self.image_references(&mut qs)?;
        if let Some(var) = &q.continue_button_field {
            form.push(FormField {
                name: path::b64_encode(var.name()),
                var: var.name().to_string(),
                datatype: "continue".into(),
                how: How::Input,
                required: false,
                min: None,
                max: None,
                minlength: None,
                maxlength: None,
                validate: None,
                cond: None,
                view: None,
            });
        }
        Ok((qs, form))
    }

    /// `:name:` image references become images; attributions of the images used are added
    /// at the end of the screen (`post`).
    fn image_references(&mut self, qs: &mut QuestionScreen) -> R<()> {
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

    fn section_view(
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
        crate::functions::encode_action_url(&self.ctx.interview_url, action, &args)
    }

    /// Renders a review text; tables and templates it refers to are made on the way (only an
    /// answer that is missing leaves the item out).
    fn text_defining(&mut self, t: Option<&crate::model::Text>) -> R<Option<String>> {
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
    fn made_without_asking(&mut self, var: &str) -> bool {
        let iv = self.iv;
        let cands = self.candidates(var);
        !cands.is_empty()
            && cands.iter().all(|(b, _)| {
                iv.blocks.get(*b).is_some_and(|bl| matches!(bl.kind, BlockKind::Table(_) | BlockKind::Template(_)))
            })
    }

    fn review_item(&mut self, item: &crate::model::ReviewItem) -> R<Option<ReviewItem>> {
        // skip undefined: an item whose text needs an undefined variable is left out
        for e in &item.show_if {
            match self.eval_expr(e) {
                Ok(v) if v.truthy() => {}
                Ok(_) | Err(Flow::Undefined(_)) => return Ok(None),
                Err(e) => return Err(e),
            }
        }
        for f in &item.fields {
            if !self.is_defined(f) {
                return Ok(None);
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
            Some(crate::functions::encode_action_url(&self.ctx.interview_url, "_da_force_ask", &args))
        } else {
            None
        };
        Ok(Some(ReviewItem {
            label: label.clone().unwrap_or_default(),
            url,
            value: button.or(note).or(help),
            html: false,
            button: item.button.is_some(),
        }))
    }

    pub(crate) fn build_fields(&mut self, fields: &[Field], qs: &mut QuestionScreen, form: &mut Vec<FormField>) -> R<()> {
        let on_screen: Vec<String> = fields.iter().filter_map(|f| f.var.as_ref().map(|v| v.name().to_string())).collect();
        for (k, f) in fields.iter().enumerate() {
            if self.field_shown_server(f)? == Some(false) {
                continue;
            }
            let id = format!("f{k}");
            // notes and html
            if f.var.is_none() {
                let (kind, content) = if let Some(t) = &f.note {
                    (FieldKind::Note, self.text(t)?)
                } else if let Some(t) = &f.html {
                    (FieldKind::Html, self.render_raw(t)?)
                } else if let Some(s) = &f.raw_html {
                    (FieldKind::Html, s.clone())
                } else {
                    continue;
                };
                let mut fv = field_view(String::new(), id, String::new(), kind, "");
                fv.content = Some(content);
                qs.fields.push(fv);
                continue;
            }
            let Some(var) = &f.var else { continue };
            let var_name = var.name().to_string();
            if let Some(t) = &f.note {
                let mut nv = field_view(String::new(), format!("{id}_note"), String::new(), FieldKind::Note, "");
                nv.content = Some(self.text(t)?);
                qs.fields.push(nv);
            }
            if let Some(t) = &f.html {
                let mut nv = field_view(String::new(), format!("{id}_html"), String::new(), FieldKind::Html, "");
                nv.content = Some(self.render_raw(t)?);
                qs.fields.push(nv);
            }
            let mut datatype = f.datatype.clone().unwrap_or_else(|| "text".to_string());
            if datatype == "text" {
                if let Some(it) = &f.input_type {
                    if it == "area" || it == "hidden" {
                        datatype = it.clone();
                    }
                }
            }
            let label = match &f.label {
                Some(t) => self.text(t)?,
                None => String::new(),
            };
            let kind = kind_of(&datatype, f.input_type.as_deref(), f.choices.is_some());
            let name = path::b64_encode(&var_name);
            let mut fv = field_view(name.clone(), id.clone(), label, kind, &datatype);
            fv.hint = self.opt_text(f.hint.as_ref())?;
            fv.help = self.opt_text(f.help.as_ref())?;
            let min = match &f.min {
                Some(t) => Some(self.render_raw(t)?.trim().to_string()),
                None => None,
            };
            let max = match &f.max {
                Some(t) => Some(self.render_raw(t)?.trim().to_string()),
                None => None,
            };
            fv.min = min.clone().map(|m| normalize_bound(&datatype, &m));
            fv.max = max.clone().map(|m| normalize_bound(&datatype, &m));
            fv.step = match &f.step {
                Some(t) => Some(self.render_raw(t)?.trim().to_string()),
                None => None,
            };
            let minlength = match &f.minlength {
                Some(t) => self.render_raw(t)?.trim().parse::<usize>().ok(),
                None => None,
            };
            let maxlength = match &f.maxlength {
                Some(t) => self.render_raw(t)?.trim().parse::<usize>().ok(),
                None => None,
            };
            fv.minlength = minlength;
            fv.maxlength = maxlength;
            if datatype == "currency" {
                fv.currency_symbol = Some(match &f.currency_symbol {
                    Some(t) => self.render_raw(t)?,
                    None => "$".to_string(),
                });
            }
            for (key, node) in &f.other {
                match key.as_str() {
                    "css class" => fv.css_class = node.scalar_text(),
                    "label above field" | "floating label" => fv.label_above = node.as_bool().unwrap_or(false),
                    "rows" => fv.rows = node.scalar_text().and_then(|s| s.parse().ok()),
                    "disabled" => fv.disabled = node.as_bool().unwrap_or(false),
                    _ => {}
                }
            }
            if self.iv.features.labels_above_fields {
                fv.label_above = true;
            }
            // required
            let default_required = !matches!(
                datatype.as_str(),
                "yesno" | "noyes" | "yesnowide" | "noyeswide" | "range" | "yesnomaybe" | "noyesmaybe"
            );
            let mut required = match &f.required {
                Some(c) => self.condition(c)?,
                None => default_required,
            };
            if matches!(datatype.as_str(), "yesno" | "noyes" | "yesnowide" | "noyeswide" | "range" | "hidden") {
                required = false;
            }
            // same-screen conditions
            let mut cond = None;
            for (c, show) in [(&f.show_if, true), (&f.hide_if, false)] {
                let Some(c) = c else { continue };
                let (variable, expected) = match c {
                    FieldCondition::Var(v) => (v.clone(), "True".to_string()),
                    FieldCondition::VarIs { variable, is } => {
                        (variable.clone(), is.scalar_text().unwrap_or_default())
                    }
                    _ => continue,
                };
                if on_screen.contains(&variable) {
                    let ctrl = path::b64_encode(&variable);
                    if show {
                        fv.show_if = Some((ctrl, expected.clone()));
                    } else {
                        fv.hide_if = Some((ctrl, expected.clone()));
                    }
                    cond = Some((variable, expected, show));
                } else {
                    // refers to an answered variable: decide now
                    let pos = f.pos.clone();
                    let v = self.eval_src(&variable, &pos)?;
                    let matches = if expected == "True" && matches!(c, FieldCondition::Var(_)) {
                        v.truthy()
                    } else {
                        super::submit::value_text(&v) == expected
                    };
                    if matches != show {
                        cond = Some(("__hidden__".into(), String::new(), true));
                    }
                }
            }
            if let Some((v, _, _)) = &cond {
                if v == "__hidden__" {
                    continue;
                }
            }
            let current = match (&f.default, datatype.starts_with("object")) {
                // an object field's default names the object
                (Some(DefaultValue::Text(t)), true) if !self.is_defined(&var_name) && t.is_plain() => {
                    Some(self.eval_src(t.source().trim(), t.pos())?)
                }
                _ => self.current_or_default(&var_name, f.default.as_ref())?,
            };
            let how = match kind {
                FieldKind::Checkbox => {
                    let invert = datatype.starts_with("noyes");
                    if let Some(v) = &current {
                        fv.value = Some(if v.truthy() != invert { "True" } else { "False" }.to_string());
                    }
                    How::Checkbox { invert }
                }
                FieldKind::Radio | FieldKind::Dropdown
                    if matches!(datatype.as_str(), "yesnoradio" | "noyesradio" | "yesnomaybe" | "noyesmaybe") =>
                {
                    let invert = datatype.starts_with("noyes");
                    let mut values = vec![Value::Bool(!invert), Value::Bool(invert)];
                    let mut labels = vec!["Yes", "No"];
                    if datatype.ends_with("maybe") {
                        values.push(Value::None);
                        labels.push("I don't know");
                    }
                    for (i, (val, l)) in values.iter().zip(labels).enumerate() {
                        let selected = current.as_ref().is_some_and(|c| c.py_eq(val) && !matches!(c, Value::None) || (matches!(c, Value::None) && matches!(val, Value::None) && self.is_defined(&var_name)));
                        if selected {
                            fv.value = Some(i.to_string());
                        }
                        fv.choices.push(ChoiceView {
                            value: i.to_string(),
                            label: l.to_string(),
                            selected,
                            help: None,
                            name: None,
                            id: format!("{id}_{i}"),
                        });
                    }
                    How::Choice { values }
                }
                FieldKind::Radio | FieldKind::Dropdown => {
                    let opts = match &f.choices {
                        Some(c) => self.field_options(c, &datatype, f.other.iter().any(|(k, _)| k == "object labeler"))?,
                        None => Vec::new(),
                    };
                    let opts = self.generators(f, opts)?;
                    let opts = self.exclude(f, opts)?;
                    let opts = shuffle(opts, f.shuffle, self.st.steps);
                    if opts.is_empty() && f.choices.is_some() {
                        form.push(FormField {
                            name: name.clone(),
                            var: var_name.clone(),
                            datatype: datatype.clone(),
                            how: How::Fixed(Value::None),
                            required: false,
                            min: None,
                            max: None,
                            minlength: None,
                            maxlength: None,
                            validate: None,
                            cond: None,
                            view: None,
                        });
                        continue;
                    }
                    let mut values = Vec::new();
                    for (i, o) in opts.into_iter().enumerate() {
                        let val = match o.value {
                            ButtonAction::Value(v) => v,
                            _ => Value::None,
                        };
                        let selected = match &current {
                            Some(c) => c.py_eq(&val) || (display_value(c) == display_value(&val) && !matches!(c, Value::None)),
                            None => o.default,
                        };
                        if selected {
                            fv.value = Some(i.to_string());
                        }
                        fv.choices.push(ChoiceView {
                            value: i.to_string(),
                            label: o.label,
                            selected,
                            help: o.help,
                            name: None,
                            id: format!("{id}_{i}"),
                        });
                        values.push(val);
                    }
                    How::Choice { values }
                }
                FieldKind::Checkboxes | FieldKind::Multiselect => {
                    let opts = match &f.choices {
                        Some(c) => self.field_options(c, &datatype, f.other.iter().any(|(k, _)| k == "object labeler"))?,
                        None => Vec::new(),
                    };
                    let opts = self.generators(f, opts)?;
                    let opts = self.exclude(f, opts)?;
                    let opts = shuffle(opts, f.shuffle, self.st.steps);
                    if opts.is_empty() && f.choices.is_some() {
                        let empty = if datatype.starts_with("object_") {
                            crate::functions::make_dalist(&self.host, &var_name, Vec::new())
                        } else {
                            crate::functions::make_dadict(&self.host, &var_name, Vec::new())
                        };
                        form.push(FormField {
                            name: name.clone(),
                            var: var_name.clone(),
                            datatype: datatype.clone(),
                            how: How::Fixed(empty),
                            required: false,
                            min: None,
                            max: None,
                            minlength: None,
                            maxlength: None,
                            validate: None,
                            cond: None,
                            view: None,
                        });
                        continue;
                    }
                    let defaults = checkbox_defaults(current.as_ref());
                    let mut options = Vec::new();
                    for (i, o) in opts.into_iter().enumerate() {
                        let key = match o.value {
                            ButtonAction::Value(v) => v,
                            _ => Value::None,
                        };
                        let key_text = match &key {
                            Value::Object(o) => o.borrow().instance_name.as_deref().map(path::quote_str).unwrap_or_else(|| key.repr()),
                            _ => key.repr(),
                        };
                        let oname = path::b64_encode(&format!("{var_name}[{key_text}]"));
                        let selected = o.default
                            || defaults.iter().any(|d| {
                                d.py_eq(&key) || (!matches!(d, Value::Object(_)) && d.str() == key.str())
                            });
                        fv.choices.push(ChoiceView {
                            value: "True".into(),
                            label: o.label,
                            selected,
                            help: o.help,
                            name: Some(oname.clone()),
                            id: format!("{id}_{i}"),
                        });
                        options.push((oname, key));
                    }
                    let nota_label = match &f.none_of_the_above {
                        None => Some("None of the above".to_string()),
                        Some(n) => match &n.value {
                            crate::yaml::Value::Bool(false) => None,
                            crate::yaml::Value::Bool(true) | crate::yaml::Value::Null => {
                                Some("None of the above".to_string())
                            }
                            _ => match n.scalar_text() {
                                Some(t) => Some(self.render_src(&t, &f.pos)?.trim().to_string()),
                                None => None,
                            },
                        },
                    };
                    let nota = if kind == FieldKind::Checkboxes { nota_label.clone() } else { None };
                    let nota_name = nota.as_ref().map(|_| path::b64_encode(&format!("_nota_{var_name}")));
                    if let (Some(l), Some(nn)) = (&nota, &nota_name) {
                        let any_default = fv.choices.iter().any(|c| c.selected);
                        // pre-checked only when the question was answered with none of them (an
                        // object list made by an `objects` block is not an answer yet); checking it
                        // wins over the other boxes on submit
                        let answered = if datatype.starts_with("object") {
                            self.is_defined(&format!("{var_name}.gathered"))
                        } else {
                            self.is_defined(&var_name)
                        };
                        let nota_selected = current.is_some() && !any_default && answered;
                        fv.choices.push(ChoiceView {
                            value: "True".into(),
                            label: l.clone(),
                            selected: nota_selected,
                            help: None,
                            name: Some(nn.clone()),
                            id: format!("{id}_nota"),
                        });
                    }
                    if nota.is_none() {
                        required = required && f.required.is_some();
                    }
                    How::Checkboxes { options, nota: nota_name, nota_label: nota.clone() }
                }
                _ => {
                    if let Some(v) = &current {
                        fv.value = match crate::functions::datetime_of(v) {
                            Some(dt) if datatype == "datetime" => Some(dt.format("%Y-%m-%dT%H:%M").to_string()),
                            _ => Some(crate::html::strip_markers(&display_value(v))),
                        };
                    } else if kind == FieldKind::Range {
                        // a slider always has a value: the browser's default is the middle
                        fv.value = range_default(fv.min.as_deref(), fv.max.as_deref(), fv.step.as_deref());
                    }
                    How::Input
                }
            };
            fv.required = required;
            let disabled = fv.disabled;
            let view = qs.fields.len();
            qs.fields.push(fv);
            if let Some(t) = &f.under_text {
                let mut nv = field_view(String::new(), format!("{id}_under"), String::new(), FieldKind::Note, "");
                nv.content = Some(self.text(t)?);
                qs.fields.push(nv);
            }
            if disabled {
                // disabled inputs are not posted: nothing is stored
                continue;
            }
            form.push(FormField {
                name,
                var: var_name,
                datatype,
                how,
                required,
                min,
                max,
                minlength,
                maxlength,
                validate: f.validate.as_ref().map(|e| (e.source().to_string(), e.pos().clone())),
                cond,
                view: Some(view),
            });
        }
        Ok(())
    }

    fn exclude(&mut self, f: &Field, opts: Vec<Opt>) -> R<Vec<Opt>> {
        let Some(e) = &f.exclude else { return Ok(opts) };
        let v = self.eval_expr(e)?;
        let ex: Vec<Value> = match v {
            Value::List(l) => l.borrow().clone(),
            Value::Tuple(t) => t.to_vec(),
            other => vec![other],
        };
        Ok(opts
            .into_iter()
            .filter(|o| match &o.value {
                ButtonAction::Value(v) => !ex.iter().any(|x| x.py_eq(v)),
                _ => true,
            })
            .collect())
    }

    /// `fields: - code: expr` → dicts describing fields (a subset: label/field/datatype/choices/required/default).
    fn build_code_fields(
        &mut self,
        v: &Value,
        pos: &crate::model::Pos,
        qs: &mut QuestionScreen,
        form: &mut Vec<FormField>,
    ) -> R<()> {
        let items: Vec<Value> = match v {
            Value::List(l) => l.borrow().clone(),
            _ => Vec::new(),
        };
        for (k, it) in items.iter().enumerate() {
            let Value::Dict(d) = it else { continue };
            let d = d.borrow();
            let get = |key: &str| d.get(&lang::value::Key::str(key)).cloned();
            let (label, var) = match (get("label"), get("field")) {
                (Some(l), Some(f)) => (l.str(), f.str()),
                _ => {
                    let mut found = None;
                    for (key, val) in d.iter() {
                        let ks = key.to_value().str();
                        if !matches!(ks.as_str(), "datatype" | "required" | "default" | "choices" | "hint" | "help") {
                            found = Some((ks, val.str()));
                            break;
                        }
                    }
                    match found {
                        Some(x) => x,
                        None => continue,
                    }
                }
            };
            let datatype = get("datatype").map(|v| v.str()).unwrap_or_else(|| "text".into());
            let name = path::b64_encode(&var);
            let kind = kind_of(&datatype, None, get("choices").is_some());
            let mut fv = field_view(name.clone(), format!("c{k}"), html_escape(&label), kind, &datatype);
            let required = get("required").map(|r| r.truthy()).unwrap_or(!datatype.starts_with("yesno") && !datatype.starts_with("noyes"));
            fv.required = required;
            let mut how = How::Input;
            if let Some(ch) = get("choices") {
                let mut opts = Vec::new();
                self.options_from_value(&ch, &mut opts);
                let mut values = Vec::new();
                for (i, o) in opts.into_iter().enumerate() {
                    if let ButtonAction::Value(v) = o.value {
                        fv.choices.push(ChoiceView {
                            value: i.to_string(),
                            label: o.label,
                            selected: false,
                            help: None,
                            name: None,
                            id: format!("c{k}_{i}"),
                        });
                        values.push(v);
                    }
                }
                how = How::Choice { values };
            } else if kind == FieldKind::Checkbox {
                how = How::Checkbox { invert: datatype.starts_with("noyes") };
            }
            if let Some(p) = path::parse(&var) {
                if let Some(cur) = path::lookup(&self.ns, &p) {
                    fv.value = Some(display_value(&cur));
                } else if let Some(def) = get("default") {
                    fv.value = Some(display_value(&def));
                }
            }
            let view = qs.fields.len();
            qs.fields.push(fv);
            form.push(FormField {
                name,
                var,
                datatype,
                how,
                required,
                min: None,
                max: None,
                minlength: None,
                maxlength: None,
                validate: None,
                cond: None,
                view: Some(view),
            });
        }
        let _ = pos;
        Ok(())
    }
}

fn iv_help_label(iv: &crate::model::Interview) -> Option<&Text> {
    iv.interview_help.first().and_then(|h| h.label.as_ref())
}

/// Keys checked by default for a checkbox group from its current value or `default:`.
fn checkbox_defaults(current: Option<&Value>) -> Vec<Value> {
    let Some(v) = current else { return Vec::new() };
    match v {
        Value::Str(_) | Value::Int(_) | Value::Float(_) => vec![v.clone()],
        Value::List(l) => l.borrow().clone(),
        Value::Tuple(t) => t.to_vec(),
        Value::Dict(d) => d.borrow().iter().filter(|(_, v)| v.truthy()).map(|(k, _)| k.to_value()).collect(),
        Value::Object(_) => match path::index_elements(v) {
            Some(el) => checkbox_defaults(Some(&el)),
            None => Vec::new(),
        },
        _ => Vec::new(),
    }
}

/// Dates used as bounds are shown as ISO dates; numbers as written.
fn normalize_bound(datatype: &str, text: &str) -> String {
    if crate::validate::is_temporal(datatype) {
        if let Some(d) = crate::validate::parse_date(text) {
            return d.format("%Y-%m-%d").to_string();
        }
    }
    text.to_string()
}

/// A deterministic shuffle (seeded by the step number) so the screen and its submission agree.
fn shuffle<T>(mut items: Vec<T>, on: bool, seed: u64) -> Vec<T> {
    if !on || items.len() < 2 {
        return items;
    }
    let mut state = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
    for i in (1..items.len()).rev() {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
        let j = usize::try_from((state >> 33) % (i as u64 + 1)).unwrap_or(0);
        items.swap(i, j);
    }
    items
}

/// The value a range input starts at (HTML: the middle, rounded to a step, ties upwards).
fn range_default(min: Option<&str>, max: Option<&str>, step: Option<&str>) -> Option<String> {
    let min: f64 = min.and_then(|m| m.trim().parse().ok()).unwrap_or(0.0);
    let max: f64 = max.and_then(|m| m.trim().parse().ok()).unwrap_or(100.0);
    let step: f64 = step.and_then(|m| m.trim().parse().ok()).filter(|s: &f64| *s > 0.0).unwrap_or(1.0);
    if !(min.is_finite() && max.is_finite()) {
        return None;
    }
    if max < min {
        return Some(nice(min));
    }
    let mid = min + (max - min) / 2.0;
    let mut v = min + ((mid - min) / step + 0.5).floor() * step;
    if v > max {
        v -= step;
    }
    Some(nice(v))
}

/// A number as docassemble shows it (no ".0" for whole numbers).
#[allow(clippy::cast_possible_truncation)]
fn nice(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v.trunc() as i64)
    } else {
        format!("{v}")
    }
}
