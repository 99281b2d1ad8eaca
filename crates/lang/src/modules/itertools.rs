//! The `itertools` module (finite iterators, computed eagerly under the length limit).

use super::*;

pub(super) fn iter_value(items: Vec<Value>) -> Value {
    Value::Iter(Rc::new(RefCell::new(crate::value::IterState {
        items,
        pos: 0,
        ..Default::default()
    })))
}

pub(super) fn itertools_module() -> Value {
    let f = |name: &'static str, func: NativeFn| (name, native(name, func));
    let chain = cached_class("itertools.chain", || {
        class_with(
            "chain",
            Vec::new(),
            Some(it_chain),
            vec![(
                "from_iterable",
                native("from_iterable", it_chain_from_iterable),
            )],
        )
    });
    module(
        "itertools",
        vec![
            ("chain", Value::Class(chain)),
            f("product", it_product),
            f("permutations", it_permutations),
            f("combinations", it_combinations),
            f("combinations_with_replacement", it_combinations_wr),
            f("groupby", it_groupby),
            f("accumulate", it_accumulate),
            f("islice", it_islice),
            f("zip_longest", it_zip_longest),
            f("repeat", it_repeat),
        ],
    )
}

pub(super) fn it_chain(vm: &mut Vm<'_>, args: Args) -> R {
    if let Some((k, _)) = args.keyword.first() {
        return Err(Error::type_error(format!(
            "chain() got an unexpected keyword argument '{k}'"
        )));
    }
    let mut out = Vec::new();
    for a in &args.positional {
        out.extend(vm.iterate(a)?);
        vm.new_items(out.len())?;
    }
    Ok(iter_value(out))
}

pub(super) fn it_chain_from_iterable(vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "from_iterable", &["iterable"], 1)?;
    let outer = vm.iterate(&arg(&v, 0))?;
    it_chain(vm, Args::new(outer))
}

/// Accounts `n` tuples of `width` items each that are about to be made, refusing more than
/// the length limit; each tuple costs its items plus the tuple itself.
pub(super) fn combinatorial(vm: &mut Vm<'_>, n: u128, width: usize) -> Result<(), Error> {
    if n > usize::MAX as u128 {
        return Err(Error::Limit(LimitKind::Length));
    }
    let n = n as usize;
    vm.new_items(n)?;
    vm.alloc(n.saturating_mul(width).saturating_mul(16))?;
    vm.charge(n.saturating_mul(width.saturating_add(1)))
}

pub(super) fn it_product(vm: &mut Vm<'_>, mut args: Args) -> R {
    let repeat = match args.take_kw("repeat") {
        Some(r) => r.to_index()?,
        None => 1,
    };
    if let Some((k, _)) = args.keyword.first() {
        return Err(Error::type_error(format!(
            "product() got an unexpected keyword argument '{k}'"
        )));
    }
    if repeat < 0 {
        return Err(Error::value_error("repeat argument cannot be negative"));
    }
    let mut pools = Vec::new();
    for a in &args.positional {
        pools.push(vm.iterate(a)?);
    }
    let pools: Vec<Vec<Value>> = (0..repeat).flat_map(|_| pools.clone()).collect();
    let mut count: u128 = 1;
    for p in &pools {
        count = count.saturating_mul(p.len() as u128);
    }
    combinatorial(vm, count, pools.len())?;
    let mut out: Vec<Vec<Value>> = vec![Vec::new()];
    for pool in &pools {
        let mut next = Vec::with_capacity(out.len() * pool.len());
        for prefix in &out {
            for item in pool {
                let mut t = prefix.clone();
                t.push(item.clone());
                next.push(t);
            }
        }
        out = next;
    }
    Ok(iter_value(out.into_iter().map(Value::tuple).collect()))
}

pub(super) fn r_arg(v: &[Option<Value>], i: usize, n: usize) -> Result<usize, Error> {
    match v.get(i).cloned().flatten() {
        None | Some(Value::None) => Ok(n),
        Some(x) => {
            let r = x.to_index()?;
            if r < 0 {
                return Err(Error::value_error("r must be non-negative"));
            }
            Ok(r as usize)
        }
    }
}

