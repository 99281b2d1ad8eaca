//! Editing groups: the `table:` block with its edit/delete buttons, docassemble's
//! list and dictionary actions (`_da_list_add`, `_da_list_remove`, `_da_list_edit`,
//! `_da_list_ensure_complete`, `_da_list_complete` and the `_da_dict_*` twins, `_da_define`,
//! `_da_undefine`, `_da_set`, `_da_compute`), and filling an object list up to an index.

use std::rc::Rc;

use lang::value::{Dict, Key};
use lang::Value;
use serde_json::{Map, Value as Json};

use super::{Flow, Run, R};
use crate::vars::path;
use crate::model::{Pos, TableBlock};
use crate::state::Event;
use crate::yaml::{Node, Value as Y};

/// Internal actions that are handled when they reach the head of the event stack.
pub(crate) const QUEUED: [&str; 9] = [
    "_da_list_ensure_complete",
    "_da_dict_ensure_complete",
    "_da_list_complete",
    "_da_dict_complete",
    "_da_define",
    "_da_undefine",
    "_da_invalidate",
    "_da_set",
    "_da_compute",
];

fn attr(v: &Value, name: &str) -> Option<Value> {
    match v {
        Value::Object(o) => o.borrow().attrs.get(name).cloned(),
        _ => None,
    }
}

fn set_attr(v: &Value, name: &str, val: Value) {
    if let Value::Object(o) = v {
        o.borrow_mut().attrs.insert(Rc::from(name), val);
    }
}

fn del_attr(v: &Value, name: &str) {
    if let Value::Object(o) = v {
        o.borrow_mut().attrs.shift_remove(name);
    }
}

fn flag(v: &Value, name: &str) -> bool {
    attr(v, name).is_some_and(|x| x.truthy())
}

fn instance_name(v: &Value) -> String {
    match v {
        Value::Object(o) => o
            .borrow()
            .instance_name
            .as_deref()
            .unwrap_or("")
            .to_string(),
        _ => String::new(),
    }
}

fn class_is(v: &Value, name: &str) -> bool {
    fn walk(c: &lang::value::Class, name: &str, depth: u32) -> bool {
        depth < 64 && (&*c.name == name || c.bases.iter().any(|b| walk(b, name, depth + 1)))
    }
    match v {
        Value::Object(o) => walk(&o.borrow().class, name, 0),
        _ => false,
    }
}

/// The items of a DAList (its `elements`).
fn list_elements(v: &Value) -> Option<Rc<std::cell::RefCell<Vec<Value>>>> {
    match attr(v, "elements") {
        Some(Value::List(l)) => Some(l),
        _ => None,
    }
}

/// The entries of a DADict (its `elements`).
fn dict_elements(v: &Value) -> Option<Rc<std::cell::RefCell<Dict>>> {
    match attr(v, "elements") {
        Some(Value::Dict(d)) => Some(d),
        _ => None,
    }
}

/// Renames an object and the attribute objects below it (`a[2]` → `a[1]`, `a[2].name` → `a[1].name`).
fn rename_tree(v: &Value, old: &str, new: &str, depth: u32) {
    if depth > 16 {
        return;
    }
    let Value::Object(o) = v else { return };
    let children: Vec<Value> = {
        let mut b = o.borrow_mut();
        if let Some(name) = b.instance_name.clone() {
            if let Some(rest) = name.strip_prefix(old) {
                if rest.is_empty() || rest.starts_with('.') || rest.starts_with('[') {
                    b.instance_name = Some(Rc::from(format!("{new}{rest}").as_str()));
                } else {
                    return;
                }
            } else {
                return;
            }
        }
        b.attrs.values().cloned().collect()
    };
    for c in children {
        match &c {
            Value::Object(_) => rename_tree(&c, old, new, depth + 1),
            Value::List(l) => {
                let items: Vec<Value> = l.borrow().clone();
                for i in items {
                    rename_tree(&i, old, new, depth + 1);
                }
            }
            Value::Dict(d) => {
                let items: Vec<Value> = d.borrow().values().cloned().collect();
                for i in items {
                    rename_tree(&i, old, new, depth + 1);
                }
            }
            _ => {}
        }
    }
}

/// The attributes that make an item complete (`complete_attribute`, a name or a list).
fn complete_attributes(group: &Value) -> Vec<String> {
    match attr(group, "complete_attribute") {
        None | Some(Value::None) => Vec::new(),
        Some(Value::List(l)) => l.borrow().iter().map(Value::str).collect(),
        Some(v) => vec![v.str()],
    }
}

fn json_str(v: &Json) -> Option<String> {
    v.as_str().map(str::to_string)
}

/// Options of a `table:` block that concern editing.
struct TableOptions {
    /// `edit:` — None (no edit buttons), Some(empty) (edit the item), Some(attrs).
    edit: Option<Vec<String>>,
    delete: bool,
    /// `allow reordering`: up/down buttons (lists only).
    reorder: bool,
    confirm: bool,
    read_only: Option<String>,
    header: Option<String>,
    require_gathered: bool,
    show_incomplete: bool,
    not_available: String,
}

