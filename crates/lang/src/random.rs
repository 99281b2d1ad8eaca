//! The sandboxed `random` module: `random`, `randint`, `randrange`, `choice`, `choices`,
//! `shuffle`, `sample`, `uniform`, `seed`.
//!
//! The generator is Python's Mersenne Twister ([`Random`]), and every draw is derived from it
//! as CPython derives it, so a seeded sequence matches Python's. Its seed comes from the host,
//! which lends a [`Random`] to the evaluator ([`Vm::with_random`]); without one the Vm uses its
//! own, seeded with a fixed value. This crate reads no OS randomness and no clock.

use crate::value::{Args, Value};
use crate::{Error, Vm};

type R = Result<Value, Error>;

const N: usize = 624;
const M: usize = 397;

/// A source of pseudo-random numbers for the `random` module: Python's Mersenne Twister
/// (MT19937) with CPython's seeding and derived draws, so a `random.seed(n)` gives the
/// numbers Python gives. The host seeds it.
#[derive(Clone, Debug)]
pub struct Random {
    /// The seed this generator was made from.
    seed: u64,
    /// The twister's state, made from `seed` on the first draw: seeding walks all 624
    /// words, and most evaluations never draw.
    state: Option<Box<[u32; N]>>,
    index: usize,
    /// The seed an interview gave with `random.seed(x)`, if it did.
    interview_seed: Option<u64>,
    /// 32-bit outputs drawn since seeding.
    drawn: u64,
}

impl Random {
    /// The seed used when the host lends none.
    pub const DEFAULT_SEED: u64 = 0x5EED;

    /// A generator whose sequence is Python's after `random.seed(seed)`.
    pub fn from_seed(seed: u64) -> Random {
        Random { seed, state: None, index: N, interview_seed: None, drawn: 0 }
    }

    /// The state of `init_by_array` for `seed`: its 32-bit words, least significant first.
    fn state_of(seed: u64) -> Box<[u32; N]> {
        if seed >> 32 == 0 {
            Random::from_key(&[seed as u32])
        } else {
            Random::from_key(&[seed as u32, (seed >> 32) as u32])
        }
    }

    /// `init_genrand`.
    fn from_u32(s: u32) -> Box<[u32; N]> {
        let mut state = Box::new([0u32; N]);
        state[0] = s;
        for i in 1..N {
            state[i] = 1_812_433_253u32
                .wrapping_mul(state[i - 1] ^ (state[i - 1] >> 30))
                .wrapping_add(i as u32);
        }
        state
    }

    /// Whether anything was drawn from the generator since it was made or seeded.
    pub fn drawn_from(&self) -> bool {
        self.drawn > 0 || self.interview_seed.is_some()
    }

    /// The seed of the interview's last `random.seed(x)` and the number of 32-bit outputs
    /// drawn since, so that a later request can continue the same sequence ([`Random::resumed`]).
    pub fn interview_seed(&self) -> Option<(u64, u64)> {
        self.interview_seed.map(|s| (s, self.drawn))
    }

    /// The generator an interview seeded with `seed`, after `drawn` outputs: the sequence goes
    /// on where the last request left it, as in a docassemble process, whose `random` module
    /// keeps its state between requests.
    pub fn resumed(seed: u64, drawn: u64) -> Random {
        let mut r = Random::seeded_by_interview(seed);
        for _ in 0..drawn {
            r.next_u32();
        }
        r
    }

    fn seeded_by_interview(seed: u64) -> Random {
        Random { interview_seed: Some(seed), ..Random::from_seed(seed) }
    }