pub(super) fn count_choose(n: usize, r: usize, ordered: bool, replace: bool) -> u128 {
    let (n, r) = (n as u128, r as u128);
    let mut acc: u128 = 1;
    if replace {
        // C(n + r - 1, r)
        let top = n + r;
        for i in 0..r {
            acc = acc.saturating_mul(top.saturating_sub(1 + i)) / (i + 1);
        }
        return acc;
    }
    if r > n {
        return 0;
    }
    for i in 0..r {
        acc = acc.saturating_mul(n - i);
        if !ordered {
            acc /= i + 1;
        }
    }
    acc
}

#[allow(clippy::too_many_arguments)]
pub(super) fn choose(
    pool: &[Value],
    r: usize,
    ordered: bool,
    replace: bool,
    start: usize,
    used: &mut Vec<bool>,
    cur: &mut Vec<Value>,
    out: &mut Vec<Value>,
) {
    if cur.len() == r {
        out.push(Value::tuple(cur.clone()));
        return;
    }
    let from = if ordered { 0 } else { start };
    for i in from..pool.len() {
        if ordered && used[i] {
            continue;
        }
        if ordered {
            used[i] = true;
        }
        cur.push(pool[i].clone());
        let next = if replace { i } else { i + 1 };
        choose(pool, r, ordered, replace, next, used, cur, out);
        cur.pop();
        if ordered {
            used[i] = false;
        }
    }
}

pub(super) fn combos(vm: &mut Vm<'_>, args: Args, fname: &str, ordered: bool, replace: bool) -> R {
    let v = params(args, fname, &["iterable", "r"], if ordered { 1 } else { 2 })?;
    let pool = vm.iterate(&arg(&v, 0))?;
    let r = r_arg(&v, 1, pool.len())?;
    combinatorial(vm, count_choose(pool.len(), r, ordered, replace), r)?;
    let mut out = Vec::new();
    if r <= pool.len() || replace {
        let mut used = vec![false; pool.len()];
        choose(
            &pool,
            r,
            ordered,
            replace,
            0,
            &mut used,
            &mut Vec::new(),
            &mut out,
        );
    }
    Ok(iter_value(out))
}

pub(super) fn it_permutations(vm: &mut Vm<'_>, args: Args) -> R {
    combos(vm, args, "permutations", true, false)
}
pub(super) fn it_combinations(vm: &mut Vm<'_>, args: Args) -> R {
    combos(vm, args, "combinations", false, false)
}
pub(super) fn it_combinations_wr(vm: &mut Vm<'_>, args: Args) -> R {
    combos(vm, args, "combinations_with_replacement", false, true)
}

/// `groupby(iterable, key=None)`: (key, list of items) pairs (the groups are lists).
pub(super) fn it_groupby(vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "groupby", &["iterable", "key"], 1)?;
    let items = vm.iterate(&arg(&v, 0))?;
    let key = v[1].clone().filter(|k| !matches!(k, Value::None));
    let mut out: Vec<Value> = Vec::new();
    let mut current: Option<(Value, Vec<Value>)> = None;
    for item in items {
        let k = match &key {
            Some(f) => vm.call(f, Args::new(vec![item.clone()]))?,
            None => item.clone(),
        };
        let same = match &current {
            Some((ck, _)) => vm.eq(ck, &k)?,
            None => false,
        };
        if same {
            if let Some((_, group)) = current.as_mut() {
                group.push(item);
            }
        } else {
            if let Some((ck, group)) = current.take() {
                out.push(Value::tuple(vec![ck, Value::list(group)]));
            }
            current = Some((k, vec![item]));
        }
    }
    if let Some((ck, group)) = current {
        out.push(Value::tuple(vec![ck, Value::list(group)]));
    }
    Ok(iter_value(out))
}

