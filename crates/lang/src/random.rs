//! The sandboxed `random` module: `random`, `randint`, `randrange`, `choice`, `choices`,
//! `shuffle`, `sample`, `uniform`, `seed`.
//!
//! The generator is xoshiro256** ([`Random`]). Its seed comes from the host, which lends a
//! [`Random`] to the evaluator ([`Vm::with_random`]); without one the Vm uses its own, seeded
//! with a fixed value. `seed(x)` reseeds it (deterministic for a given `x`). This crate reads
//! no OS randomness and no clock.

use crate::value::{Args, Value};
use crate::{Error, Vm};

type R = Result<Value, Error>;

fn splitmix(x: &mut u64) -> u64 {
    *x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *x;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

fn state_from(seed: u64) -> [u64; 4] {
    let mut x = seed;
    let s = [
        splitmix(&mut x),
        splitmix(&mut x),
        splitmix(&mut x),
        splitmix(&mut x),
    ];
    if s == [0; 4] {
        [1, 2, 3, 4]
    } else {
        s
    }
}

/// A source of pseudo-random numbers for the `random` module (xoshiro256**), seeded by the host.
#[derive(Clone, Debug)]
pub struct Random {
    state: [u64; 4],
}

impl Random {
    /// The seed used when the host lends none.
    pub const DEFAULT_SEED: u64 = 0x5EED;

    /// A generator whose sequence is determined by `seed`.
    pub fn from_seed(seed: u64) -> Random {
        Random { state: state_from(seed) }
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        let s = &mut self.state;
        let result = s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        result
    }

    /// A float in [0, 1).
    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// A uniform integer in [0, n) (n > 0), without modulo bias.
    fn below(&mut self, n: u64) -> u64 {
        if n <= 1 {
            return 0;
        }
        let zone = u64::MAX - (u64::MAX % n);
        loop {
            let r = self.next_u64();
            if r < zone {
                return r % n;
            }
        }
    }

    /// A uniform integer in [lo, hi) (hi > lo).
    fn int_between(&mut self, lo: i64, hi: i64) -> i64 {
        let span = (hi as i128 - lo as i128) as u128;
        let off = if span > u64::MAX as u128 { self.next_u64() as u128 } else { self.below(span as u64) as u128 };
        (lo as i128 + off as i128) as i64
    }

    /// Shuffles `items` in place (Fisher–Yates).
    fn shuffle(&mut self, items: &mut [Value]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i as u64 + 1) as usize;
            items.swap(i, j);
        }
    }
}

fn int_of(v: &Value) -> Result<i64, Error> {
    match v {
        Value::Float(f) if f.fract() == 0.0 && f.is_finite() => Ok(*f as i64),
        other => other.to_index(),
    }
}

fn no_keywords(args: &Args, fname: &str) -> Result<(), Error> {
    match args.keyword.first() {
        Some((k, _)) => Err(Error::type_error(format!(
            "{fname}() got an unexpected keyword argument '{k}'"
        ))),
        None => Ok(()),
    }
}

fn positional(args: &Args, fname: &str, min: usize, max: usize) -> Result<(), Error> {
    let n = args.positional.len();
    if n < min || n > max {
        return Err(Error::type_error(format!(
            "{fname}() takes from {min} to {max} positional arguments but {n} were given"
        )));
    }
    Ok(())
}

fn random_random(vm: &mut Vm<'_>, args: Args) -> R {
    no_keywords(&args, "random")?;
    positional(&args, "random", 0, 0)?;
    Ok(Value::Float(vm.random().next_f64()))
}

fn random_uniform(vm: &mut Vm<'_>, mut args: Args) -> R {
    let a = args.take_kw("a");
    let b = args.take_kw("b");
    no_keywords(&args, "uniform")?;
    let mut p = args.positional.into_iter();
    let (Some(a), Some(b)) = (p.next().or(a), p.next().or(b)) else {
        return Err(Error::type_error(
            "uniform() missing required positional arguments",
        ));
    };
    let (a, b) = (a.to_float()?, b.to_float()?);
    Ok(Value::Float(a + (b - a) * vm.random().next_f64()))
}

