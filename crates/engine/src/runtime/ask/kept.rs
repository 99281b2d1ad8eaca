//! The form description kept in the session between showing a question and accepting its
//! answer ([`crate::state::CurrentQuestion::form`]), so that `submit` checks the answer
//! against exactly what the screen offered without building the screen again.
//!
//! Only a description whose values are plain (strings, numbers, booleans, `None`) is kept:
//! a choice among objects must find the live object again, so such a question is built
//! again on submit, as is any question asked by another revision of the interview. The
//! state is sealed, so the browser can neither read nor change what is kept.

use std::rc::Rc;
use std::sync::Arc;

use lang::Value;
use serde::{Deserialize, Serialize};

use super::form::{ButtonAction, Choices, FormField, How};
use crate::model::Pos;
use crate::vars::path::{b64_encode, is_b64_of};
use crate::runtime::upload::UploadRules;

/// A question's form description as kept in the session. It is written with every save of
/// the state while the question is shown, so its JSON is terse: short keys, defaults left
/// out, plain values as bare JSON, and an input's posted name only when it is not the
/// usual encoding of its variable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KeptForm {
    /// [`crate::model::Interview::revision`] of the interview that built it.
    rev: u64,
    #[serde(rename = "f")]
    fields: Vec<KeptField>,
    /// Posted names of the screen's disabled inputs (a browser may post them).
    #[serde(rename = "off", default, skip_serializing_if = "Vec::is_empty")]
    disabled: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
struct KeptField {
    /// The posted name, when it is not `b64_encode(var)`.
    #[serde(rename = "n", default, skip_serializing_if = "Option::is_none")]
    name: Option<String>,
    #[serde(rename = "v")]
    var: String,
    #[serde(rename = "t")]
    datatype: String,
    #[serde(rename = "h")]
    how: KeptHow,
    #[serde(rename = "r", default, skip_serializing_if = "std::ops::Not::not")]
    required: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    min: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    max: Option<String>,
    #[serde(rename = "minl", default, skip_serializing_if = "Option::is_none")]
    minlength: Option<usize>,
    #[serde(rename = "maxl", default, skip_serializing_if = "Option::is_none")]
    maxlength: Option<usize>,
    /// `validate:` source, file, line, column.
    #[serde(rename = "val", default, skip_serializing_if = "Option::is_none")]
    validate: Option<(String, String, u32, u32)>,
    #[serde(rename = "c", default, skip_serializing_if = "Option::is_none")]
    cond: Option<(String, String, bool)>,
    #[serde(rename = "i", default, skip_serializing_if = "Option::is_none")]
    view: Option<usize>,
    #[serde(rename = "d", default, skip_serializing_if = "Option::is_none")]
    disables_others: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum KeptHow {
    #[serde(rename = "in")]
    Input,
    #[serde(rename = "cb")]
    Checkbox { invert: bool },
    #[serde(rename = "ch")]
    Choice(Vec<Plain>),
    /// Choices whose values are all strings, none holding [`JOIN`]: one JSON string, the
    /// values joined by it (a dropdown of 56 states is one token to read, not 56).
    #[serde(rename = "chs")]
    Strings(String),
    #[serde(rename = "cbs")]
    Checkboxes { options: Vec<(String, Plain)>, nota: Option<String>, nota_label: Option<String> },
    #[serde(rename = "bt")]
    Buttons(Vec<KeptButton>),
    #[serde(rename = "fx")]
    Fixed(Plain),
    #[serde(rename = "file")]
    File { accept: Option<String>, max_image_size: Option<u32>, image_type: Option<String> },
    #[serde(rename = "sig")]
    Signature,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
enum KeptButton {
    #[serde(rename = "v")]
    Value(Plain),
    #[serde(rename = "cmd")]
    Command(String, Option<String>),
    #[serde(rename = "go")]
    Follow(usize),
}

/// A plain value as bare JSON, typed exactly: `3` is an int, `3.0` a float (serde_json
/// writes a float with its point and reads it back as a float). Read by its own visitor:
/// serde's `untagged` would buffer each value and try every variant in turn.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
enum Plain {
    N,
    B(bool),
    I(i64),
    F(f64),
    S(String),
}

impl<'de> Deserialize<'de> for Plain {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Plain, D::Error> {
        struct PlainVisitor;
        impl<'de> serde::de::Visitor<'de> for PlainVisitor {
            type Value = Plain;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("null, a boolean, a number or a string")
            }
            fn visit_unit<E>(self) -> Result<Plain, E> {
                Ok(Plain::N)
            }
            fn visit_none<E>(self) -> Result<Plain, E> {
                Ok(Plain::N)
            }
            fn visit_bool<E>(self, b: bool) -> Result<Plain, E> {
                Ok(Plain::B(b))
            }
            fn visit_i64<E>(self, i: i64) -> Result<Plain, E> {
                Ok(Plain::I(i))
            }
            fn visit_u64<E: serde::de::Error>(self, u: u64) -> Result<Plain, E> {
                i64::try_from(u).map(Plain::I).map_err(|_| E::custom("an int larger than 64 bits"))
            }
            fn visit_f64<E>(self, f: f64) -> Result<Plain, E> {
                Ok(Plain::F(f))
            }
            fn visit_str<E>(self, s: &str) -> Result<Plain, E> {
                Ok(Plain::S(s.to_string()))
            }
            fn visit_string<E>(self, s: String) -> Result<Plain, E> {
                Ok(Plain::S(s))
            }
        }
        d.deserialize_any(PlainVisitor)
    }
}

/// What joins the values of [`KeptHow::Strings`]: DEL, which JSON writes as it is (an
/// escaped character would send every value through the parser's slow path).
pub(super) const JOIN: char = '\u{7f}';

/// The values joined by [`JOIN`], when they are all strings without it (and there is one).
fn joined(values: &[Value]) -> Option<String> {
    let mut out = String::new();
    for (i, v) in values.iter().enumerate() {
        let Value::Str(s) = v else { return None };
        if s.contains(JOIN) {
            return None;
        }
        if i > 0 {
            out.push(JOIN);
        }
        out.push_str(s);
    }
    (!values.is_empty()).then_some(out)
}

impl Plain {
    fn of(v: &Value) -> Option<Plain> {
        Some(match v {
            Value::None => Plain::N,
            Value::Bool(b) => Plain::B(*b),
            Value::Int(i) => Plain::I(*i),
            // JSON has no NaN or infinity (serde_json would write `null`)
            Value::Float(f) if f.is_finite() => Plain::F(*f),
            Value::Str(s) => Plain::S(String::from(&**s)),
            _ => return None,
        })
    }

