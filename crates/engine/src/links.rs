//! Links into an interview: the reserved URL parameters, the `action` codec
//! (base64 JSON, as docassemble writes it) and action links with their signature.

use std::fmt;
use std::sync::Arc;

use serde_json::{Map, Value as Json};

/// Signs the `action` value of an action link for this session. Made by the host, which
/// keeps the key; the engine only calls it when it makes a link
/// ([`encode_action_url`]).
#[derive(Clone)]
pub struct ActionSigner(Arc<dyn Fn(&str) -> String + Send + Sync>);

impl ActionSigner {
    /// A signer from the host's signing function (`action` value → `action_sig` value).
    pub fn new(sign: impl Fn(&str) -> String + Send + Sync + 'static) -> ActionSigner {
        ActionSigner(Arc::new(sign))
    }

    /// The signature of the (encoded) `action` value.
    pub fn sign(&self, action: &str) -> String {
        (self.0)(action)
    }
}

impl fmt::Debug for ActionSigner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ActionSigner(..)")
    }
}


/// Query parameters with a meaning of their own: never copied into `url_args`
/// (nor are `utm_*` tracking parameters, see [`is_reserved_query`]).
pub const RESERVED_QUERY: [&str; 14] = [
    "i",
    "session",
    "cache",
    "reset",
    "new_session",
    "action",
    ACTION_SIG,
    "json",
    "js_target",
    "from_list",
    "lang",
    "_",
    "csrf_token",
    "_delete",
];

/// Query parameter that carries the signature of an `action` link.
pub const ACTION_SIG: &str = "action_sig";

/// Whether query parameter `name` is reserved ([`RESERVED_QUERY`] or `utm_*`).
pub fn is_reserved_query(name: &str) -> bool {
    RESERVED_QUERY.contains(&name) || name.starts_with("utm_")
}

/// The requested interview URL without its query parameters other than `i`.
pub fn clean_interview_url(url: &str) -> String {
    let Some((path, query)) = url.split_once('?') else { return url.to_string() };
    // the usual URL, `/interview?i=…` alone: nothing to take out
    if query.starts_with("i=") && !query.contains('&') {
        return url.to_string();
    }
    let keep: Vec<&str> = query
        .split('&')
        .filter(|pair| {
            let key = pair.split_once('=').map_or(*pair, |(k, _)| k);
            form_urlencoded::parse(key.as_bytes()).next().is_some_and(|(k, _)| k == "i")
        })
        .collect();
    if keep.is_empty() {
        path.to_string()
    } else {
        format!("{path}?{}", keep.join("&"))
    }
}

/// Encodes an action as docassemble does: base64 of `{"action": …, "arguments": …}`.
pub fn encode_action(action: &str, arguments: &Map<String, Json>) -> String {
    let mut m = Map::new();
    m.insert("action".into(), Json::String(action.to_string()));
    m.insert("arguments".into(), Json::Object(arguments.clone()));
    let text = serde_json::to_string(&Json::Object(m)).unwrap_or_default();
    crate::vars::path::b64_encode(&text)
}

/// The URL that runs an action in this interview, with its `action_sig` when `sign` is given.
pub fn encode_action_url(
    interview_url: &str,
    sign: Option<&ActionSigner>,
    action: &str,
    arguments: &Map<String, Json>,
) -> String {
    action_link(interview_url, sign, &encode_action(action, arguments))
}

/// The URL that runs the already encoded `action` value in this interview, signed when
/// `sign` is given.
pub fn action_link(interview_url: &str, sign: Option<&ActionSigner>, action: &str) -> String {
    let sep = if interview_url.contains('?') { '&' } else { '?' };
    let mut url = format!("{interview_url}{sep}action={}", percent_encode(action));
    if let Some(sign) = sign {
        url.push('&');
        url.push_str(ACTION_SIG);
        url.push('=');
        url.push_str(&percent_encode(&sign.sign(action)));
    }
    url
}

/// `url` with its action signature made again by `sign`, when it is a signed action link;
/// other URLs as they are. Links kept in the answers (`menu_items` set once by mandatory
/// code) are signed again when a screen shows them, and the redirect target of
/// `restart`/`new_session` is signed for the session that starts.
pub fn resign_action_link(url: &str, sign: &dyn Fn(&str) -> String) -> String {
    let (base, frag) = match url.split_once('#') {
        Some((b, f)) => (b, Some(f)),
        None => (url, None),
    };
    let Some((path, query)) = base.split_once('?') else {
        return url.to_string();
    };
    let key_of = |pair: &str| {
        form_urlencoded::parse(pair.as_bytes())
            .next()
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
    };
    let mut action = None;
    let mut signed = false;
    let mut kept: Vec<&str> = Vec::new();
    for pair in query.split('&') {
        match key_of(pair) {
            Some((k, _)) if k == ACTION_SIG => signed = true,
            Some((k, v)) if k == "action" => {
                action = Some(v);
                kept.push(pair);
            }
            _ => kept.push(pair),
        }
    }
    let (Some(action), true) = (action, signed) else {
        return url.to_string();
    };
    let sig: String = form_urlencoded::byte_serialize(sign(&action).as_bytes()).collect();
    let mut out = format!(
        "{path}?{}&{}={sig}",
        kept.join("&"),
        ACTION_SIG
    );
    if let Some(f) = frag {
        out.push('#');
        out.push_str(f);
    }
    out
}

fn percent_encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Decodes the `action` query parameter (base64 JSON, percent-encoded or not).
pub fn decode_action(encoded: &str) -> Option<(String, Map<String, Json>)> {
    let raw = percent_encoding::percent_decode_str(encoded.trim()).decode_utf8_lossy();
    let text = crate::vars::path::b64_decode(raw.trim())?;
    let j: Json = serde_json::from_str(&text).ok()?;
    let action = j.get("action")?.as_str()?.to_string();
    let arguments = match j.get("arguments") {
        Some(Json::Object(m)) => m.clone(),
        _ => Map::new(),
    };
    Some((action, arguments))
}

#[cfg(test)]
mod tests {
    use super::clean_interview_url;

    #[test]
    fn the_interview_url_keeps_only_the_interview_argument() {
        for (url, clean) in [
            ("/interview?i=docassemble.demo:data/questions/a.yml", "/interview?i=docassemble.demo:data/questions/a.yml"),
            ("/interview?i=x.yml&from_list=1&new_session=1", "/interview?i=x.yml"),
            ("/interview?reset=1&i=x.yml", "/interview?i=x.yml"),
            ("/interview?%69=x.yml&a=b", "/interview?%69=x.yml"),
            ("/interview?a=b", "/interview"),
            ("/interview?ix=1", "/interview"),
            ("/interview", "/interview"),
        ] {
            assert_eq!(clean_interview_url(url), clean, "{url}");
        }
    }
}
