//! Layout checks that need no PDF tools; the files themselves are checked with poppler and
//! qpdf in the integration tests.

use super::*;
use crate::document::{columns, para, section, Block, Document, Table};

fn doc(blocks: Vec<Block>) -> Document {
    Document {
        title: "Test paper".into(),
        author: "Board secretary".into(),
        subject: "Testing".into(),
        marking: "OFFICIAL-SENSITIVE".into(),
        dated: chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
        blocks,
    }
}

fn long_table(rows: usize) -> Block {
    Block::Table(Table {
        caption: "Log".into(),
        columns: columns(&[("Date", 1.0), ("Challenge", 4.0)]),
        rows: (0..rows)
            .map(|i| {
                vec![
                    format!("{i:04}"),
                    "Where is the voice of the child in this report? ".repeat(3),
                ]
            })
            .collect(),
        empty: "None".into(),
    })
}

#[test]
fn a_long_table_runs_over_pages_and_each_section_is_bookmarked() {
    let laid = lay_out(&doc(vec![
        section("First"),
        para("Opening words."),
        long_table(120),
        section("Second"),
    ]));
    assert!(laid.pages.len() >= 4, "{} pages", laid.pages.len());
    let titles: Vec<_> = laid
        .bookmarks
        .iter()
        .map(|b| (b.title.as_str(), b.page))
        .collect();
    assert_eq!(titles[0], ("First", 0));
    assert_eq!(titles[1].0, "Second");
    assert_eq!(
        titles[1].1,
        laid.pages.len() - 1,
        "a new section starts a page"
    );
}

#[test]
fn the_same_document_gives_the_same_bytes() {
    let d = doc(vec![section("Only"), long_table(30)]);
    assert_eq!(render(&d).unwrap(), render(&d).unwrap());
}

#[test]
fn a_file_that_is_not_a_pdf_or_is_cut_short_is_refused_by_name() {
    let err = load_external(b"hello", "notes.txt").err().unwrap();
    assert!(
        err.message.contains("notes.txt") && err.message.contains("not a PDF"),
        "{}",
        err.message
    );
    let good = render(&doc(vec![para("x")])).unwrap();
    let err = load_external(&good[..good.len() / 3], "cut.pdf")
        .err()
        .unwrap();
    assert!(
        err.message.contains("damaged or incomplete"),
        "{}",
        err.message
    );
}

/// A one-page PDF that tries to act on its own: a script when it opens, a script when its page
/// opens, a link that starts a program, and an ordinary web link.
fn hostile_pdf() -> Vec<u8> {
    use lopdf::{dictionary, Object, Stream};
    let mut doc = lopdf::Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let content = doc.add_object(Stream::new(dictionary! {}, b"BT ET".to_vec()));
    let script = doc.add_object(Stream::new(dictionary! {}, b"app.alert('hello')".to_vec()));
    let launch = doc.add_object(dictionary! {
        "Type" => "Action", "S" => "Launch", "F" => Object::string_literal("calc.exe"),
    });
    let launch_link = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Link",
        "Rect" => vec![0.into(), 0.into(), 100.into(), 100.into()],
        "A" => launch,
    });
    let web_link = doc.add_object(dictionary! {
        "Type" => "Annot", "Subtype" => "Link",
        "Rect" => vec![0.into(), 100.into(), 100.into(), 200.into()],
        "A" => dictionary! { "S" => "URI", "URI" => Object::string_literal("https://www.england.nhs.uk/") },
    });
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => content,
        "Annots" => vec![launch_link.into(), web_link.into()],
        "AA" => dictionary! { "O" => dictionary! { "S" => "JavaScript", "JS" => script } },
    });
    let catalog = dictionary! {
        "OpenAction" => dictionary! { "S" => "JavaScript", "JS" => Object::string_literal("app.launchURL('x')") },
        "Names" => dictionary! { "JavaScript" => dictionary! { "Names" => vec![Object::string_literal("a"), script.into()] } },
    };
    finish_one_page(doc, pages_id, page, catalog)
}