fn table_options(t: &TableBlock) -> TableOptions {
    let opt = |name: &str| t.options.iter().find(|(k, _)| k == name).map(|(_, v)| v);
    let is_false = |n: Option<&Node>| matches!(n.map(|n| &n.value), Some(Y::Bool(false)));
    let is_true = |n: Option<&Node>| matches!(n.map(|n| &n.value), Some(Y::Bool(true)));
    let edit = match opt("edit").map(|n| &n.value) {
        None | Some(Y::Bool(false)) | Some(Y::Null) => None,
        Some(Y::Seq(items)) => Some(items.iter().filter_map(Node::scalar_text).collect()),
        Some(_) => Some(Vec::new()),
    };
    let delete_buttons = opt("delete buttons");
    let reorder = opt("allow reordering").is_some_and(|n| !is_false(Some(n)));
    let (edit, delete) = match edit {
        Some(e) => (Some(e), !is_false(delete_buttons)),
        None if is_true(delete_buttons) || reorder => (None, is_true(delete_buttons)),
        None => (None, false),
    };
    let require_gathered = !is_false(opt("require gathered"));
    let show_incomplete = is_true(opt("show incomplete"));
    TableOptions {
        edit,
        delete,
        reorder,
        confirm: opt("confirm").is_some_and(|n| !is_false(Some(n)) && !matches!(n.value, Y::Null)),
        read_only: opt("read only")
            .and_then(Node::scalar_text)
            .map(|s| s.trim().to_string()),
        header: opt("edit header").and_then(Node::scalar_text),
        require_gathered,
        show_incomplete,
        not_available: opt("not available label")
            .and_then(Node::scalar_text)
            .map(|s| s.trim().to_string())
            .unwrap_or_else(|| "n/a".into()),
    }
}

/// docassemble's `table_safe`: no line breaks or pipes inside a cell. A cell starting with
/// `#` is escaped so that a row starting with it stays a table row, not a heading (Python
/// Markdown reads such a row as a table; CommonMark would read a heading).
fn table_safe(text: &str) -> String {
    let t = text.replace(['\n', '\r', '|'], " ");
    if t.starts_with(['-', ':']) {
        format!("  {t}  ")
    } else if t.starts_with('#') {
        format!("\\{t}")
    } else {
        t
    }
}

/// Attributes of a table's value holding what `export()` writes.
pub(crate) const EXPORT_HEADERS: &str = "__export_headers";
pub(crate) const EXPORT_ROWS: &str = "__export_rows";

/// A table cell's Markdown as the text of an exported cell: the table escapes undone.
fn export_text(cell: &str) -> String {
    let t = cell.replace("\\|", "|").replace("&nbsp;", " ");
    let t = t.strip_prefix('\\').filter(|r| r.starts_with('#')).unwrap_or(&t);
    t.trim().to_string()
}

