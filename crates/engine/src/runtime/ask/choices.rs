//! The options a question offers: choice lists, object choices, their generators and
//! exclusions, defaults of checkbox groups, and the per-step shuffle.

use lang::Value;

use crate::html::html_escape;
use crate::model::{ChoiceValue, Choices, Field};
use crate::runtime::{Run, R};
use crate::vars::path;

use super::form::{ButtonAction, Opt};

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
            let mut d = lang::value::Dict::default();
            for (k, v) in entries {
                d.insert(lang::value::Key::str(&k.scalar_text().unwrap_or_default()), node_value(v));
            }
            Value::dict(d)
        }
    }
}

impl<'a> Run<'a> {
    /// The options of a field: for object datatypes a written list names objects (expressions).
    pub(super) fn field_options(&mut self, choices: &Choices, datatype: &str, labeler: bool) -> R<Vec<Opt>> {
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
                    return Ok(distinct_objects(out));
                }
            }
            return self.options(choices).map(distinct_objects);
        }
        self.options(choices)
    }

    /// `object labeler`, `help generator`, `image generator`: functions of the object that give
    /// an option's label, help and icon.
    pub(super) fn generators(&mut self, f: &Field, mut opts: Vec<Opt>) -> R<Vec<Opt>> {
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
                            // a value written with Mako is the text it gives (docassemble
                            // renders a choice's key as it renders its label)
                            crate::yaml::Value::Str(s) if crate::load::looks_like_mako(s) => {
                                let pos = c.label.pos().clone();
                                Value::from_str(&self.render_plain(s, &pos)?)
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
                // a group offered as choices is gathered first (iterating it does that, or
                // seeks its `gathered` when `auto_gather` is off), as docassemble iterates it
                if matches!(&v, Value::Object(_)) && path::index_elements(&v).is_some() {
                    self.run_vm(|vm, _| vm.iterate(&v)).map_err(|err| self.flow(err, e.pos()))?;
                }
                self.options_from_value(&v, &mut out);
            }
        }
        Ok(out)
    }

    pub(super) fn options_from_value(&mut self, v: &Value, out: &mut Vec<Opt>) {
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
                let pairs: Vec<(Value, Value)> = d.borrow().iter().map(|(k, val)| (k.to_value(), val.clone())).collect();
                for (k, val) in self.sorted_by_value(pairs) {
                    out.push(mk(k, val.str()));
                }
                return;
            }
            Value::Object(_) => {
                if let Some(el) = path::index_elements(v) {
                    if let (Value::Dict(d), true) = (&el, crate::functions::objects::finance::is_a(v, "DAOrderedDict")) {
                        for (k, val) in d.borrow().iter() {
                            out.push(mk(k.to_value(), val.str()));
                        }
                        return;
                    }
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
                    // a choice with a false `show if` is left out
                    if get("show if").is_some_and(|c| !c.truthy()) {
                        continue;
                    }
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

    /// The (key, value) pairs of a dictionary of choices in the order docassemble shows them:
    /// sorted by value (Python's `sorted(d.items(), key=itemgetter(1))`, stable); values that
    /// cannot be compared keep their order.
    fn sorted_by_value(&mut self, mut pairs: Vec<(Value, Value)>) -> Vec<(Value, Value)> {
        // the common case, labels that are all strings: compared as Python compares them (by
        // code point, which is UTF-8's byte order), without the interpreter
        if pairs.iter().all(|(_, v)| matches!(v, Value::Str(_))) {
            pairs.sort_by(|(_, a), (_, b)| match (a, b) {
                (Value::Str(x), Value::Str(y)) => x.as_bytes().cmp(y.as_bytes()),
                _ => std::cmp::Ordering::Equal,
            });
            return pairs;
        }
        let values: Vec<Value> = pairs.iter().map(|(_, v)| v.clone()).collect();
        let sorted = self.run_vm(|vm, _| {
            let mut idx: Vec<usize> = (0..values.len()).collect();
            let mut comparable = true;
            idx.sort_by(|&a, &b| match vm.order(&values[a], &values[b], "<") {
                Ok(Some(o)) => o,
                _ => {
                    comparable = false;
                    std::cmp::Ordering::Equal
                }
            });
            Ok(comparable.then_some(idx))
        });
        match sorted {
            Ok(Some(idx)) => {
                let mut slots: Vec<Option<(Value, Value)>> = pairs.into_iter().map(Some).collect();
                idx.into_iter().filter_map(|i| slots.get_mut(i).and_then(Option::take)).collect()
            }
            _ => pairs,
        }
    }

    pub(super) fn exclude(&mut self, f: &Field, opts: Vec<Opt>) -> R<Vec<Opt>> {
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
}

/// Keys checked by default for a checkbox group from its current value or `default:`.
pub(super) fn checkbox_defaults(current: Option<&Value>) -> Vec<Value> {
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

/// A deterministic shuffle (seeded by the step number) so the screen and its submission agree.
pub(super) fn shuffle<T>(mut items: Vec<T>, on: bool, seed: u64) -> Vec<T> {
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

/// An object offered twice (two names of one object) is one option, as docassemble's
/// `selections()` keeps each object once (objects compare by identity).
fn distinct_objects(opts: Vec<Opt>) -> Vec<Opt> {
    let mut seen = std::collections::HashSet::new();
    opts.into_iter()
        .filter(|o| match &o.value {
            ButtonAction::Value(v @ Value::Object(_)) => seen.insert(v.identity()),
            _ => true,
        })
        .collect()
}
