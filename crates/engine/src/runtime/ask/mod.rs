//! Turning a question block into a [`QuestionScreen`] and the form description that `submit`
//! uses to accept exactly what the screen offered.
//!
//! `mod.rs` assembles a screen from its parts: the texts and navigation ([`parts`]), the
//! question-level inputs (yes/no buttons, a multiple choice), the `fields:` inputs
//! ([`fields`]), the options they offer ([`choices`]), and the form description ([`form`]).

mod choices;
mod fields;
mod form;
mod kept;
mod parts;

use lang::Value;

use crate::model::{Block, BlockKind, ChoiceStyle, Input, Question, YesNoKind};
use crate::screen::{ChoiceView, FieldKind, QuestionScreen, Screen};
use crate::state::CurrentQuestion;
use crate::vars::path;

use super::{Flow, Run, R};

pub(crate) use fields::field_view;
pub(crate) use form::{ButtonAction, Choices, FormField, How, Opt};
pub use kept::KeptForm;
pub(crate) use parts::base_screen;

impl<'a> Run<'a> {
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
        let disabled = qs.fields.iter().filter(|f| f.disabled).map(|f| f.name.clone()).collect();
        let kept = KeptForm::new(self.iv.revision, &form, disabled);
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
            form: kept.map(std::sync::Arc::new),
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
        self.question_texts(q, &mut qs)?;
        self.question_navigation(q, &mut qs)?;
        self.action_buttons(q, &mut qs)?;
        let mut form = Vec::new();
        let continue_default = match &q.continue_button_label {
            Some(t) => Some(self.text(t)?),
            None => self.part(None, "continue button label")?,
        };
        let cont = continue_default.unwrap_or_else(|| crate::functions::word(&self.host.language, "Continue"));
        qs.continue_color = q.continue_button_color.as_ref().map(|t| t.source().trim().to_string());
        let wants_continue = self.build_input(q, &mut qs, &mut form)? || q.continue_button_field.is_some();
        if wants_continue {
            self.continue_button(q, cont, &mut qs)?;
        }
        if qs.buttons.is_empty() && qs.continue_label.is_none() {
            qs.submit = None;
        }
        self.image_references(&mut qs)?;
        qs.attachments = self.attachment_box(q)?;
        if let Some(var) = &q.continue_button_field {
            form.push(FormField::new(path::b64_encode(var.name()), var.name(), "continue", How::Input));
        }
        Ok((qs, form))
    }

    /// The question's inputs; true when the screen needs a Continue button.
    fn build_input(&mut self, q: &Question, qs: &mut QuestionScreen, form: &mut Vec<FormField>) -> R<bool> {
        match &q.input {
            Input::None => Ok(false),
            Input::YesNo { var, kind } => {
                self.yesno_buttons(var.name(), *kind, qs, form);
                Ok(false)
            }
            Input::Choice(ci) => self.build_choice(ci, qs, form),
            Input::Fields(fields) => {
                match self.list_collect(q, fields)? {
                    Some(c) => self.build_collect(&c, fields, qs, form)?,
                    None => self.build_fields(fields, qs, form)?,
                }
                Ok(true)
            }
            Input::FieldsCode(e) => {
                let v = self.eval_expr(e)?;
                self.build_code_fields(&v, qs, form)?;
                Ok(true)
            }
            Input::Review(items) => {
                for item in items {
                    if let Some(ri) = self.review_item(item)? {
                        qs.review.push(ri);
                    }
                }
                Ok(true)
            }
            Input::Signature(sig) => {
                self.build_signature(sig, qs, form)?;
                Ok(true)
            }
        }
    }

    /// The Continue (or Resume) button, unless `hide continue button` says otherwise.
    fn continue_button(&mut self, q: &Question, cont: String, qs: &mut QuestionScreen) -> R<()> {
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
        Ok(())
    }

    /// `yesno:` / `noyes:` (and the `maybe` forms): Yes, No (and I don't know) buttons.
    fn yesno_buttons(&mut self, var: &str, kind: YesNoKind, qs: &mut QuestionScreen, form: &mut Vec<FormField>) {
        let (yes, no) = match kind {
            YesNoKind::YesNo | YesNoKind::YesNoMaybe => (true, false),
            YesNoKind::NoYes | YesNoKind::NoYesMaybe => (false, true),
        };
        let lang = self.host.language.clone();
        let mut opts = vec![
            Opt::label(ButtonAction::Value(Value::Bool(yes)), crate::functions::word(&lang, "Yes")),
            Opt::label(ButtonAction::Value(Value::Bool(no)), crate::functions::word(&lang, "No")),
        ];
        if matches!(kind, YesNoKind::YesNoMaybe | YesNoKind::NoYesMaybe) {
            opts.push(Opt::label(ButtonAction::Value(Value::None), crate::functions::word(&lang, "I don't know")));
        }
        let name = path::b64_encode(var);
        let values = form::push_buttons(qs, &name, opts);
        form.push(FormField::buttons(name, var, "boolean", values));
    }

    /// A multiple-choice question: buttons, or a radio/dropdown list with Continue; true when
    /// the screen needs a Continue button.
    fn build_choice(&mut self, ci: &crate::model::ChoiceInput, qs: &mut QuestionScreen, form: &mut Vec<FormField>) -> R<bool> {
        let opts = self.options(&ci.choices)?;
        let opts = choices::shuffle(opts, ci.shuffle, self.st.steps);
        let kind = if ci.style == ChoiceStyle::Radio { FieldKind::Radio } else { FieldKind::Dropdown };
        let Some(var) = &ci.field else {
            // embedded blocks / special commands
            let name = "_choice".to_string();
            if ci.style == ChoiceStyle::Buttons {
                let values = form::push_buttons(qs, &name, opts);
                form.push(FormField::buttons(name, "", "choice", values));
                return Ok(false);
            }
            let mut fv = field_view(name.clone(), "f0".into(), String::new(), kind, "choice");
            fv.required = true;
            let mut values = Vec::new();
            for (i, o) in opts.into_iter().enumerate() {
                if o.default {
                    fv.value = Some(i.to_string());
                }
                fv.choices.push(choice_view(i, o.label, o.default, o.help, "f0"));
                values.push(o.value);
            }
            qs.fields.push(fv);
            form.push(FormField::buttons(name, "", "choice", values).shown_as(0));
            return Ok(true);
        };
        let name = path::b64_encode(var.name());
        let current = self.current_or_default(var.name(), ci.default.as_ref())?;
        let datatype = ci.datatype.clone().unwrap_or_else(|| "text".into());
        if ci.style == ChoiceStyle::Buttons {
            let values = form::push_buttons(qs, &name, opts);
            form.push(FormField::buttons(name, var.name(), datatype, values));
            return Ok(false);
        }
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
            fv.choices.push(choice_view(i, o.label, selected, o.help, "f0"));
            values.push(val);
        }
        qs.fields.push(fv);
        let field = FormField::new(name, var.name(), datatype, How::Choice { values: Choices::Values(values) });
        form.push(FormField { required: true, ..field }.shown_as(0));
        Ok(true)
    }
}

