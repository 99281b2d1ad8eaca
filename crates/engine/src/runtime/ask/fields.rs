//! The inputs of a `fields:` question: one builder per input kind (checkbox, yes/no radio,
//! choice list, checkbox group, text-like input), the field's bounds, requiredness and
//! same-screen conditions, and the fields made by `fields: code:`.

use lang::Value;

use crate::html::html_escape;
use crate::model::{DefaultValue, Field, FieldCondition};
use crate::runtime::{Run, R};
use crate::screen::{ChoiceView, FieldKind, FieldView, QuestionScreen};
use crate::vars::path;

use super::choice_view;
use super::choices::{checkbox_defaults, node_value, shuffle};
use super::form::{ButtonAction, Choices, FormField, How, Opt};

/// A same-screen condition: (controlling variable, expected text, show=true/hide=false).
type Cond = (String, String, bool);

/// Bounds of a field as evaluated when shown.
struct Bounds {
    min: Option<String>,
    max: Option<String>,
    minlength: Option<usize>,
    maxlength: Option<usize>,
}

/// What a field's input gave: how to read it, or a value to store without asking.
enum Built {
    Ask(How),
    Fixed(Value),
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

pub(super) fn kind_of(datatype: &str, input_type: Option<&str>, has_choices: bool) -> FieldKind {
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
        upload: None,
    }
}