impl Run<'_> {
    /// Builds the value of a `table:` block: a template object whose content is a Markdown
    /// table, with an "Actions" column of edit/delete buttons when the table is editable.
    pub(crate) fn table_value(&mut self, t: &TableBlock, pos: &Pos) -> R<Value> {
        let Some(rows_expr) = &t.rows else {
            return Err(Flow::Fatal(format!("{pos}: a table needs rows")));
        };
        let o = table_options(t);
        let rows = self.eval_expr(rows_expr)?;
        let r2 = rows.clone();
        let is_group = list_elements(&rows).is_some() || dict_elements(&rows).is_some();
        let gathering_started = is_group
            && (flag(&rows, "gathered")
                || attr(&rows, "there_are_any").is_some()
                || list_elements(&rows).is_some_and(|l| !l.borrow().is_empty())
                || dict_elements(&rows).is_some_and(|d| !d.borrow().is_empty()));
        let partial = is_group && (!o.require_gathered || (o.show_incomplete && gathering_started));
        if !partial {
            // a table gathers its rows even while the list is being gathered in this request
            let name = t.variable.name();
            let gathered = self
                .run_vm(|vm, _| crate::functions::objects::gather_for_table(vm, &r2))
                .map_err(|e| self.flow(e, pos));
            match gathered {
                // docassemble's table is lazy: naming it (`fruit_list.table` in code) gathers
                // nothing; its rows are gathered when its text is first asked for
                Err(Flow::Undefined(_)) if !self.host.rendered_tables.contains(name) => {
                    let obj = Value::new_object(self.host.class("DALazyTemplate"), Some(name));
                    set_attr(&obj, PENDING, Value::Bool(true));
                    return Ok(obj);
                }
                other => other?,
            }
        }
        let (mut headers, cols) = self.table_columns(t, pos)?;
        let editable = is_group && (o.edit.is_some() || o.delete || o.reorder);
        if editable {
            headers.push(match &o.header {
                Some(h) if h.is_empty() => "&nbsp;".into(),
                Some(h) => self.render_plain(h, pos)?,
                None => "Actions".into(),
            });
        }
        let mut entries = self.table_entries(&rows, pos)?;
        if is_group && !o.require_gathered {
            entries = self.complete_entries(&rows, entries);
        }
        let is_dict = dict_elements(&rows).is_some() || matches!(rows, Value::Dict(_));
        let entries = self.filter_and_sort_rows(t, entries, is_dict, pos)?;
        let body = self.table_body(&rows, &entries, &cols, &o, editable, pos)?;
        let opt = |name: &str| t.options.iter().find(|(k, _)| k == name).map(|(_, v)| v);
        let empty = match opt("show if empty").map(|n| &n.value) {
            Some(Y::Str(s)) if body.is_empty() => Some(self.render_plain(s, pos)?),
            Some(_) if body.is_empty() => Some(String::new()),
            _ => None,
        };
        let markdown = |cols: usize| -> String {
            let mut out = headers[..cols].join(" | ");
            out.push('\n');
            out.push_str(&vec!["---"; cols].join(" | "));
            for b in &body {
                out.push('\n');
                out.push_str(&b[..cols.min(b.len())].join(" | "));
            }
            out
        };
        let content = empty.clone().unwrap_or_else(|| markdown(headers.len()));
        // `show(editable=False)`: the table without its Actions column
        let fixed = (editable && headers.len() > 1)
            .then(|| empty.unwrap_or_else(|| markdown(headers.len() - 1)));
        let cls = self.host.class("DALazyTemplate");
        let obj = Value::new_object(cls, Some(t.variable.name()));
        set_attr(&obj, "content", Value::from_str(&content));
        // what `table.export()` writes: the headers and cells without the Actions column
        let data_cols = if editable { headers.len().saturating_sub(1) } else { headers.len() };
        let cells = |row: &[String]| {
            Value::list(row[..data_cols.min(row.len())].iter().map(|c| Value::from_str(&export_text(c))).collect())
        };
        set_attr(&obj, EXPORT_HEADERS, cells(&headers));
        set_attr(&obj, EXPORT_ROWS, Value::list(body.iter().map(|b| cells(b)).collect()));
        if let Some(f) = fixed {
            set_attr(&obj, "content_not_editable", Value::from_str(&f));
        }
        Ok(obj)
    }

    /// The table's headers and cell expressions (`columns:`).
    fn table_columns(&mut self, t: &TableBlock, pos: &Pos) -> R<(Vec<String>, Vec<String>)> {
        let mut headers = Vec::new();
        let mut cols: Vec<String> = Vec::new();
        if let Some(Y::Seq(items)) = t.columns.as_ref().map(|c| &c.value) {
            for item in items {
                if let Y::Map(pairs) = &item.value {
                    let header = item.get("header").and_then(Node::scalar_text);
                    let cell = item.get("cell").and_then(Node::scalar_text);
                    if let (Some(h), Some(c)) = (header, cell) {
                        headers.push(table_safe(&self.render_plain(&h, pos)?));
                        cols.push(c.trim().to_string());
                        continue;
                    }
                    if let Some((k, v)) = pairs.first() {
                        let h = k.scalar_text().unwrap_or_default();
                        headers.push(if h.is_empty() {
                            "&nbsp;".into()
                        } else {
                            table_safe(&self.render_plain(&h, pos)?)
                        });
                        cols.push(v.scalar_text().unwrap_or_default().trim().to_string());
                    }
                }
            }
        }
        Ok((headers, cols))
    }

    /// The rows of a table as (index, item): a list's items, or a dict's sorted by key.
    fn table_entries(&mut self, rows: &Value, pos: &Pos) -> R<Vec<(Value, Value)>> {
        // the rows: (index, item)
        let mut entries: Vec<(Value, Value)> = Vec::new();
        if let Some(l) = list_elements(rows) {
            let items = l.borrow().clone();
            for (n, it) in items.into_iter().enumerate() {
                entries.push((Value::Int(i64::try_from(n).unwrap_or(0)), it));
            }
        } else if let Some(d) = dict_elements(rows) {
            let mut items: Vec<(Key, Value)> = d
                .borrow()
                .iter()
                .map(|(k, v)| (k.clone(), v.clone()))
                .collect();
            items.sort_by_key(|a| a.0.to_value().str());
            for (k, v) in items {
                entries.push((k.to_value(), v));
            }
        } else {
            match rows {
                Value::Dict(d) => {
                    let mut items: Vec<(Key, Value)> = d
                        .borrow()
                        .iter()
                        .map(|(k, v)| (k.clone(), v.clone()))
                        .collect();
                    items.sort_by_key(|a| a.0.to_value().str());
                    for (k, v) in items {
                        entries.push((k.to_value(), v));
                    }
                }
                other => {
                    let o2 = other.clone();
                    let items = self
                        .run_vm(|vm, _| vm.iterate(&o2))
                        .map_err(|e| self.flow(e, pos))?;
                    for (n, it) in items.into_iter().enumerate() {
                        entries.push((Value::Int(i64::try_from(n).unwrap_or(0)), it));
                    }
                }
            }
        }
        Ok(entries)
    }

    /// docassemble's `complete_elements()`: only the items of a group that are complete.
    fn complete_entries(&mut self, rows: &Value, entries: Vec<(Value, Value)>) -> Vec<(Value, Value)> {
        // docassemble's complete_elements(): only the items that are complete
        let attrs = complete_attributes(rows);
        let mut kept = Vec::new();
        for (idx, item) in entries {
            let complete = match &item {
                Value::None => false,
                Value::Object(_) if !attrs.is_empty() => {
                    let name = instance_name(&item);
                    attrs
                        .iter()
                        .all(|a| self.is_defined(&format!("{name}.{a}")))
                }
                Value::Object(_) => {
                    let it = item.clone();
                    self.run_vm(|vm, _| vm.str_of(&it)).is_ok()
                }
                _ => true,
            };
            if complete {
                kept.push((idx, item));
            }
        }
        kept
    }

    /// The cells of each row (with `row_item`/`row_index` bound while they are computed),
    /// plus the Actions cell of an editable table.
    fn table_body(
        &mut self,
        rows: &Value,
        entries: &[(Value, Value)],
        cols: &[String],
        o: &TableOptions,
        editable: bool,
        pos: &Pos,
    ) -> R<Vec<Vec<String>>> {
        let saved = (self.ns.get("row_item"), self.ns.get("row_index"));
        let mut body = Vec::new();
        let mut res: R<()> = Ok(());
        for (idx, item) in entries {
            self.ns.set("row_item", item.clone());
            self.ns.set("row_index", idx.clone());
            let mut cells = Vec::new();
            for c in cols {
                let src = format!("str({c})");
                let text = match self.eval_src(&src, pos) {
                    Ok(v) => v.str(),
                    Err(Flow::Undefined(_)) | Err(Flow::Fatal(_)) if o.show_incomplete => {
                        o.not_available.clone()
                    }
                    Err(e) => {
                        res = Err(e);
                        break;
                    }
                };
                cells.push(table_safe(&text));
            }
            if res.is_err() {
                break;
            }
            if editable {
                match self.item_actions(rows, item, idx, o) {
                    Ok(h) => cells.push(h),
                    Err(e) => {
                        res = Err(e);
                        break;
                    }
                }
            }
            body.push(cells);
        }
        for (name, v) in [("row_item", saved.0), ("row_index", saved.1)] {
            match v {
                Some(v) => self.ns.set(name, v),
                None => {
                    self.ns.remove(name);
                }
            }
        }
        res?;
        Ok(body)
    }

    /// docassemble's `DAList.item_actions()` / `DADict.item_actions()`: the Edit and Delete
    /// buttons of one row (trusted HTML, marked safe from escaping).
    fn item_actions(
        &mut self,
        group: &Value,
        item: &Value,
        index: &Value,
        o: &TableOptions,
    ) -> R<String> {
        let is_dict = dict_elements(group).is_some();
        let kind = if is_dict { "dict" } else { "list" };
        let group_name = instance_name(group);
        let len = list_elements(group)
            .map(|l| l.borrow().len())
            .or_else(|| dict_elements(group).map(|d| d.borrow().len()))
            .unwrap_or(0);
        let can_delete = match attr(group, "minimum_number") {
            Some(Value::Int(m)) => i64::try_from(len).unwrap_or(0) > m,
            _ => true,
        };
        let mut use_edit = o.edit.is_some();
        let mut use_delete = o.delete;
        if let Some(ro) = &o.read_only {
            let v = self.eval_src(&format!("row_item.{ro}"), &crate::compile::engine_pos())?;
            match &v {
                Value::Bool(true) => {
                    use_edit = false;
                    use_delete = false;
                }
                Value::Dict(d) => {
                    let d = d.borrow();
                    use_edit = d.get(&Key::str("edit")).is_none_or(Value::truthy);
                    use_delete = d.get(&Key::str("delete")).is_none_or(Value::truthy);
                }
                _ => {}
            }
        }
        let item_name = match item {
            Value::Object(_) => instance_name(item),
            _ => format!("{group_name}[{}]", index.repr()),
        };
        let mut out = String::new();
        if o.reorder && !is_dict {
            // docassemble moves rows with JavaScript; here each arrow is a link
            let mut arrows = Vec::new();
            for (dir, icon, text) in [
                ("up", "arrow-up", "Move up"),
                ("down", "arrow-down", "Move down"),
            ] {
                let mut args = Map::new();
                args.insert("list".into(), Json::String(group_name.clone()));
                args.insert("item".into(), Json::String(index.repr()));
                args.insert("direction".into(), Json::String(dir.into()));
                let url = self.signed_action_url("_da_list_reorder",
                    &args,
                );
                arrows.push(format!(
                    "<a href=\"{}\" role=\"button\" class=\"btn btn-sm btn-info btn-darevisit datable{dir}\" title=\"Reorder by moving {dir}\"><i class=\"fas fa-{icon}\"></i><span class=\"visually-hidden\">{text}</span></a>",
                    attr_escape(&url)
                ));
            }
            out.push_str(&format!(
                "<span class=\"text-nowrap\">{}</span> ",
                arrows.join(" ")
            ));
        }
        if use_edit {
            let mut items: Vec<Json> = Vec::new();
            let attrs = o.edit.clone().unwrap_or_default();
            let follow: Vec<Json> = if attrs.is_empty() {
                vec![Json::String(format!("{group_name}[{}]", index.repr()))]
            } else {
                attrs
                    .iter()
                    .map(|y| {
                        Json::String(format!(
                            "{item_name}{}{y}",
                            if y.starts_with('[') { "" } else { "." }
                        ))
                    })
                    .collect()
            };
            let mut fu = Map::new();
            fu.insert("follow up".into(), Json::Array(follow));
            items.push(Json::Object(fu));
            let complete = complete_attributes(group);
            if !complete.is_empty() && complete != ["complete"] {
                let mut args = Map::new();
                args.insert(
                    "variables".into(),
                    Json::Array(
                        complete
                            .iter()
                            .map(|a| Json::String(format!("{item_name}.{a}")))
                            .collect(),
                    ),
                );
                items.push(action_json("_da_define", args));
            }
            let ensure_complete = !o.show_incomplete && o.require_gathered;
            if ensure_complete {
                let mut args = Map::new();
                args.insert("group".into(), Json::String(group_name.clone()));
                items.push(action_json(&format!("_da_{kind}_ensure_complete"), args));
            }
            let mut args = Map::new();
            args.insert("items".into(), Json::Array(items));
            let url = self.signed_action_url(&format!("_da_{kind}_edit"),
                &args,
            );
            out.push_str(&format!(
                "<a href=\"{}\" role=\"button\" class=\"btn btn-sm btn-secondary btn-darevisit\"><span class=\"text-nowrap\"><i class=\"fas fa-pencil-alt\"></i> Edit</span></a> ",
                attr_escape(&url)
            ));
        }
        if use_delete && can_delete {
            let mut args = Map::new();
            args.insert(kind.into(), Json::String(group_name.clone()));
            args.insert("item".into(), Json::String(index.repr()));
            let url = self.signed_action_url(&format!("_da_{kind}_remove"),
                &args,
            );
            out.push_str(&format!(
                "<a href=\"{}\" role=\"button\" class=\"btn btn-sm btn-danger btn-darevisit{}\"><span class=\"text-nowrap\"><i class=\"fas fa-trash\"></i> Delete</span></a>",
                attr_escape(&url),
                if o.confirm { " daremovebutton" } else { "" }
            ));
        }
        Ok(crate::html::safe_html(&out))
    }

    /// Built-in list/dict actions requested by URL. Returns false when `action` is not one.
    pub(crate) fn group_action(&mut self, action: &str, arguments: &Map<String, Json>) -> bool {
        match action {
            "_da_list_edit" | "_da_dict_edit" => {
                let mut events = Vec::new();
                if let Some(Json::Array(items)) = arguments.get("items") {
                    for it in items {
                        match it {
                            Json::String(s) => events.push(Event {
                                action: s.clone(),
                                arguments: Map::new(),
                            }),
                            Json::Object(m) => {
                                if let Some(fu) = m.get("follow up") {
                                    let vars: Vec<String> = match fu {
                                        Json::Array(a) => a.iter().filter_map(json_str).collect(),
                                        Json::String(s) => vec![s.clone()],
                                        _ => Vec::new(),
                                    };
                                    for v in vars {
                                        events.push(Event {
                                            action: v,
                                            arguments: Map::new(),
                                        });
                                    }
                                } else if let Some(a) = m
                                    .get("action")
                                    .and_then(json_str)
                                    .filter(|a| a != "_da_set")
                                {
                                    let args = match m.get("arguments") {
                                        Some(Json::Object(x)) => x.clone(),
                                        _ => Map::new(),
                                    };
                                    events.push(Event {
                                        action: a,
                                        arguments: args,
                                    });
                                }
                            }
                            _ => {}
                        }
                    }
                }
                // clicking Edit again does not pile up the same events
                self.st.event_stack.retain(|e| !events.contains(e));
                for (n, e) in events.into_iter().enumerate() {
                    self.st.event_stack.insert(n, e);
                }
                true
            }
            "_da_list_remove" | "_da_dict_remove" => {
                let key = if action == "_da_list_remove" {
                    "list"
                } else {
                    "dict"
                };
                let group = arguments.get(key).and_then(json_str).unwrap_or_default();
                let item = arguments.get("item").and_then(json_str).unwrap_or_default();
                if let Some(g) = self.group_value(&group) {
                    self.remove_item(&g, &group, &item);
                    let mut args = Map::new();
                    args.insert("group".into(), Json::String(group));
                    self.st.event_stack.insert(
                        0,
                        Event {
                            action: format!("_da_{key}_ensure_complete"),
                            arguments: args,
                        },
                    );
                }
                true
            }
            "_da_list_reorder" => {
                let group = arguments.get("list").and_then(json_str).unwrap_or_default();
                let item = arguments.get("item").and_then(json_str).unwrap_or_default();
                let up = arguments.get("direction").and_then(Json::as_str) == Some("up");
                if let Some(g) = self.group_value(&group) {
                    move_item(&g, &group, &item, up);
                }
                true
            }
            "_da_list_add" => {
                let group = arguments.get("list").and_then(json_str).unwrap_or_default();
                if let Some(g) = self.group_value(&group) {
                    if dict_elements(&g).is_some() {
                        self.dict_add(&g, &group);
                        return true;
                    }
                    let complete = arguments
                        .get("complete")
                        .is_none_or(|c| c.as_bool() != Some(false));
                    self.list_add(&g, &group, complete);
                }
                true
            }
            "_da_dict_add" => {
                let group = arguments.get("dict").and_then(json_str).unwrap_or_default();
                if let Some(g) = self.group_value(&group) {
                    self.dict_add(&g, &group);
                }
                true
            }
            // setting variables to values of the user's choosing is for the interview's own
            // `force_ask()` only, never for a link
            "_da_set" => true,
            _ if QUEUED.contains(&action) => {
                self.st.event_stack.insert(
                    0,
                    Event {
                        action: action.to_string(),
                        arguments: arguments.clone(),
                    },
                );
                true
            }
            _ => false,
        }
    }

    /// The DAList/DADict named `name` (a plain variable path), if it exists.
    fn group_value(&mut self, name: &str) -> Option<Value> {
        let p = path::parse(name)?;
        let v = path::lookup(&self.ns, &p)?;
        (list_elements(&v).is_some() || dict_elements(&v).is_some()).then_some(v)
    }

    /// `_da_list_remove` / `_da_dict_remove`: drops the item (a list renames the items after it).
    fn remove_item(&mut self, g: &Value, name: &str, item: &str) {
        if let Some(l) = list_elements(g) {
            let len = l.borrow().len();
            let Some(Value::Int(i)) = path::literal(item) else {
                return;
            };
            let idx = if i < 0 {
                i + i64::try_from(len).unwrap_or(0)
            } else {
                i
            };
            let Ok(idx) = usize::try_from(idx) else {
                return;
            };
            if idx >= len {
                return;
            }
            l.borrow_mut().remove(idx);
            let items: Vec<Value> = l.borrow().clone();
            for (n, it) in items.iter().enumerate().skip(idx) {
                rename_tree(
                    it,
                    &format!("{name}[{}]", n + 1),
                    &format!("{name}[{n}]"),
                    0,
                );
            }
            if items.is_empty() {
                set_attr(g, "there_are_any", Value::Bool(false));
            }
        } else if let Some(d) = dict_elements(g) {
            let Some(k) = path::literal(item).and_then(|v| v.to_key().ok()) else {
                return;
            };
            d.borrow_mut().shift_remove(&k);
            if d.borrow().is_empty() && attr(g, "there_are_any").is_some() {
                set_attr(g, "there_are_any", Value::Bool(false));
            }
        } else {
            return;
        }
        if flag(g, "there_is_another") {
            del_attr(g, "there_is_another");
        }
        del_attr(g, "_necessary_length");
        if flag(g, "ask_number") {
            if let Some(Value::Int(n)) = attr(g, "target_number") {
                if n > 0 {
                    set_attr(g, "target_number", Value::Int(n - 1));
                }
            }
        }
    }

    /// docassemble's `reset_gathered()`.
    fn reset_gathered(g: &Value) {
        let empty = list_elements(g).is_some_and(|l| l.borrow().is_empty())
            || dict_elements(g).is_some_and(|d| d.borrow().is_empty());
        if empty {
            del_attr(g, "there_are_any");
        }
        for a in [
            "there_is_another",
            "there_is_one_other",
            "gathered",
            "revisit",
            "new_object_type",
        ] {
            del_attr(g, a);
        }
    }

    /// `_da_list_add`: opens the list again for one more item.
    fn list_add(&mut self, g: &Value, name: &str, complete: bool) {
        let auto_gather = attr(g, "auto_gather").is_none_or(|v| v.truthy());
        let ask_number = flag(g, "ask_number");
        let len = list_elements(g).map(|l| l.borrow().len()).unwrap_or(0);
        let mut need_item = false;
        let was_gathered = flag(g, "gathered");
        let has_type = matches!(attr(g, "object_type"), Some(Value::Class(_)));
        set_attr(g, "was_gathered", Value::Bool(was_gathered));
        if was_gathered {
            Self::reset_gathered(g);
            if !auto_gather || !ask_number {
                // docassemble adds the item itself (`there_is_one_other` for gathered lists)
                if has_type {
                    self.append_object(g, name);
                } else {
                    need_item = true;
                }
            }
        }
        if auto_gather {
            if ask_number {
                if let Some(n) = attr(g, "target_number") {
                    let n = match n {
                        Value::Int(i) => i,
                        other => other.str().trim().parse().unwrap_or(0),
                    };
                    set_attr(g, "target_number", Value::Int(n + 1));
                }
            } else if was_gathered {
                set_attr(g, "there_is_another", Value::Bool(false));
            } else {
                set_attr(g, "there_is_another", Value::Bool(true));
            }
            if !ask_number {
                set_attr(g, "there_are_any", Value::Bool(true));
            }
        }
        let mut at = 0;
        if need_item {
            self.st.event_stack.insert(
                0,
                Event {
                    action: format!("{name}[{len}]"),
                    arguments: Map::new(),
                },
            );
            at = 1;
        }
        if complete {
            let mut args = Map::new();
            args.insert("list".into(), Json::String(name.to_string()));
            self.st.event_stack.insert(
                at,
                Event {
                    action: "_da_list_complete".into(),
                    arguments: args,
                },
            );
        }
    }

    /// `_da_dict_add`: opens the dictionary again for one more entry.
    fn dict_add(&mut self, g: &Value, name: &str) {
        let auto_gather = attr(g, "auto_gather").is_none_or(|v| v.truthy());
        let ask_number = flag(g, "ask_number");
        let mut new_name = false;
        if flag(g, "gathered") {
            Self::reset_gathered(g);
            if auto_gather {
                if ask_number {
                    let len = dict_elements(g).map(|d| d.borrow().len()).unwrap_or(0);
                    set_attr(
                        g,
                        "target_number",
                        Value::Int(i64::try_from(len).unwrap_or(0) + 1),
                    );
                } else {
                    // one more entry (docassemble's `there_is_one_other`), then no question
                    // whether there are more
                    set_attr(g, "there_is_another", Value::Bool(false));
                    new_name = true;
                }
            }
        }
        if auto_gather && !ask_number {
            set_attr(g, "there_are_any", Value::Bool(true));
        }
        let mut args = Map::new();
        args.insert("dict".into(), Json::String(name.to_string()));
        self.st.event_stack.insert(
            0,
            Event {
                action: "_da_dict_complete".into(),
                arguments: args,
            },
        );
        if new_name {
            self.st.event_stack.insert(
                0,
                Event {
                    action: format!("{name}.new_item_name"),
                    arguments: Map::new(),
                },
            );
        }
    }

    /// Appends a new item of the list's `object_type`, named `name[n]`.
    fn append_object(&mut self, g: &Value, name: &str) {
        let Some(l) = list_elements(g) else { return };
        let Some(Value::Class(c)) = attr(g, "object_type") else {
            return;
        };
        let n = l.borrow().len();
        let item_name = format!("{name}[{n}]");
        let pos = crate::compile::engine_pos();
        let class = Value::Class(c);
        if let Ok(obj) = super::objects::instantiate(self, &class, &item_name, &pos) {
            l.borrow_mut().push(obj);
        }
    }

    /// Serves an internal action at the head of the event stack. `Ok(true)`: handled, run again.
    pub(crate) fn queued_action(&mut self, ev: &Event) -> R<bool> {
        let action = ev.action.as_str();
        if !QUEUED.contains(&action) {
            return Ok(false);
        }
        let vars: Vec<String> = match ev.arguments.get("variables") {
            Some(Json::Array(a)) => a.iter().filter_map(json_str).collect(),
            Some(Json::String(s)) => vec![s.clone()],
            _ => Vec::new(),
        };
        match action {
            "_da_define" | "_da_compute" => {
                if action == "_da_compute" {
                    for v in &vars {
                        if let Some(p) = path::parse(v) {
                            path::remove(&self.ns, &p);
                        }
                    }
                }
                self.st.event_stack.remove(0);
                for v in vars {
                    if !self.st.gather.contains(&v) {
                        self.st.gather.push(v);
                    }
                }
            }
            "_da_undefine" | "_da_invalidate" => {
                self.st.event_stack.remove(0);
                for v in vars {
                    if let Some(p) = path::parse(&v) {
                        if action == "_da_invalidate" {
                            if let Some(old) = path::lookup(&self.ns, &p) {
                                self.host
                                    .dirty
                                    .insert(v.clone(), crate::vars::json::to_json(&old));
                            }
                        }
                        path::remove(&self.ns, &p);
                    }
                }
            }
            "_da_set" => {
                self.st.event_stack.remove(0);
                if let Some(Json::Array(pairs)) = ev.arguments.get("variables") {
                    for pair in pairs {
                        if let Some([Json::String(var), val]) = pair.as_array().map(Vec::as_slice) {
                            let v = crate::vars::json::from_json(val, &self.host);
                            self.assign(var, v)?;
                        }
                    }
                }
            }
            _ => {
                // gathered_and_complete() on the group
                let name = ev
                    .arguments
                    .get("group")
                    .or_else(|| ev.arguments.get("list"))
                    .or_else(|| ev.arguments.get("dict"))
                    .and_then(json_str)
                    .unwrap_or_default();
                let Some(g) = self.group_value(&name) else {
                    self.st.event_stack.remove(0);
                    return Ok(true);
                };
                if !flag(&g, "doing_gathered_and_complete") {
                    set_attr(&g, "doing_gathered_and_complete", Value::Bool(true));
                    if complete_attributes(&g) == ["complete"] {
                        let items: Vec<Value> = match (list_elements(&g), dict_elements(&g)) {
                            (Some(l), _) => l.borrow().clone(),
                            (_, Some(d)) => d.borrow().values().cloned().collect(),
                            _ => Vec::new(),
                        };
                        for it in items {
                            del_attr(&it, "complete");
                        }
                    }
                    del_attr(&g, "gathered");
                }
                let auto_gather = attr(&g, "auto_gather").is_none_or(|v| v.truthy());
                let pos = crate::compile::engine_pos();
                if auto_gather {
                    let g2 = g.clone();
                    self.run_vm(|vm, _| crate::functions::objects::gather(vm, &g2))
                        .map_err(|e| self.flow(e, &pos))?;
                } else {
                    self.eval_src(&format!("{name}.gathered"), &pos)?;
                }
                del_attr(&g, "doing_gathered_and_complete");
                del_attr(&g, "was_gathered");
                if let Some(pos) = self
                    .st
                    .event_stack
                    .iter()
                    .position(|e| e.action == ev.action && e.arguments == ev.arguments)
                {
                    self.st.event_stack.remove(pos);
                }
            }
        }
        if let Some(e) = self.st.event_stack.first() {
            self.host.action = Some(e.action.clone());
            self.host.arguments = e.arguments.clone();
        } else {
            self.host.action = None;
            self.host.arguments = Map::new();
        }
        Ok(true)
    }

    /// `list[n]` sought for a DAList with an `object_type`: docassemble fills the list up to
    /// the index with new objects (`_fill_up_to`) instead of asking. True when it did.
    pub(crate) fn fill_up(&mut self, var: &str) -> bool {
        let Some(p) = path::parse(var) else {
            return false;
        };
        let Some(path::Seg::Index(t)) = p.segs.last() else {
            return false;
        };
        let Some(Value::Int(i)) = path::literal(t).or_else(|| path::subscript_value(&self.ns, t))
        else {
            return false;
        };
        let Some(parent) = p.parent() else {
            return false;
        };
        let Some(g) = path::lookup(&self.ns, &parent) else {
            return false;
        };
        let Some(l) = list_elements(&g) else {
            return false;
        };
        if !matches!(attr(&g, "object_type"), Some(Value::Class(_))) || class_is(&g, "DADict") {
            return false;
        }
        if attr(&g, "auto_gather").is_none_or(|v| v.truthy()) && attr(&g, "gathered").is_some() {
            return false;
        }
        let len = l.borrow().len();
        let Ok(idx) = usize::try_from(i) else {
            return false;
        };
        if idx < len || idx - len >= 10 {
            return false;
        }
        let name = parent.text();
        while l.borrow().len() <= idx {
            let before = l.borrow().len();
            self.append_object(&g, &name);
            if l.borrow().len() == before {
                return false;
            }
        }
        true
    }
}

