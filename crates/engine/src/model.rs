//! The loaded interview: blocks, questions, fields and interview-wide settings.
//!
//! Everything here is produced once by [`crate::load::load`] and shared read-only by every
//! request (`Send + Sync`). Author snippets are kept as [`Text`] (Mako/Markdown), [`Expr`]
//! (a Python expression), [`Code`] (a Python module body) and [`Var`] (an assignable
//! variable name); each knows its source and where it comes from, and carries the
//! compiled `lang` form once the `lang` crate provides it.

use std::collections::HashMap;
use std::sync::Arc;

use indexmap::IndexMap;

use crate::reference::InterviewRef;
use crate::yaml::Node;

/// Where a snippet starts: the file reference as shown to authors, and a position.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pos {
    /// The file as shown to authors ("docassemble.base:data/questions/examples/fields.yml").
    pub file: Arc<str>,
    /// 1-based line of the snippet's first character.
    pub line: u32,
    /// 0-based column of the snippet's first character.
    pub column: u32,
}

impl Pos {
    /// The `lang` origin of a snippet starting here.
    pub fn origin(&self) -> lang::Origin {
        lang::Origin {
            file: self.file.clone(),
            line: self.line,
            column: self.column,
        }
    }
}

impl std::fmt::Display for Pos {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}, line {}", self.file, self.line)
    }
}

/// A text with Mako (`${ }`, `% if` lines) and Markdown: question text, labels, help.
pub struct Text {
    pub(crate) source: String,
    pub(crate) pos: Pos,
    pub(crate) compiled: Arc<lang::Template>,
}

impl std::fmt::Debug for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Text")
            .field("source", &self.source)
            .field("pos", &self.pos)
            .finish_non_exhaustive()
    }
}

impl Text {
    /// The compiled template (compiled once at load time; plain texts render unchanged).
    /// For blocks with `usedefs`, the named `def` blocks' Mako is compiled in front of the
    /// text (as docassemble does), so render this rather than compiling [`Text::source`].
    pub fn template(&self) -> &Arc<lang::Template> {
        &self.compiled
    }
    /// The author's source text.
    pub fn source(&self) -> &str {
        &self.source
    }
    /// Where the text starts.
    pub fn pos(&self) -> &Pos {
        &self.pos
    }
    /// True when the text has no Mako syntax (`${`, `<%`, `% ` lines, `##`) and is used literally.
    pub fn is_plain(&self) -> bool {
        self.compiled.is_plain()
    }
}

/// A single Python expression (`if:`, `show if: {code:}`, `default: {code:}`, choices `code:`).
#[derive(Debug)]
pub struct Expr {
    pub(crate) source: String,
    pub(crate) pos: Pos,
    pub(crate) compiled: Arc<lang::Expression>,
}

impl Expr {
    /// The compiled expression (compiled once at load time).
    pub fn expression(&self) -> &Arc<lang::Expression> {
        &self.compiled
    }
    /// The expression's source.
    pub fn source(&self) -> &str {
        &self.source
    }
    /// Where it starts.
    pub fn pos(&self) -> &Pos {
        &self.pos
    }
}

/// A Python module body (`code:`, `validation code:`).
#[derive(Debug)]
pub struct Code {
    pub(crate) source: String,
    pub(crate) pos: Pos,
    pub(crate) compiled: Arc<lang::Program>,
}

impl Code {
    /// The compiled program (compiled once at load time).
    pub fn program(&self) -> &Arc<lang::Program> {
        &self.compiled
    }
    /// The code's source.
    pub fn source(&self) -> &str {
        &self.source
    }
    /// Where it starts.
    pub fn pos(&self) -> &Pos {
        &self.pos
    }
}

/// An assignable variable name as docassemble normalises it (`user.name.first`,
/// `fruit['apple']`, `x.children[i].age`).
#[derive(Debug, Clone)]
pub struct Var {
    pub(crate) name: String,
    pub(crate) pos: Pos,
    pub(crate) compiled: Arc<lang::Target>,
}

impl Var {
    /// The compiled assignment target (compiled once at load time).
    pub fn target(&self) -> &Arc<lang::Target> {
        &self.compiled
    }
    /// The normalised name (quoted subscripts use single quotes).
    pub fn name(&self) -> &str {
        &self.name
    }
    /// Where it is written.
    pub fn pos(&self) -> &Pos {
        &self.pos
    }
}

/// `True`/`False` or a Python expression (`mandatory:`, `required:`, `hide continue button:` …).
#[derive(Debug)]
pub enum Condition {
    /// A literal boolean.
    Always(bool),
    /// Evaluated each time.
    Expr(Expr),
}