/// Option `i` of a radio/dropdown list whose field has the id `id`.
pub(super) fn choice_view(i: usize, label: String, selected: bool, help: Option<String>, id: &str) -> ChoiceView {
    // written by hand: a screen may offer hundreds of choices, and `format!` costs several
    // times as much as the copy
    let mut value = String::with_capacity(4);
    push_decimal(&mut value, i);
    let mut full = String::with_capacity(id.len() + 1 + value.len());
    full.push_str(id);
    full.push('_');
    full.push_str(&value);
    ChoiceView { value, label, selected, help, name: None, id: full }
}

/// `prefix` followed by `n` in decimal (`f3`, `f2_0`): element ids, made for every field
/// and choice of a screen, without the formatter.
pub(super) fn numbered(prefix: &str, n: usize) -> String {
    let mut out = String::with_capacity(prefix.len() + 4);
    out.push_str(prefix);
    push_decimal(&mut out, n);
    out
}

/// Appends `n` in decimal.
fn push_decimal(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut at = digits.len();
    loop {
        at -= 1;
        // `n % 10` is below 10
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    // ASCII digits: always UTF-8
    if let Ok(text) = std::str::from_utf8(&digits[at..]) {
        out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::choice_view;

    #[test]
    fn a_choice_is_named_by_its_index_in_decimal() {
        for i in [0usize, 7, 10, 99, 100, 12_345, usize::MAX] {
            let v = choice_view(i, "L".into(), false, None, "f3");
            assert_eq!(v.value, i.to_string());
            assert_eq!(v.id, format!("f3_{i}"));
        }
    }
}