    fn value(&self) -> Value {
        match self {
            Plain::N => Value::None,
            Plain::B(b) => Value::Bool(*b),
            Plain::I(i) => Value::Int(*i),
            Plain::F(f) => Value::Float(*f),
            Plain::S(s) => Value::Str(Rc::from(s.as_str())),
        }
    }
}

impl KeptForm {
    /// The description to keep, or `None` when a value in it is not plain.
    pub(crate) fn new(rev: u64, form: &[FormField], disabled: Vec<String>) -> Option<KeptForm> {
        let fields = form.iter().map(KeptField::of).collect::<Option<Vec<_>>>()?;
        Some(KeptForm { rev, fields, disabled })
    }

    /// The form description, if this revision of the interview made it.
    pub(crate) fn spec(&self, rev: u64) -> Option<(Vec<FormField>, &[String])> {
        (self.rev == rev).then(|| (self.fields.iter().map(KeptField::field).collect(), self.disabled.as_slice()))
    }
}

impl KeptField {
    fn of(f: &FormField) -> Option<KeptField> {
        let how = match &f.how {
            How::Input => KeptHow::Input,
            How::Checkbox { invert } => KeptHow::Checkbox { invert: *invert },
            How::Choice { values: Choices::Values(values) } => match joined(values) {
                Some(all) => KeptHow::Strings(all),
                None => KeptHow::Choice(values.iter().map(Plain::of).collect::<Option<_>>()?),
            },
            How::Choice { values: Choices::Joined(all) } => KeptHow::Strings(all.clone()),
            How::Checkboxes { options, nota, nota_label } => KeptHow::Checkboxes {
                options: options.iter().map(|(n, v)| Some((n.clone(), Plain::of(v)?))).collect::<Option<_>>()?,
                nota: nota.clone(),
                nota_label: nota_label.clone(),
            },
            How::Buttons { values } => KeptHow::Buttons(
                values
                    .iter()
                    .map(|b| {
                        Some(match b {
                            ButtonAction::Value(v) => KeptButton::Value(Plain::of(v)?),
                            ButtonAction::Command(c, u) => KeptButton::Command(c.clone(), u.clone()),
                            ButtonAction::Follow(i) => KeptButton::Follow(*i),
                        })
                    })
                    .collect::<Option<_>>()?,
            ),
            How::Fixed(v) => KeptHow::Fixed(Plain::of(v)?),
            How::File(r) => KeptHow::File {
                accept: r.accept.clone(),
                max_image_size: r.max_image_size,
                image_type: r.image_type.clone(),
            },
            How::Signature => KeptHow::Signature,
        };
        Some(KeptField {
            name: (!is_b64_of(&f.name, &f.var)).then(|| f.name.clone()),
            var: f.var.clone(),
            datatype: f.datatype.clone(),
            how,
            required: f.required,
            min: f.min.clone(),
            max: f.max.clone(),
            minlength: f.minlength,
            maxlength: f.maxlength,
            validate: f.validate.as_ref().map(|(src, pos)| (src.clone(), pos.file.to_string(), pos.line, pos.column)),
            cond: f.cond.clone(),
            view: f.view,
            disables_others: f.disables_others.clone(),
        })
    }