/// A loaded interview file with its includes.
#[derive(Debug)]
pub struct Interview {
    /// The reference it was loaded from.
    pub reference: InterviewRef,
    /// The "appending" blocks (questions, code, objects, data, templates, tables,
    /// attachments, responses) in file order, includes in place. `blocks[n].number == n`.
    pub blocks: Vec<Block>,
    /// Merged `metadata` blocks.
    pub metadata: Metadata,
    /// Merged `features` blocks.
    pub features: Features,
    /// Merged `default screen parts` (key → text); a `null` value removes a key.
    pub default_screen_parts: IndexMap<String, Text>,
    /// Merged `default validation messages` (key → text).
    pub default_validation_messages: IndexMap<String, Text>,
    /// `sections` (the navigation bar), if any.
    pub sections: Vec<Section>,
    /// `sections` blocks for one language (`language:` or `default language`): language → sections.
    pub sections_by_language: IndexMap<String, Vec<Section>>,
    /// `progressive` of the sections block (default true).
    pub sections_progressive: bool,
    /// `auto open` of the sections block.
    pub sections_auto_open: bool,
    /// Interview-wide `terms` (term → definition) in order.
    pub terms: Vec<Term>,
    /// Interview-wide `auto terms`.
    pub auto_terms: Vec<Term>,
    /// `interview help` blocks in order.
    pub interview_help: Vec<Help>,
    /// `def` blocks: name → Mako source of the `<%def>`.
    pub defs: IndexMap<String, Text>,
    /// `modules` in order (module names as written).
    pub modules: Vec<String>,
    /// `imports` in order.
    pub imports: Vec<String>,
    /// `reset` variables.
    pub reset: Vec<Var>,
    /// `image sets` (set name → raw set) and `images` (image name → raw file) as written.
    pub images: IndexMap<String, Node>,
    /// Every named image of `images` and `image sets`: image name → file and attribution.
    pub image_files: IndexMap<String, Image>,
    /// `on change`: variable → code.
    pub on_change: Vec<(String, Code)>,
    /// `default language`, if set.
    pub default_language: Option<String>,
    /// `attachment options`, `order` etc. kept raw: block key → value (a block's
    /// `supersedes: b` also appears here as `order: [its id, b]`).
    pub other_config: Vec<(String, Node)>,
    /// `attachment options`, typed (the raw value is also in `other_config`).
    pub attachment_options: crate::attach::AttachmentOptions,
    /// `order:` blocks: lists of block ids, earlier ids taking priority over later ones.
    pub orders: Vec<Vec<String>>,
    /// Which blocks can define which variable.
    pub index: VariableIndex,
    /// Every file read (the interview first, then includes), for dev-mode reloading.
    pub files: Vec<InterviewRef>,
    /// What natives read at run time: source data files, `use objects` data, the names
    /// bound by `imports`/`modules` (shared by every request of this interview).
    pub run_data: Arc<RunData>,
    /// The texts without template code and what the front end made of them.
    pub static_texts: Arc<crate::static_texts::StaticTexts>,
    /// A fingerprint of every file the load read: a form description kept in a session
    /// ([`crate::state::CurrentQuestion`]) is trusted only by the revision that made it.
    pub revision: u64,
}

/// Modules of the `docassemble` package that stand for the function library: their names
/// are global already, so importing them (or `from … import *`) adds nothing.
pub const LIBRARY_MODULES: [&str; 7] = [
    "docassemble.base.util",
    "docassemble.base.language.core",
    "docassemble.base.core",
    "docassemble.base.functions",
    "docassemble.base.legal",
    "docassemble.base.objects",
    "docassemble.base.logger",
];

/// Interview data the function library reads at run time (prepared by the loader; the
/// engine does no I/O while running).
#[derive(Debug, Default)]
pub struct RunData {
    /// Files of the package's `data/sources` named by `objects_from_file("…")` calls and
    /// `objects from file` blocks, read at load time. Keyed by the reference as written
    /// (`fishes.yml`, `docassemble.demo:data/sources/fishes.yml`).
    pub source_files: IndexMap<String, SourceFile>,
    /// `data`/`data from code` blocks with `use objects` (built by `_da_data_block(n)`).
    pub data_blocks: Vec<DataSpec>,
    /// `imports:` — name bound → module (`re` → `re`, `np` → `numpy` for `numpy as np`).
    pub imports: IndexMap<String, String>,
    /// `modules:` whose names are all made global (`from json import *`), in order.
    pub star_modules: Vec<String>,
    /// Modules named by `imports`/`modules` that Colloquy cannot provide (a package's own
    /// `.py` file): name → why; referring to them at run time raises ImportError.
    pub missing_modules: IndexMap<String, String>,
    /// `metadata: suppress loading util: True` — the function library is not global.
    pub suppress_util: bool,
    /// Classes named by data files (`object: Halibut`, `module: .fish`) whose package
    /// module Colloquy cannot load: stand-ins deriving from `Thing` are made for them.
    pub stand_in_classes: Vec<String>,
    /// The `sections` (key, label source, subsections) for `nav.get_sections()`.
    pub nav_sections: Vec<NavSection>,
    /// Python modules of the interview's packages named by `modules:` (read through
    /// `Sources` at load time and compiled): full module name → program. Run in the sandbox
    /// on first use (their names are global, like `from module import *`).
    pub package_modules: IndexMap<String, Arc<lang::Program>>,
    /// `translations:` files: original text (trimmed) → its translations.
    pub translations: std::collections::HashMap<String, Vec<Translation>>,
    /// Package modules named by `imports:` (in `package_modules` too): run for what they do
    /// when imported (`update_language_function(…)`) before a language function is used.
    pub imported_modules: Vec<String>,
    /// Package files named by a string literal of the interview (`'hello.md'`,
    /// `"data/templates/form.pdf"`), read at load time for what code names at run time
    /// (`content file: {code: …}`, `DAStaticFile`): "package:path" → bytes.
    pub package_files: IndexMap<String, Arc<Vec<u8>>>,
}

