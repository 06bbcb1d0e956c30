//! Joining parts into one PDF: generated documents and existing PDF papers, in order, with
//! page numbers running through the whole file, one bookmark per part (a generated part's
//! sections nested under it), and the title, author and dates in the metadata.
//!
//! Existing papers are included as they are: their pages are moved in untouched, and the
//! page number is drawn over the foot of each one from a stamp made with the same fonts.

use chrono::NaiveDate;
use lopdf::{dictionary, Bookmark, Dictionary, Object, ObjectId, Stream};
use sha2::{Digest, Sha256};

use super::layout::{Laid, PAGE_H, PAGE_W};
use super::render::{to_lopdf, PageSpec, Running};
use crate::document::Document;
use crate::error::{CoreError, ErrorKind, Result};

/// The whole file's metadata and the marking on its generated pages.
#[derive(Debug, Clone)]
pub struct Meta {
    pub title: String,
    pub author: String,
    pub subject: String,
    pub marking: String,
    pub dated: NaiveDate,
}

impl Meta {
    pub fn of(doc: &Document) -> Meta {
        Meta {
            title: doc.title.clone(),
            author: doc.author.clone(),
            subject: doc.subject.clone(),
            marking: doc.marking.clone(),
            dated: doc.dated,
        }
    }
}

/// An existing PDF paper, read and checked.
pub struct External {
    doc: Box<lopdf::Document>,
    pages: usize,
}

impl External {
    pub fn pages(&self) -> usize {
        self.pages
    }
}

pub enum Part {
    Generated { title: String, laid: Laid },
    External { title: String, pdf: External },
}

impl Part {
    pub fn pages(&self) -> usize {
        match self {
            Part::Generated { laid, .. } => laid.pages.len(),
            Part::External { pdf, .. } => pdf.pages,
        }
    }

    fn title(&self) -> &str {
        match self {
            Part::Generated { title, .. } | Part::External { title, .. } => title,
        }
    }
}

/// The largest paper a pack takes; bigger files are refused rather than risking memory.
const MAX_PAPER_BYTES: usize = 200 * 1024 * 1024;
/// The most any one packed part of a paper from outside may unpack to while it is read: far
/// beyond a real paper's, far below what would exhaust a laptop.
const MAX_STREAM_BYTES: usize = 64 * 1024 * 1024;

/// Whether an object the file's cross-reference table lists as packed in an object stream is
/// missing from what was loaded.
fn dropped_objects(doc: &lopdf::Document) -> bool {
    doc.reference_table.entries.iter().any(|(id, entry)| {
        matches!(entry, lopdf::xref::XrefEntry::Compressed { .. })
            && !doc.objects.keys().any(|(n, _)| n == id)
    })
}

/// Reads an existing PDF paper; `name` is how the user knows it (its file name).
pub fn load_external(bytes: &[u8], name: &str) -> Result<External> {
    let unreadable = |why: &str| {
        CoreError::new(
            ErrorKind::Validation,
            format!("{name} cannot be added to the pack: {why}"),
        )
    };
    if bytes.len() > MAX_PAPER_BYTES {
        return Err(unreadable("it is larger than 200 MB."));
    }
    if !bytes.starts_with(b"%PDF-") {
        return Err(unreadable("it is not a PDF file."));
    }
    let options = lopdf::LoadOptions {
        max_decompressed_size: Some(MAX_STREAM_BYTES),
        ..Default::default()
    };
    let doc = lopdf::Document::load_mem_with_options(bytes, options).map_err(|e| {
        tracing::warn!(error = %e, "unreadable PDF");
        unreadable("the PDF is damaged or incomplete. Save it again from the program that made it.")
    })?;
    // Objects packed in a stream that could not be read within the limit are left out of the
    // loaded document rather than failing it: a paper missing objects is refused whole.
    if dropped_objects(&doc) {
        return Err(unreadable(
            "parts of it could not be read (a packed part is damaged or far too large). Save it again from the program that made it.",
        ));
    }
    if doc.is_encrypted() {
        return Err(unreadable(
            "it is protected with a password. Save a copy without the password and add that.",
        ));
    }
    let pages = doc.get_pages().len();
    if pages == 0 {
        return Err(unreadable("it has no pages."));
    }
    let mut doc = doc;
    disarm(&mut doc);
    Ok(External {
        doc: Box::new(doc),
        pages,
    })
}

/// What a PDF action of these kinds does: run a script, start a program, fetch or send data,
/// play media or open another file. A paper from outside is read, never run, so a pack keeps
/// none of them; links within a paper and to web pages stay.
const ACTIVE_ACTIONS: &[&[u8]] = &[
    b"JavaScript",
    b"Launch",
    b"ImportData",
    b"SubmitForm",
    b"ResetForm",
    b"Rendition",
    b"RichMediaExecute",
    b"GoToR",
    b"GoToE",
    b"Movie",
    b"Sound",
];

