//! What the engine asks the server to show: plain data, no HTML decisions beyond text.
//!
//! Text fields (`question`, `subquestion`, labels, notes, help, parts) are Markdown with
//! `${ }` values already HTML-escaped; the server turns them into HTML (Markdown + sanitiser).
//! Form field names (`FieldView::name`, `ButtonView::name`) are what the browser must post
//! back to [`crate::runtime`]'s `submit`, together with `_question` = [`QuestionScreen::token`].

use serde::Serialize;

pub use crate::attach::view::{AttachmentBoxView, AttachmentView, DownloadView, MadeFrom, OverlayPages, PdfSettings, ProducedFile, StoredFile};

/// The result of running the interview logic: what the server renders.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum Screen {
    /// A question screen (form).
    Question(QuestionScreen),
    /// A command ([`Command`]), with an optional redirect URL.
    Command {
        /// What to do with the session.
        command: Command,
        /// Where to send the browser afterwards (button `url:`, `exit url`, `command(url=…)`).
        url: Option<String>,
    },
    /// Raw content (`response:`, `json_response()`, `response()`): sent as is.
    Response {
        /// MIME type, e.g. `text/plain; charset=utf-8`.
        content_type: String,
        /// Body bytes.
        body: Vec<u8>,
    },
    /// Author-facing error page (title "Error"); `message` names file, line and reason.
    Error {
        /// What went wrong, for the interview author.
        message: String,
    },
}

/// A command that ends or redirects the interview (docassemble's `command()`, `command:`
/// blocks, buttons with a command value).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `exit`: delete the session and leave.
    Exit,
    /// `logout`: like `exit` (no accounts yet).
    Logout,
    /// `exit_logout`: like `exit`.
    ExitLogout,
    /// `leave`: keep the answers, go elsewhere.
    Leave,
    /// `signin`: like `leave` (no accounts yet).
    Signin,
    /// `register`: like `leave` (no accounts yet).
    Register,
    /// `restart`: delete the session, start anew keeping only the URL arguments.
    Restart,
    /// `new_session`: keep this session, start another one.
    NewSession,
    /// `refresh`: show the interview again.
    Refresh,
    /// `continue`: show the interview again.
    Continue,
    /// Any other name: treated like `refresh`.
    Other(String),
}

impl Command {
    /// The command of a name as written by the author (`exit`, `new_session` …).
    pub fn parse(name: &str) -> Command {
        match name {
            "exit" => Command::Exit,
            "logout" => Command::Logout,
            "exit_logout" => Command::ExitLogout,
            "leave" => Command::Leave,
            "signin" => Command::Signin,
            "register" => Command::Register,
            "restart" => Command::Restart,
            "new_session" => Command::NewSession,
            "refresh" => Command::Refresh,
            "continue" => Command::Continue,
            other => Command::Other(other.to_string()),
        }
    }

    /// The command's name.
    pub fn as_str(&self) -> &str {
        match self {
            Command::Exit => "exit",
            Command::Logout => "logout",
            Command::ExitLogout => "exit_logout",
            Command::Leave => "leave",
            Command::Signin => "signin",
            Command::Register => "register",
            Command::Restart => "restart",
            Command::NewSession => "new_session",
            Command::Refresh => "refresh",
            Command::Continue => "continue",
            Command::Other(name) => name,
        }
    }

    /// Whether the command ends the session (its answers are deleted).
    pub fn ends_session(&self) -> bool {
        matches!(self, Command::Exit | Command::Logout | Command::ExitLogout)
    }

    /// Whether the command leaves the interview keeping the answers.
    pub fn leaves(&self) -> bool {
        matches!(self, Command::Leave | Command::Signin | Command::Register)
    }
}