/// A text's translation from a `translations:` file.
#[derive(Debug, Clone)]
pub struct Translation {
    /// The language of the original text.
    pub orig_lang: String,
    /// The language translated to.
    pub tr_lang: String,
    /// The translated text (Mako).
    pub template: Arc<lang::Template>,
}

/// One entry of the navigation bar as `nav.get_sections()` gives it.
#[derive(Debug, Clone)]
pub struct NavSection {
    /// The section's key.
    pub key: String,
    /// Its label as written.
    pub label: String,
    /// Subsections.
    pub subsections: Vec<NavSection>,
}

/// A data file read at load time.
#[derive(Debug)]
pub enum SourceFile {
    /// Its documents (YAML: one per `---` document; JSON: one).
    Documents(Vec<serde_json::Value>),
    /// It could not be read or parsed (the message says why).
    Unreadable(String),
}

/// A `data:` block with `use objects` (or `data from code:`), kept for the runtime.
#[derive(Debug)]
pub struct DataSpec {
    /// The variable it defines (also the instance name of the objects made).
    pub variable: String,
    /// The data with its strings compiled.
    pub tree: DataTree,
    /// `use objects: True` (`All`) or `use objects: objects` (`Objects`).
    pub use_objects: UseObjects,
    /// `gathered:` (default true).
    pub gathered: bool,
}

/// How much of a data structure becomes docassemble objects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UseObjects {
    /// Plain Python values.
    No,
    /// Lists → DAList, dicts → DADict (`use objects: True`, `use_objects=True`).
    All,
    /// Also `{object: Class, item(s): …}` → instances (`use objects: objects`).
    Objects,
}

/// A data structure whose strings are compiled Mako (`data:`) or Python (`data from code:`).
#[derive(Debug)]
pub enum DataTree {
    /// `null`.
    Null,
    /// A boolean.
    Bool(bool),
    /// An integer.
    Int(i64),
    /// A float.
    Float(f64),
    /// A string used as is.
    Str(String),
    /// A Mako string.
    Text(Text),
    /// A Python expression (`data from code`).
    Expr(Expr),
    /// A list.
    List(Vec<DataTree>),
    /// A mapping (keys as written).
    Map(Vec<(String, DataTree)>),
}

/// `variable name → candidate block numbers` in file order (§2.4 of the spec; the runtime
/// tries them last-defined first, i.e. from the end of each list). `order:` blocks and
/// `supersedes:` are already applied: a block with priority comes later in the list. Names are normalised like [`Var::name`]; generic
/// blocks are registered under their object class.
#[derive(Debug, Default)]
pub struct VariableIndex {
    /// Non-generic blocks: exact name (including iterator forms like `a[i].b`) → blocks.
    pub by_name: HashMap<String, Vec<usize>>,
    /// `generic object: Class` blocks: class → name using `x` → blocks.
    pub generic: HashMap<String, HashMap<String, Vec<usize>>>,
    /// Event names → blocks (`event:` blocks), in file order.
    pub events: HashMap<String, Vec<usize>>,
}

impl VariableIndex {
    /// Candidate blocks for a non-generic name, in file order.
    pub fn candidates(&self, name: &str) -> &[usize] {
        self.by_name.get(name).map(Vec::as_slice).unwrap_or(&[])
    }
    /// Candidate generic blocks for `class` and a name spelled with `x`.
    pub fn generic_candidates(&self, class: &str, name: &str) -> &[usize] {
        self.generic
            .get(class)
            .and_then(|m| m.get(name))
            .map(Vec::as_slice)
            .unwrap_or(&[])
    }
}