/// Takes out of a PDF from outside everything that acts by itself: the actions above wherever
/// they hang (a link, a form field, a page's or the document's own triggers), scripts, and the
/// catalogue's opening action and script names (the catalogue itself is replaced in a pack).
/// What is left unreferenced is dropped when the pack is written.
fn disarm(doc: &mut lopdf::Document) {
    let active = |d: &Dictionary| {
        d.get(b"S")
            .and_then(Object::as_name)
            .is_ok_and(|s| ACTIVE_ACTIONS.contains(&s))
    };
    let active_ids: std::collections::HashSet<ObjectId> = doc
        .objects
        .iter()
        .filter(|(_, o)| o.as_dict().is_ok_and(active))
        .map(|(id, _)| *id)
        .collect();
    for object in doc.objects.values_mut() {
        let dict = match object {
            Object::Dictionary(d) => d,
            Object::Stream(s) => &mut s.dict,
            _ => continue,
        };
        for key in [&b"AA"[..], b"OpenAction", b"JS", b"JavaScript"] {
            dict.remove(key);
        }
        let drop_action = match dict.get(b"A") {
            Ok(Object::Reference(id)) => active_ids.contains(id),
            Ok(Object::Dictionary(d)) => active(d),
            _ => false,
        };
        if drop_action {
            dict.remove(b"A");
        }
        // An action chained after a harmless one.
        if matches!(dict.get(b"Next"), Ok(Object::Reference(id)) if active_ids.contains(id))
            || dict
                .get(b"Next")
                .and_then(Object::as_dict)
                .is_ok_and(active)
        {
            dict.remove(b"Next");
        }
    }
    for id in active_ids {
        doc.objects.insert(id, Object::Null);
    }
}

pub fn join(meta: &Meta, parts: Vec<Part>) -> Result<Vec<u8>> {
    let total: usize = parts.iter().map(Part::pages).sum();
    let mut specs = Vec::with_capacity(total);
    for part in &parts {
        for i in 0..part.pages() {
            let body = match part {
                Part::Generated { laid, .. } => Some(&laid.pages[i]),
                Part::External { .. } => None,
            };
            specs.push(PageSpec {
                body,
                running: Running {
                    marking: meta.marking.clone(),
                    title: part.title().to_string(),
                    number: specs.len() + 1,
                    total,
                },
            });
        }
    }
    let mut out = to_lopdf(&specs).map_err(|e| CoreError::internal(format!("PDF: {e}")))?;
    out.version = "1.7".into();
    let made: Vec<ObjectId> = out.get_pages().into_values().collect();
    let pages_root = out
        .catalog()
        .and_then(|c| c.get(b"Pages"))
        .and_then(Object::as_reference)
        .map_err(pdf_error)?;

    // Page by page in the final order: generated pages as made, existing papers' pages
    // moved in with the stamp of their number over them.
    let mut kids: Vec<ObjectId> = Vec::with_capacity(total);
    let mut starts: Vec<ObjectId> = Vec::new();
    let mut at = 0;
    let mut sections: Vec<Vec<(String, ObjectId)>> = Vec::new();
    let names: Vec<String> = parts.iter().map(|p| p.title().to_string()).collect();
    for part in parts {
        let n = part.pages();
        match part {
            Part::Generated { laid, .. } => {
                kids.extend(&made[at..at + n]);
                sections.push(
                    laid.bookmarks
                        .iter()
                        .map(|b| (b.title.clone(), made[at + b.page]))
                        .collect(),
                );
            }
            Part::External { pdf, .. } => {
                let moved = move_in(&mut out, pdf, pages_root)?;
                for (page, stamp) in moved.iter().zip(&made[at..at + n]) {
                    stamp_page(&mut out, *page, *stamp)?;
                }
                kids.extend(&moved);
                sections.push(Vec::new());
            }
        }
        starts.push(kids[at]);
        at += n;
    }
    let count = kids.len() as i64;
    let root = out
        .get_object_mut(pages_root)
        .and_then(Object::as_dict_mut)
        .map_err(pdf_error)?;
    root.set(
        "Kids",
        kids.into_iter().map(Object::Reference).collect::<Vec<_>>(),
    );
    root.set("Count", count);

    outline(&mut out, &titles(&names, &starts, &sections))?;
    finish(&mut out, meta)
}

/// Bookmark titles and targets: with one generated part, its sections; with several parts,
/// one per part and its sections beneath.
type Outline = Vec<(String, ObjectId, Vec<(String, ObjectId)>)>;

