//! The form description a screen leaves for `submit` (what each posted input means), its
//! constructors, and the evaluated options that buttons and choice lists are made from.

use lang::Value;

use crate::screen::{ButtonView, QuestionScreen};

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
    /// `disable others`: while this input has a value the browser disables the screen's
    /// other inputs (all when empty, else the variables listed), so they are not posted;
    /// when it is empty, it is not posted itself.
    pub disables_others: Option<Vec<String>>,
}

/// How a posted input is read.
#[derive(Debug, Clone)]
pub(crate) enum How {
    /// A text-like value converted by datatype.
    Input,
    /// A single checkbox; `invert` for noyes.
    Checkbox { invert: bool },
    /// A choice among values, posted as an index.
    Choice { values: Choices },
    /// Checkbox group: (posted name, key) per option; `nota` name if offered.
    Checkboxes { options: Vec<(String, Value)>, nota: Option<String>, nota_label: Option<String> },
    /// Buttons posting an index (field + buttons / yesno buttons).
    Buttons { values: Vec<ButtonAction> },
    /// Nothing to ask (no choices were available): store this value.
    Fixed(Value),
    /// A file field: the posted files become a `DAFileList`.
    File(crate::runtime::upload::UploadRules),
    /// A signature: a posted PNG `data:` URL (or an image file) becomes a `DAFile`.
    Signature,
}

/// The values of a choice, by the index the browser posts.
#[derive(Debug, Clone)]
pub(crate) enum Choices {
    /// The values as the screen built them.
    Values(Vec<Value>),
    /// String values joined by [`super::kept::JOIN`], as the session keeps them: only the
    /// chosen one is made a value (a dropdown of 56 states makes one string, not 56).
    Joined(String),
}

impl Choices {
    /// The value of choice `i`, if there is one.
    pub(crate) fn get(&self, i: usize) -> Option<Value> {
        match self {
            Choices::Values(values) => values.get(i).cloned(),
            Choices::Joined(all) => all.split(super::kept::JOIN).nth(i).map(Value::from_str),
        }
    }
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

impl FormField {
    /// An optional input for `var` posted as `name`: no bounds, check, condition or view.
    pub(crate) fn new(name: String, var: impl Into<String>, datatype: impl Into<String>, how: How) -> FormField {
        FormField {
            name,
            var: var.into(),
            datatype: datatype.into(),
            how,
            required: false,
            min: None,
            max: None,
            minlength: None,
            maxlength: None,
            validate: None,
            cond: None,
            view: None,
            disables_others: None,
        }
    }

    /// Buttons posting an index: one of them must be pressed.
    pub(crate) fn buttons(name: String, var: impl Into<String>, datatype: impl Into<String>, values: Vec<ButtonAction>) -> FormField {
        FormField { required: true, ..FormField::new(name, var, datatype, How::Buttons { values }) }
    }

    /// Nothing to ask (no choices were available): `value` is stored as it is.
    pub(crate) fn fixed(name: String, var: impl Into<String>, datatype: impl Into<String>, value: Value) -> FormField {
        FormField::new(name, var, datatype, How::Fixed(value))
    }

    /// The same input shown as the screen's field number `view`.
    pub(crate) fn shown_as(self, view: usize) -> FormField {
        FormField { view: Some(view), ..self }
    }
}

impl Opt {
    /// An option with only a value and a label.
    pub(crate) fn label(value: ButtonAction, label: String) -> Opt {
        Opt { value, label, help: None, default: false, color: None, css_class: None, image: None }
    }
}

/// Shows `opts` as buttons posting their index under `name`; returns what each button does.
pub(super) fn push_buttons(qs: &mut QuestionScreen, name: &str, opts: Vec<Opt>) -> Vec<ButtonAction> {
    let mut values = Vec::with_capacity(opts.len());
    for (i, o) in opts.into_iter().enumerate() {
        qs.buttons.push(ButtonView {
            name: name.to_string(),
            value: i.to_string(),
            label: o.label,
            color: o.color,
            css_class: o.css_class,
            icon: o.image,
            help: o.help,
        });
        values.push(o.value);
    }
    values
}