/// One appending block with its modifiers.
#[derive(Debug)]
pub struct Block {
    /// Position in [`Interview::blocks`] (embedded blocks: the number of their parent).
    pub number: usize,
    /// `"ID <id>"` if it has an `id`, else `"Question_<n>"` (docassemble's naming).
    pub name: String,
    /// `id:` if given.
    pub id: Option<String>,
    /// Where the block starts (line of its first key).
    pub pos: Pos,
    /// What the block is.
    pub kind: BlockKind,
    /// `mandatory:`.
    pub mandatory: Option<Condition>,
    /// `initial:` (code blocks; also set by `default role`).
    pub initial: Option<Condition>,
    /// `if:` conditions (all must be true).
    pub conditions: Vec<Expr>,
    /// `generic object:` class name.
    pub generic_object: Option<String>,
    /// `event:` names (the block answers these action names).
    pub events: Vec<String>,
    /// The variables the block can define (`sets`, field variables, code assignment
    /// targets, embedded blocks …), normalised, in order, without duplicates.
    pub defines: Vec<String>,
    /// `need:` (plain list = `pre`).
    pub need: Need,
    /// `depends on:` variables.
    pub depends_on: Vec<String>,
    /// `reconsider:`.
    pub reconsider: Reconsider,
    /// `undefine:` variables.
    pub undefine: Vec<String>,
    /// `language:` if not all languages (or the file's `default language:` before it).
    pub language: Option<String>,
    /// `role:` names (legacy multi-user).
    pub roles: Vec<String>,
    /// `supersedes:` — ids of blocks this block takes priority over.
    pub supersedes: Vec<String>,
    /// `comment:` is dropped; other unrecognised keys are kept here (and warned about).
    pub unknown: Vec<(String, Node)>,
}

/// `need:` expressions run before (`pre`) or after (`post`) the block.
#[derive(Debug, Default)]
pub struct Need {
    /// Evaluated before the block is used.
    pub pre: Vec<Expr>,
    /// Evaluated after a code/data block ran.
    pub post: Vec<Expr>,
}

/// `reconsider:`.
#[derive(Debug, Default)]
pub enum Reconsider {
    /// Not given / `False`.
    #[default]
    No,
    /// `True` on a code block: its variables are recomputed on every pass.
    All,
    /// A list of variables reconsidered before the block is used.
    Vars(Vec<String>),
}

/// The kinds of appending blocks.
#[derive(Debug)]
pub enum BlockKind {
    /// A screen.
    Question(Box<Question>),
    /// Python code (`code:`).
    Code(Code),
    /// `objects:` — `var: class expression` pairs.
    Objects(Vec<ObjectSpec>),
    /// `objects from file:` (kept raw).
    ObjectsFromFile(Node),
    /// `data:` / `data from code:` with `variable name:`.
    Data(Box<DataBlock>),
    /// `template:` — a lazily rendered named text.
    Template(Box<TemplateBlock>),
    /// `table:` — a Markdown table of a group, made when the variable is sought.
    Table(Box<TableBlock>),
    /// `attachment(s)` without `question` and with `variable name` — kept raw (documents are not made yet).
    Attachments(Box<AttachmentsBlock>),
    /// `response:` / `binaryresponse:` / `all_variables` / `redirect url` / `null response` —
    /// a non-HTML answer (with `event:`).
    Response(Box<ResponseBlock>),
    /// `command:` block (exit, restart, …).
    Command(Box<CommandBlock>),
    /// `require:` + `orelse:` (legacy) — kept raw.
    Require(Node),
}

/// `var: ClassExpression` of an `objects:` block.
#[derive(Debug)]
pub struct ObjectSpec {
    /// The variable to create.
    pub var: Var,
    /// `Individual`, `DAList.using(object_type=Individual)` …
    pub class: Expr,
}

/// `data:` / `data from code:`.
#[derive(Debug)]
pub struct DataBlock {
    /// `variable name:`.
    pub variable: Var,
    /// True for `data from code` (leaf strings are Python expressions).
    pub from_code: bool,
    /// The data (strings are Mako for `data`, Python for `data from code`).
    pub data: Node,
    /// `use objects:` (raw).
    pub use_objects: Option<Node>,
    /// `gathered:` (raw).
    pub gathered: Option<Node>,
}

/// `template:` block.
#[derive(Debug)]
pub struct TemplateBlock {
    /// The variable it defines.
    pub variable: Var,
    /// `subject:`.
    pub subject: Option<Text>,
    /// `content:` (or the file named by `content file:` once read).
    pub content: Option<Text>,
    /// `content file:` as written (resolved relative to the package's `data/templates`).
    pub content_file: Option<Node>,
    /// `target:` area name.
    pub target: Option<String>,
}

/// `table:` block: rows, columns and the options read when the table is made.
#[derive(Debug)]
pub struct TableBlock {
    /// The variable it defines.
    pub variable: Var,
    /// `rows:` expression.
    pub rows: Option<Expr>,
    /// `columns:` raw.
    pub columns: Option<Node>,
    /// Every other key, raw.
    pub options: Vec<(String, Node)>,
}

/// Pure `attachment(s)` block: assembles documents when its variable is sought.
#[derive(Debug)]
pub struct AttachmentsBlock {
    /// `variable name:` if given.
    pub variable: Option<Var>,
    /// The raw `attachment`/`attachments`/`attachment code` value.
    pub spec: Node,
    /// The attachments, typed and with their templates loaded (filled by the loader).
    pub set: Option<crate::attach::AttachmentSet>,
}