    /// `init_by_array`: the key is the seed's 32-bit words, least significant first.
    fn from_key(key: &[u32]) -> Box<[u32; N]> {
        let mut mt = Random::from_u32(19_650_218);
        let (mut i, mut j) = (1usize, 0usize);
        let len = key.len().max(1);
        for _ in 0..N.max(len) {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1_664_525))
                .wrapping_add(key.get(j).copied().unwrap_or(0))
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
        }
        for _ in 0..N - 1 {
            let prev = mt[i - 1] ^ (mt[i - 1] >> 30);
            mt[i] = (mt[i] ^ prev.wrapping_mul(1_566_083_941)).wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                mt[0] = mt[N - 1];
                i = 1;
            }
        }
        mt[0] = 0x8000_0000;
        mt
    }

    fn twist(mt: &mut [u32; N]) {
        for k in 0..N {
            let y = (mt[k] & 0x8000_0000) | (mt[(k + 1) % N] & 0x7fff_ffff);
            let mag = if y & 1 == 1 { 0x9908_b0df } else { 0 };
            mt[k] = mt[(k + M) % N] ^ (y >> 1) ^ mag;
        }
    }

    /// The next 32 random bits (`genrand_uint32`).
    fn next_u32(&mut self) -> u32 {
        let seed = self.seed;
        let mt = self.state.get_or_insert_with(|| Random::state_of(seed));
        if self.index >= N {
            Random::twist(mt);
            self.index = 0;
        }
        let mut y = mt[self.index];
        self.index += 1;
        self.drawn = self.drawn.wrapping_add(1);
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c_5680;
        y ^= (y << 15) & 0xefc6_0000;
        y ^ (y >> 18)
    }

    /// `getrandbits(k)` for k ≤ 64.
    fn bits(&mut self, k: u32) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return u64::from(self.next_u32() >> (32 - k));
        }
        let low = u64::from(self.next_u32());
        let high = u64::from(self.next_u32() >> (64 - k));
        low | (high << 32)
    }

    /// The next 64 random bits.
    pub(crate) fn next_u64(&mut self) -> u64 {
        self.bits(64)
    }

    /// A float in [0, 1), as Python's `random()`.
    fn next_f64(&mut self) -> f64 {
        let a = u64::from(self.next_u32() >> 5);
        let b = u64::from(self.next_u32() >> 6);
        (a as f64 * 67_108_864.0 + b as f64) * (1.0 / 9_007_199_254_740_992.0)
    }

    /// A uniform integer in [0, n), as Python's `_randbelow` (rejection on `n.bit_length()` bits).
    fn below(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        let k = 64 - n.leading_zeros();
        loop {
            let r = self.bits(k);
            if r < n {
                return r;
            }
        }
    }

    /// A uniform integer in [lo, hi) (hi > lo).
    fn int_between(&mut self, lo: i64, hi: i64) -> i64 {
        let span = (hi as i128 - lo as i128) as u128;
        let off = if span > u64::MAX as u128 { self.next_u64() as u128 } else { self.below(span as u64) as u128 };
        (lo as i128 + off as i128) as i64
    }

    /// Shuffles `items` in place, as Python's `shuffle`.
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
            // Python: population[floor(random() * n)]
            let n = items.len() as f64;
            for _ in 0..k {
                let i = (vm.random().next_f64() * n).floor() as usize;
                out.push(items.get(i).cloned().unwrap_or(Value::None));
            }
        }
        Some(w) => {
            if w.len() != items.len() {
                return Err(Error::value_error(
                    "The number of weights does not match the population",
                ));
            }
            let cumulative: Vec<f64> = w
                .iter()
                .scan(0.0, |acc, wi| {
                    *acc += wi;
                    Some(*acc)
                })
                .collect();
            let total = cumulative.last().copied().unwrap_or(0.0);
            if total.is_nan() || total <= 0.0 || !total.is_finite() {
                return Err(Error::value_error("Total of weights must be greater than zero"));
            }
            let hi = items.len() - 1;
            for _ in 0..k {
                // bisect_right(cum_weights, random() * total, 0, hi)
                let r = vm.random().next_f64() * total;
                let pick = cumulative[..hi].partition_point(|c| *c <= r);
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
    Ok(Value::list(sample_of(vm.random(), population, k as usize)))
}

/// `k` distinct items of `population`, drawn as Python's `sample` draws them (a shrinking pool
/// for small populations, rejection of repeated positions for large ones).
fn sample_of(random: &mut Random, population: Vec<Value>, k: usize) -> Vec<Value> {
    let n = population.len();
    let mut setsize = 21usize;
    if k > 5 {
        // 4 ** ceil(log(k * 3, 4))
        let exponent = ((k as f64 * 3.0).ln() / 4f64.ln()).ceil() as u32;
        setsize += 4usize.saturating_pow(exponent);
    }
    let mut result = Vec::with_capacity(k);
    if n <= setsize {
        let mut pool = population;
        for i in 0..k {
            let j = random.below((n - i) as u64) as usize;
            result.push(pool[j].clone());
            pool[j] = pool[n - i - 1].clone();
        }
    } else {
        let mut selected = std::collections::HashSet::new();
        for _ in 0..k {
            let mut j = random.below(n as u64) as usize;
            while selected.contains(&j) {
                j = random.below(n as u64) as usize;
            }
            selected.insert(j);
            result.push(population[j].clone());
        }
    }
    result
}

fn random_getrandbits(vm: &mut Vm<'_>, args: Args) -> R {
    no_keywords(&args, "getrandbits")?;
    positional(&args, "getrandbits", 1, 1)?;
    let k = int_of(&args.positional[0])?;
    match u32::try_from(k) {
        Ok(k) if k < 64 => Ok(Value::Int(vm.random().bits(k) as i64)),
        Ok(_) => Err(Error::value_error("getrandbits() takes at most 63 bits here")),
        Err(_) => Err(Error::value_error("number of bits must be non-negative")),
    }
}

fn random_seed(vm: &mut Vm<'_>, mut args: Args) -> R {
    let a = args.take_kw("a");
    args.take_kw("version");
    no_keywords(&args, "seed")?;
    positional(&args, "seed", 0, 2)?;
    let seed = match args.positional.first().cloned().or(a) {
        None | Some(Value::None) => vm.random().next_u64(),
        // Python seeds with abs(n) (a bool or an integral float hashes to its int)
        Some(Value::Int(i)) => i.unsigned_abs(),
        Some(Value::Bool(b)) => b as u64,
        Some(Value::Float(f)) if f.fract() == 0.0 && f.abs() < 9.2e18 => (f as i64).unsigned_abs(),
        Some(Value::Float(f)) => f.to_bits(),
        Some(Value::Str(s)) => fnv(s.as_bytes()),
        Some(other) => {
            return Err(Error::type_error(format!(
                "The only supported seed types are: None, int, float, str, bytes, and bytearray. (got {})",
                other.type_name()
            )))
        }
    };
    *vm.random() = Random::seeded_by_interview(seed);
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
        f("getrandbits", random_getrandbits),
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
    use super::Random;
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
    fn seeded_draws_are_pythons() {
        // the numbers python3 prints for the same program
        let out = run(concat!(
            "import random\n",
            "random.seed(30); print([random.random() for i in range(3)])\n",
            "random.seed(7); print([random.randint(1,100) for i in range(5)], random.choice('abcdef'), random.randrange(0,100,7))\n",
            "x=list(range(10)); random.shuffle(x); print(x)\n",
            "print(random.sample(range(10),4), random.sample(range(100),3))\n",
            "print(random.choices(['a','b','c'],k=4), random.choices(['a','b','c'],weights=[1,0,2],k=4))\n",
            "random.seed(-5); print(random.getrandbits(32))\n",
            "random.seed(2**40+3); print(random.randint(1,10**15))\n",
            "random.seed(0); print(random.random())\n",
            "print(random.uniform(2,4))\n",
        ));
        assert_eq!(
            out,
            concat!(
                "[0.5390815646058106, 0.2891964436397205, 0.03003690855112706]\n",
                "[42, 20, 51, 84, 7] a 91\n",
                "[3, 2, 7, 9, 6, 0, 4, 5, 1, 8]\n",
                "[6, 9, 1, 7] [11, 70, 54]\n",
                "['a', 'b', 'c', 'b'] ['c', 'a', 'c', 'a']\n",
                "2675342405\n",
                "68488492480463\n",
                "0.8444218515250481\n",
                "3.515908805880605\n",
            )
        );
    }

    #[test]
    fn the_state_is_made_on_the_first_draw() {
        let mut r = Random::from_seed(2024);
        assert!(r.state.is_none());
        let first = r.next_u32();
        assert!(r.state.is_some());
        // the same sequence as a generator seeded with its state made at once
        let mut eager = Random { state: Some(Random::state_of(2024)), ..Random::from_seed(2024) };
        assert_eq!(first, eager.next_u32());
    }

    #[test]
    fn a_resumed_generator_continues_the_sequence() {
        assert_eq!(super::Random::from_seed(9).interview_seed(), None);
        let mut a = super::Random::seeded_by_interview(30);
        let first: Vec<f64> = (0..3).map(|_| a.next_f64()).collect();
        let (seed, drawn) = a.interview_seed().unwrap_or_default();
        assert_eq!((seed, drawn), (30, 6));
        let mut b = super::Random::resumed(seed, drawn);
        let mut c = super::Random::seeded_by_interview(30);
        let all: Vec<f64> = (0..4).map(|_| c.next_f64()).collect();
        assert_eq!(&all[..3], &first[..]);
        assert_eq!(b.next_f64(), all[3]);
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
