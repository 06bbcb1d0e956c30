//! Reading spreadsheets saved as CSV, the one way every import does it.
//!
//! Files from Excel on UK Windows are Windows-1252; others are UTF-8, with or without a
//! byte-order mark. Line ends may be CRLF or LF, and quoted fields may hold commas and line
//! breaks. Each row knows the line of the file it starts on, so reports match what a person
//! sees in an editor; which column holds what is the `import` module's business.

use std::path::Path;

use crate::error::{CoreError, Result};

/// Files larger than this are refused before they are read: no board's log comes close.
const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// A decoded file: its header row and its rows, the columns not yet given any meaning (the
/// `import` module places each field on a column).
pub struct RawTable {
    /// "UTF-8" or "Windows-1252".
    pub encoding: &'static str,
    /// The header row as written, trimmed.
    pub headers: Vec<String>,
    pub rows: Vec<Row>,
}

/// One non-blank data row.
pub struct Row {
    /// The line of the file the row starts on, counting the header as line 1.
    pub line: u32,
    fields: csv::StringRecord,
}

impl Row {
    /// The trimmed value of column `i`; empty when the row is short.
    pub fn get(&self, i: usize) -> &str {
        self.fields.get(i).unwrap_or("")
    }
}

/// Reads the file at `path`, refusing one that is too large or unreadable.
pub fn read_file(path: &Path) -> Result<RawTable> {
    let read_error = |e: std::io::Error| {
        let mut err = CoreError::from(e);
        err.message = format!("Could not read {}: {}", path.display(), err.message);
        err
    };
    let size = std::fs::metadata(path).map_err(read_error)?.len();
    if size > MAX_FILE_BYTES {
        return Err(CoreError::validation(
            "file",
            format!(
                "{} is larger than 20 MB; check that it is a spreadsheet saved as CSV.",
                path.display()
            ),
        ));
    }
    read(&std::fs::read(path).map_err(read_error)?)
}

/// Reads a whole CSV file from memory.
pub fn read(bytes: &[u8]) -> Result<RawTable> {
    let (text, encoding) = decode(bytes);
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let headers: Vec<String> = reader
        .headers()
        .map_err(csv_error)?
        .iter()
        .map(str::to_string)
        .collect();
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(&text);
    for record in reader.records() {
        let fields = record.map_err(csv_error)?;
        if fields.iter().all(str::is_empty) {
            continue;
        }
        // The csv crate counts records, not the line breaks inside quoted fields; count the
        // file's own lines so the number matches an editor.
        let line = fields
            .position()
            .map_or(0, |p| lines.line_at(p.byte() as usize));
        rows.push(Row { line, fields });
    }
    Ok(RawTable {
        encoding,
        headers,
        rows,
    })
}

/// UTF-8 (dropping a byte-order mark) when the bytes are valid UTF-8, else Windows-1252, which
/// Excel on UK Windows writes and which can decode any byte.
fn decode(bytes: &[u8]) -> (String, &'static str) {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(text) => (text.to_string(), "UTF-8"),
        Err(_) => {
            let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(body);
            (text.into_owned(), "Windows-1252")
        }
    }
}

/// Line numbers for records met in order: each call counts only the line breaks since the last,
/// so numbering a file's records reads the file once, not once per record.
struct LineCounter<'a> {
    bytes: &'a [u8],
    /// How far the line breaks have been counted, and how many there were.
    counted_to: usize,
    breaks: u32,
}

impl<'a> LineCounter<'a> {
    fn new(text: &'a str) -> Self {
        LineCounter {
            bytes: text.as_bytes(),
            counted_to: 0,
            breaks: 0,
        }
    }

    /// The 1-based line on which the record starting at byte `offset` falls. With CRLF endings
    /// the csv crate reports a record as starting on the previous line's LF.
    fn line_at(&mut self, offset: usize) -> u32 {
        let end = if self.bytes.get(offset) == Some(&b'\n') {
            offset + 1
        } else {
            offset
        };
        let end = end.min(self.bytes.len());
        if end > self.counted_to {
            let since = &self.bytes[self.counted_to..end];
            self.breaks += since.iter().filter(|b| **b == b'\n').count() as u32;
            self.counted_to = end;
        }
        self.breaks + 1
    }
}

fn csv_error(e: csv::Error) -> CoreError {
    CoreError::validation("file", format!("This file cannot be read as CSV: {e}."))
}