impl std::fmt::Display for Command {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<str> for Command {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl Serialize for Command {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

/// One question screen.
#[derive(Debug, Clone, Serialize, Default)]
pub struct QuestionScreen {
    /// Interview title (metadata `title`, Markdown-free text).
    pub title: Option<String>,
    /// Short title (metadata `short title`) for narrow screens.
    pub short_title: Option<String>,
    /// The browser tab's title (metadata `tab title`, `set_parts(tab=…)`); the title otherwise.
    pub tab_title: Option<String>,
    /// Subtitle (metadata / `default screen parts`).
    pub subtitle: Option<String>,
    /// The question heading (Markdown, one paragraph).
    pub question: String,
    /// The text under the heading (Markdown).
    pub subquestion: Option<String>,
    /// Text above the question (`pre`).
    pub pre: Option<String>,
    /// Text below the question, above the buttons (`submit`).
    pub submit: Option<String>,
    /// Text below the buttons (`under`).
    pub under: Option<String>,
    /// Text at the very end (`post`).
    pub post: Option<String>,
    /// Right-hand column text (`right`).
    pub right: Option<String>,
    /// Footer text (metadata/`default screen parts` `footer`).
    pub footer: Option<String>,
    /// Per-question help (Markdown), shown on a help screen or below the question.
    pub help: Option<String>,
    /// Label of the help button/tab (default "Help").
    pub help_label: Option<String>,
    /// Heading of the help (`help: {heading: …}`).
    pub help_heading: Option<String>,
    /// Interview-wide help (`interview help` block), Markdown.
    pub interview_help: Option<String>,
    /// Heading of the interview help.
    pub interview_help_heading: Option<String>,
    /// Author HTML for the navigation bar (`navigation bar html` screen part), if any.
    pub navigation_bar_html: Option<String>,
    /// Label of the interview help tab when the question has help of its own
    /// (`interview help: {label: …}`), if set.
    pub interview_help_label: Option<String>,
    /// Input fields and non-input items (notes, html), in order.
    pub fields: Vec<FieldView>,
    /// Choice buttons (yesno, buttons, special commands). Empty for a plain form.
    pub buttons: Vec<ButtonView>,
    /// Label of the Continue (submit) button; `None` = no continue button on this screen.
    pub continue_label: Option<String>,
    /// Colour of the Continue button (Bootstrap colour name), if set.
    pub continue_color: Option<String>,
    /// Whether the user may go back (the server shows a Back button posting `_back_one`).
    pub back_allowed: bool,
    /// Label of the back button (default "Back").
    pub back_label: Option<String>,
    /// Whether a back button is also shown inside the question (`question back button`).
    pub question_back_button: bool,
    /// Messages about the whole screen (failed `validation code`, stale submission …).
    pub errors: Vec<String>,
    /// Progress bar percentage, if the interview shows one.
    pub progress: Option<u8>,
    /// Navigation sections (`sections` block + `nav`), empty when there is none.
    pub sections: Vec<SectionView>,
    /// Whether `sections` should be shown horizontally (`features: navigation: horizontal`).
    pub sections_horizontal: bool,
    /// Menu items (`menu_items` variable): label and URL.
    pub menu_items: Vec<(String, String)>,
    /// Action buttons (`action buttons` modifier).
    pub action_buttons: Vec<LinkView>,
    /// Review items of a `review` screen, in order.
    pub review: Vec<ReviewItem>,
    /// Glossary (`terms` / `auto terms`): term and its definition (Markdown).
    pub terms: Vec<(String, String)>,
    /// `css class` of the screen (added to the body/question element).
    pub css_class: Option<String>,
    /// Decoration image name (`decoration:`), if any.
    pub decoration: Option<String>,
    /// Raw `css:` block content (author-trusted HTML for `<head>`).
    pub css: Option<String>,
    /// Raw `script:` block content (author-trusted).
    pub script: Option<String>,
    /// `reload: seconds` — the page should refresh itself after this many seconds.
    pub reload: Option<u32>,
    /// Identifies the question answered; posted back as the `_question` form field.
    pub token: String,
    /// Name of the block shown (`ID x` or `Question_n`), for logs and JSON output.
    pub block_name: String,
    /// The attachment box (documents made for the user), when the question has attachments.
    pub attachments: Option<AttachmentBoxView>,
}

impl QuestionScreen {
    /// Whether the screen is an end of the interview: nothing to answer, no button to press.
    pub fn is_final(&self) -> bool {
        self.buttons.is_empty()
            && self.continue_label.is_none()
            && self.fields.iter().all(|f| matches!(f.kind, FieldKind::Note | FieldKind::Html))
    }
}

/// Kind of a field on a form.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    /// Single-line text input.
    Text,
    /// Multi-line text (`input type: area`).
    Area,
    /// Password input.
    Password,
    /// E-mail input (`type=email`).
    Email,
    /// Number input (float).
    Number,
    /// Integer input (step 1).
    Integer,
    /// Currency amount (number input with a currency symbol).
    Currency,
    /// Date (`type=date`, value `YYYY-MM-DD`).
    Date,
    /// Time (`type=time`, value `HH:MM`).
    Time,
    /// Date and time (a text box: `mm/dd/yyyy hh:mm AM` or ISO `YYYY-MM-DDTHH:MM` are read).
    DateTime,
    /// A single checkbox; checked posts `True` (yesno, noyes, yesnowide, noyeswide).
    Checkbox,
    /// A radio group drawn from `choices` (yesnoradio, noyesradio, yesnomaybe, radio …).
    Radio,
    /// A group of checkboxes; each option posts under its own name (see [`ChoiceView::name`]).
    Checkboxes,
    /// A `<select>` drop-down (`dropdown`, `combobox`, `datalist` without JS).
    Dropdown,
    /// A multi-select list; each option posts under its own name like checkboxes.
    Multiselect,
    /// A range slider (`min`/`max`/`step`).
    Range,
    /// A hidden input carrying `value`.
    Hidden,
    /// A non-input Markdown note (`note:`); text in [`FieldView::content`].
    Note,
    /// A non-input HTML snippet (`html:` / `raw html:`); text in [`FieldView::content`].
    Html,
    /// A file upload (`<input type=file>`; see [`FieldView::upload`]).
    File,
    /// A signature (`signature:` questions): a drawing area whose PNG the browser posts as a
    /// `data:` URL under the field's name, and an image file input for browsers without
    /// JavaScript ([`FieldView::upload`] holds its settings and the pen color).
    Signature,
}

/// One field (or note) of a question screen.
#[derive(Debug, Clone, Serialize)]
pub struct FieldView {
    /// The form field name to post (base64 of the variable name, docassemble-style).
    /// Empty for notes/html.
    pub name: String,
    /// The HTML `id` to use for the input (and `<label for>`).
    pub id: String,
    /// Label text (Markdown, one paragraph); empty when `no label`.
    pub label: String,
    /// What kind of widget.
    pub kind: FieldKind,
    /// The datatype as written by the author (`currency`, `yesnoradio` …), for CSS/JS hooks.
    pub datatype: String,
    /// Current value to pre-fill, as posted text (`True`/`False` for checkbox, ISO dates …).
    pub value: Option<String>,
    /// Options of radio/checkboxes/dropdown/multiselect fields.
    pub choices: Vec<ChoiceView>,
    /// Whether a value is required (checked on the server too).
    pub required: bool,
    /// Placeholder text (`hint`).
    pub hint: Option<String>,
    /// Per-field help (Markdown).
    pub help: Option<String>,
    /// Validation message to show beside the field.
    pub error: Option<String>,
    /// Lower bound (number/date), as text.
    pub min: Option<String>,
    /// Upper bound (number/date), as text.
    pub max: Option<String>,
    /// Step for number/range inputs.
    pub step: Option<String>,
    /// Minimum length of text.
    pub minlength: Option<usize>,
    /// Maximum length of text.
    pub maxlength: Option<usize>,
    /// Content of a note/html item (Markdown or trusted author HTML).
    pub content: Option<String>,
    /// Currency symbol for currency fields.
    pub currency_symbol: Option<String>,
    /// Rows of a textarea / multiselect.
    pub rows: Option<u32>,
    /// `css class` of the field.
    pub css_class: Option<String>,
    /// Whether the label goes above the field (`label above field`, `floating label`).
    pub label_above: bool,
    /// Whether the input is disabled (`disabled: True`).
    pub disabled: bool,
    /// Server-side note for a field with a same-screen `show if {variable, is}` condition:
    /// `(form field name of the controlling field, value)`; the field is accepted only if the
    /// condition holds on submit. The server may use it for progressive enhancement.
    pub show_if: Option<(String, String)>,
    /// Same as `show_if` but hides when the condition holds (`hide if`).
    pub hide_if: Option<(String, String)>,
    /// The settings of a file input ([`FieldKind::File`]).
    pub upload: Option<UploadView>,
}

/// The settings of a file input, as docassemble renders them.
#[derive(Debug, Clone, Serialize, Default)]
pub struct UploadView {
    /// More than one file may be chosen (`datatype: files`).
    pub multiple: bool,
    /// The `accept` list (`image/*`, `.pdf` …), if any.
    pub accept: Option<String>,
    /// The `capture` attribute (`user` or `environment`: which camera a phone opens).
    pub capture: Option<String>,
    /// The pen color of a signature's drawing area (`pen color:`), if given.
    pub pen_color: Option<String>,
}

/// One option of a radio/checkbox/dropdown field.
#[derive(Debug, Clone, Serialize)]
pub struct ChoiceView {
    /// Value to post (for checkboxes: posted under [`ChoiceView::name`] as `True`).
    pub value: String,
    /// Visible label (Markdown, one paragraph).
    pub label: String,
    /// Whether it is preselected/checked.
    pub selected: bool,
    /// Help text for this option, if any.
    pub help: Option<String>,
    /// For checkbox groups and multiselects: the form field name of this option.
    pub name: Option<String>,
    /// The HTML id for this option's input.
    pub id: String,
}

/// A button that submits the form with `name=value`.
#[derive(Debug, Clone, Serialize)]
pub struct ButtonView {
    /// Form field name posted by the button.
    pub name: String,
    /// Value posted by the button.
    pub value: String,
    /// Visible text.
    pub label: String,
    /// Bootstrap colour (`primary`, `success`, `danger` …) if any.
    pub color: Option<String>,
    /// Extra CSS class, if any.
    pub css_class: Option<String>,
    /// Icon name (`icon:` / image), if any.
    pub icon: Option<String>,
    /// Help text for the button (`help:` of a choice), if any.
    pub help: Option<String>,
}

/// A link rendered as a button (action buttons, review-screen edit links).
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    /// Visible text.
    pub label: String,
    /// Target URL (already an interview action URL or an external URL).
    pub url: String,
    /// Bootstrap colour, if any.
    pub color: Option<String>,
    /// Icon name, if any.
    pub icon: Option<String>,
    /// Placement hint (`before` the question, else after the buttons).
    pub placement: Option<String>,
    /// Extra CSS class, if any.
    pub css_class: Option<String>,
    /// Open in a new window.
    pub new_window: bool,
}

/// One entry of a review screen.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewItem {
    /// Edit link label (Markdown); empty for a plain note.
    pub label: String,
    /// URL that re-asks the item's variables (an action URL); `None` for notes.
    pub url: Option<String>,
    /// The answer text shown beside/below the link (Markdown), if any.
    pub value: Option<String>,
    /// Whether this is an `html:` item (trusted author HTML) rather than Markdown.
    pub html: bool,
    /// Render as a button (`button:` items) rather than a link.
    pub button: bool,
}

