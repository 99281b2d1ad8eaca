//! English inflection as docassemble does it: pattern.en's `pluralize` (classical mode) and
//! `singularize`, rule for rule, quirks included (`noun_singular("delta")` is "deltum",
//! `noun_plural("witness")` is "witness"), and the past tense of a verb (pattern's rules for
//! verbs outside its lexicon, the lexicon's past tense where the rules would differ).

mod tables;
mod verbs;

use std::sync::LazyLock;

use regex::Regex;

use tables::{
    PLURAL_CATEGORIES, PLURAL_PREPOSITIONS, PLURAL_RULES, SINGULAR_IE, SINGULAR_IRREGULAR, SINGULAR_RULES,
    SINGULAR_UNCOUNTABLE, SINGULAR_UNINFLECTED,
};

/// A rule whose pattern compiled (every table pattern does; one that did not would be skipped).
struct Rule {
    pattern: Regex,
    replacement: &'static str,
    category: Option<&'static str>,
}

static PLURALS: LazyLock<Vec<Vec<Rule>>> = LazyLock::new(|| {
    PLURAL_RULES
        .iter()
        .map(|group| {
            group
                .iter()
                // classical mode (docassemble's): the classical-only rules apply as well
                .filter_map(|(p, r, c, _classical)| Regex::new(p).ok().map(|pattern| Rule { pattern, replacement: r, category: *c }))
                .collect()
        })
        .collect()
});

