//! The page operations on PDFs: concatenation, extraction and overlay, read back with lopdf,
//! and the limits on untrusted PDFs (reference loops, object counts).

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use docs::pdf::pages::{concatenate, extract_pages, overlay, page_count, Overlay};
use docs::{DocsError, Limits};
use lopdf::{dictionary, Document, Object, Stream};

/// A PDF whose pages show the given texts (Helvetica), each page `size` points square,
/// its pages under an intermediate `Pages` node that holds the inherited `MediaBox`.
fn pdf_with(texts: &[&str], size: i64) -> Vec<u8> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let mid_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut kids = Vec::new();
    for t in texts {
        let content = format!("BT /F1 12 Tf 20 20 Td ({t}) Tj ET");
        let content_id = doc.add_object(Stream::new(dictionary! {}, content.into_bytes()));
        kids.push(Object::Reference(doc.add_object(dictionary! {
            "Type" => "Page", "Parent" => mid_id, "Contents" => content_id,
        })));
    }
    let n = kids.len() as i64;
    doc.objects.insert(mid_id, Object::Dictionary(dictionary! {
        "Type" => "Pages", "Parent" => pages_id, "Kids" => kids, "Count" => n,
        "MediaBox" => vec![0.into(), 0.into(), size.into(), size.into()],
    }));
    doc.objects.insert(pages_id, Object::Dictionary(dictionary! {
        "Type" => "Pages", "Kids" => vec![mid_id.into()], "Count" => n,
        "Resources" => resources_id,
    }));
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

fn texts(bytes: &[u8]) -> Vec<String> {
    let doc = Document::load_mem(bytes).unwrap();
    let pages = doc.get_pages();
    pages.keys().map(|n| doc.extract_text(&[*n]).unwrap().trim().to_string()).collect()
}

#[test]
fn concatenation_keeps_every_page_in_order() {
    let a = pdf_with(&["alpha one", "alpha two"], 300);
    let b = pdf_with(&["beta one"], 200);
    let out = concatenate(&[&a, &b, &a], &Limits::default()).unwrap();
    assert_eq!(page_count(&out, &Limits::default()).unwrap(), 5);
    assert_eq!(texts(&out), ["alpha one", "alpha two", "beta one", "alpha one", "alpha two"]);
    // the inherited page size moved onto each page
    let doc = Document::load_mem(&out).unwrap();
    let third = doc.get_pages()[&3];
    let media = doc.get_dictionary(third).unwrap().get(b"MediaBox").unwrap().as_array().unwrap().clone();
    assert_eq!(media[2].as_float().unwrap(), 200.0);
}

#[test]
fn extraction_keeps_the_range() {
    let a = pdf_with(&["p1", "p2", "p3", "p4", "p5", "p6"], 300);
    let out = extract_pages(&a, 2, Some(4), &Limits::default()).unwrap();
    assert_eq!(texts(&out), ["p2", "p3", "p4"]);
    let tail = extract_pages(&a, 5, None, &Limits::default()).unwrap();
    assert_eq!(texts(&tail), ["p5", "p6"]);
    assert!(extract_pages(&a, 7, None, &Limits::default()).is_err());
}

/// The content streams of page `n` (1-based), decoded, as text.
fn content_of(bytes: &[u8], n: u32) -> String {
    let doc = Document::load_mem(bytes).unwrap();
    String::from_utf8_lossy(&doc.get_page_content(doc.get_pages()[&n])).to_string()
}

/// The texts drawn by the form XObjects page `n` shows.
fn stamped_texts(bytes: &[u8], n: u32) -> Vec<String> {
    let doc = Document::load_mem(bytes).unwrap();
    let page = doc.get_dictionary(doc.get_pages()[&n]).unwrap();
    let Ok(resources) = page.get(b"Resources").and_then(|r| doc.dereference(r)).map(|(_, r)| r.clone()) else {
        return Vec::new();
    };
    let Ok(xobjects) = resources.as_dict().and_then(|r| r.get(b"XObject")).and_then(|x| x.as_dict()) else {
        return Vec::new();
    };
    let content = content_of(bytes, n);
    let mut out = Vec::new();
    for (name, r) in xobjects.iter() {
        if !content.contains(&format!("/{} Do", String::from_utf8_lossy(name))) {
            continue;
        }
        let stream = doc.get_object(r.as_reference().unwrap()).unwrap().as_stream().unwrap();
        let data = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
        out.push(String::from_utf8_lossy(&data).to_string());
    }
    out
}

#[test]
fn overlay_stamps_the_chosen_pages() {
    let main = pdf_with(&["m1", "m2", "m3", "m4"], 300);
    let logo = pdf_with(&["LOGO-A", "LOGO-B"], 300);
    let how = Overlay { first_page: Some(2), last_page: Some(4), logo_page: Some(2), only: Some("even".into()), multi: false };
    let out = overlay(&main, &logo, &how, &Limits::default()).unwrap();
    assert_eq!(texts(&out), ["m1", "m2", "m3", "m4"], "the main text stays");
    assert!(stamped_texts(&out, 1).is_empty());
    assert!(stamped_texts(&out, 3).is_empty(), "page 3 is odd");
    for n in [2, 4] {
        let s = stamped_texts(&out, n);
        assert_eq!(s.len(), 1, "page {n}");
        assert!(s[0].contains("LOGO-B") && !s[0].contains("LOGO-A"), "page {n}: {s:?}");
    }
}