/// One entry of the navigation bar.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// Section key (used in `section:` modifiers and `nav.set_section`).
    pub key: String,
    /// Visible label.
    pub label: String,
    /// Whether this is the current section.
    pub current: bool,
    /// Whether the user has reached it (past sections are shown as visited).
    pub visited: bool,
    /// URL to jump there (review/action), if the section is clickable.
    pub url: Option<String>,
    /// Nested sections.
    pub subsections: Vec<SectionView>,
}

/// What `submit` did with a posted form.
#[derive(Debug, Clone, Serialize)]
#[serde(tag = "result", rename_all = "snake_case")]
pub enum Submitted {
    /// The answers were stored; call `next_screen` for what comes next.
    Accepted,
    /// Nothing was stored: show this screen (same question with messages beside fields).
    Invalid(Screen),
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commands_keep_their_names() {
        for name in ["exit", "logout", "exit_logout", "leave", "signin", "register", "restart", "new_session", "refresh", "continue", "other"] {
            let c = Command::parse(name);
            assert_eq!(c.as_str(), name);
            assert_eq!(serde_json::to_value(&c).ok(), Some(serde_json::Value::String(name.into())));
        }
        assert_eq!(Command::parse("other"), Command::Other("other".into()));
        assert!(Command::Exit.ends_session() && !Command::Leave.ends_session());
        assert!(Command::Signin.leaves() && !Command::Restart.leaves());
    }
}
