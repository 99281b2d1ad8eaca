//! Typesetting of the document model to PDF with typst.