/// Non-HTML response block.
#[derive(Debug)]
pub struct ResponseBlock {
    /// `response:` text.
    pub response: Option<Text>,
    /// `binaryresponse:` expression.
    pub binary_response: Option<Expr>,
    /// `all_variables: True`.
    pub all_variables: bool,
    /// `null response: True`.
    pub null_response: bool,
    /// `redirect url:` text.
    pub redirect_url: Option<Text>,
    /// `content type:` text.
    pub content_type: Option<Text>,
    /// `response code:`.
    pub response_code: Option<i64>,
    /// `response filename:` (raw).
    pub response_filename: Option<Node>,
}

/// `command:` block.
#[derive(Debug)]
pub struct CommandBlock {
    /// exit, logout, exit_logout, continue, restart, leave, refresh, signin, register, new_session, …
    pub command: String,
    /// `url:` for exit/leave.
    pub url: Option<Text>,
}

/// A screen (`question:` block).
#[derive(Debug)]
pub struct Question {
    /// `question:` text (the heading).
    pub question: Text,
    /// `subquestion:`.
    pub subquestion: Option<Text>,
    /// `under:`, `pre:`, `post:`, `right:`, `submit:` texts.
    pub under: Option<Text>,
    /// Above the question.
    pub pre: Option<Text>,
    /// Below the question.
    pub post: Option<Text>,
    /// Right column.
    pub right: Option<Text>,
    /// Above the buttons.
    pub submit: Option<Text>,
    /// `help:`.
    pub help: Option<Help>,
    /// `decoration:` image name.
    pub decoration: Option<String>,
    /// The input directive.
    pub input: Input,
    /// `continue button field:` (also `field:` alone) — set to True on submit.
    pub continue_button_field: Option<Var>,
    /// `continue button label:`.
    pub continue_button_label: Option<Text>,
    /// `continue button color:`.
    pub continue_button_color: Option<Text>,
    /// `resume button label:` (review screens).
    pub resume_button_label: Option<Text>,
    /// `back button label:`.
    pub back_button_label: Option<Text>,
    /// `corner back button label:`.
    pub corner_back_button_label: Option<Text>,
    /// `hide continue button:`.
    pub hide_continue_button: Option<Condition>,
    /// `disable continue button:`.
    pub disable_continue_button: Option<Condition>,
    /// `prevent going back:`.
    pub prevent_going_back: Option<Condition>,
    /// `back button:` (show the in-question back button).
    pub back_button: Option<Condition>,
    /// `progress:`.
    pub progress: Progress,
    /// `section:` key.
    pub section: Option<String>,
    /// `breadcrumb:`.
    pub breadcrumb: Option<Text>,
    /// Per-question `terms`.
    pub terms: Vec<Term>,
    /// Per-question `auto terms`.
    pub auto_terms: Vec<Term>,
    /// `action buttons:`.
    pub action_buttons: ActionButtons,
    /// `validation code:`.
    pub validation_code: Option<Code>,
    /// `css class:`.
    pub css_class: Option<Text>,
    /// `table css class:`.
    pub table_css_class: Option<Text>,
    /// `script:` (raw JS; Mako).
    pub script: Option<Text>,
    /// `css:` (raw CSS; Mako).
    pub css: Option<Text>,
    /// `reload:` seconds (raw: int or expression).
    pub reload: Option<Node>,
    /// `check in:` event name.
    pub check_in: Option<String>,
    /// `allowed to set:` (strict mode) — names or an expression.
    pub allowed_to_set: AllowedToSet,
    /// `list collect:` (raw; read by the runtime when the screen is built).
    pub list_collect: Option<Node>,
    /// `attachment`/`attachments`/`attachment code` shown on the screen (raw: documents are not made yet).
    pub attachments: Option<Node>,
    /// Attachment UI options (`allow emailing`, `allow downloading`, …), raw.
    pub attachment_options: Vec<(String, Node)>,
    /// The attachments, typed and with their templates loaded (filled by the loader).
    pub attachment_set: Option<crate::attach::AttachmentSet>,
    /// The attachment-box options, typed.
    pub attachment_box: crate::attach::AttachmentBox,
    /// `tabular:` for review screens (raw).
    pub tabular: Option<Node>,
    /// `question metadata:` (raw).
    pub question_metadata: Option<Node>,
    /// `usedefs:` names of `def` blocks.
    pub usedefs: Vec<String>,
}

/// `progress:` on a question.
#[derive(Debug, Default)]
pub enum Progress {
    /// Not given: advance automatically.
    #[default]
    Auto,
    /// `progress: null` — hide the bar.
    Hide,
    /// A percentage.
    Percent(f64),
}

/// `allowed to set:`.
#[derive(Debug, Default)]
pub enum AllowedToSet {
    /// Not given.
    #[default]
    None,
    /// A list of variable names.
    Vars(Vec<String>),
    /// An expression returning a list.
    Code(Expr),
}

