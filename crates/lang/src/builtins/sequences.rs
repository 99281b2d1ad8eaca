//! Sorting and the iterator builtins: `sorted`, `reversed`, `enumerate`, `zip`, `map`, `filter`.

use super::*;

/// Units of work per item per merge pass (a comparison and a move of a key/value pair).
const SORT_PASS_WORK: usize = 2;

/// Stable merge sort with a fallible "less than"; never panics on inconsistent orders.
pub fn sort_values(vm: &mut Vm, items: &mut Vec<(Value, Value)>, reverse: bool) -> R<()> {
    if reverse {
        items.reverse();
    }
    let n = items.len();
    if n > 1 {
        let mut buf: Vec<(Value, Value)> = Vec::with_capacity(n);
        let mut width = 1;
        while width < n {
            let mut i = 0;
            buf.clear();
            while i < n {
                let mid = (i + width).min(n);
                let end = (i + 2 * width).min(n);
                let (mut a, mut b) = (i, mid);
                while a < mid && b < end {
                    // Take from the right run only if it is strictly less.
                    if vm.lt(&items[b].0, &items[a].0)? {
                        buf.push(items[b].clone());
                        b += 1;
                    } else {
                        buf.push(items[a].clone());
                        a += 1;
                    }
                }
                buf.extend(items[a..mid].iter().cloned());
                buf.extend(items[b..end].iter().cloned());
                i = end;
            }
            std::mem::swap(items, &mut buf);
            width *= 2;
            // one pass over the items: n comparisons and moves
            vm.charge(n.saturating_mul(SORT_PASS_WORK))?;
        }
    }
    if reverse {
        items.reverse();
    }
    Ok(())
}

/// Sorts `values` with an optional key function (used by `sorted` and `list.sort`).
pub fn sorted_values(
    vm: &mut Vm,
    values: Vec<Value>,
    key: Option<&Value>,
    reverse: bool,
) -> R<Vec<Value>> {
    let mut pairs = Vec::with_capacity(values.len());
    for v in values {
        let k = match key {
            Some(f) => vm.call(f, Args::new(vec![v.clone()]))?,
            None => v.clone(),
        };
        pairs.push((k, v));
    }
    sort_values(vm, &mut pairs, reverse)?;
    Ok(pairs.into_iter().map(|(_, v)| v).collect())
}

pub(super) fn b_sorted(vm: &mut Vm, mut args: Args) -> R<Value> {
    let key = args.take_kw("key").filter(|k| !matches!(k, Value::None));
    let reverse = match args.take_kw("reverse") {
        Some(v) => vm.truthy(&v)?,
        None => false,
    };
    no_kwargs(&args, "sorted")?;
    nargs(&args, 1, 1, "sorted")?;
    let items = vm.iterate(&args.positional[0])?;
    let out = sorted_values(vm, items, key.as_ref(), reverse)?;
    Ok(Value::list(out))
}

pub(super) fn b_reversed(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "reversed")?;
    nargs(&args, 1, 1, "reversed")?;
    let v = &args.positional[0];
    match v {
        Value::Set(_) | Value::Iter(_) => {
            return Err(Error::exception(
                "TypeError",
                format!("'{}' object is not reversible", v.class_name()),
            ))
        }
        _ => {}
    }
    let mut items = vm.iterate(v)?;
    items.reverse();
    Ok(new_iter(items))
}

pub(super) fn b_enumerate(vm: &mut Vm, mut args: Args) -> R<Value> {
    let start_kw = args.take_kw("start");
    no_kwargs(&args, "enumerate")?;
    nargs(&args, 1, 2, "enumerate")?;
    let start = match args.positional.get(1).or(start_kw.as_ref()) {
        Some(v) => int_arg(v, "")?,
        None => 0,
    };
    let items = vm.iterate(&args.positional[0])?;
    vm.new_items(items.len())?;
    let mut out = Vec::with_capacity(items.len());
    for (i, v) in items.into_iter().enumerate() {
        let n = start
            .checked_add(i as i64)
            .ok_or_else(crate::interp::overflow)?;
        out.push(Value::tuple(vec![Value::Int(n), v]));
    }
    Ok(new_iter(out))
}

pub(super) fn b_zip(vm: &mut Vm, mut args: Args) -> R<Value> {
    let strict = args.take_kw("strict").is_some_and(|v| v.truthy());
    no_kwargs(&args, "zip")?;
    let mut lists = Vec::new();
    for v in &args.positional {
        lists.push(vm.iterate(v)?);
    }
    let n = lists.iter().map(Vec::len).min().unwrap_or(0);
    if strict && lists.iter().any(|l| l.len() != n) {
        return Err(Error::exception(
            "ValueError",
            "zip() arguments have different lengths",
        ));
    }
    vm.new_items(n)?;
    let out = (0..n)
        .map(|i| Value::tuple(lists.iter().map(|l| l[i].clone()).collect()))
        .collect();
    Ok(new_iter(out))
}

pub(super) fn b_map(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "map")?;
    if args.positional.len() < 2 {
        return Err(Error::exception(
            "TypeError",
            "map() must have at least two arguments.",
        ));
    }
    let f = args.positional[0].clone();
    let mut lists = Vec::new();
    for v in &args.positional[1..] {
        lists.push(vm.iterate(v)?);
    }
    let n = lists.iter().map(Vec::len).min().unwrap_or(0);
    let mut out = Vec::with_capacity(n);
    for i in 0..n {
        let a: Vec<Value> = lists.iter().map(|l| l[i].clone()).collect();
        out.push(vm.call(&f, Args::new(a))?);
    }
    Ok(new_iter(out))
}

pub(super) fn b_filter(vm: &mut Vm, args: Args) -> R<Value> {
    no_kwargs(&args, "filter")?;
    nargs(&args, 2, 2, "filter")?;
    let f = args.positional[0].clone();
    let mut out = Vec::new();
    for v in vm.iterate(&args.positional[1])? {
        let keep = if matches!(f, Value::None) {
            vm.truthy(&v)?
        } else {
            let r = vm.call(&f, Args::new(vec![v.clone()]))?;
            vm.truthy(&r)?
        };
        if keep {
            out.push(v);
        }
    }
    Ok(new_iter(out))
}