#[test]
fn multistamp_puts_page_n_on_page_n() {
    let main = pdf_with(&["m1", "m2", "m3"], 300);
    let logo = pdf_with(&["N1", "N2"], 150);
    let out = overlay(&main, &logo, &Overlay { multi: true, ..Overlay::default() }, &Limits::default()).unwrap();
    let got: Vec<Vec<String>> = (1..=3).map(|n| stamped_texts(&out, n)).collect();
    assert!(got[0][0].contains("N1") && got[1][0].contains("N2") && got[2][0].contains("N2"), "{got:?}");
    // a 150pt stamp on a 300pt page is drawn twice as large
    assert!(content_of(&out, 1).contains("q 2.000000 0 0 2.000000 0.0000 0.0000 cm /CqStamp0 Do Q"));
}

#[test]
fn a_page_tree_loop_is_refused() {
    let mut doc = Document::load_mem(&pdf_with(&["x"], 100)).unwrap();
    let root = doc.catalog().unwrap().get(b"Pages").unwrap().as_reference().unwrap();
    let mid = doc.get_dictionary(root).unwrap().get(b"Kids").unwrap().as_array().unwrap()[0].as_reference().unwrap();
    // the intermediate node lists the root among its kids
    doc.get_dictionary_mut(mid).unwrap().get_mut(b"Kids").unwrap().as_array_mut().unwrap().push(Object::Reference(root));
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    for result in [concatenate(&[&bytes], &Limits::default()), extract_pages(&bytes, 1, None, &Limits::default())] {
        match result {
            Err(DocsError::Pdf(m)) => assert!(m.contains("reference loop"), "{m}"),
            other => panic!("expected a loop error, got {:?}", other.map(|b| b.len())),
        }
    }
}

#[test]
fn object_limits_hold_for_the_combined_input() {
    let a = pdf_with(&["a", "b"], 100);
    let n = Document::load_mem(&a).unwrap().objects.len();
    let limits = Limits { max_pdf_objects: n + 1, ..Limits::default() };
    assert!(concatenate(&[&a], &limits).is_ok());
    assert!(matches!(concatenate(&[&a, &a], &limits), Err(DocsError::TooLarge { .. })));
    assert!(matches!(concatenate(&[&b"not a pdf"[..]], &Limits::default()), Err(DocsError::Pdf(_))));
}

/// An RGBA PNG, `w`×`h`, every pixel `rgba`.
fn png_of(w: u32, h: u32, rgba: [u8; 4]) -> Vec<u8> {
    let mut out = Vec::new();
    {
        let mut e = png::Encoder::new(&mut out, w, h);
        e.set_color(png::ColorType::Rgba);
        e.set_depth(png::BitDepth::Eight);
        let mut wr = e.write_header().unwrap();
        wr.write_image_data(&rgba.repeat((w * h) as usize)).unwrap();
    }
    out
}

/// The image XObject of the first page of `pdf`.
fn first_image(pdf: &[u8]) -> (lopdf::Dictionary, Vec<u8>, Vec<f32>) {
    let doc = Document::load_mem(pdf).unwrap();
    let page = doc.get_dictionary(doc.get_pages()[&1]).unwrap();
    let media: Vec<f32> = page.get(b"MediaBox").unwrap().as_array().unwrap().iter().map(|o| o.as_float().unwrap()).collect();
    let res = page.get(b"Resources").unwrap().as_dict().unwrap();
    let im = res.get(b"XObject").unwrap().as_dict().unwrap().get(b"Im0").unwrap().as_reference().unwrap();
    let stream = doc.get_object(im).unwrap().as_stream().unwrap();
    let data = stream.decompressed_content().unwrap_or_else(|_| stream.content.clone());
    (stream.dict.clone(), data, media)
}

#[test]
fn images_become_pages_of_their_size() {
    // half-transparent red on white: (255, 127, 127)
    let png = png_of(3, 2, [255, 0, 0, 128]);
    let pdf = docs::pdf::pages::image_pdf(&png, &Limits::default()).unwrap().unwrap();
    let (dict, data, media) = first_image(&pdf);
    assert_eq!(media, [0.0, 0.0, 3.0, 2.0]);
    assert_eq!(dict.get(b"Width").unwrap().as_i64().unwrap(), 3);
    assert_eq!(dict.get(b"ColorSpace").unwrap().as_name().unwrap(), b"DeviceRGB");
    assert_eq!(data, [255u8, 127, 127].repeat(6));

    let mut jpeg = vec![0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46];
    jpeg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x28, 0x00, 0x50, 0x01]);
    jpeg.extend_from_slice(&[0u8; 12]);
    let pdf = docs::pdf::pages::image_pdf(&jpeg, &Limits::default()).unwrap().unwrap();
    let (dict, data, media) = first_image(&pdf);
    assert_eq!(media, [0.0, 0.0, 80.0, 40.0]);
    assert_eq!(dict.get(b"Filter").unwrap().as_name().unwrap(), b"DCTDecode");
    assert_eq!(dict.get(b"ColorSpace").unwrap().as_name().unwrap(), b"DeviceGray");
    assert_eq!(data, jpeg, "the JPEG passes through");

    assert!(docs::pdf::pages::image_pdf(b"GIF89a", &Limits::default()).unwrap().is_none());
    let both = concatenate(&[&pdf_with(&["text"], 100), &png], &Limits::default()).unwrap();
    assert_eq!(page_count(&both, &Limits::default()).unwrap(), 2);
}

#[test]
fn an_image_too_large_to_decode_is_refused() {
    let png = png_of(64, 64, [0, 0, 0, 255]);
    let limits = Limits { max_pdf_stream_bytes: 1000, ..Limits::default() };
    assert!(docs::pdf::pages::image_pdf(&png, &limits).is_err());
}
