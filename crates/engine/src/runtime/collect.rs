//! `list collect`: the fields of a question that use `[i]` are repeated on one screen for
//! every item of the list. Without JavaScript the "Add another" control is a submit button
//! (`_list_collect_add`): the rows are stored and the screen comes back with one more row.

use lang::Value;

use super::ask::FormField;
use super::{Run, R};
use crate::vars::path;
use crate::model::{Field, Question};
use crate::screen::{ButtonView, FieldKind, FieldView, QuestionScreen};
use crate::yaml::{Node, Value as Y};

/// The posted name of the "Add another" button of a `list collect` screen.
pub(crate) const ADD_BUTTON: &str = "_list_collect_add";

/// Attribute of the list that counts the rows added with "Add another" beyond its items.
const EXTRA: &str = "_da_collect_extra";

/// A `list collect` screen's settings, evaluated.
pub(crate) struct Collect {
    /// The list's variable name (`fruit`).
    pub list: String,
    /// The iterator of the fields (`i`).
    pub iterator: String,
    /// Whether submitting means the list is complete (`is final`, default true).
    pub is_final: bool,
    allow_append: bool,
    label: Option<String>,
    add_label: String,
}

fn opt<'n>(node: &'n Node, key: &str) -> Option<&'n Node> {
    node.as_map().and_then(|_| node.get(key))
}

/// The list and iterator named by the fields (`fruit[i].name.text`, `fruit[i].seeds` → `fruit`, `i`).
fn list_of(fields: &[Field]) -> Option<(String, String)> {
    let vars: Vec<&str> = fields
        .iter()
        .filter_map(|f| f.var.as_ref().map(|v| v.name()))
        .collect();
    let first = *vars.first()?;
    let mut common = first.to_string();
    for v in &vars[1..] {
        let n = common
            .chars()
            .zip(v.chars())
            .take_while(|(a, b)| a == b)
            .count();
        common = common.chars().take(n).collect();
    }
    let end = common.rfind(']')?;
    let common = &common[..=end];
    let open = common.rfind('[')?;
    let iterator = &common[open + 1..end];
    if !["i", "j", "k", "l", "m", "n"].contains(&iterator) {
        return None;
    }
    Some((common[..open].to_string(), iterator.to_string()))
}

fn elements_len(v: &Value) -> Option<usize> {
    match v {
        Value::Object(o) => match o.borrow().attrs.get("elements") {
            Some(Value::List(l)) => Some(l.borrow().len()),
            _ => None,
        },
        _ => None,
    }
}

fn int_attr(v: &Value, name: &str) -> Option<i64> {
    match v {
        Value::Object(o) => match o.borrow().attrs.get(name) {
            Some(Value::Int(i)) => Some(*i),
            _ => None,
        },
        _ => None,
    }
}

/// Replaces the iterator subscript `[i]` by `[row]`.
fn concrete(var: &str, iterator: &str, row: usize) -> String {
    var.replace(&format!("[{iterator}]"), &format!("[{row}]"))
}