pub(super) fn it_accumulate(vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "accumulate", &["iterable", "func", "initial"], 1)?;
    let items = vm.iterate(&arg(&v, 0))?;
    let func = v[1].clone().filter(|k| !matches!(k, Value::None));
    let mut out = Vec::with_capacity(items.len() + 1);
    let mut acc = v[2].clone().filter(|k| !matches!(k, Value::None));
    if let Some(a) = &acc {
        out.push(a.clone());
    }
    for item in items {
        let next = match acc.take() {
            None => item,
            Some(a) => match &func {
                Some(f) => vm.call(f, Args::new(vec![a, item]))?,
                None => vm.binop(crate::ir::BinOp::Add, &a, &item)?,
            },
        };
        out.push(next.clone());
        acc = Some(next);
    }
    Ok(iter_value(out))
}

pub(super) fn it_islice(vm: &mut Vm<'_>, args: Args) -> R {
    if !args.keyword.is_empty() {
        return Err(Error::type_error("islice() takes no keyword arguments"));
    }
    let mut pos = args.positional.into_iter();
    let items = vm.iterate(&pos.next().unwrap_or(Value::None))?;
    let rest: Vec<Value> = pos.collect();
    let bound = |v: Option<&Value>, default: usize| -> Result<usize, Error> {
        match v {
            None | Some(Value::None) => Ok(default),
            Some(x) => {
                let n = x.to_index()?;
                if n < 0 {
                    return Err(Error::value_error(
                        "Indices for islice() must be None or an integer: 0 <= x <= sys.maxsize.",
                    ));
                }
                Ok(n as usize)
            }
        }
    };
    let (start, stop, step) = match rest.len() {
        1 => (0, bound(rest.first(), items.len())?, 1),
        2 | 3 => (
            bound(rest.first(), 0)?,
            bound(rest.get(1), items.len())?,
            bound(rest.get(2), 1)?,
        ),
        n => {
            return Err(Error::type_error(format!(
                "islice expected at most 4 arguments, got {}",
                n + 1
            )))
        }
    };
    if step == 0 {
        return Err(Error::value_error(
            "Step for islice() must be a positive integer or None.",
        ));
    }
    let stop = stop.min(items.len());
    let out = if start >= stop {
        Vec::new()
    } else {
        items[start..stop].iter().step_by(step).cloned().collect()
    };
    Ok(iter_value(out))
}

pub(super) fn it_zip_longest(vm: &mut Vm<'_>, mut args: Args) -> R {
    let fill = args.take_kw("fillvalue").unwrap_or(Value::None);
    if let Some((k, _)) = args.keyword.first() {
        return Err(Error::type_error(format!(
            "zip_longest() got an unexpected keyword argument '{k}'"
        )));
    }
    let mut lists = Vec::new();
    for a in &args.positional {
        lists.push(vm.iterate(a)?);
    }
    let n = lists.iter().map(Vec::len).max().unwrap_or(0);
    let out = (0..n)
        .map(|i| {
            Value::tuple(
                lists
                    .iter()
                    .map(|l| l.get(i).cloned().unwrap_or_else(|| fill.clone()))
                    .collect(),
            )
        })
        .collect();
    Ok(iter_value(out))
}

/// `repeat(x, times)`; without `times` (infinite in CPython) it is refused.
pub(super) fn it_repeat(vm: &mut Vm<'_>, args: Args) -> R {
    let v = params(args, "repeat", &["object", "times"], 1)?;
    let Some(times) = v[1].clone() else {
        return Err(Error::Limit(LimitKind::Length));
    };
    let n = times.to_index()?.max(0) as usize;
    vm.new_items(n)?;
    Ok(iter_value(vec![arg(&v, 0); n]))
}

/// `collections.OrderedDict(...)`: a plain (insertion-ordered) dict.
pub(super) fn ordered_dict(vm: &mut Vm<'_>, args: Args) -> R {
    if args.positional.len() > 1 {
        return Err(Error::type_error(format!(
            "expected at most 1 arguments, got {}",
            args.positional.len()
        )));
    }
    let mut d: Dict = IndexMap::default();
    if let Some(src) = args.positional.first() {
        for (k, v) in crate::methods::pairs_of(vm, src)? {
            d.insert(k, v);
        }
    }
    for (k, v) in args.keyword {
        d.insert(Key::Str(k), v);
    }
    check_len(vm, d.len())?;
    Ok(Value::dict(d))
}
