//! The document crate's integration tests: DOCX templates, PDF forms, images and pages.
//!
//! One test binary per crate: each file here was its own binary, and each binary links the
//! whole dependency tree (the server's, typst included, is hundreds of megabytes).

mod docx_model;
mod docx_templates;
mod jinja_front_end;
mod limits;
mod pdf_forms;
mod pdf_images;
mod pdf_pages;
