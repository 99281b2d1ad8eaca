//! pycountry's `countries.search_fuzzy(query)`, which docassemble's `iso_country()` calls: a
//! country gains points for an exact match of one of its names or codes (50), for a
//! subdivision matching exactly (49 each), for its name containing the query (earlier is
//! better) and for each subdivision whose name contains it; the most points win, ties by code.

use std::collections::BTreeMap;

use super::country_search_data::{COUNTRIES, SUBDIVISIONS};

/// The alpha-2 code of the best match, or None when nothing matches.
pub(crate) fn search_fuzzy(query: &str) -> Option<&'static str> {
    // pycountry strips accents from the query too; a query with accents is only lowered here
    let q = query.trim().to_lowercase();
    let mut points: BTreeMap<&'static str, i64> = BTreeMap::new();
    // exact match of a country's code or name
    if let Some((code, ..)) = COUNTRIES
        .iter()
        .find(|(code, look, _)| code.to_lowercase() == q || look.iter().any(|v| !v.is_empty() && *v == q))
    {
        *points.entry(code).or_insert(0) += 50;
    }
    // exact match of a subdivision's code, name (or one of its `;` forms), type or parent
    for line in SUBDIVISIONS.lines() {
        if line.split('\t').any(|v| v.split(';').any(|w| w == q)) {
            if let Some(c) = country_of(line) {
                *points.entry(c).or_insert(0) += 49;
            }
        }
    }
    // a country whose name (else official name) contains the query
    for (code, _, plain) in COUNTRIES {
        if let Some(at) = plain.iter().filter(|v| !v.is_empty()).find_map(|v| char_find(v, &q)) {
            *points.entry(code).or_insert(0) += (30 - 2 * at).max(5);
        }
    }
    // each subdivision whose name contains the query
    for line in SUBDIVISIONS.lines() {
        let name = line.split('\t').nth(1).unwrap_or("");
        if let Some(at) = char_find(name, &q) {
            if let Some(c) = country_of(line) {
                *points.entry(c).or_insert(0) += (5 - at).max(1);
            }
        }
    }
    points.into_iter().max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0))).map(|(c, _)| c)
}

/// The country of a subdivision line (the code before its `-`), as the table spells it.
fn country_of(line: &str) -> Option<&'static str> {
    let prefix = line.split('-').next()?.to_uppercase();
    COUNTRIES.iter().find(|(c, ..)| *c == prefix).map(|(c, ..)| *c)
}

/// Python's `str.find` in characters.
fn char_find(hay: &str, needle: &str) -> Option<i64> {
    hay.find(needle).map(|b| i64::try_from(hay[..b].chars().count()).unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::search_fuzzy;

    #[test]
    fn finds_as_pycountry_does() {
        // "jane" is in Algeria's "Djanet" (position 1) and Brazil's "Rio de Janeiro"
        assert_eq!(search_fuzzy("Jane"), Some("DZ"));
        assert_eq!(search_fuzzy("germany"), Some("DE"));
        assert_eq!(search_fuzzy("DEU"), Some("DE"));
        assert_eq!(search_fuzzy("Zed Smith"), None);
        assert_eq!(search_fuzzy("echo"), None);
    }
}