    fn field(&self) -> FormField {
        let how = match &self.how {
            KeptHow::Input => How::Input,
            KeptHow::Checkbox { invert } => How::Checkbox { invert: *invert },
            KeptHow::Choice(values) => How::Choice { values: Choices::Values(values.iter().map(Plain::value).collect()) },
            KeptHow::Strings(all) => How::Choice { values: Choices::Joined(all.clone()) },
            KeptHow::Checkboxes { options, nota, nota_label } => How::Checkboxes {
                options: options.iter().map(|(n, v)| (n.clone(), v.value())).collect(),
                nota: nota.clone(),
                nota_label: nota_label.clone(),
            },
            KeptHow::Buttons(values) => How::Buttons {
                values: values
                    .iter()
                    .map(|b| match b {
                        KeptButton::Value(v) => ButtonAction::Value(v.value()),
                        KeptButton::Command(c, u) => ButtonAction::Command(c.clone(), u.clone()),
                        KeptButton::Follow(i) => ButtonAction::Follow(*i),
                    })
                    .collect(),
            },
            KeptHow::Fixed(v) => How::Fixed(v.value()),
            KeptHow::File { accept, max_image_size, image_type } => How::File(UploadRules {
                accept: accept.clone(),
                max_image_size: *max_image_size,
                image_type: image_type.clone(),
            }),
            KeptHow::Signature => How::Signature,
        };
        FormField {
            name: self.name.clone().unwrap_or_else(|| b64_encode(&self.var)),
            var: self.var.clone(),
            datatype: self.datatype.clone(),
            how,
            required: self.required,
            min: self.min.clone(),
            max: self.max.clone(),
            minlength: self.minlength,
            maxlength: self.maxlength,
            validate: self
                .validate
                .as_ref()
                .map(|(src, file, line, column)| (src.clone(), Pos { file: Arc::from(file.as_str()), line: *line, column: *column })),
            cond: self.cond.clone(),
            view: self.view,
            disables_others: self.disables_others.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn field(how: How) -> FormField {
        FormField::new("bmFtZQ".into(), "name", "text", how)
    }

    #[test]
    fn string_choices_are_kept_as_one_string_unless_a_value_holds_the_joint() {
        let strs = |v: &[&str]| v.iter().map(|s| Value::from_str(s)).collect::<Vec<_>>();
        for values in [strs(&["AL", "AK", ""]), strs(&[""]), strs(&["a|b", "Ünïcode \"q\""]), strs(&["a\u{7f}b", "c"]), vec![]] {
            let kept = KeptForm::new(1, &[field(How::Choice { values: Choices::Values(values.clone()) })], Vec::new()).expect("kept");
            let json = serde_json::to_string(&kept).expect("serialises");
            let one = !values.is_empty() && values.iter().all(|v| !v.str().contains(JOIN));
            assert_eq!(json.contains(r#""chs":"#), one, "{json}");
            let back: KeptForm = serde_json::from_str(&json).expect("deserialises");
            let (spec, _) = back.spec(1).expect("same revision");
            match &spec[0].how {
                How::Choice { values: got } => {
                    let got: Vec<Value> = (0..).map_while(|i| got.get(i)).collect();
                    let texts = |v: &[Value]| v.iter().map(Value::str).collect::<Vec<_>>();
                    assert!(got.iter().all(|v| matches!(v, Value::Str(_))), "{json}");
                    assert_eq!(texts(&got), texts(&values), "{json}");
                }
                other => panic!("{other:?}"),
            }
        }
    }

    #[test]
    fn the_usual_posted_name_is_not_written() {
        let usual = FormField::new(b64_encode("user.name.first"), "user.name.first", "text", How::Input);
        let kept = KeptForm::new(1, &[usual], Vec::new()).expect("kept");
        let json = serde_json::to_string(&kept).expect("serialises");
        assert_eq!(json, r#"{"rev":1,"f":[{"v":"user.name.first","t":"text","h":"in"}]}"#);
        let back: KeptForm = serde_json::from_str(&json).expect("deserialises");
        let (spec, _) = back.spec(1).expect("same revision");
        assert_eq!(spec[0].name, b64_encode("user.name.first"));
    }

    #[test]
    fn plain_descriptions_come_back_as_they_were_kept() {
        let mut choice = field(How::Choice {
            values: Choices::Values(vec![Value::from_str("AL"), Value::Int(3), Value::Float(3.0), Value::Bool(false), Value::None]),
        })
        .shown_as(2);
        choice.required = true;
        choice.min = Some("1".into());
        choice.validate = Some(("is_ok".into(), Pos { file: Arc::from("p:f.yml"), line: 7, column: 4 }));
        choice.cond = Some(("other".into(), "True".into(), false));
        choice.disables_others = Some(vec!["x".into()]);
        let form = vec![
            choice,
            field(How::Checkboxes { options: vec![("YQ".into(), Value::from_str("a"))], nota: Some("bm90YQ".into()), nota_label: None }),
            field(How::Buttons {
                values: vec![
                    ButtonAction::Value(Value::Bool(true)),
                    ButtonAction::Command("exit".into(), Some("https://example.org".into())),
                    ButtonAction::Follow(1),
                ],
            }),
            field(How::File(UploadRules { accept: Some("image/*".into()), max_image_size: Some(800), image_type: None })),
            field(How::Checkbox { invert: true }),
            field(How::Signature),
            field(How::Fixed(Value::Int(0))),
        ];
        let kept = KeptForm::new(9, &form, vec!["ZGlz".into()]).expect("plain values are kept");
        let json = serde_json::to_string(&kept).expect("serialises");
        assert!(json.contains(r#""ch":["AL",3,3.0,false,null]"#), "plain values are bare JSON: {json}");
        let back: KeptForm = serde_json::from_str(&json).expect("deserialises");
        assert_eq!(back, kept);
        let (spec, disabled) = back.spec(9).expect("same revision");
        assert_eq!(disabled, ["ZGlz".to_string()]);
        // FormField has no PartialEq (it holds values): compare what each part says
        assert_eq!(format!("{spec:?}"), format!("{form:?}"));
        let How::Choice { values } = &spec[0].how else { panic!("a choice") };
        assert!(matches!(values.get(1), Some(Value::Int(3))) && matches!(values.get(2), Some(Value::Float(f)) if f == 3.0));
    }

    #[test]
    fn a_copy_of_the_state_shares_the_kept_form_and_its_json_holds_it_whole() {
        let kept = KeptForm::new(3, &[field(How::Input)], Vec::new()).expect("kept");
        let mut state = crate::state::SessionState::default();
        state.current = Some(crate::state::CurrentQuestion { token: "0..1".into(), form: Some(Arc::new(kept.clone())), ..Default::default() });
        let copy = state.clone();
        let form = |s: &crate::state::SessionState| s.current.as_ref().and_then(|c| c.form.clone()).expect("a form");
        assert!(Arc::ptr_eq(&form(&state), &form(&copy)), "a copy shares the description");
        let json = serde_json::to_value(&state.current).expect("serialises");
        assert_eq!(json["form"], serde_json::to_value(&kept).expect("serialises"), "{json}");
        let back: crate::state::CurrentQuestion = serde_json::from_value(json).expect("deserialises");
        assert_eq!(back.form.as_deref(), Some(&kept));
    }

    #[test]
    fn another_revision_or_a_value_that_is_not_plain_keeps_nothing() {
        let form = vec![field(How::Input)];
        let kept = KeptForm::new(1, &form, Vec::new()).expect("kept");
        assert!(kept.spec(2).is_none());
        let object_choice = vec![field(How::Choice { values: Choices::Values(vec![Value::from_str("a"), Value::Tuple(Rc::from(Vec::new()))]) })];
        assert!(KeptForm::new(1, &object_choice, Vec::new()).is_none());
        let list_button = vec![field(How::Buttons { values: vec![ButtonAction::Value(Value::Tuple(Rc::from(Vec::new())))] })];
        assert!(KeptForm::new(1, &list_button, Vec::new()).is_none());
        let nan_choice = vec![field(How::Choice { values: Choices::Values(vec![Value::Float(f64::NAN)]) })];
        assert!(KeptForm::new(1, &nan_choice, Vec::new()).is_none(), "NaN would come back as None");
    }
}
