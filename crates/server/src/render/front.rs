//! The front page (the featured interviews, the rest grouped by package) and the URL
//! that starts an interview.

use std::fmt::Write as _;

use super::attr;
use super::page::{page, BRAND_HEADER};
use crate::markdown::escape_into;
use crate::state::Listed;

/// The URL that starts an interview afresh.
pub fn start_url(reference: &str) -> String {
    let mut url = String::from("/interview?");
    url.push_str(
        &form_urlencoded::Serializer::new(String::new())
            .append_pair("i", reference)
            .finish(),
    );
    url
}

/// The front page: the featured interviews and the rest grouped by package.
pub fn front_page(featured: &[Listed], listed: &[Listed]) -> String {
    let mut b = String::new();
    b.push_str(BRAND_HEADER);
    b.push_str("<main id=\"main\" class=\"co-main\">\n<h1>Interviews</h1>\n");
    if !featured.is_empty() {
        b.push_str("<ul class=\"co-featured\">\n");
        for l in featured {
            b.push_str("<li><a class=\"co-btn co-primary\"");
            interview_link(&mut b, l);
        }
        b.push_str("</ul>\n");
    }
    for group in listed.chunk_by(|x, y| x.package == y.package) {
        let package = group.first().map_or("", |l| l.package.as_str());
        b.push_str("<details class=\"co-package\"><summary>");
        escape_into(&mut b, package);
        let _ = write!(b, " ({} interviews)</summary>\n<ul>\n", group.len());
        for l in group {
            b.push_str("<li><a");
            interview_link(&mut b, l);
        }
        b.push_str("</ul>\n</details>\n");
    }
    if featured.is_empty() && listed.is_empty() {
        b.push_str("<p>No interviews are installed.</p>\n");
    }
    b.push_str("</main>\n");
    page("Colloquy", "", "", &b)
}

/// The rest of an `<a` that starts `l`: its href, label and the end of the list item.
fn interview_link(b: &mut String, l: &Listed) {
    attr(b, "href", &start_url(&l.reference));
    b.push('>');
    escape_into(b, &l.label);
    b.push_str("</a></li>\n");
}
