//! The input of a `signature:` question: a drawing area (`canvas#dasigcanvas`, drawn by our
//! static script `/static/colloquy-signature.js`, which keeps the PNG `data:` URL in a hidden
//! input), and, for browsers without JavaScript or users who cannot draw, an image file input
//! posting under the same name.

use engine::FieldView;

use super::fields::{describedby, field_close, field_open};
use super::{attr, opt_attr};

/// URL of the drawing area's script.
pub const SCRIPT_URL: &str = "/static/colloquy-signature.js";

/// Renders a signature field.
pub(super) fn signature(b: &mut String, f: &FieldView) {
    field_open(b, f, "co-signature");
    let area_id = format!("{}-area", f.id);
    let note_id = format!("{}-nojs", f.id);
    let file_id = format!("{}-file", f.id);
    let pen = f.upload.as_ref().and_then(|u| u.pen_color.as_deref());
    // the area stays hidden until the script shows it
    b.push_str("<div class=\"co-sig-area\" hidden");
    attr(b, "id", &area_id);
    attr(b, "data-input", &f.id);
    attr(b, "data-nojs", &note_id);
    opt_attr(b, "data-pen-color", pen);
    b.push_str("><canvas id=\"dasigcanvas\" class=\"co-sig-canvas\" width=\"600\" height=\"200\" role=\"img\" aria-label=\"Signature area: draw your signature here\"></canvas>");
    b.push_str("<button type=\"button\" class=\"co-button co-button-secondary co-sig-clear\">Clear</button></div>\n");
    b.push_str("<input type=\"hidden\" value=\"\"");
    attr(b, "id", &f.id);
    attr(b, "name", &f.name);
    b.push_str(">\n<p class=\"co-sig-nojs\"");
    attr(b, "id", &note_id);
    b.push_str(">Drawing a signature needs JavaScript, which is off in this browser. You can choose a picture of your signature instead (PNG or JPEG).</p>\n");
    b.push_str("<label class=\"co-label\"");
    attr(b, "for", &file_id);
    b.push_str(">Or choose an image of your signature</label><input type=\"file\" class=\"co-file-input\"");
    attr(b, "id", &file_id);
    attr(b, "name", &f.name);
    opt_attr(b, "accept", f.upload.as_ref().and_then(|u| u.accept.as_deref()));
    // never `required`: a drawing may be posted instead
    if f.disabled {
        b.push_str(" disabled");
    }
    opt_attr(b, "aria-describedby", describedby(f).as_deref());
    b.push('>');
    b.push_str("<script");
    attr(b, "src", SCRIPT_URL);
    b.push_str(" defer></script>");
    field_close(b, f, "div");
}
