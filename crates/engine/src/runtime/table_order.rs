//! The rows of a `table:` block kept and ordered as docassemble's `text_of_table` does:
//! `filter` (an expression of `row_item`/`row_index`) keeps the rows for which it is true,
//! then `sort key` (an expression giving a key function, such as `lambda y: y.last_eaten`)
//! orders them — applied to each item of a list, to each `(key, item)` pair of a dict —
//! reversed when `sort reverse` is true; without a key, `sort reverse` only reverses them.

use lang::Value;

use super::{Run, R};
use crate::model::{Pos, TableBlock};

/// Name the rows are bound to while the key function orders them.
const ROWS: &str = "_co_table_rows";

impl Run<'_> {
    /// `entries` (index, item) of a table filtered and ordered by its options; `is_dict`
    /// when the rows are a dictionary's.
    pub(crate) fn filter_and_sort_rows(
        &mut self,
        t: &TableBlock,
        entries: Vec<(Value, Value)>,
        is_dict: bool,
        pos: &Pos,
    ) -> R<Vec<(Value, Value)>> {
        let option = |name: &str| {
            t.options
                .iter()
                .find(|(k, _)| k == name)
                .and_then(|(_, v)| v.scalar_text())
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        let (filter, key, reverse) = (option("filter"), option("sort key"), option("sort reverse"));
        if filter.is_none() && key.is_none() && reverse.is_none() {
            return Ok(entries);
        }
        let saved = [("row_item", self.ns.get("row_item")), ("row_index", self.ns.get("row_index")), (ROWS, self.ns.get(ROWS))];
        let result = self.filter_then_sort(entries, filter.as_deref(), key.as_deref(), reverse.as_deref(), is_dict, pos);
        for (name, v) in saved {
            match v {
                Some(v) => self.ns.set(name, v),
                None => {
                    self.ns.remove(name);
                }
            }
        }
        result
    }

    fn filter_then_sort(
        &mut self,
        entries: Vec<(Value, Value)>,
        filter: Option<&str>,
        key: Option<&str>,
        reverse: Option<&str>,
        is_dict: bool,
        pos: &Pos,
    ) -> R<Vec<(Value, Value)>> {
        let mut kept = Vec::with_capacity(entries.len());
        for (index, item) in entries {
            if let Some(f) = filter {
                self.ns.set("row_item", item.clone());
                self.ns.set("row_index", index.clone());
                if !self.eval_src(f, pos)?.truthy() {
                    continue;
                }
            }
            kept.push((index, item));
        }
        let reverse = match reverse {
            Some(r) => self.eval_src(&format!("bool({r})"), pos)?.truthy(),
            None => false,
        };
        let Some(key) = key else {
            if reverse {
                kept.reverse();
            }
            return Ok(kept);
        };
        let keyed: Vec<Value> = kept
            .iter()
            .map(|(index, item)| if is_dict { Value::tuple(vec![index.clone(), item.clone()]) } else { item.clone() })
            .collect();
        self.ns.set(ROWS, Value::list(keyed));
        let source = format!(
            "sorted(range(len({ROWS})), key=lambda _co_n: ({key})({ROWS}[_co_n]), reverse={})",
            if reverse { "True" } else { "False" }
        );
        let order = self.eval_src(&source, pos)?;
        let Value::List(order) = order else {
            return Err(super::Flow::Fatal(format!("{pos}: the table's sort key did not order its rows")));
        };
        let mut slots: Vec<Option<(Value, Value)>> = kept.into_iter().map(Some).collect();
        let mut sorted = Vec::with_capacity(slots.len());
        for n in order.borrow().iter() {
            let Value::Int(n) = n else { continue };
            if let Some(entry) = usize::try_from(*n).ok().and_then(|n| slots.get_mut(n)).and_then(Option::take) {
                sorted.push(entry);
            }
        }
        Ok(sorted)
    }
}