/// The input directive of a question (§1.3).
#[derive(Debug)]
pub enum Input {
    /// No input: a dead-end screen (or just a Continue button when
    /// [`Question::continue_button_field`] is set).
    None,
    /// `yesno`, `noyes`, `yesnomaybe`, `noyesmaybe`.
    YesNo {
        /// The variable.
        var: Var,
        /// Which of the four.
        kind: YesNoKind,
    },
    /// `buttons`/`choices`/`dropdown`/`combobox`, with or without `field:`.
    Choice(Box<ChoiceInput>),
    /// `fields:`.
    Fields(Vec<Field>),
    /// `fields: - code: expr` (field dicts computed at ask time).
    FieldsCode(Expr),
    /// `review:`.
    Review(Vec<ReviewItem>),
    /// `signature: var`.
    Signature(Box<SignatureInput>),
}

/// A `signature:` question: the variable that gets the drawn signature (a `DAFile`).
#[derive(Debug)]
pub struct SignatureInput {
    /// The variable.
    pub var: Var,
    /// `pen color:` (a CSS color), if given.
    pub pen_color: Option<String>,
    /// `required:` (default true: the screen cannot be left without signing).
    pub required: Option<Condition>,
}

/// The yes/no family.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum YesNoKind {
    /// Yes → True, No → False.
    YesNo,
    /// Yes → False, No → True.
    NoYes,
    /// Yes/No/I don't know → True/False/None.
    YesNoMaybe,
    /// Yes/No/I don't know → False/True/None.
    NoYesMaybe,
}

/// How a single choice is presented.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChoiceStyle {
    /// `buttons:` — one submit button per choice.
    Buttons,
    /// `choices:` — radio buttons and a Continue button.
    Radio,
    /// `dropdown:`.
    Dropdown,
    /// `combobox:` (rendered as a dropdown with free text later).
    Combobox,
}

/// A multiple-choice question.
#[derive(Debug)]
pub struct ChoiceInput {
    /// `field:` — where the value goes. None: "follow multiple choice" (embedded blocks /
    /// special commands; the index is remembered).
    pub field: Option<Var>,
    /// Presentation.
    pub style: ChoiceStyle,
    /// The options.
    pub choices: Choices,
    /// `default:`.
    pub default: Option<DefaultValue>,
    /// `shuffle:`.
    pub shuffle: bool,
    /// `datatype:` for coercing the chosen value.
    pub datatype: Option<String>,
    /// `under text` / `exclude` etc., raw.
    pub other: Vec<(String, Node)>,
}

/// A list of options.
#[derive(Debug)]
pub enum Choices {
    /// Written out.
    List(Vec<Choice>),
    /// `code:` returning a list/dict.
    Code(Expr),
}

/// One option.
#[derive(Debug)]
pub struct Choice {
    /// The label shown.
    pub label: Text,
    /// What choosing it does.
    pub value: ChoiceValue,
    /// `help:`.
    pub help: Option<Text>,
    /// `image:`.
    pub image: Option<String>,
    /// `default: True`.
    pub default: bool,
    /// `show if:` (code form) / `hide if:`.
    pub show_if: Option<Expr>,
    /// `hide if:` (code form).
    pub hide_if: Option<Expr>,
    /// `color:` (buttons).
    pub color: Option<String>,
    /// `css class:`.
    pub css_class: Option<String>,
    /// Where it is written.
    pub pos: Pos,
}

/// The value of an option.
#[derive(Debug)]
pub enum ChoiceValue {
    /// A literal value (string, number, bool, null) stored into the field.
    Value(Node),
    /// An embedded `question`/`code` block followed when chosen (no `field:`).
    Block(Box<Block>),
    /// A special command (`exit`, `restart`, `continue`, …) with optional `url`.
    Command {
        /// The command.
        command: String,
        /// `url:` if given.
        url: Option<Text>,
    },
}

/// `default:` of a field or choice question.
#[derive(Debug)]
pub enum DefaultValue {
    /// Mako text.
    Text(Text),
    /// `{code: expr}`.
    Code(Expr),
    /// A non-string literal or a list/dict (checkboxes).
    Data(Node),
}

/// `show if` / `hide if` / `enable if` / `disable if` of a field.
#[derive(Debug)]
pub enum FieldCondition {
    /// `show if: var` — a yes/no field on the same screen (client side; the server evaluates
    /// it against the submitted value).
    Var(String),
    /// `show if: {variable: var, is: value}`.
    VarIs {
        /// The other field's variable.
        variable: String,
        /// The value compared against.
        is: Node,
    },
    /// `show if: {code: expr}` — evaluated on the server when the screen is built.
    Code(Expr),
    /// `js show if:` — JavaScript (not run on the server).
    Js(String),
}

