//! Interview loading and the docassemble logic engine.

pub mod attach;
pub mod check;
pub mod compile;
pub mod context;
pub mod html;
pub mod library;
pub mod links;
pub mod load;
pub mod model;
pub mod reference;
pub mod yaml;
pub mod functions;
pub mod runtime;
pub mod screen;
pub mod state;
pub mod static_texts;
pub mod upload;
pub mod upload_image;
pub mod validate;
pub mod vars;

pub use context::{OwnInputs, RequestContext};
pub use links::ActionSigner;
pub use screen::{ButtonView, Command, ChoiceView, FieldKind, FieldView, LinkView, QuestionScreen, ReviewItem, Screen, SectionView, Submitted};
pub use state::SessionState;

pub use library::Library;
pub use load::{load, LoadError, Sources, Warning};
pub use model::Interview;
pub use static_texts::{Rendering, StaticTexts};
pub use reference::InterviewRef;