impl<'a> Run<'a> {
    /// The value to pre-fill for `var`: current value, then the invalidated value, then `default`.
    pub(super) fn current_or_default(&mut self, var: &str, default: Option<&DefaultValue>) -> R<Option<Value>> {
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

    /// The inputs of a `fields:` question.
    pub(crate) fn build_fields(&mut self, fields: &[Field], qs: &mut QuestionScreen, form: &mut Vec<FormField>) -> R<()> {
        let on_screen: Vec<String> = fields.iter().filter_map(|f| f.var.as_ref().map(|v| v.name().to_string())).collect();
        let disabling = fields.iter().any(|f| disabled_by(f).is_some());
        let mut names: Vec<String> = Vec::new();
        for (k, f) in fields.iter().enumerate() {
            if self.field_shown_server(f)? == Some(false) {
                continue;
            }
            let id = super::numbered("f", k);
            let start = form.len();
            match &f.var {
                Some(var) => self.build_field(f, var.name().to_string(), id, &on_screen, qs, form)?,
                None => self.text_field(f, id, qs)?,
            }
            if disabling {
                // `disable others`: each input posts on its own (two fields may share a
                // variable), and the one that disables the others is known to `submit`
                for ff in form.iter_mut().skip(start) {
                    if names.contains(&ff.name) {
                        let unique = format!("{}_{k}", ff.name);
                        if let Some(fv) = ff.view.and_then(|v| qs.fields.get_mut(v)) {
                            fv.name = unique.clone();
                        }
                        ff.name = unique;
                    }
                    names.push(ff.name.clone());
                    ff.disables_others = disabled_by(f);
                    if ff.disables_others.is_some() {
                        // docassemble: a field that disables others is not required
                        ff.required = false;
                        if let Some(fv) = ff.view.and_then(|v| qs.fields.get_mut(v)) {
                            fv.required = false;
                        }
                    }
                }
            }
        }
        Ok(())
    }

    /// A field without a variable: a `note` or `html`.
    fn text_field(&mut self, f: &Field, id: String, qs: &mut QuestionScreen) -> R<()> {
        let (kind, content) = if let Some(t) = &f.note {
            (FieldKind::Note, self.text(t)?)
        } else if let Some(t) = &f.html {
            (FieldKind::Html, self.render_raw(t)?)
        } else if let Some(t) = &f.raw_html {
            (FieldKind::Html, self.render_raw(t)?)
        } else {
            return Ok(());
        };
        let mut fv = field_view(String::new(), id, String::new(), kind, "");
        fv.content = Some(content);
        qs.fields.push(fv);
        Ok(())
    }

    /// A text shown next to a field (`note`, `html` or `under text` of a field with a variable).
    fn side_text(&mut self, content: String, id: String, kind: FieldKind, qs: &mut QuestionScreen) {
        let mut nv = field_view(String::new(), id, String::new(), kind, "");
        nv.content = Some(content);
        qs.fields.push(nv);
    }

    /// One field that sets `var_name`.
    fn build_field(
        &mut self,
        f: &Field,
        var_name: String,
        id: String,
        on_screen: &[String],
        qs: &mut QuestionScreen,
        form: &mut Vec<FormField>,
    ) -> R<()> {
        if let Some(t) = &f.note {
            let content = self.text(t)?;
            self.side_text(content, format!("{id}_note"), FieldKind::Note, qs);
        }
        if let Some(t) = &f.html {
            let content = self.render_raw(t)?;
            self.side_text(content, format!("{id}_html"), FieldKind::Html, qs);
        }
        let datatype = field_datatype(f);
        let label = match &f.label {
            Some(t) => self.text(t)?,
            None => String::new(),
        };
        let kind = kind_of(&datatype, f.input_type.as_deref(), f.choices.is_some());
        let name = path::b64_encode(&var_name);
        let mut fv = field_view(name.clone(), id.clone(), label, kind, &datatype);
        fv.hint = self.opt_text(f.hint.as_ref())?;
        fv.help = self.opt_text(f.help.as_ref())?;
        let bounds = self.field_bounds(f, &datatype, &mut fv)?;
        self.field_presentation(f, &datatype, &mut fv)?;
        let mut required = self.field_required(f, &datatype)?;
        let Some(cond) = self.same_screen_condition(f, on_screen, &mut fv)? else { return Ok(()) };
        let current = match (&f.default, datatype.starts_with("object")) {
            // an object field's default names the object
            (Some(DefaultValue::Text(t)), true) if !self.is_defined(&var_name) && t.is_plain() => {
                Some(self.eval_src(t.source().trim(), t.pos())?)
            }
            _ => self.current_or_default(&var_name, f.default.as_ref())?,
        };
        let built = match kind {
            FieldKind::Checkbox => Built::Ask(checkbox_input(&datatype, current.as_ref(), &mut fv)),
            FieldKind::Radio | FieldKind::Dropdown
                if matches!(datatype.as_str(), "yesnoradio" | "noyesradio" | "yesnomaybe" | "noyesmaybe") =>
            {
                Built::Ask(self.yesno_radio_input(&datatype, &var_name, current.as_ref(), &id, &mut fv))
            }
            FieldKind::Radio | FieldKind::Dropdown => self.choice_input(f, &datatype, current.as_ref(), &id, &mut fv)?,
            FieldKind::Checkboxes | FieldKind::Multiselect => {
                self.checkboxes_input(f, &datatype, &var_name, current.as_ref(), &id, &mut fv, &mut required)?
            }
            FieldKind::File => Built::Ask(How::File(self.file_input(f, &datatype, &mut fv)?)),
            _ => Built::Ask(text_input(&datatype, kind, current.as_ref(), &mut fv)),
        };
        let how = match built {
            Built::Ask(how) => how,
            Built::Fixed(v) => {
                // docassemble still shows a choice field without choices among other fields
                // (an empty list); its value is stored as it is — an object choice keeps the
                // object it names already
                let keep = matches!(datatype.as_str(), "object" | "object_radio");
                let v = match path::parse(&var_name).and_then(|p| path::lookup(&self.ns, &p)) {
                    Some(existing) if keep => existing,
                    _ => v,
                };
                qs.fields.push(fv);
                form.push(FormField::fixed(name, var_name, datatype, v));
                return Ok(());
            }
        };
        fv.required = required;
        let disabled = fv.disabled;
        let view = qs.fields.len();
        qs.fields.push(fv);
        if let Some(t) = &f.under_text {
            let content = self.text(t)?;
            self.side_text(content, format!("{id}_under"), FieldKind::Note, qs);
        }
        if disabled {
            // disabled inputs are not posted: nothing is stored
            return Ok(());
        }
        form.push(FormField {
            required,
            min: bounds.min,
            max: bounds.max,
            minlength: bounds.minlength,
            maxlength: bounds.maxlength,
            validate: f.validate.as_ref().map(|e| (e.source().to_string(), e.pos().clone())),
            cond,
            ..FormField::new(name, var_name, datatype, how).shown_as(view)
        });
        Ok(())
    }

    /// `min`/`max`/`step`/`minlength`/`maxlength`, shown on the input and kept for `submit`.
    fn field_bounds(&mut self, f: &Field, datatype: &str, fv: &mut FieldView) -> R<Bounds> {
        let min = match &f.min {
            Some(t) => Some(self.render_raw(t)?.trim().to_string()),
            None => None,
        };
        let max = match &f.max {
            Some(t) => Some(self.render_raw(t)?.trim().to_string()),
            None => None,
        };
        fv.min = min.clone().map(|m| normalize_bound(datatype, &m));
        fv.max = max.clone().map(|m| normalize_bound(datatype, &m));
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
        Ok(Bounds { min, max, minlength, maxlength })
    }

    /// Currency symbol, CSS class, label placement, rows, disabled.
    fn field_presentation(&mut self, f: &Field, datatype: &str, fv: &mut FieldView) -> R<()> {
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
        Ok(())
    }

    /// Whether the field must be answered (`required:`, else by datatype).
    fn field_required(&mut self, f: &Field, datatype: &str) -> R<bool> {
        let default_required =
            !matches!(datatype, "yesno" | "noyes" | "yesnowide" | "noyeswide" | "range" | "yesnomaybe" | "noyesmaybe");
        let required = match &f.required {
            Some(c) => self.condition(c)?,
            None => default_required,
        };
        if matches!(datatype, "yesno" | "noyes" | "yesnowide" | "noyeswide" | "range" | "hidden") {
            return Ok(false);
        }
        Ok(required)
    }

    /// `show if`/`hide if` naming a variable: on this screen the browser decides (the
    /// condition is returned); an answered variable is decided now. `None`: the field is hidden.
    fn same_screen_condition(&mut self, f: &Field, on_screen: &[String], fv: &mut FieldView) -> R<Option<Option<Cond>>> {
        let mut cond = None;
        for (c, show) in [(&f.show_if, true), (&f.hide_if, false)] {
            let Some(c) = c else { continue };
            let (variable, expected) = match c {
                FieldCondition::Var(v) => (v.clone(), "True".to_string()),
                FieldCondition::VarIs { variable, is } => (variable.clone(), is.scalar_text().unwrap_or_default()),
                _ => continue,
            };
            // `x['key']` of a checkbox group `x` on the same screen is decided with it
            let item_of_on_screen = variable
                .split_once('[')
                .is_some_and(|(base, rest)| rest.ends_with(']') && on_screen.iter().any(|v| v == base));
            if on_screen.contains(&variable) || item_of_on_screen {
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
                    crate::runtime::submit::value_text(&v) == expected
                };
                if matches != show {
                    cond = Some(("__hidden__".into(), String::new(), true));
                }
            }
        }
        if let Some((v, _, _)) = &cond {
            if v == "__hidden__" {
                return Ok(None);
            }
        }
        Ok(Some(cond))
    }