static SINGULARS: LazyLock<Vec<(Regex, &'static str)>> =
    LazyLock::new(|| SINGULAR_RULES.iter().filter_map(|(p, r)| Regex::new(p).ok().map(|re| (re, *r))).collect());

static IRREGULAR_SINGULARS: LazyLock<Vec<(Regex, &'static str, &'static str)>> = LazyLock::new(|| {
    SINGULAR_IRREGULAR
        .iter()
        .filter_map(|(p, s)| Regex::new(&format!("(?i){p}$")).ok().map(|re| (re, *p, *s)))
        .collect()
});

fn in_category(category: &str, word: &str) -> bool {
    PLURAL_CATEGORIES.iter().any(|(c, words)| *c == category && words.contains(&word))
}

/// pattern.en's `pluralize(word)` for a noun, classical mode.
pub(crate) fn pluralize(word: &str) -> String {
    // genitives: dog's => dogs'
    if word.ends_with('\'') || word.ends_with("'s") {
        let stem = word.trim_end_matches(['\'', 's']);
        let w = pluralize(stem);
        return if w.ends_with('s') { format!("{w}'") } else { format!("{w}'s") };
    }
    // compounds: Postmasters General, mothers-in-law, Roman deities
    let parts: Vec<&str> = word.split([' ', '-']).collect();
    if parts.len() > 1 {
        let (first, second, last) = (parts[0], parts[1], parts[parts.len() - 1]);
        let generals = second == "general" || (second == "General" && !in_category("general-generals", first));
        return if generals || PLURAL_PREPOSITIONS.contains(&second) {
            word.replace(first, &pluralize(first))
        } else {
            word.replace(last, &pluralize(last))
        };
    }
    for group in PLURALS.iter() {
        for rule in group {
            let applies = match rule.category {
                None => true,
                Some(c) => in_category(c, word),
            };
            if applies && rule.pattern.is_match(word) {
                return rule.pattern.replace_all(word, rule.replacement).into_owned();
            }
        }
    }
    word.to_string()
}

/// pattern.en's `singularize(word)`.
pub(crate) fn singularize(word: &str) -> String {
    if word.contains('-') {
        let parts: Vec<&str> = word.split('-').collect();
        if parts.len() > 1 && PLURAL_PREPOSITIONS.contains(&parts[1]) {
            return format!("{}-{}", singularize(parts[0]), parts[1..].join("-"));
        }
    }
    if let Some(stem) = word.strip_suffix('\'') {
        return format!("{}'s", singularize(stem));
    }
    let w = word.to_lowercase();
    if SINGULAR_UNINFLECTED.iter().chain(SINGULAR_UNCOUNTABLE).any(|x| x.ends_with(w.as_str())) {
        return word.to_string();
    }
    if SINGULAR_IE.iter().any(|x| w.ends_with(&format!("{x}s"))) {
        return w;
    }
    for (re, plural, singular) in IRREGULAR_SINGULARS.iter() {
        if w.ends_with(plural) {
            return re.replace_all(word, *singular).into_owned();
        }
    }
    for (re, replacement) in SINGULARS.iter() {
        if re.is_match(word) {
            return re.replace_all(word, *replacement).into_owned();
        }
    }
    word.to_string()
}

const VOWELS: &str = "aeiouy";

fn vowel(c: char) -> bool {
    VOWELS.contains(c)
}

/// pattern.en's `find_lemma`: the base form of an inflected verb by rule.
fn find_lemma(verb: &str) -> String {
    let v = verb.to_lowercase();
    if ["'m", "'re", "'s", "n't"].contains(&v.as_str()) {
        return "be".into();
    }
    if ["'d", "'ll"].contains(&v.as_str()) {
        return "will".into();
    }
    if "'ve".contains(v.as_str()) {
        return "have".into();
    }
    let c: Vec<char> = v.chars().collect();
    let has_vowel = |s: &[char]| s.iter().any(|ch| vowel(*ch));
    let n = c.len();
    if v.ends_with('s') {
        if v.ends_with("ies") && n > 3 && !vowel(c[n - 4]) {
            return format!("{}y", c[..n - 3].iter().collect::<String>());
        }
        if ["sses", "shes", "ches", "xes"].iter().any(|s| v.ends_with(s)) {
            return c[..n - 2].iter().collect();
        }
        return c[..n - 1].iter().collect();
    }
    if v.ends_with("ied") && has_vowel(&c[..n - 3]) {
        return format!("{}y", c[..n - 3].iter().collect::<String>());
    }
    let mut c = c;
    let mut stripped = false;
    if v.ends_with("ing") && has_vowel(&c[..n - 3]) {
        c.truncate(n - 3);
        stripped = true;
    }
    let s: String = c.iter().collect();
    if s.ends_with("ed") && has_vowel(&c[..c.len() - 2]) {
        let k = c.len() - 2;
        c.truncate(k);
        stripped = true;
    }
    let v: String = c.iter().collect();
    if stripped {
        return lemma_of_stem(&v, &c);
    }
    v
}

/// The base form of a stem whose `-ing`/`-ed` was taken off ("chopp" → "chop", "danc" → "dance").
fn lemma_of_stem(v: &str, c: &[char]) -> String {
    let n = c.len();
    let ends = |xs: &[&str]| xs.iter().any(|x| v.ends_with(x));
    if n > 3 && c[n - 1] == c[n - 2] && vowel(c[n - 3]) && !vowel(c[n - 4]) && !v.ends_with("ss") {
        return c[..n - 1].iter().collect();
    }
    if ends(&["ick", "ack"]) {
        return c[..n - 1].iter().collect();
    }
    let plus_e = ends(&["v", "z", "c", "i"])
        || ends(&["dg", "lg", "ng", "rg"])
        || (ends(&["b", "d", "g", "k", "l", "m", "r", "s", "t"]) && n > 2 && vowel(c[n - 2]) && !vowel(c[n - 3]) && !v.ends_with("er"))
        || (ends(&["an", "in"]) && !ends(&["ain", "oin", "oan"]))
        || (v.ends_with('l') && n > 1 && !vowel(c[n - 2]))
        || (v.ends_with('f') && n > 2 && vowel(c[n - 2]) && !vowel(c[n - 3]))
        || v.ends_with('e')
        || ends(&["th", "ang", "un", "cr", "vr", "rs", "ps", "tr"]);
    if plus_e {
        return format!("{v}e");
    }
    v.to_string()
}

/// The past tense pattern.en's `find_lexeme` gives a regular verb's base form.
fn rule_past(v: &str) -> String {
    let c: Vec<char> = v.chars().collect();
    let n = c.len();
    let not_vowel_at = |back: usize| n >= back && !vowel(c[n - back]);
    let vowel_at = |back: usize| n >= back && vowel(c[n - back]);
    let stem = |k: usize| c[..n - k].iter().collect::<String>();
    if n > 1 && v.ends_with('e') && not_vowel_at(2) {
        return format!("{v}d");
    }
    if n > 1 && v.ends_with('y') && not_vowel_at(2) {
        return format!("{}ied", stem(1));
    }
    if ["ss", "sh", "ch", "x"].iter().any(|s| v.ends_with(s)) {
        return format!("{v}ed");
    }
    if v.ends_with("ic") {
        return format!("{v}ked");
    }
    if n > 1 && not_vowel_at(1) && not_vowel_at(2) {
        return format!("{v}ed");
    }
    let long = (n > 1 && (v.ends_with('y') || v.ends_with('w')) && vowel_at(2))
        || (n > 2 && not_vowel_at(1) && vowel_at(2) && vowel_at(3))
        || (n > 3 && not_vowel_at(1) && vowel_at(3) && vowel_at(4));
    if long {
        return format!("{v}ed");
    }
    if n > 2 && not_vowel_at(1) && vowel_at(2) && not_vowel_at(3) {
        return format!("{v}{}ed", c[n - 1]);
    }
    format!("{v}ed")
}

/// pattern.en's `conjugate(verb, "3sgp")` for a verb other than "be": the lexicon's past tense
/// of an infinitive it knows where its rules would differ, else the rules' (`find_lemma` then
/// `find_lexeme`); capitalised as pattern does when the verb starts with a capital.
pub(crate) fn past_tense(verb: &str) -> String {
    let lower = verb.to_lowercase();
    let past = match verbs::PAST_EXCEPTIONS.binary_search_by(|(inf, _)| (*inf).cmp(lower.as_str())) {
        Ok(i) => verbs::PAST_EXCEPTIONS[i].1.to_string(),
        Err(_) => rule_past(&find_lemma(verb)),
    };
    if verb.chars().next().is_some_and(char::is_uppercase) {
        // Python's str.capitalize: the first letter upper, the rest lower
        let mut cs = past.chars();
        match cs.next() {
            Some(f) => f.to_uppercase().chain(cs.flat_map(char::to_lowercase)).collect(),
            None => past,
        }
    } else {
        past
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_singulars_are_patterns() {
        // (word, pluralize, singularize, pluralize(singularize)) as docassemble_pattern 3.6.7 gives them
        let cases = [
            ("apple", "apples", "apple", "apples"),
            ("child", "children", "child", "children"),
            ("berry", "berries", "berry", "berries"),
            ("delta", "deltas", "deltum", "deltums"),
            ("witness", "witnesses", "witnes", "witness"),
            ("fruit", "fruit", "fruit", "fruit"),
            ("mother-in-law", "mothers-in-law", "mother-in-law", "mothers-in-law"),
            ("dog's", "dogs'", "dog'", "dogs'"),
            ("wolf", "wolves", "wolf", "wolves"),
            ("knife", "knives", "knife", "knives"),
            ("octopus", "octopodes", "octopu", "octopus"),
            ("matrix", "matrices", "matrix", "matrices"),
            ("datum", "data", "datum", "data"),
            ("phenomenon", "phenomena", "phenomenon", "phenomena"),
            ("tomato", "tomatoes", "tomato", "tomatoes"),
            ("photo", "photos", "photo", "photos"),
            ("Major General", "Major Generals", "Major General", "Major Generals"),
            ("party", "parties", "party", "parties"),
            ("bus", "buss", "bu", "bus"),
            ("person", "people", "person", "people"),
            ("woman", "women", "woman", "women"),
            ("status", "status ", "statu", "status"),
            ("alias", "alias", "alia", "alias"),
            ("my", "our", "my", "our"),
            ("I", "we", "I", "we"),
            ("series", "series", "series", "series"),
            ("attorney", "attorneys", "attorney", "attorneys"),
            ("thesis", "theses", "thesi", "thesis"),
        ];
        for (word, plural, singular, both) in cases {
            assert_eq!(pluralize(word), plural, "pluralize({word})");
            assert_eq!(singularize(word), singular, "singularize({word})");
            assert_eq!(pluralize(&singularize(word)), both, "pluralize(singularize({word}))");
        }
    }

    #[test]
    fn past_tenses_are_patterns() {
        // pattern.en's conjugate(verb, "3sgp") for these
        let cases = [
            ("need", "needed"), ("eat", "ate"), ("go", "went"), ("visit", "visited"), ("stop", "stopped"),
            ("apple", "appled"), ("Jane", "Janed"), ("Gus", "Gued"), ("river", "riverred"),
            ("Zed Smith", "Zed smithed"), ("dance", "danced"), ("copy", "copied"), ("panic", "panicked"),
        ];
        for (verb, past) in cases {
            assert_eq!(past_tense(verb), past, "past_tense({verb})");
        }
    }
}