/// `_da_list_reorder`: swaps an item with its neighbour (names follow the places).
fn move_item(g: &Value, name: &str, item: &str, up: bool) {
    let Some(l) = list_elements(g) else { return };
    let Some(Value::Int(i)) = path::literal(item) else {
        return;
    };
    let len = i64::try_from(l.borrow().len()).unwrap_or(0);
    let j = if up { i - 1 } else { i + 1 };
    if i < 0 || j < 0 || i >= len || j >= len {
        return;
    }
    let (Ok(a), Ok(b)) = (usize::try_from(i), usize::try_from(j)) else {
        return;
    };
    l.borrow_mut().swap(a, b);
    let (ia, ib) = {
        let items = l.borrow();
        (items[a].clone(), items[b].clone())
    };
    let tmp = "\u{1}moving";
    // the item now at `b` was `name[a]`; the one now at `a` was `name[b]`
    rename_tree(&ib, &format!("{name}[{a}]"), tmp, 0);
    rename_tree(&ia, &format!("{name}[{b}]"), &format!("{name}[{a}]"), 0);
    rename_tree(&ib, tmp, &format!("{name}[{b}]"), 0);
}

fn action_json(action: &str, arguments: Map<String, Json>) -> Json {
    let mut m = Map::new();
    m.insert("action".into(), Json::String(action.to_string()));
    m.insert("arguments".into(), Json::Object(arguments));
    Json::Object(m)
}