fn random_randint(vm: &mut Vm<'_>, mut args: Args) -> R {
    let a = args.take_kw("a");
    let b = args.take_kw("b");
    no_keywords(&args, "randint")?;
    let mut p = args.positional.into_iter();
    let (Some(a), Some(b)) = (p.next().or(a), p.next().or(b)) else {
        return Err(Error::type_error(
            "randint() missing required positional arguments",
        ));
    };
    let (a, b) = (int_of(&a)?, int_of(&b)?);
    if b < a {
        return Err(Error::value_error(format!(
            "empty range in randrange({a}, {})",
            b as i128 + 1
        )));
    }
    if b == i64::MAX {
        // [a, b] = [a, b) plus the end point
        let span = b as i128 - a as i128 + 1;
        if span > u64::MAX as i128 {
            return Ok(Value::Int(vm.random().next_u64() as i64));
        }
        return Ok(Value::Int((a as i128 + vm.random().below(span as u64) as i128) as i64));
    }
    Ok(Value::Int(vm.random().int_between(a, b + 1)))
}

fn random_randrange(vm: &mut Vm<'_>, args: Args) -> R {
    no_keywords(&args, "randrange")?;
    positional(&args, "randrange", 1, 3)?;
    let nums = args
        .positional
        .iter()
        .map(int_of)
        .collect::<Result<Vec<i64>, Error>>()?;
    let (start, stop, step) = match nums.as_slice() {
        [stop] => (0, *stop, 1),
        [start, stop] => (*start, *stop, 1),
        [start, stop, step] => (*start, *stop, *step),
        _ => return Err(Error::type_error("randrange() takes from 1 to 3 arguments")),
    };
    if step == 0 {
        return Err(Error::value_error("zero step for randrange()"));
    }
    let n: i128 = if step > 0 {
        (stop as i128 - start as i128 + step as i128 - 1) / step as i128
    } else {
        (start as i128 - stop as i128 - step as i128 - 1) / (-(step as i128))
    };
    if n <= 0 {
        return Err(Error::value_error(format!(
            "empty range in randrange({start}, {stop}, {step})"
        )));
    }
    let k = if n > u64::MAX as i128 {
        vm.random().next_u64() as i128
    } else {
        vm.random().below(n as u64) as i128
    };
    Ok(Value::Int((start as i128 + k * step as i128) as i64))
}

fn random_choice(vm: &mut Vm<'_>, args: Args) -> R {
    no_keywords(&args, "choice")?;
    positional(&args, "choice", 1, 1)?;
    let items = vm.iterate(&args.positional[0])?;
    if items.is_empty() {
        return Err(Error::exception(
            "IndexError",
            "Cannot choose from an empty sequence",
        ));
    }
    let i = vm.random().below(items.len() as u64) as usize;
    Ok(items.get(i).cloned().unwrap_or(Value::None))
}

