//! The vocabulary of the user dictionary shared by the runtime and the function library:
//! variable paths and their form-field names ([`path`]) and the stored JSON form ([`json`]).

pub mod json;
pub mod path;