/// Escapes a URL for an HTML attribute.
fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

/// The attribute of a table made before its rows could be gathered (its text is not known).
const PENDING: &str = "_rows_pending";

/// The text of a table made before its rows were gathered: the table is asked for again
/// (its block runs once more, now gathering its rows).
fn pending_text(vm: &mut lang::Vm<'_>, me: &Value) -> Result<Option<Value>, lang::Error> {
    if !flag(me, PENDING) {
        return Ok(None);
    }
    let name = instance_name(me);
    crate::functions::host(vm)?.rendered_tables.insert(name.clone());
    Err(lang::Error::Undefined(name))
}

/// `str()` of a template or table (a template with its source is rendered now).
fn template_str(vm: &mut lang::Vm<'_>, mut args: lang::Args) -> Result<Value, lang::Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    if let Some(v) = pending_text(vm, &me)? {
        return Ok(v);
    }
    let kwargs = std::mem::take(&mut args.keyword);
    crate::functions::objects::template::render_content(vm, &me, kwargs)
}

/// Adds the group methods that need the session's event stack (`cancel_add_or_edit`) to the
/// DAList and DADict classes of this request.
pub(crate) fn install_group_methods(host: &crate::functions::EngineHost) {
    for c in ["DAList", "DADict"] {
        host.class(c).set_attr(
            "cancel_add_or_edit",
            Value::native("cancel_add_or_edit", cancel_add_or_edit),
        );
    }
    let template = host.class("DALazyTemplate");
    template.set_attr("export", Value::native("export", crate::functions::files::table_export));
    template.set_attr("show", Value::native("show", template_show));
    template.set_attr("__str__", Value::native("__str__", template_str));
}

