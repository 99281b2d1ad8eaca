//! `signature:` questions: the input a screen offers (a drawing area the browser turns into a
//! PNG `data:` URL, or an image file when there is no JavaScript) and the posted signature
//! turned into a `DAFile` named `canvas.png`, as docassemble names it (a new session file,
//! sealed by the host with the state), which a PDF form draws into its signature field.

use base64::Engine as _;
use lang::Value;

use super::ask::{field_view, FormField, How};
use super::{Run, R};
use crate::model::SignatureInput;
use crate::screen::{FieldKind, QuestionScreen, UploadView};
use crate::upload::Upload;
use crate::vars::path;

/// The image types a signature may be posted as (the file input's `accept`).
pub(crate) const SIGNATURE_ACCEPT: &str = "image/png,image/jpeg";

/// Largest signature image accepted (bytes, after base64 decoding).
pub const MAX_SIGNATURE_BYTES: usize = 2 * 1024 * 1024;

/// Standard base64 with or without its padding (browsers pad; docassemble adds `==` anyway).
const LENIENT: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new().with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
);

/// Message when a required signature was not given.
pub(crate) const SIGN_FIRST: &str = "You must sign your name to continue.";

/// Message when the posted signature is not a readable PNG or JPEG image.
pub(crate) const NOT_AN_IMAGE: &str = "The signature could not be read as an image. Please sign again.";

/// Message when the posted signature is too large.
pub(crate) const TOO_LARGE: &str = "The signature image is too large. Please sign again.";

impl Run<'_> {
    /// The input of a `signature:` question: one [`FieldKind::Signature`] field posting
    /// under the variable's name.
    pub(crate) fn build_signature(&mut self, sig: &SignatureInput, qs: &mut QuestionScreen, form: &mut Vec<FormField>) -> R<()> {
        let name = path::b64_encode(sig.var.name());
        let required = match &sig.required {
            Some(c) => self.condition(c)?,
            None => true,
        };
        let mut fv = field_view(name.clone(), "dasig".into(), String::new(), FieldKind::Signature, "signature");
        fv.required = required;
        fv.upload = Some(UploadView {
            multiple: false,
            accept: Some(SIGNATURE_ACCEPT.to_string()),
            capture: None,
            pen_color: sig.pen_color.clone().filter(|c| safe_color(c)),
        });
        let view = qs.fields.len();
        qs.fields.push(fv);
        let field = FormField::new(name, sig.var.name(), "signature", How::Signature);
        form.push(FormField { required, ..field }.shown_as(view));
        Ok(())
    }

    /// The posted signature of `f`: the `data:` URL the drawing area left in `posted`, else
    /// an image file chosen instead. A `DAFile` named after the variable holding the image;
    /// when nothing was drawn and the signature is optional, a `DAFile` without a file (as
    /// docassemble sets it); or the message for the screen.
    pub(crate) fn convert_signature(&mut self, f: &FormField, posted: Option<&str>) -> Result<Option<Value>, String> {
        let drawn = posted.map(str::trim).filter(|s| !s.is_empty());
        let upload: Option<&Upload> = self.ctx.uploads.iter().find(|u| u.field == f.name);
        let bytes = match (drawn, upload) {
            (Some(url), _) => decode_data_url(url)?,
            (None, Some(u)) => {
                if u.bytes.len() > MAX_SIGNATURE_BYTES {
                    return Err(TOO_LARGE.into());
                }
                u.bytes.clone()
            }
            (None, None) if f.required => return Err(SIGN_FIRST.into()),
            (None, None) => {
                let empty = Value::new_object(self.host.class("DAFile"), Some(&f.var));
                if let Value::Object(o) = &empty {
                    o.borrow_mut().attrs.insert(std::rc::Rc::from("ok"), Value::Bool(false));
                }
                return Ok(Some(empty));
            }
        };
        let extension = crate::upload_image::sniff(&bytes).ok_or(NOT_AN_IMAGE)?;
        crate::upload_image::check(&bytes, extension).map_err(|_| NOT_AN_IMAGE.to_string())?;
        let filename = format!("canvas.{extension}");
        let mimetype = if extension == "png" { "image/png" } else { "image/jpeg" };
        let number = self.new_file(&filename, mimetype, bytes);
        Ok(Some(self.uploaded_dafile(&f.var, number, &filename, extension, mimetype)))
    }

    /// The image that a PDF form field's value names with docassemble's `[FILE n]` code (a
    /// session file such as a signature: `DAFile.show()` writes the code in a PDF form), to
    /// be drawn into the field; `None` when the value names no readable session file.
    pub(crate) fn field_image(&self, field: &str, text: &str) -> Option<docs::pdf::FieldImage> {
        let rest = text.split_once("[FILE ")?.1;
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        let number: u64 = digits.parse().ok()?;
        if !self.st.files.contains_key(&number) {
            return None;
        }
        let stored = self.host.new_files.borrow().get(&number).cloned();
        let bytes = match stored {
            Some(b) => b.to_vec(),
            None => self.host.file_reader()?.read(number)?,
        };
        Some(docs::pdf::FieldImage { field: field.to_string(), bytes })
    }
}

/// The bytes of a `data:image/png;base64,…` URL, at most [`MAX_SIGNATURE_BYTES`] of them.
pub(crate) fn decode_data_url(url: &str) -> Result<Vec<u8>, String> {
    let Some((head, data)) = url.split_once(',') else { return Err(NOT_AN_IMAGE.into()) };
    let head = head.to_ascii_lowercase();
    if !head.starts_with("data:image/") || !head.ends_with(";base64") {
        return Err(NOT_AN_IMAGE.into());
    }
    // base64 grows by 4/3: refuse before decoding anything too long
    if data.len() / 4 * 3 > MAX_SIGNATURE_BYTES + 3 {
        return Err(TOO_LARGE.into());
    }
    let data: String = data.chars().filter(|c| !c.is_ascii_whitespace()).collect();
    LENIENT.decode(data).map_err(|_| NOT_AN_IMAGE.to_string())
}

/// A pen color that is safe to hand to the page: `#rgb`/`#rrggbb`, or a color name.
fn safe_color(c: &str) -> bool {
    let c = c.trim();
    match c.strip_prefix('#') {
        Some(hex) => matches!(hex.len(), 3 | 4 | 6 | 8) && hex.chars().all(|ch| ch.is_ascii_hexdigit()),
        None => !c.is_empty() && c.len() <= 32 && c.chars().all(|ch| ch.is_ascii_alphabetic()),
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    #[test]
    fn data_urls_decode_and_bad_ones_are_refused() {
        assert_eq!(decode_data_url("data:image/png;base64,iVBORw0KGgo=").unwrap(), b"\x89PNG\r\n\x1a\n");
        assert_eq!(decode_data_url("data:image/png;base64,iVBORw0KGgo").unwrap(), b"\x89PNG\r\n\x1a\n");
        assert!(decode_data_url("data:text/html;base64,PGI+").is_err());
        assert!(decode_data_url("iVBORw0KGgo=").is_err());
        assert!(decode_data_url("data:image/png;base64,@@@").is_err());
        let huge = format!("data:image/png;base64,{}", "A".repeat(MAX_SIGNATURE_BYTES * 2));
        assert_eq!(decode_data_url(&huge).unwrap_err(), TOO_LARGE);
    }

    #[test]
    fn only_plain_colors_reach_the_page() {
        assert!(safe_color("#33f") && safe_color("#3366ff") && safe_color("blue"));
        assert!(!safe_color("red;background:url(x)") && !safe_color("#33g") && !safe_color(""));
    }
}
