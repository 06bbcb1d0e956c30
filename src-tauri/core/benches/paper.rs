//! How fast, and in how much memory, the safeguarding paper is made, next to headless
//! Chromium printing the same content from HTML to PDF (Debian's `chromium`, when present).
//!
//!     cargo bench -p boardassure-core --bench paper
//!
//! Each side runs as its own process from a cold start, so the times and peak memories
//! compare like with like: the app's side opens the database, builds the paper from 1,500
//! challenges and writes the PDF; Chromium's loads the same paper as HTML and prints it.
//! A second figure times a paper of about 300 pages inside one process.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use boardassure_core::paper::{self, PaperFormat, PaperRequest};
use boardassure_core::periods::Period;
use boardassure_core::store::Store;
use boardassure_core::{demo, document, pdf, scrutiny};

const CHILD: &str = "BOARDASSURE_BENCH_CHILD";

fn request() -> PaperRequest {
    PaperRequest {
        period: Period::year(2026),
        as_at: chrono::NaiveDate::from_ymd_opt(2027, 4, 1).unwrap(),
        // The whole paper, every appendix included: the long document this bench times.
        sections: paper::PaperSections::all(),
    }
}

/// A board with `n` challenges from April to October 2026, imported in one transaction.
fn synthetic_board(dir: &Path, n: usize) -> PathBuf {
    let db = dir.join(format!("bench-{n}.db"));
    let mut store = Store::open(&db).unwrap();
    demo::load_demo(&mut store).unwrap();
    let areas: Vec<String> = scrutiny::areas(&store)
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    let people = [
        "Fiona Gallagher",
        "Margaret Ellison",
        "Elaine Brooks",
        "Tomasz Nowak",
    ];
    let levels = ["Substantial", "Reasonable", "Limited", "No assurance"];
    let mut csv = String::from("Date,Meeting,Agenda item,Assurance area,Raised by,Challenge,Directed to,Response,Evidence,Assurance level,Action,Action owner,Due date,Action status,Minute ref\n");
    for i in 0..n {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap()
            + chrono::Days::new((i % 200) as u64);
        let _ = writeln!(
            csv,
            "{},Board,{}.2 Safeguarding report,{},{},\"Challenge {i}: how does the board know that the voice of the child is heard, and what has changed as a result?\",Chief Nurse,\"The audit of case files showed improvement; the dashboard shows the trend over three quarters.\",Audit; Dashboard,{},{},{},{},{},BD/{i}",
            day.format("%d/%m/%Y"),
            i % 9,
            areas[i % areas.len()],
            people[i % people.len()],
            levels[i % levels.len()],
            if i % 4 == 0 { format!("Report back on item {i}") } else { String::new() },
            if i % 4 == 0 { "Head of Safeguarding" } else { "" },
            if i % 4 == 0 { "31/03/2027" } else { "" },
            if i % 4 == 0 { "Open" } else { "" },
        );
    }
    let file = dir.join(format!("log-{n}.csv"));
    std::fs::write(&file, csv).unwrap();
    let report = scrutiny::import_scrutiny_csv(
        &mut store,
        &file,
        &boardassure_core::import::ImportOptions {
            create_people: true,
            ..Default::default()
        },
    )
    .unwrap();
    assert_eq!(report.added as usize, n, "{:?}", report.rejected.first());
    db
}

/// Runs a command to its end, sampling the resident memory of it and all its descendants;
/// returns the wall time and the peak (whichever is larger: the sampled sum over the
/// process tree, or the kernel's peak for the process itself).
// The child is reaped by `wait4`, which also reports its peak memory.
#[allow(clippy::zombie_processes)]
fn measure(mut cmd: Command) -> (Duration, u64) {
    let start = Instant::now();
    let child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id() as i32;
    let mut peak_tree = 0u64;
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: wait4 on our own child, with valid pointers to locals.
        let done = unsafe { libc::wait4(pid, &mut status, libc::WNOHANG, &mut usage) };
        if done == pid {
            break;
        }
        peak_tree = peak_tree.max(tree_rss(pid));
        std::thread::sleep(Duration::from_millis(5));
    }
    let elapsed = start.elapsed();
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "{cmd:?} failed"
    );
    let own_peak = usage.ru_maxrss as u64 * 1024;
    (elapsed, peak_tree.max(own_peak))
}

/// The resident memory of `pid` and its descendants, in bytes.
fn tree_rss(pid: i32) -> u64 {
    let mut parents: Vec<(i32, i32, u64)> = Vec::new();
    for entry in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
        let Ok(p) = entry.file_name().to_string_lossy().parse::<i32>() else {
            continue;
        };
        let Ok(stat) = std::fs::read_to_string(format!("/proc/{p}/stat")) else {
            continue;
        };
        let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) else {
            continue;
        };
        let fields: Vec<&str> = rest.split_whitespace().collect();
        let ppid = fields.get(1).and_then(|f| f.parse().ok()).unwrap_or(0);
        let rss_pages: u64 = fields.get(21).and_then(|f| f.parse().ok()).unwrap_or(0);
        parents.push((p, ppid, rss_pages * 4096));
    }
    let mut tree = vec![pid];
    let mut grew = true;
    while grew {
        grew = false;
        for (p, pp, _) in &parents {
            if tree.contains(pp) && !tree.contains(p) {
                tree.push(*p);
                grew = true;
            }
        }
    }
    parents
        .iter()
        .filter(|(p, _, _)| tree.contains(p))
        .map(|(_, _, r)| r)
        .sum()
}

fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_048_576.0
}

fn chromium() -> Option<PathBuf> {
    [
        "/usr/bin/chromium",
        "/usr/bin/chromium-browser",
        "/usr/bin/google-chrome",
    ]
    .iter()
    .map(PathBuf::from)
    .find(|p| p.exists())
}

fn child(spec: &str) {
    let (db, out) = spec.split_once('|').unwrap();
    let store = Store::open(Path::new(db)).unwrap();
    paper::write_paper(&store, request(), PaperFormat::Pdf, Path::new(out)).unwrap();
}

fn main() {
    if let Ok(spec) = std::env::var(CHILD) {
        return child(&spec);
    }
    if !std::env::args().any(|a| a == "--bench") {
        println!("The paper benchmark runs with `cargo bench -p boardassure-core --bench paper`.");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    println!("Making a board with 1,500 challenges…");
    let db = synthetic_board(dir.path(), 1500);
    let store = Store::open(&db).unwrap();
    let doc = paper::build_paper(&store, request()).unwrap();
    let pages = pdf::lay_out(&doc).pages.len();
    drop(store);

    let ours_pdf = dir.path().join("ours.pdf");
    let mut runs = Vec::new();
    for _ in 0..5 {
        let mut cmd = Command::new(std::env::current_exe().unwrap());
        cmd.env(CHILD, format!("{}|{}", db.display(), ours_pdf.display()));
        runs.push(measure(cmd));
    }
    runs.sort();
    let (ours_time, ours_mem) = runs[runs.len() / 2];
    let ours_peak = runs.iter().map(|r| r.1).max().unwrap_or(ours_mem);
    let size = std::fs::metadata(&ours_pdf).map(|m| m.len()).unwrap_or(0);
    println!(
        "This app:  {pages} pages, {:.0} ms (median of 5, whole process), peak {:.1} MB, {:.0} KB file",
        ours_time.as_secs_f64() * 1000.0,
        mb(ours_peak),
        size as f64 / 1024.0
    );

    match chromium() {
        Some(chrome) => {
            let html = dir.path().join("paper.html");
            std::fs::write(&html, document::html::render(&doc)).unwrap();
            let theirs_pdf = dir.path().join("chromium.pdf");
            let mut runs = Vec::new();
            for _ in 0..3 {
                let mut cmd = Command::new(&chrome);
                cmd.args([
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--no-pdf-header-footer",
                    &format!("--user-data-dir={}", dir.path().join("profile").display()),
                    &format!("--print-to-pdf={}", theirs_pdf.display()),
                ])
                .arg(format!("file://{}", html.display()));
                runs.push(measure(cmd));
            }
            runs.sort();
            let (t, _) = runs[runs.len() / 2];
            let m = runs.iter().map(|r| r.1).max().unwrap_or(0);
            let theirs_pages = lopdf_pages(&theirs_pdf);
            println!(
                "Chromium:  {theirs_pages} pages, {:.0} ms (median of 3, whole process tree), peak {:.1} MB",
                t.as_secs_f64() * 1000.0,
                mb(m)
            );
            println!(
                "Ratio:     {:.1}× faster (target at least 20×), {:.2} of Chromium's memory (target at most 0.25)",
                t.as_secs_f64() / ours_time.as_secs_f64(),
                ours_peak as f64 / m as f64
            );
        }
        None => println!("Chromium:  not installed (apt-get install chromium), so no comparison."),
    }

    println!("Making a board with 2,100 challenges…");
    let big = synthetic_board(dir.path(), 2100);
    let store = Store::open(&big).unwrap();
    let pages = pdf::lay_out(&paper::build_paper(&store, request()).unwrap())
        .pages
        .len();
    let mut times = Vec::new();
    for _ in 0..5 {
        let start = Instant::now();
        let doc = paper::build_paper(&store, request()).unwrap();
        let bytes = pdf::render(&doc).unwrap();
        times.push(start.elapsed());
        assert!(!bytes.is_empty());
    }
    times.sort();
    let start = Instant::now();
    let doc = paper::build_paper(&store, request()).unwrap();
    let built = start.elapsed();
    let laid = pdf::lay_out(&doc);
    let laid_out = start.elapsed() - built;
    drop(laid);
    pdf::render(&doc).unwrap();
    let rendered = start.elapsed() - built - laid_out;
    println!(
        "Phases:    building from the store {:.0} ms, laying out {:.0} ms, layout and PDF writing {:.0} ms",
        built.as_secs_f64() * 1000.0,
        laid_out.as_secs_f64() * 1000.0,
        rendered.as_secs_f64() * 1000.0
    );
    println!(
        "Large:     {pages} pages in {:.0} ms (median of 5, in process, from the store to PDF bytes; target under 500 ms for 300)",
        times[2].as_secs_f64() * 1000.0
    );
}

fn lopdf_pages(path: &Path) -> usize {
    Command::new("pdfinfo")
        .arg(path)
        .output()
        .ok()
        .and_then(|o| {
            String::from_utf8_lossy(&o.stdout).lines().find_map(|l| {
                l.strip_prefix("Pages:")
                    .map(|n| n.trim().parse().unwrap_or(0))
            })
        })
        .unwrap_or(0)
}