/// One item of `fields:` (§1.5).
#[derive(Debug)]
pub struct Field {
    /// The label (`no label` → None).
    pub label: Option<Text>,
    /// The variable (None for `note`/`html`/`raw html` items).
    pub var: Option<Var>,
    /// `datatype:`.
    pub datatype: Option<String>,
    /// `input type:`.
    pub input_type: Option<String>,
    /// `choices:` / `code:`.
    pub choices: Option<Choices>,
    /// `exclude:` expression (a YAML list of expressions becomes the list expression `[a, b]`).
    pub exclude: Option<Expr>,
    /// `required:` (None → the datatype's default, True for most).
    pub required: Option<Condition>,
    /// `default:`.
    pub default: Option<DefaultValue>,
    /// `hint:`.
    pub hint: Option<Text>,
    /// `help:`.
    pub help: Option<Text>,
    /// `min:`.
    pub min: Option<Text>,
    /// `max:`.
    pub max: Option<Text>,
    /// `minlength:`.
    pub minlength: Option<Text>,
    /// `maxlength:`.
    pub maxlength: Option<Text>,
    /// `step:`.
    pub step: Option<Text>,
    /// `scale:`.
    pub scale: Option<Text>,
    /// `currency symbol:`.
    pub currency_symbol: Option<Text>,
    /// `show if`.
    pub show_if: Option<FieldCondition>,
    /// `hide if`.
    pub hide_if: Option<FieldCondition>,
    /// `enable if`.
    pub enable_if: Option<FieldCondition>,
    /// `disable if`.
    pub disable_if: Option<FieldCondition>,
    /// `note:` (Markdown).
    pub note: Option<Text>,
    /// `html:`.
    pub html: Option<Text>,
    /// `raw html:` (Mako, no Markdown, not wrapped).
    pub raw_html: Option<Text>,
    /// `validate:` expression returning a function.
    pub validate: Option<Expr>,
    /// `none of the above:` (bool or label), raw.
    pub none_of_the_above: Option<Node>,
    /// `all of the above:`, raw.
    pub all_of_the_above: Option<Node>,
    /// `shuffle:`.
    pub shuffle: bool,
    /// `under text:`.
    pub under_text: Option<Text>,
    /// `validation messages:` key → text.
    pub validation_messages: IndexMap<String, Text>,
    /// Layout and other keys (`css class`, `label above field`, `grid`, `rows`,
    /// `disable others`, `address autocomplete`, `accept`, …), raw.
    pub other: Vec<(String, Node)>,
    /// Where the item is written.
    pub pos: Pos,
}

/// One item of a `review:` list.
#[derive(Debug)]
pub struct ReviewItem {
    /// `Label: var` / `label:` text (for `fields:` items: the button label).
    pub label: Option<Text>,
    /// Every variable the item names (`fields:` / `field:` / shorthand), flattened — including
    /// those under `recompute`/`undefine`/`set`/`follow up`; see `actions` for what to do.
    pub fields: Vec<String>,
    /// What clicking the item does, in order (docassemble's review `fields:` list).
    pub actions: Vec<ReviewAction>,
    /// `button:` text shown under the button.
    pub button: Option<Text>,
    /// `note:`.
    pub note: Option<Text>,
    /// `html:`.
    pub html: Option<Text>,
    /// `show if:` variables/expressions (all must be defined/true).
    pub show_if: Vec<Expr>,
    /// `action:` name instead of re-asking fields.
    pub action: Option<String>,
    /// `help:`.
    pub help: Option<Text>,
    /// Where the item is written.
    pub pos: Pos,
}

/// One step of a review item's `fields:` list.
#[derive(Debug)]
pub enum ReviewAction {
    /// A plain variable name: ask it again (force_ask).
    Ask(String),
    /// `follow up: [vars]`: ask these afterwards (only if still needed).
    FollowUp(Vec<String>),
    /// `recompute: [vars]`: undefine and recompute these.
    Recompute(Vec<String>),
    /// `undefine: [vars]`: undefine these.
    Undefine(Vec<String>),
    /// `invalidate: [vars]`: invalidate these (old value kept as default).
    Invalidate(Vec<String>),
    /// `set: [{var: value}]`: assign these values.
    Set(Vec<(String, Node)>),
}

/// `action buttons:`.
#[derive(Debug, Default)]
pub enum ActionButtons {
    /// None given.
    #[default]
    None,
    /// Written out.
    List(Vec<ActionButton>),
    /// `- code: expr` returning dicts.
    Code(Expr),
}

/// One action button.
#[derive(Debug)]
pub struct ActionButton {
    /// `label:`.
    pub label: Text,
    /// `action:` (an event name or a URL).
    pub action: Text,
    /// `arguments:` raw (dict).
    pub arguments: Option<Node>,
    /// `color:`.
    pub color: Option<String>,
    /// `icon:`.
    pub icon: Option<String>,
    /// `placement:`.
    pub placement: Option<String>,
    /// `css class:`.
    pub css_class: Option<String>,
    /// `new window:`, raw.
    pub new_window: Option<Node>,
    /// `show if:` expression.
    pub show_if: Option<Expr>,
    /// `forget prior:`.
    pub forget_prior: bool,
}

/// `help:` of a question, or an `interview help` block.
#[derive(Debug)]
pub struct Help {
    /// `content:` (or the string form).
    pub content: Text,
    /// `label:` (button/tab label).
    pub label: Option<Text>,
    /// `heading:`.
    pub heading: Option<Text>,
    /// `audio:` / `video:` raw.
    pub media: Vec<(String, Node)>,
    /// The language of an `interview help` block; None = every language.
    pub language: Option<String>,
}