/// Saves `doc` with `page` as its only page under `pages_id`, its catalogue holding `extra`.
fn finish_one_page(
    mut doc: lopdf::Document,
    pages_id: lopdf::ObjectId,
    page: lopdf::ObjectId,
    extra: lopdf::Dictionary,
) -> Vec<u8> {
    use lopdf::{dictionary, Object};
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let mut catalog = dictionary! { "Type" => "Catalog", "Pages" => pages_id };
    catalog.extend(&extra);
    let catalog = doc.add_object(catalog);
    doc.trailer.set("Root", catalog);
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).unwrap();
    bytes
}

#[test]
fn a_paper_from_outside_keeps_its_links_but_nothing_that_runs_by_itself() {
    let hostile = hostile_pdf();
    let external = load_external(&hostile, "Partner report.pdf").unwrap();
    let meta = Meta::of(&doc(vec![section("Pack")]));
    let bytes = join(
        &meta,
        vec![Part::External {
            title: "Partner report".into(),
            pdf: external,
        }],
    )
    .unwrap();
    let out = lopdf::Document::load_mem(&bytes).unwrap();
    let mut kinds = Vec::new();
    for object in out.objects.values() {
        let dict = match object {
            lopdf::Object::Dictionary(d) => d,
            lopdf::Object::Stream(s) => &s.dict,
            _ => continue,
        };
        for key in [&b"AA"[..], b"OpenAction", b"JS", b"JavaScript"] {
            assert!(!dict.has(key), "{} is left", String::from_utf8_lossy(key));
        }
        for action in [
            dict.get(b"A").ok(),
            Some(&lopdf::Object::Dictionary(dict.clone())),
        ]
        .into_iter()
        .flatten()
        {
            let action = match action {
                lopdf::Object::Reference(id) => out.get_dictionary(*id).ok(),
                lopdf::Object::Dictionary(d) => Some(d),
                _ => None,
            };
            if let Some(kind) = action
                .and_then(|a| a.get(b"S").ok())
                .and_then(|s| s.as_name().ok())
            {
                kinds.push(String::from_utf8_lossy(kind).to_string());
            }
        }
        if let lopdf::Object::Stream(s) = object {
            let text = s
                .decompressed_content()
                .unwrap_or_else(|_| s.content.clone());
            assert!(
                !String::from_utf8_lossy(&text).contains("app.alert"),
                "the script is gone"
            );
        }
    }
    assert!(kinds.iter().all(|k| k == "URI"), "{kinds:?}");
    assert!(kinds.iter().any(|k| k == "URI"), "the web link stays");
}

/// The peak memory this process has used so far, in KiB.
fn peak_kib() -> i64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: getrusage fills the struct it is given.
    unsafe { libc::getrusage(libc::RUSAGE_SELF, &mut usage) };
    usage.ru_maxrss
}

/// A one-page PDF whose page text is a stream that unpacks to `mib` MiB of nothing.
fn bomb_pdf(mib: usize) -> Vec<u8> {
    use lopdf::{dictionary, Stream};
    use std::io::Write;
    let mut packed = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::fast());
    let zeros = vec![b' '; 1 << 20];
    for _ in 0..mib {
        packed.write_all(&zeros).unwrap();
    }
    let packed = packed.finish().unwrap();
    let mut doc = lopdf::Document::with_version("1.7");
    let pages_id = doc.new_object_id();
    let mut content = Stream::new(dictionary! { "Filter" => "FlateDecode" }, packed);
    content.allows_compression = false;
    let content = doc.add_object(content);
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
        "Contents" => content,
    });
    finish_one_page(doc, pages_id, page, dictionary! {})
}

#[test]
fn a_paper_whose_page_unpacks_to_gigabytes_joins_a_pack_without_unpacking_it() {
    let bomb = bomb_pdf(1024);
    assert!(bomb.len() < 8 << 20, "{} bytes on disk", bomb.len());
    let before = peak_kib();
    let external = load_external(&bomb, "Partner report.pdf").unwrap();
    let meta = Meta::of(&doc(vec![section("Pack")]));
    let bytes = join(
        &meta,
        vec![Part::External {
            title: "Partner report".into(),
            pdf: external,
        }],
    )
    .unwrap();
    let grew_mib = (peak_kib() - before) / 1024;
    assert!(grew_mib < 512, "the pack took {grew_mib} MiB more to make");
    assert!(lopdf::Document::load_mem(&bytes).unwrap().get_pages().len() == 1);
}
