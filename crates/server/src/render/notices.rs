//! Pages that are not a question: the error page, a plain message page, and the
//! confirmation asked before erasing one's answers.

use std::fmt::Write as _;

use super::page::{page, reference_line, BRAND_HEADER};
use super::{attr, FormContext};
use crate::markdown::{escape, escape_into};

/// The error page: title `Error`, the reason for the author, no internals.
pub fn error_page(message: &str, restart_url: Option<&str>) -> String {
    let mut body = String::new();
    body.push_str(BRAND_HEADER);
    body.push_str("<main id=\"main\" class=\"co-main\">\n<h1>Error</h1>\n");
    // docassemble's wording (scenarios look for it)
    body.push_str("<p>We are sorry. An error has occurred.</p>\n<div class=\"co-errmsg\">");
    for line in message.lines() {
        body.push_str("<p>");
        escape_into(&mut body, line);
        body.push_str("</p>");
    }
    body.push_str("</div>\n<p class=\"co-links\">");
    if let Some(url) = restart_url {
        body.push_str("<a");
        attr(&mut body, "href", url);
        body.push_str(">Start over</a> · ");
    }
    body.push_str("<a href=\"/\">List of interviews</a></p>\n");
    reference_line(&mut body);
    body.push_str("</main>\n");
    page("Error", "co-error", "", &body)
}

/// A simple message page (not found, expired form …).
pub fn message_page(title: &str, message: &str) -> String {
    let mut body = String::new();
    body.push_str(BRAND_HEADER);
    let _ = write!(
        body,
        "<main id=\"main\" class=\"co-main\">\n<h1>{}</h1>\n<p>{}</p>\n",
        escape(title),
        escape(message)
    );
    body.push_str("<p><a href=\"/\">List of interviews</a></p>\n");
    reference_line(&mut body);
    body.push_str("</main>\n");
    page(title, "", "", &body)
}

/// The page that asks for confirmation before deleting one's answers (a POST form with
/// the CSRF token; the GET that shows it changes nothing).
pub fn delete_confirm_page(ctx: &FormContext<'_>) -> String {
    let mut b = String::new();
    b.push_str(BRAND_HEADER);
    b.push_str("<main id=\"main\" class=\"co-main\">\n<h1>Erase my answers</h1>\n");
    b.push_str(
        "<p>This erases everything you entered in this interview. It cannot be undone.</p>\n",
    );
    b.push_str("<form method=\"post\"");
    attr(&mut b, "action", ctx.action);
    b.push_str("><input type=\"hidden\" name=\"_csrf\"");
    attr(&mut b, "value", ctx.csrf);
    b.push_str("><button type=\"submit\" class=\"co-btn co-danger\" name=\"_delete_answers\" value=\"1\">Erase my answers</button> ");
    b.push_str("<a");
    attr(&mut b, "href", ctx.action);
    b.push_str(">Keep them and go back</a></form>\n</main>\n");
    page("Erase my answers", "", "", &b)
}