/// A named image (`decoration:`, `:name:` in text, choice `image:`).
#[derive(Debug)]
pub struct Image {
    /// The file, relative to the package's `data/static` (or `package:path`).
    pub file: String,
    /// The package of the interview file that declared it.
    pub package: String,
    /// The set's `attribution:` (Markdown), if any.
    pub attribution: Option<Text>,
}

/// A glossary entry.
#[derive(Debug)]
pub struct Term {
    /// The word or phrase (as written).
    pub term: String,
    /// The definition (Mako/Markdown).
    pub definition: Text,
    /// The language of an interview-wide `terms` block (`language:` or the file's
    /// `default language`); None = every language.
    pub language: Option<String>,
}

/// A navigation section (nested).
#[derive(Debug)]
pub struct Section {
    /// The key questions refer to with `section:` (the label if no key was given).
    pub key: String,
    /// The label shown.
    pub label: Text,
    /// Subsections.
    pub subsections: Vec<Section>,
}

/// Merged `metadata` blocks.
#[derive(Debug, Default)]
pub struct Metadata {
    /// `title:`.
    pub title: Option<String>,
    /// `short title:`.
    pub short_title: Option<String>,
    /// `tab title:`.
    pub tab_title: Option<String>,
    /// `subtitle:`.
    pub subtitle: Option<String>,
    /// `exit url:`.
    pub exit_url: Option<String>,
    /// `exit label:`.
    pub exit_label: Option<String>,
    /// `exit link:` (exit/leave/logout/exit_logout).
    pub exit_link: Option<String>,
    /// `unlisted:`.
    pub unlisted: bool,
    /// `required privileges` etc. are in `raw`.
    /// Every metadata key (merged; later blocks win, dicts merged) as written.
    pub raw: IndexMap<String, Node>,
    /// The string-valued keys compiled as Mako texts (with their file and line), for screen
    /// parts taken from metadata (`title`, `pre`, `footer`, `exit label` …). A value that is
    /// not a valid template is left out (it is still in `raw`).
    pub texts: IndexMap<String, Text>,
}

/// Merged `features` blocks. Unknown/unsupported keys are kept in `raw`.
#[derive(Debug)]
pub struct Features {
    /// `progress bar:`.
    pub progress_bar: bool,
    /// `show progress bar percentage:`.
    pub show_progress_bar_percentage: bool,
    /// `progress bar method:`.
    pub progress_bar_method: Option<String>,
    /// `progress bar multiplier:`.
    pub progress_bar_multiplier: Option<f64>,
    /// `progress can go backwards:`.
    pub progress_can_go_backwards: bool,
    /// `navigation:` (true, or `horizontal`).
    pub navigation: Option<String>,
    /// `question back button:`.
    pub question_back_button: bool,
    /// `question help button:`.
    pub question_help_button: bool,
    /// `navigation back button:` (default true).
    pub navigation_back_button: bool,
    /// `loop limit:` (default 500).
    pub loop_limit: u32,
    /// `recursion limit:` (default 500).
    pub recursion_limit: u32,
    /// `use catchall:`.
    pub use_catchall: bool,
    /// `labels above fields:`.
    pub labels_above_fields: bool,
    /// `hide standard menu:`.
    pub hide_standard_menu: bool,
    /// `centered:` (default true).
    pub centered: bool,
    /// `table width:`.
    pub table_width: Option<i64>,
    /// Every features key as written (merged).
    pub raw: IndexMap<String, Node>,
}

impl Default for Features {
    fn default() -> Features {
        Features {
            progress_bar: false,
            show_progress_bar_percentage: false,
            progress_bar_method: None,
            progress_bar_multiplier: None,
            progress_can_go_backwards: false,
            navigation: None,
            question_back_button: false,
            question_help_button: false,
            navigation_back_button: true,
            loop_limit: 500,
            recursion_limit: 500,
            use_catchall: false,
            labels_above_fields: false,
            hide_standard_menu: false,
            centered: true,
            table_width: None,
            raw: IndexMap::new(),
        }
    }
}

impl Metadata {
    /// Whether the metadata asks for `temporary session` (always start fresh, keep nothing
    /// once finished): `True`, a true-ish string (`true`, `yes`, `on`) or a non-zero number.
    pub fn temporary_session(&self) -> bool {
        use crate::yaml::Value;
        match self.raw.get("temporary session").map(|n| &n.value) {
            Some(Value::Bool(b)) => *b,
            Some(Value::Str(s)) => matches!(s.trim().to_ascii_lowercase().as_str(), "true" | "yes" | "on"),
            Some(Value::Int(i)) => *i != 0,
            _ => false,
        }
    }
}

impl Interview {
    /// Whether the interview's metadata asks for `temporary session`.
    pub fn temporary_session(&self) -> bool {
        self.metadata.temporary_session()
    }
}