fn random_choices(vm: &mut Vm<'_>, mut args: Args) -> R {
    let k = match args.take_kw("k") {
        Some(k) => int_of(&k)?,
        None => 1,
    };
    let weights = args.take_kw("weights");
    no_keywords(&args, "choices")?;
    positional(&args, "choices", 1, 2)?;
    let items = vm.iterate(&args.positional[0])?;
    let weights = match weights.or_else(|| args.positional.get(1).cloned()) {
        Some(Value::None) | None => None,
        Some(w) => Some(
            vm.iterate(&w)?
                .iter()
                .map(Value::to_float)
                .collect::<Result<Vec<f64>, Error>>()?,
        ),
    };
    let k = usize::try_from(k.max(0)).unwrap_or(0);
    vm.new_items(k)?;
    if items.is_empty() && k > 0 {
        return Err(Error::exception(
            "IndexError",
            "Cannot choose from an empty sequence",
        ));
    }
    let mut out = Vec::with_capacity(k);
    match weights {
        None => {
            for _ in 0..k {
                let i = vm.random().below(items.len() as u64) as usize;
                out.push(items.get(i).cloned().unwrap_or(Value::None));
            }
        }
        Some(w) => {
            if w.len() != items.len() {
                return Err(Error::value_error(
                    "The number of weights does not match the population",
                ));
            }
            let total: f64 = w.iter().sum();
            if total.is_nan() || total <= 0.0 || !total.is_finite() {
                return Err(Error::value_error("Total of weights must be greater than zero"));
            }
            for _ in 0..k {
                let mut r = vm.random().next_f64() * total;
                let mut pick = items.len() - 1;
                for (i, wi) in w.iter().enumerate() {
                    if r < *wi {
                        pick = i;
                        break;
                    }
                    r -= wi;
                }
                out.push(items.get(pick).cloned().unwrap_or(Value::None));
            }
        }
    }
    Ok(Value::list(out))
}

fn random_shuffle(vm: &mut Vm<'_>, args: Args) -> R {
    no_keywords(&args, "shuffle")?;
    positional(&args, "shuffle", 1, 1)?;
    match &args.positional[0] {
        Value::List(l) => {
            let mut items = std::mem::take(&mut *l.borrow_mut());
            vm.random().shuffle(&mut items);
            *l.borrow_mut() = items;
            Ok(Value::None)
        }
        other => Err(Error::type_error(format!(
            "'{}' object does not support item assignment",
            other.type_name()
        ))),
    }
}

fn random_sample(vm: &mut Vm<'_>, mut args: Args) -> R {
    let k = args.take_kw("k");
    no_keywords(&args, "sample")?;
    positional(&args, "sample", 1, 2)?;
    let Some(k) = args.positional.get(1).cloned().or(k) else {
        return Err(Error::type_error(
            "sample() missing 1 required positional argument: 'k'",
        ));
    };
    let k = int_of(&k)?;
    let population = match &args.positional[0] {
        Value::Set(_) | Value::Dict(_) => {
            return Err(Error::type_error(
                "Population must be a sequence.  For dicts or sets, use sorted(d).",
            ))
        }
        other => vm.iterate(other)?,
    };
    if k < 0 || k as u128 > population.len() as u128 {
        return Err(Error::value_error("Sample larger than population or is negative"));
    }
    let mut items = population;
    vm.random().shuffle(&mut items);
    items.truncate(k as usize);
    Ok(Value::list(items))
}

fn random_seed(vm: &mut Vm<'_>, mut args: Args) -> R {
    let a = args.take_kw("a");
    args.take_kw("version");
    no_keywords(&args, "seed")?;
    positional(&args, "seed", 0, 2)?;
    let seed = match args.positional.first().cloned().or(a) {
        None | Some(Value::None) => vm.random().next_u64(),
        Some(Value::Int(i)) => i as u64,
        Some(Value::Bool(b)) => b as u64,
        Some(Value::Float(f)) => f.to_bits(),
        Some(Value::Str(s)) => fnv(s.as_bytes()),
        Some(other) => {
            return Err(Error::type_error(format!(
                "The only supported seed types are: None, int, float, str, bytes, and bytearray. (got {})",
                other.type_name()
            )))
        }
    };
    *vm.random() = Random::from_seed(seed);
    Ok(Value::None)
}

fn fnv(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= *b as u64;
        h = h.wrapping_mul(0x1000_0000_01b3);
    }
    h
}