    /// `yesnoradio`/`noyesradio`/`yesnomaybe`/`noyesmaybe`: Yes, No (and I don't know) as a list.
    fn yesno_radio_input(&mut self, datatype: &str, var_name: &str, current: Option<&Value>, id: &str, fv: &mut FieldView) -> How {
        let invert = datatype.starts_with("noyes");
        let mut values = vec![Value::Bool(!invert), Value::Bool(invert)];
        let mut labels = vec!["Yes", "No"];
        if datatype.ends_with("maybe") {
            values.push(Value::None);
            labels.push("I don't know");
        }
        for (i, (val, l)) in values.iter().zip(labels).enumerate() {
            let selected = current.is_some_and(|c| {
                c.py_eq(val) && !matches!(c, Value::None)
                    || (matches!(c, Value::None) && matches!(val, Value::None) && self.is_defined(var_name))
            });
            if selected {
                fv.value = Some(i.to_string());
            }
            fv.choices.push(choice_view(i, l.to_string(), selected, None, id));
        }
        How::Choice { values: Choices::Values(values) }
    }

    /// The options of a field with `choices:` after generators, exclusions and shuffling.
    fn field_choices(&mut self, f: &Field, datatype: &str) -> R<Vec<Opt>> {
        let opts = match &f.choices {
            Some(c) => self.field_options(c, datatype, f.other.iter().any(|(k, _)| k == "object labeler"))?,
            None => Vec::new(),
        };
        let opts = self.generators(f, opts)?;
        let opts = self.exclude(f, opts)?;
        Ok(shuffle(opts, f.shuffle, self.st.steps))
    }

    /// A radio or dropdown list of the field's choices (none available: `None` is stored).
    fn choice_input(&mut self, f: &Field, datatype: &str, current: Option<&Value>, id: &str, fv: &mut FieldView) -> R<Built> {
        let opts = self.field_choices(f, datatype)?;
        if opts.is_empty() && f.choices.is_some() {
            return Ok(Built::Fixed(Value::None));
        }
        let mut values = Vec::new();
        for (i, o) in opts.into_iter().enumerate() {
            let val = match o.value {
                ButtonAction::Value(v) => v,
                _ => Value::None,
            };
            let selected = match current {
                Some(c) => c.py_eq(&val) || (display_value(c) == display_value(&val) && !matches!(c, Value::None)),
                None => o.default,
            };
            if selected {
                fv.value = Some(i.to_string());
            }
            fv.choices.push(choice_view(i, o.label, selected, o.help, id));
            values.push(val);
        }
        Ok(Built::Ask(How::Choice { values: Choices::Values(values) }))
    }