/// `template.show()`; for a table, `show(editable=False)` leaves out the Actions column.
fn template_show(vm: &mut lang::Vm<'_>, mut args: lang::Args) -> Result<Value, lang::Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    if let Some(v) = pending_text(vm, &me)? {
        return Ok(v);
    }
    let editable = args.take_kw("editable").is_none_or(|v| v.truthy());
    if !editable {
        if let Some(c) = attr(&me, "content_not_editable") {
            return Ok(c);
        }
    }
    let kwargs = std::mem::take(&mut args.keyword);
    crate::functions::objects::template::render_content(vm, &me, kwargs)
}

/// Key of `EngineHost::info` through which `cancel_add_or_edit()` hands the group names to the
/// runtime (which drops their pending edit/add events).
pub(crate) const CANCEL_KEY: &str = "__cancel_groups";

/// docassemble's `cancel_add_or_edit()`: forget the pending add/edit of this group (its events)
/// and drop an item added but not completed.
fn cancel_add_or_edit(vm: &mut lang::Vm<'_>, args: lang::Args) -> Result<Value, lang::Error> {
    let me = args.positional.first().cloned().unwrap_or(Value::None);
    let name = instance_name(&me);
    let h = crate::functions::host(vm)?;
    let mut names = match h.info.remove(CANCEL_KEY) {
        Some(Json::Array(a)) => a,
        _ => Vec::new(),
    };
    names.push(Json::String(name));
    h.info.insert(CANCEL_KEY.into(), Json::Array(names));
    if let Some(l) = list_elements(&me) {
        let attrs = complete_attributes(&me);
        let items: Vec<Value> = l.borrow().clone();
        let complete = |it: &Value| -> bool {
            if attrs.is_empty() {
                return !matches!(it, Value::None);
            }
            attrs.iter().all(|a| {
                let mut cur = it.clone();
                for part in a.split('.') {
                    match attr(&cur, part) {
                        Some(v) => cur = v,
                        None => return false,
                    }
                }
                true
            })
        };
        if items.iter().any(|it| !complete(it)) {
            l.borrow_mut().pop();
            if l.borrow().is_empty() {
                set_attr(&me, "there_are_any", Value::Bool(false));
            }
        }
    }
    for a in [
        "doing_gathered_and_complete",
        "_necessary_length",
        "there_is_one_other",
    ] {
        del_attr(&me, a);
    }
    Ok(Value::None)
}

impl Run<'_> {
    /// Drops the pending events of groups whose add/edit was cancelled.
    pub(crate) fn apply_cancels(&mut self) {
        let Some(Json::Array(names)) = self.host.info.remove(CANCEL_KEY) else {
            return;
        };
        for n in names.iter().filter_map(Json::as_str) {
            let prefix = format!("{n}[");
            self.st.event_stack.retain(|e| {
                let of_group = ["list", "dict", "group"]
                    .iter()
                    .any(|k| e.arguments.get(*k).and_then(Json::as_str) == Some(n));
                !of_group && !e.action.starts_with(&prefix)
            });
        }
    }
}
