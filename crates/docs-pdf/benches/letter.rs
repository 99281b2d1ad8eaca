//! Benchmark: a two-page Markdown letter (headings, bold, a list, a table, a page break, a
//! page-number footer) read and typeset to PDF. Each iteration changes the addressee so that
//! typst's memoisation cannot replay the previous layout.

use criterion::{criterion_group, criterion_main, Criterion};
use docs::{read_markdown, ReadOptions};
use docs_pdf::{render_pdf, PdfOptions};

fn letter(n: u64) -> String {
    let mut text = format!(
        "[BOLDCENTER] NOTICE TO LANDLORD\n\n[FLUSHRIGHT] December 6, 2026\n\nDear **Olíve Martínez {n}**,\n\n# Facts\n\n"
    );
    for paragraph in 0..6 {
        text.push_str(&format!(
            "Paragraph {paragraph}: I, *Jöhn Smith*, have rented the apartment at 12 Elm Street since \
             2024. The heating has failed three times this winter, and each time I asked for a repair \
             in writing, as the lease requires; no repair was made within the time the law allows.\n\n"
        ));
    }
    text.push_str("1. The first failure was on November 2.\n2. The second on November 19.\n3. The third on **December 1**.\n\n");
    text.push_str(
        "| Date | Amount |\n|:-----|-------:|\n| November | $900 |\n| December | $900 |\n\n",
    );
    text.push_str("# Requests\n\n## Repairs\n\nPlease repair the heating within fourteen days.\n\n[PAGEBREAK]\n\n");
    text.push_str("# Signature\n\n[SINGLESPACING]\nSincerely,\n\nJöhn Smith [BR] 12 Elm Street\n");
    text
}

fn bench(c: &mut Criterion) {
    let options = ReadOptions {
        metadata: [(
            "FooterCenter".to_string(),
            "Page [PAGENUM] of [TOTALPAGES]".to_string(),
        )]
        .into_iter()
        .collect(),
        ..ReadOptions::default()
    };
    let pdf_options = PdfOptions {
        title: Some("Notice".into()),
        ..PdfOptions::default()
    };
    let mut n = 0u64;
    c.bench_function("two-page letter to PDF", |b| {
        b.iter(|| {
            n += 1;
            let doc = read_markdown(&letter(n), &options);
            render_pdf(&doc, &pdf_options)
                .map(|pdf| pdf.len())
                .unwrap_or(0)
        });
    });
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = bench
}
criterion_main!(benches);