    /// A checkbox group or multiselect, with "None of the above" for checkboxes (none
    /// available: an empty DADict/DAList is stored).
    #[allow(clippy::too_many_arguments)]
    fn checkboxes_input(
        &mut self,
        f: &Field,
        datatype: &str,
        var_name: &str,
        current: Option<&Value>,
        id: &str,
        fv: &mut FieldView,
        required: &mut bool,
    ) -> R<Built> {
        let opts = self.field_choices(f, datatype)?;
        if opts.is_empty() && f.choices.is_some() {
            let empty = if datatype.starts_with("object_") {
                crate::functions::make_dalist(&self.host, var_name, Vec::new())
            } else {
                crate::functions::make_dadict(&self.host, var_name, Vec::new())
            };
            return Ok(Built::Fixed(empty));
        }
        let defaults = checkbox_defaults(current);
        let mut options = Vec::new();
        let id_prefix = format!("{id}_");
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
                || defaults.iter().any(|d| d.py_eq(&key) || (!matches!(d, Value::Object(_)) && d.str() == key.str()));
            fv.choices.push(ChoiceView {
                value: "True".into(),
                label: o.label,
                selected,
                help: o.help,
                name: Some(oname.clone()),
                id: super::numbered(&id_prefix, i),
            });
            options.push((oname, key));
        }
        let nota_label = self.none_of_the_above(f)?;
        let nota = if fv.kind == FieldKind::Checkboxes { nota_label } else { None };
        let nota_name = nota.as_ref().map(|_| path::b64_encode(&format!("_nota_{var_name}")));
        if let (Some(l), Some(nn)) = (&nota, &nota_name) {
            let any_default = fv.choices.iter().any(|c| c.selected);
            // pre-checked only when the question was answered with none of them (an
            // object list made by an `objects` block is not an answer yet); checking it
            // wins over the other boxes on submit
            let answered = if datatype.starts_with("object") {
                self.is_defined(&format!("{var_name}.gathered"))
            } else {
                self.is_defined(var_name)
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
            *required = *required && f.required.is_some();
        }
        Ok(Built::Ask(How::Checkboxes { options, nota: nota_name, nota_label: nota }))
    }

    /// The label of a checkbox group's "None of the above" (`None`: not offered).
    fn none_of_the_above(&mut self, f: &Field) -> R<Option<String>> {
        Ok(match &f.none_of_the_above {
            None => Some("None of the above".to_string()),
            Some(n) => match &n.value {
                crate::yaml::Value::Bool(false) => None,
                crate::yaml::Value::Bool(true) | crate::yaml::Value::Null => Some("None of the above".to_string()),
                _ => match n.scalar_text() {
                    Some(t) => Some(self.render_src(&t, &f.pos)?.trim().to_string()),
                    None => None,
                },
            },
        })
    }

    /// `fields: - code: expr` → dicts describing fields (a subset: label/field/datatype/choices/required/default).
    pub(super) fn build_code_fields(
        &mut self,
        v: &Value,
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
                how = How::Choice { values: Choices::Values(values) };
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
            form.push(FormField { required, ..FormField::new(name, var, datatype, how).shown_as(view) });
        }
        Ok(())
    }
}

/// The field's datatype (`input type: area/hidden` of a text field counts as one).
fn field_datatype(f: &Field) -> String {
    let mut datatype = f.datatype.clone().unwrap_or_else(|| "text".to_string());
    if datatype == "text" {
        if let Some(it) = &f.input_type {
            if it == "area" || it == "hidden" {
                datatype = it.clone();
            }
        }
    }
    datatype
}

/// A single checkbox (`yesno`, `noyes` and the wide forms).
fn checkbox_input(datatype: &str, current: Option<&Value>, fv: &mut FieldView) -> How {
    let invert = datatype.starts_with("noyes");
    if let Some(v) = current {
        fv.value = Some(if v.truthy() != invert { "True" } else { "False" }.to_string());
    }
    How::Checkbox { invert }
}

/// A text-like input (text, number, date, range …) pre-filled with the current value.
fn text_input(datatype: &str, kind: FieldKind, current: Option<&Value>, fv: &mut FieldView) -> How {
    if let Some(v) = current {
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

/// Dates used as bounds are shown as ISO dates; numbers as written.
pub(super) fn normalize_bound(datatype: &str, text: &str) -> String {
    if crate::validate::is_temporal(datatype) {
        if let Some(d) = crate::validate::parse_date(text) {
            return d.format("%Y-%m-%d").to_string();
        }
    }
    text.to_string()
}

/// The value a range input starts at (HTML: the middle, rounded to a step, ties upwards).
pub(super) fn range_default(min: Option<&str>, max: Option<&str>, step: Option<&str>) -> Option<String> {
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
pub(super) fn nice(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v.trunc() as i64)
    } else {
        format!("{v}")
    }
}

/// `disable others`: `True` (a value in this field disables the screen's other inputs:
/// an empty list) or the variables it disables.
fn disabled_by(f: &Field) -> Option<Vec<String>> {
    let (_, n) = f.other.iter().find(|(k, _)| k == "disable others")?;
    match (n.as_bool(), n.as_seq()) {
        (Some(true), _) => Some(Vec::new()),
        (_, Some(items)) => Some(items.iter().filter_map(|i| i.scalar_text()).map(|s| s.trim().to_string()).collect()),
        _ => None,
    }
}
