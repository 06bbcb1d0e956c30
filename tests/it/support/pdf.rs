//! Checking PDFs with the tools a reader's computer has (poppler's pdfinfo, pdffonts and
//! pdftotext, and qpdf), and making small PDFs "from elsewhere" for board packs.

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

fn run(tool: &str, args: &[&str]) -> String {
    let out = Command::new(tool)
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs (poppler-utils and qpdf, make setup): {e}"));
    assert!(
        out.status.success(),
        "{tool} {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn p(path: &Path) -> &str {
    path.to_str().unwrap()
}

/// `qpdf --check` finds nothing wrong.
pub fn assert_qpdf_clean(path: &Path) {
    let out = run("qpdf", &["--check", p(path)]);
    assert!(out.contains("No syntax or stream encoding errors"), "{out}");
}

pub fn info(path: &Path) -> String {
    run("pdfinfo", &[p(path)])
}

pub fn pages(path: &Path) -> usize {
    info(path)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .expect("pdfinfo reports the page count")
}

/// The text of one page (from 1), as pdftotext reads it.
pub fn page_text(path: &Path, page: usize) -> String {
    let n = page.to_string();
    run("pdftotext", &["-f", &n, "-l", &n, "-layout", p(path), "-"])
}

pub fn text(path: &Path) -> String {
    run("pdftotext", &["-layout", p(path), "-"])
}

/// Each font's name, and whether it is embedded and subset, from pdffonts.
pub fn fonts(path: &Path) -> Vec<(String, bool, bool)> {
    run("pdffonts", &[p(path)])
        .lines()
        .skip(2)
        .map(|l| {
            let cols: Vec<&str> = l.split_whitespace().collect();
            let n = cols.len();
            (
                cols[0].to_string(),
                cols[n - 5] == "yes",
                cols[n - 4] == "yes",
            )
        })
        .collect()
}

/// The top-level bookmarks' titles and the page (from 1) each opens, from qpdf's JSON.
pub fn bookmarks(path: &Path) -> Vec<(String, usize)> {
    let json: serde_json::Value =
        serde_json::from_str(&run("qpdf", &["--json", "--json-key=outlines", p(path)])).unwrap();
    json["outlines"]
        .as_array()
        .expect("the file has bookmarks")
        .iter()
        .map(|o| {
            (
                o["title"].as_str().unwrap().to_string(),
                o["destpageposfrom1"].as_u64().unwrap_or(0) as usize,
            )
        })
        .collect()
}

/// One page of a PDF made elsewhere: its size in points, its /Rotate and a line of text.
pub struct ForeignPage<'a> {
    pub width: f32,
    pub height: f32,
    pub rotate: i32,
    pub text: &'a str,
}

/// A minimal, valid PDF as another program would make it: Helvetica, a shared page tree
/// with inherited resources, and a classic cross-reference table.
pub fn foreign_pdf(pages: &[ForeignPage]) -> Vec<u8> {
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        String::new(), // the page tree, once the kids are known
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into(),
    ];
    let mut kids = Vec::new();
    for page in pages {
        let content = format!(
            "BT /F1 14 Tf 72 {} Td ({}) Tj ET",
            page.height - 100.0,
            page.text
        );
        objects.push(format!(
            "<< /Length {} >>\nstream\n{content}\nendstream",
            content.len()
        ));
        let content_id = objects.len();
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 {} {}] /Rotate {} /Contents {content_id} 0 R >>",
            page.width, page.height, page.rotate
        ));
        kids.push(format!("{} 0 R", objects.len()));
    }
    objects[1] = format!(
        "<< /Type /Pages /Kids [{}] /Count {} /Resources << /Font << /F1 3 0 R >> >> >>",
        kids.join(" "),
        kids.len()
    );
    let mut out = String::from("%PDF-1.4\n");
    let mut offsets = Vec::new();
    for (i, body) in objects.iter().enumerate() {
        offsets.push(out.len());
        let _ = write!(out, "{} 0 obj\n{body}\nendobj\n", i + 1);
    }
    let xref = out.len();
    let _ = write!(out, "xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1);
    for o in offsets {
        let _ = writeln!(out, "{o:010} 00000 n ");
    }
    let _ = write!(
        out,
        "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
        objects.len() + 1
    );
    out.into_bytes()
}