/// Names compare without regard to case, spacing or the style of apostrophe.
pub fn name_key(name: &str) -> String {
    name.replace(['\u{2019}', '\u{2018}', '`'], "'")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A table as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel on Windows reads
/// accents and curly quotes correctly) and CRLF line ends. No cell can run as a formula.
pub fn to_text<H: AsRef<str>>(header: &[H], rows: &[Vec<String>]) -> String {
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header: Vec<_> = header.iter().map(|h| inert(h.as_ref())).collect();
    w.write_record(header.iter().map(|h| h.as_bytes()))
        .expect("writing to memory");
    for row in rows {
        let cells: Vec<_> = row.iter().map(|c| inert(c)).collect();
        w.write_record(cells.iter().map(|c| c.as_bytes()))
            .expect("writing to memory");
    }
    let body = String::from_utf8(w.into_inner().expect("writing to memory"))
        .expect("CSV of UTF-8 text is UTF-8");
    format!("\u{feff}{body}")
}

/// A cell as a spreadsheet will show it rather than run it. Excel, LibreOffice and Sheets treat
/// a cell that starts with `=`, `+`, `-` or `@` (or a tab or carriage return before one) as a
/// formula, so text written by anyone — a challenge, a course title, a member's name — could
/// open a link or run a command on the reader's computer. Such a cell gains a leading
/// apostrophe, which spreadsheets show as text; a plain number (`-2`, `-1.5`) is left as it is.
fn inert(cell: &str) -> std::borrow::Cow<'_, str> {
    let risky = cell.starts_with(['=', '+', '-', '@', '\t', '\r']);
    let number = cell.parse::<f64>().is_ok_and(f64::is_finite) && !cell.contains(['e', 'E']);
    if risky && !number {
        std::borrow::Cow::Owned(format!("'{cell}"))
    } else {
        std::borrow::Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_cell_of_an_export_runs_as_a_formula_in_a_spreadsheet() {
        let rows = vec![vec![
            "=HYPERLINK(\"http://example.invalid\",\"Open\")".to_string(),
            "@SUM(A1:A9)".to_string(),
            "+44 20 7946 0000".to_string(),
            "-cmd|' /C calc'!A0".to_string(),
            "\t=1+1".to_string(),
            "-1.5".to_string(),
            "Level 3 – e-learning".to_string(),
        ]];
        let header = ["=Header", "B", "C", "D", "E", "F", "G"];
        let text = to_text(&header, &rows);
        let read = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.trim_start_matches('\u{feff}').as_bytes())
            .records()
            .map(|r| r.unwrap().iter().map(str::to_string).collect::<Vec<_>>())
            .collect::<Vec<_>>();
        assert_eq!(read[0], ["'=Header", "B", "C", "D", "E", "F", "G"]);
        assert_eq!(
            read[1],
            [
                "'=HYPERLINK(\"http://example.invalid\",\"Open\")",
                "'@SUM(A1:A9)",
                "'+44 20 7946 0000",
                "'-cmd|' /C calc'!A0",
                "'\t=1+1",
                "-1.5",
                "Level 3 – e-learning",
            ]
        );
    }

    #[test]
    fn line_numbers_count_the_files_own_lines_for_lf_and_crlf() {
        for text in [
            "Name,x\n1,2\n\"3\",\"x\ny\"\n4,5\n",
            "Name,x\r\n1,2\r\n\"3\",\"x\ny\"\r\n4,5\r\n",
        ] {
            let t = read(text.as_bytes()).unwrap();
            let lines: Vec<u32> = t.rows.iter().map(|r| r.line).collect();
            assert_eq!(lines, [2, 3, 5], "{text:?}");
            assert_eq!(t.headers, ["Name", "x"]);
        }
    }

    #[test]
    fn windows_1252_is_decoded_and_a_byte_order_mark_dropped() {
        let bytes = b"LEARNING-TYPE , name\r\nE-learning,Aoife O\x92Connor \xa3\r\n,\r\n";
        let t = read(bytes).unwrap();
        assert_eq!(t.encoding, "Windows-1252");
        assert_eq!(t.headers, ["LEARNING-TYPE", "name"]);
        assert_eq!(t.rows.len(), 1, "blank rows are skipped");
        assert_eq!(t.rows[0].get(1), "Aoife O\u{2019}Connor \u{a3}");
        assert_eq!(t.rows[0].get(0), "E-learning");
        assert_eq!(t.rows[0].get(7), "", "a short row reads as empty");
        let bom = read(b"\xEF\xBB\xBFName\nA\n").unwrap();
        assert_eq!(bom.encoding, "UTF-8");
        assert_eq!(bom.headers, ["Name"]);
    }

    #[test]
    fn names_compare_without_regard_to_spacing_or_apostrophes() {
        assert_eq!(name_key(" Aoife  O\u{2019}Connor"), "aoife o'connor");
    }
}
