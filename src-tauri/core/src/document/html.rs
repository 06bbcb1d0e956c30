//! The document as one self-contained, accessible web page: real headings, landmarks, tables
//! with header cells and captions, and charts as SVG with a title, a description and their
//! data as a table. A screen reader gets everything the PDF shows.

use std::fmt::Write;

use super::{Block, Chart, Document, Field, Table, TextStyle};

const STYLE: &str = "
body{font-family:Arial,'DejaVu Sans',sans-serif;color:#212b32;max-width:60rem;margin:0 auto;padding:1rem;line-height:1.5}
.marking{font-weight:bold;text-align:center;letter-spacing:.05em}
table{border-collapse:collapse;width:100%;margin:1rem 0}
caption{text-align:left;font-weight:bold;padding:.25rem 0}
th,td{border:1px solid #aeb7bd;padding:.25rem .5rem;text-align:left;vertical-align:top}
thead th{background:#e8edee}
dl{display:grid;grid-template-columns:minmax(10rem,1fr) 3fr;gap:.25rem 1rem}
dt{font-weight:bold}dd{margin:0;white-space:pre-wrap}
.small{font-size:.875rem}
figure{margin:1rem 0}
svg text{font-size:12px}
@media (prefers-reduced-motion:reduce){*{animation:none;transition:none}}
";

pub fn render(doc: &Document) -> String {
    let mut out = String::with_capacity(64 * 1024);
    let marking = esc(&doc.marking);
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n\
         <meta name=\"author\" content=\"{}\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n\
         <header><p class=\"marking\">{marking}</p></header>\n<main>\n<h1>{}</h1>\n",
        esc(&doc.author),
        esc(&doc.title),
        esc(&doc.title),
    );
    let mut charts = 0;
    for block in &doc.blocks {
        match block {
            Block::Heading { level, text, .. } => {
                let h = (level + 1).min(6);
                let _ = writeln!(out, "<h{h}>{}</h{h}>", esc(text));
            }
            Block::Paragraph { text, style } => {
                let class = match style {
                    TextStyle::Small => " class=\"small\"",
                    _ => "",
                };
                let body = match style {
                    TextStyle::Strong => format!("<strong>{}</strong>", esc(text)),
                    _ => esc(text),
                };
                let _ = writeln!(out, "<p{class}>{body}</p>");
            }
            Block::List(items) => {
                out.push_str("<ul>\n");
                for item in items {
                    let _ = writeln!(out, "<li>{}</li>", esc(item));
                }
                out.push_str("</ul>\n");
            }
            Block::Fields(fields) => fields_html(&mut out, fields),
            Block::Table(table) => table_html(&mut out, table),
            Block::Chart(chart) => {
                charts += 1;
                chart_html(&mut out, chart, charts);
            }
        }
    }
    let _ = write!(
        out,
        "</main>\n<footer><p class=\"marking\">{marking}</p></footer>\n</body>\n</html>\n"
    );
    out
}

fn fields_html(out: &mut String, fields: &[Field]) {
    out.push_str("<dl>\n");
    for f in fields {
        let _ = writeln!(out, "<dt>{}</dt><dd>{}</dd>", esc(&f.label), esc(&f.value));
    }
    out.push_str("</dl>\n");
}

fn table_html(out: &mut String, table: &Table) {
    if table.rows.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(&table.empty));
        return;
    }
    let _ = write!(
        out,
        "<table>\n<caption>{}</caption>\n<thead><tr>",
        esc(&table.caption)
    );
    for c in &table.columns {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(&c.title));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for row in &table.rows {
        out.push_str("<tr>");
        for cell in row {
            let _ = write!(out, "<td>{}</td>", esc(cell));
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// The chart as an SVG image named by its title and described by its text equivalent,
/// followed by the numbers it draws, as a table.
fn chart_html(out: &mut String, chart: &Chart, n: usize) {
    let label_w = 260.0;
    let bar_w = 380.0;
    let row_h = 22.0;
    let height = row_h * chart.categories.len() as f32 + 10.0;
    let max = chart.largest_bar() as f32;
    let _ = write!(
        out,
        "<figure>\n<svg role=\"img\" aria-labelledby=\"chart{n}-title chart{n}-desc\" viewBox=\"0 0 {w} {height}\" width=\"100%\">\n\
         <title id=\"chart{n}-title\">{}</title>\n<desc id=\"chart{n}-desc\">{}</desc>\n",
        esc(&chart.title),
        esc(&chart.text_equivalent),
        w = label_w + bar_w + 20.0,
    );
    for (i, category) in chart.categories.iter().enumerate() {
        let y = i as f32 * row_h + 5.0;
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"{}\">{}</text>",
            y + 14.0,
            esc(&truncate(category, 40))
        );
        let mut x = label_w;
        for s in &chart.series {
            let v = s.values.get(i).copied().unwrap_or(0) as f32;
            if v == 0.0 {
                continue;
            }
            let w = v / max * bar_w;
            let _ = writeln!(
                out,
                "<rect x=\"{x:.1}\" y=\"{y:.1}\" width=\"{w:.1}\" height=\"{:.1}\" fill=\"{}\"/>",
                row_h - 6.0,
                s.colour.hex()
            );
            x += w;
        }
    }
    out.push_str("</svg>\n");
    let _ = writeln!(
        out,
        "<figcaption><strong>{}</strong>. {}</figcaption>\n</figure>",
        esc(&chart.title),
        esc(&chart.text_equivalent)
    );
    let mut columns = vec![super::Column {
        title: String::new(),
        weight: 1.0,
    }];
    columns.extend(chart.series.iter().map(|s| super::Column {
        title: s.name.clone(),
        weight: 1.0,
    }));
    let rows = chart
        .categories
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let mut row = vec![c.clone()];
            row.extend(
                chart
                    .series
                    .iter()
                    .map(|s| s.values.get(i).copied().unwrap_or(0).to_string()),
            );
            row
        })
        .collect();
    table_html(
        out,
        &Table {
            caption: format!("The figures in the chart: {}", chart.title),
            columns,
            rows,
            empty: String::new(),
        },
    );
}

fn truncate(text: &str, chars: usize) -> String {
    if text.chars().count() <= chars {
        text.to_string()
    } else {
        let cut: String = text.chars().take(chars - 1).collect();
        format!("{cut}…")
    }
}

pub(crate) fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