fn titles(names: &[String], starts: &[ObjectId], sections: &[Vec<(String, ObjectId)>]) -> Outline {
    if starts.len() == 1 {
        return sections[0]
            .iter()
            .map(|(t, p)| (t.clone(), *p, Vec::new()))
            .collect();
    }
    names
        .iter()
        .zip(starts)
        .zip(sections)
        .map(|((name, start), children)| (name.clone(), *start, children.clone()))
        .collect()
}

fn outline(out: &mut lopdf::Document, items: &Outline) -> Result<()> {
    for (title, page, children) in items {
        let id = out.add_bookmark(Bookmark::new(title.clone(), [0.0; 3], 0, *page), None);
        for (t, p) in children {
            out.add_bookmark(Bookmark::new(t.clone(), [0.0; 3], 0, *p), Some(id));
        }
    }
    if let Some(outlines) = out.build_outline() {
        let catalog = out.catalog_mut().map_err(pdf_error)?;
        catalog.set("Outlines", outlines);
        catalog.set("PageMode", "UseOutlines");
    }
    Ok(())
}

/// Moves an existing paper's objects into `out` and returns its pages in order, each now
/// carrying the attributes it used to inherit, under `out`'s page tree.
fn move_in(
    out: &mut lopdf::Document,
    pdf: External,
    pages_root: ObjectId,
) -> Result<Vec<ObjectId>> {
    let mut doc = *pdf.doc;
    doc.renumber_objects_with(out.max_id + 1);
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    for page in &pages {
        let inherited = inherited(&doc, *page);
        let dict = doc
            .get_object_mut(*page)
            .and_then(Object::as_dict_mut)
            .map_err(pdf_error)?;
        for (key, value) in inherited {
            if !dict.has(key.as_bytes()) {
                dict.set(key, value);
            }
        }
        dict.set("Parent", pages_root);
    }
    for (id, object) in std::mem::take(&mut doc.objects) {
        match object.type_name().unwrap_or(b"") {
            b"Catalog" | b"Pages" | b"Outlines" => {}
            _ => {
                out.objects.insert(id, object);
            }
        }
    }
    out.max_id = out.max_id.max(doc.max_id);
    Ok(pages)
}

/// The page attributes PDF lets a page take from its ancestors.
fn inherited(doc: &lopdf::Document, page: ObjectId) -> Vec<(&'static str, Object)> {
    let mut found = Vec::new();
    let mut node = doc.get_dictionary(page).ok();
    for _ in 0..32 {
        let Some(dict) = node else { break };
        for key in ["Resources", "MediaBox", "CropBox", "Rotate"] {
            if !found.iter().any(|(k, _)| *k == key) {
                if let Ok(v) = dict.get(key.as_bytes()) {
                    found.push((key, v.clone()));
                }
            }
        }
        node = dict
            .get(b"Parent")
            .and_then(Object::as_reference)
            .and_then(|p| doc.get_dictionary(p))
            .ok();
    }
    found
}

