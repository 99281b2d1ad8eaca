//! The [`crate::Engine`] / [`crate::Runner`] implementations for the real engine.
//!
//! (Filled in once `engine::Library` and `Interview::next_screen/submit/back` exist.)