/// The `random` module.
pub(crate) fn random_module() -> Vec<(&'static str, Value)> {
    let f = |name: &'static str, func: crate::NativeFn| (name, Value::native(name, func));
    vec![
        f("random", random_random),
        f("uniform", random_uniform),
        f("randint", random_randint),
        f("randrange", random_randrange),
        f("choice", random_choice),
        f("choices", random_choices),
        f("shuffle", random_shuffle),
        f("sample", random_sample),
        f("seed", random_seed),
        f("SystemRandom", random_instance),
        f("Random", random_instance),
    ]
}

/// `random.SystemRandom()` / `random.Random()`: an instance whose methods are the module's
/// functions (every draw comes from the generator the host lends).
fn random_instance(_vm: &mut Vm<'_>, _args: Args) -> R {
    crate::modules::import("random").ok_or_else(|| Error::exception("ImportError", "no module named 'random'"))
}

#[cfg(test)]
mod tests {
    use crate::{run_source, Limits, Origin};

    fn run(src: &str) -> String {
        let mut out = String::new();
        match run_source(src, Origin::anonymous(), Limits::default(), &mut out) {
            Ok(()) => out,
            Err(e) => format!("{out}!{e}"),
        }
    }

    #[test]
    fn ranges_hold() {
        let out = run(concat!(
            "import random\n",
            "ok = True\n",
            "for i in range(500):\n",
            "    x = random.random()\n",
            "    ok = ok and 0 <= x < 1\n",
            "    n = random.randint(3, 5)\n",
            "    ok = ok and 3 <= n <= 5\n",
            "    u = random.uniform(2, 4)\n",
            "    ok = ok and 2 <= u <= 4\n",
            "    r = random.randrange(0, 10, 2)\n",
            "    ok = ok and r in (0, 2, 4, 6, 8)\n",
            "    ok = ok and random.choice('abc') in 'abc'\n",
            "print(ok)\n",
            "seen = set(random.randint(1, 3) for i in range(200))\n",
            "print(sorted(seen))\n",
        ));
        assert_eq!(out, "True\n[1, 2, 3]\n");
    }

    #[test]
    fn seed_is_deterministic() {
        let out = run(concat!(
            "import random\n",
            "random.seed(42)\n",
            "a = [random.random() for i in range(5)]\n",
            "random.seed(42)\n",
            "b = [random.random() for i in range(5)]\n",
            "print(a == b, len(set(a)))\n",
        ));
        assert_eq!(out, "True 5\n");
    }

    #[test]
    fn shuffle_and_sample() {
        let out = run(concat!(
            "from random import shuffle, sample\n",
            "x = list(range(20))\n",
            "print(shuffle(x))\n",
            "print(sorted(x) == list(range(20)))\n",
            "s = sample(range(10), 4)\n",
            "print(len(s), len(set(s)), all(0 <= i < 10 for i in s))\n",
        ));
        assert_eq!(out, "None\nTrue\n4 4 True\n");
    }

    #[test]
    fn system_random_draws_like_the_module() {
        let out = run("import random\nr = random.SystemRandom()\nx = r.choice(['a', 'b'])\nprint(x in ('a', 'b'), 1 <= r.randint(1, 3) <= 3)");
        assert_eq!(out.trim(), "True True");
    }

    #[test]
    fn errors_are_python_errors() {
        assert!(run("import random\nrandom.choice([])")
            .ends_with("IndexError: Cannot choose from an empty sequence"));
        assert!(run("import random\nrandom.sample([1, 2], 3)")
            .ends_with("ValueError: Sample larger than population or is negative"));
        assert!(run("import random\nrandom.randint(5, 1)").contains("ValueError"));
        assert!(run("import random\nrandom.shuffle((1, 2))").contains("TypeError"));
        assert!(run("import random\nrandom.choices([1, 2], weights=[0, 0])").contains("ValueError"));
        assert_eq!(
            run("import random\nprint(random.choices(['a', 'b'], weights=[0, 1], k=3))"),
            "['b', 'b', 'b']\n"
        );
        // no way out of the module to the host
        assert!(run("import random\nprint(random._inst)").contains("forbidden"));
    }
}