/// Draws the stamp page's content (the page number) over `page`, turned and moved so it
/// sits at the foot of the page as the reader sees it.
fn stamp_page(out: &mut lopdf::Document, page: ObjectId, stamp: ObjectId) -> Result<()> {
    let content = out.get_page_content(stamp);
    let resources = out
        .get_dictionary(stamp)
        .and_then(|d| d.get(b"Resources"))
        .cloned()
        .unwrap_or(Object::Dictionary(Dictionary::new()));
    let mut form = lopdf::xobject::form(
        vec![0.0, 0.0, PAGE_W, PAGE_H],
        vec![1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
        content,
    );
    form.dict.set("Resources", resources);
    let form_id = out.add_object(form);

    let dict = out.get_dictionary(page).map_err(pdf_error)?;
    let rect = |key: &[u8]| -> Option<[f32; 4]> {
        let a = dict.get(key).ok()?;
        let a = match a {
            Object::Reference(r) => out.get_object(*r).ok()?,
            other => other,
        };
        let v: Vec<f32> = a
            .as_array()
            .ok()?
            .iter()
            .filter_map(|o| o.as_float().ok())
            .collect();
        (v.len() == 4).then(|| [v[0], v[1], v[2], v[3]])
    };
    let [llx, lly, urx, ury] = rect(b"CropBox")
        .or_else(|| rect(b"MediaBox"))
        .unwrap_or([0.0, 0.0, PAGE_W, PAGE_H]);
    let (w, h) = (urx - llx, ury - lly);
    let rotate = dict
        .get(b"Rotate")
        .and_then(Object::as_i64)
        .unwrap_or(0)
        .rem_euclid(360);
    // From the upright page the reader sees to the page's own space, then across so the
    // number sits at the right-hand edge.
    let (turn, seen_w) = match rotate {
        90 => (format!("0 1 -1 0 {w} 0 cm"), h),
        180 => (format!("-1 0 0 -1 {w} {h} cm"), w),
        270 => (format!("0 -1 1 0 0 {h} cm"), h),
        _ => (String::new(), w),
    };
    let shift = seen_w - PAGE_W;
    let draw = format!("Q q 1 0 0 1 {llx} {lly} cm {turn} 1 0 0 1 {shift} 0 cm /BAStamp Do Q");

    let resources = match dict.get(b"Resources") {
        Ok(Object::Reference(r)) => {
            let mut d = out.get_dictionary(*r).map_err(pdf_error)?.clone();
            add_xobject(out, &mut d, form_id)?;
            Object::Dictionary(d)
        }
        Ok(Object::Dictionary(d)) => {
            let mut d = d.clone();
            add_xobject(out, &mut d, form_id)?;
            Object::Dictionary(d)
        }
        _ => {
            let mut d = Dictionary::new();
            add_xobject(out, &mut d, form_id)?;
            Object::Dictionary(d)
        }
    };
    let contents = match dict.get(b"Contents") {
        Ok(Object::Reference(r)) => match out.get_object(*r) {
            Ok(Object::Array(a)) => a.clone(),
            _ => vec![Object::Reference(*r)],
        },
        Ok(Object::Array(a)) => a.clone(),
        _ => Vec::new(),
    };
    let open = out.add_object(Stream::new(Dictionary::new(), b"q\n".to_vec()));
    let close = out.add_object(Stream::new(Dictionary::new(), draw.into_bytes()));
    let mut all = vec![Object::Reference(open)];
    all.extend(contents);
    all.push(Object::Reference(close));
    let page = out
        .get_object_mut(page)
        .and_then(Object::as_dict_mut)
        .map_err(pdf_error)?;
    page.set("Resources", resources);
    page.set("Contents", all);
    Ok(())
}

/// Adds the stamp to a page's own copy of its resources (others may share the original).
fn add_xobject(out: &lopdf::Document, resources: &mut Dictionary, form: ObjectId) -> Result<()> {
    let mut xobjects = match resources.get(b"XObject") {
        Ok(Object::Reference(r)) => out.get_dictionary(*r).map_err(pdf_error)?.clone(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    xobjects.set("BAStamp", form);
    resources.set("XObject", xobjects);
    Ok(())
}

/// Metadata, a document id made from the content, then compression and the bytes.
fn finish(out: &mut lopdf::Document, meta: &Meta) -> Result<Vec<u8>> {
    let date = Object::string_literal(format!("D:{}000000Z", meta.dated.format("%Y%m%d")));
    let info = out.add_object(dictionary! {
        "Title" => lopdf::text_string(&meta.title),
        "Author" => lopdf::text_string(&meta.author),
        "Subject" => lopdf::text_string(&meta.subject),
        "Creator" => lopdf::text_string("Safeguarding Board Assurance"),
        "Producer" => lopdf::text_string("Safeguarding Board Assurance with printpdf"),
        "CreationDate" => date.clone(),
        "ModDate" => date,
    });
    out.trailer.set("Info", info);
    out.prune_objects();
    let mut hash = Sha256::new();
    hash.update(meta.title.as_bytes());
    // The pages' stored bytes, not their decoded text: a paper from outside may hold a stream
    // that unpacks to gigabytes, and the stored bytes identify the page as well.
    for page in out.get_pages().into_values() {
        for id in out.get_page_contents(page) {
            if let Ok(Object::Stream(stream)) = out.get_object(id) {
                hash.update(&stream.content);
            }
        }
    }
    let id = Object::String(
        hash.finalize()[..16].to_vec(),
        lopdf::StringFormat::Hexadecimal,
    );
    out.trailer.set("ID", Object::Array(vec![id.clone(), id]));
    compress(out);
    let mut bytes = Vec::new();
    out.save_to(&mut bytes)
        .map_err(|e| CoreError::internal(format!("PDF: {e}")))?;
    Ok(bytes)
}

/// Deflates every stream not yet compressed, at level 3: on a long paper it is twice as
/// fast as lopdf's own (the slowest level) for files under a tenth larger, where level 1
/// doubled them.
fn compress(out: &mut lopdf::Document) {
    use std::io::Write;
    for object in out.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.has(b"Filter") {
            continue;
        }
        let mut encoder = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::new(3));
        if encoder.write_all(&stream.content).is_err() {
            continue;
        }
        if let Ok(packed) = encoder.finish() {
            if packed.len() + 19 < stream.content.len() {
                stream.dict.set("Filter", "FlateDecode");
                stream.set_content(packed);
            }
        }
    }
}

fn pdf_error(e: lopdf::Error) -> CoreError {
    CoreError::internal(format!("PDF structure: {e}"))
}
