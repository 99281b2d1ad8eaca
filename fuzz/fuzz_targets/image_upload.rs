//! Arbitrary bytes as an uploaded image or a posted signature, decoded as the server decodes
//! them: `engine::upload_image::sniff` and `check` (the signature path), `process` with a
//! `maximum image size` and each `image upload type` (the upload path, as PNG and as JPEG),
//! all within the decoder's limits.
//!
//! Oracles besides "no panic, no hang, no OOM": an image that `check` accepts can be
//! processed, and whatever `process` writes is itself an image that `check` accepts.
#![no_main]

use engine::upload_image::{check, process, sniff};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let sniffed = sniff(data);
    if let Some(ext) = sniffed {
        if check(data, ext).is_ok() {
            match process(data, ext, Some(64), Some("png")) {
                Ok(Some(out)) => assert!(check(&out.bytes, &out.extension).is_ok(), "a processed image does not read back"),
                Ok(None) => {}
                Err(err) => panic!("a readable image does not process: {err}"),
            }
        }
    }
    for ext in ["png", "jpg"] {
        for (max, target) in [(Some(32), None), (None, Some("jpeg")), (Some(16), Some("png"))] {
            if let Ok(Some(out)) = process(data, ext, max, target) {
                assert!(check(&out.bytes, &out.extension).is_ok(), "a processed image does not read back");
            }
        }
    }
});