impl Run<'_> {
    /// The evaluated `list collect` settings of a question, if it collects now.
    pub(crate) fn list_collect(&mut self, q: &Question, fields: &[Field]) -> R<Option<Collect>> {
        let Some(node) = &q.list_collect else {
            return Ok(None);
        };
        let pos = crate::model::Pos {
            file: self.iv.reference.to_string().into(),
            line: node.line,
            column: node.column,
        };
        let enabled = match &node.value {
            Y::Bool(b) => *b,
            Y::Null => false,
            Y::Map(_) => match opt(node, "enable") {
                None => true,
                Some(Node {
                    value: Y::Bool(b), ..
                }) => *b,
                Some(n) => self
                    .eval_src(&n.scalar_text().unwrap_or_default(), &pos)?
                    .truthy(),
            },
            _ => self
                .eval_src(&node.scalar_text().unwrap_or_default(), &pos)?
                .truthy(),
        };
        if !enabled {
            return Ok(None);
        }
        let Some((list, iterator)) = list_of(fields) else {
            return Ok(None);
        };
        let mut flag = |key: &str, default: bool| -> R<bool> {
            Ok(match opt(node, key) {
                None => default,
                Some(Node {
                    value: Y::Bool(b), ..
                }) => *b,
                Some(n) => self
                    .eval_src(&n.scalar_text().unwrap_or_default(), &pos)?
                    .truthy(),
            })
        };
        let is_final = flag("is final", true)?;
        let allow_append = flag("allow append", true)?;
        let add_label = match opt(node, "add another label").and_then(Node::scalar_text) {
            Some(t) => self.render_src(&t, &pos)?.trim().to_string(),
            None => crate::functions::word(&self.host.language, "Add another"),
        };
        let label = opt(node, "label").and_then(Node::scalar_text);
        Ok(Some(Collect {
            list,
            iterator,
            is_final,
            allow_append,
            label,
            add_label,
        }))
    }

    /// The list value and its number of items.
    fn collect_list(&mut self, c: &Collect) -> Option<(Value, usize)> {
        let p = path::parse(&c.list)?;
        let v = path::lookup(&self.ns, &p)?;
        let n = elements_len(&v)?;
        Some((v, n))
    }

    /// Builds the rows of a `list collect` screen.
    pub(crate) fn build_collect(
        &mut self,
        c: &Collect,
        fields: &[Field],
        qs: &mut QuestionScreen,
        form: &mut Vec<FormField>,
    ) -> R<()> {
        let (list, len) = self.collect_list(c).unwrap_or((Value::None, 0));
        let minimum = usize::try_from(int_attr(&list, "minimum_number").unwrap_or(0)).unwrap_or(0);
        let extra = usize::try_from(int_attr(&list, EXTRA).unwrap_or(0)).unwrap_or(0);
        let rows = len.max(minimum).max(1) + if c.allow_append { extra } else { 0 };
        let saved = self.ns.get(&c.iterator);
        let pos = crate::model::Pos {
            file: self.iv.reference.to_string().into(),
            line: 0,
            column: 0,
        };
        let mut res = Ok(());
        for row in 0..rows {
            self.ns
                .set(&c.iterator, Value::Int(i64::try_from(row).unwrap_or(0)));
            if let Some(l) = &c.label {
                match self.render_src(l, &pos) {
                    Ok(text) => {
                        let mut nv = plain_view(format!("collect_{row}"), FieldKind::Note);
                        nv.content = Some(text);
                        qs.fields.push(nv);
                    }
                    Err(e) => {
                        res = Err(e);
                        break;
                    }
                }
            }
            let (vstart, fstart) = (qs.fields.len(), form.len());
            if let Err(e) = self.build_fields(fields, qs, form) {
                res = Err(e);
                break;
            }
            let mut renamed: Vec<(String, String)> = Vec::new();
            for f in &mut form[fstart..] {
                let var = concrete(&f.var, &c.iterator, row);
                let name = path::b64_encode(&var);
                renamed.push((f.name.clone(), name.clone()));
                f.var = var;
                f.name = name;
                if row >= len {
                    f.required = false;
                }
                if let Some((ctrl, _, _)) = &mut f.cond {
                    *ctrl = concrete(ctrl, &c.iterator, row);
                }
            }
            for v in &mut qs.fields[vstart..] {
                if let Some((_, new)) = renamed
                    .iter()
                    .find(|(old, _)| !old.is_empty() && *old == v.name)
                {
                    v.name = new.clone();
                }
                for cond in [&mut v.show_if, &mut v.hide_if].into_iter().flatten() {
                    if let Some((_, new)) = renamed.iter().find(|(old, _)| *old == cond.0) {
                        cond.0 = new.clone();
                    }
                }
                v.id = format!("{}_r{row}", v.id);
                for ch in &mut v.choices {
                    ch.id = format!("{}_r{row}", ch.id);
                }
                if row >= len {
                    v.required = false;
                }
            }
        }
        match saved {
            Some(v) => self.ns.set(&c.iterator, v),
            None => {
                self.ns.remove(&c.iterator);
            }
        }
        res?;
        if c.allow_append {
            qs.buttons.push(ButtonView {
                name: ADD_BUTTON.into(),
                value: "1".into(),
                label: c.add_label.clone(),
                color: Some("secondary".into()),
                css_class: Some("dacollectadd".into()),
                icon: Some("fas fa-plus-circle".into()),
                help: None,
            });
        }
        Ok(())
    }

    /// Which stored rows to skip: the added rows (beyond the list's items) left blank.
    pub(crate) fn collect_skip(&mut self, c: &Collect, vars: &[(String, bool)]) -> Vec<bool> {
        let len = self.collect_list(c).map(|(_, n)| n).unwrap_or(0);
        let row_of = |var: &str| -> Option<usize> {
            let rest = var.strip_prefix(&c.list)?.strip_prefix('[')?;
            rest[..rest.find(']')?].parse().ok()
        };
        vars.iter()
            .map(|(var, _)| match row_of(var) {
                Some(r) if r >= len => {
                    // skipped when every field of the row is blank
                    !vars
                        .iter()
                        .any(|(v2, filled)| *filled && row_of(v2) == Some(r))
                }
                _ => false,
            })
            .collect()
    }

    /// Before storing a row beyond the items of an object list: create the items.
    pub(crate) fn collect_prepare(&mut self, c: &Collect, var: &str) {
        if let Some(rest) = var.strip_prefix(&c.list).and_then(|r| r.strip_prefix('[')) {
            if let Some(end) = rest.find(']') {
                let item = format!("{}[{}]", c.list, &rest[..end]);
                if !self.is_defined(&item) {
                    self.fill_up(&item);
                }
            }
        }
    }

    /// The number of rows the screen shows now.
    pub(crate) fn collect_rows(&mut self, c: &Collect) -> usize {
        let Some((list, len)) = self.collect_list(c) else {
            return 1;
        };
        let minimum = usize::try_from(int_attr(&list, "minimum_number").unwrap_or(0)).unwrap_or(0);
        let extra = usize::try_from(int_attr(&list, EXTRA).unwrap_or(0)).unwrap_or(0);
        len.max(minimum).max(1) + if c.allow_append { extra } else { 0 }
    }

    /// After storing: "Add another" asks for the screen again with one more row than it
    /// showed (`shown`); otherwise the list is complete when `is final`.
    pub(crate) fn collect_done(
        &mut self,
        c: &Collect,
        fields: &[Field],
        add: bool,
        shown: usize,
    ) -> R<()> {
        let Some((list, len)) = self.collect_list(c) else {
            return Ok(());
        };
        if add {
            let minimum =
                usize::try_from(int_attr(&list, "minimum_number").unwrap_or(0)).unwrap_or(0);
            let base = len.max(minimum).max(1);
            let extra = (shown + 1).saturating_sub(base).clamp(1, 50);
            set_int(&list, EXTRA, i64::try_from(extra).unwrap_or(1));
            let row = base + extra - 1;
            if let Some(first) = fields
                .iter()
                .find_map(|f| f.var.as_ref().map(|v| v.name().to_string()))
            {
                let var = concrete(&first, &c.iterator, row);
                self.st.event_stack.retain(|e| e.action != var);
                self.st.event_stack.insert(
                    0,
                    crate::state::Event {
                        action: var,
                        arguments: serde_json::Map::new(),
                    },
                );
            }
            return Ok(());
        }
        if let Value::Object(o) = &list {
            o.borrow_mut().attrs.shift_remove(EXTRA);
        }
        if c.is_final {
            let ask_number = matches!(&list, Value::Object(o) if o.borrow().attrs.get("ask_number").is_some_and(Value::truthy));
            if ask_number {
                set_int(&list, "target_number", i64::try_from(len).unwrap_or(0));
            } else if let Value::Object(o) = &list {
                o.borrow_mut()
                    .attrs
                    .insert(std::rc::Rc::from("there_is_another"), Value::Bool(false));
            }
        }
        Ok(())
    }
}

fn set_int(v: &Value, name: &str, n: i64) {
    if let Value::Object(o) = v {
        o.borrow_mut()
            .attrs
            .insert(std::rc::Rc::from(name), Value::Int(n));
    }
}

fn plain_view(id: String, kind: FieldKind) -> FieldView {
    super::ask::field_view(String::new(), id, String::new(), kind, "")
}
