//! PDF forms (placeholder).
