//! How long a legacy log and a training spreadsheet take to import, at 1,500 rows and at ten
//! times that, as Excel on UK Windows saves them (Windows-1252, CRLF, a quoted line break in
//! every tenth row). The last column compares the time per row at 15,000 rows with that at
//! 1,500: near 1 means the import grows in step with the file.
//!
//!     cargo bench -p boardassure-core --bench import

use std::fmt::Write as _;
use std::path::Path;
use std::time::{Duration, Instant};

use boardassure_core::store::Store;
use boardassure_core::{demo, scrutiny, training};

const RUNS: usize = 3;
const PEOPLE: [&str; 4] = [
    "Fiona Gallagher",
    "Margaret Ellison",
    "Elaine Brooks",
    "Tomasz Nowak",
];

/// Text as Excel writes it on UK Windows; the benchmark's text uses nothing beyond ’ and £.
fn windows_1252(text: &str) -> Vec<u8> {
    encoding_rs::WINDOWS_1252.encode(text).0.into_owned()
}

fn day(n: usize) -> String {
    let year = 2016 + n % 10;
    format!("{:02}/{:02}/{year}", 1 + n % 28, 4 + n % 6)
}

fn scrutiny_log(rows: usize, areas: &[String]) -> Vec<u8> {
    let levels = ["Substantial", "Reasonable", "Limited", "No assurance"];
    let mut csv = String::from("Date,Meeting,Agenda item,Assurance area,Raised by,Challenge,Directed to,Response,Evidence,Assurance level,Action,Action owner,Due date,Action status,Minute ref\r\n");
    for n in 0..rows {
        let action = n % 3 == 0;
        let _ = write!(
            csv,
            "{},{},{}.1 Item {n},{},{},\"Children\u{2019}s challenge {n}: is the \u{a3}{n} spent{}?\",Chief Nurse,Response {n},Audit; Dashboard,{},{},{},{},{},BD/{n}\r\n",
            day(n),
            if n % 4 == 0 { "Quality committee" } else { "Board" },
            n % 9,
            areas[n % areas.len()],
            PEOPLE[n % PEOPLE.len()],
            if n % 10 == 0 { ",\r\nas planned" } else { "" },
            levels[n % levels.len()],
            if action { format!("Action {n}") } else { String::new() },
            if action { "Head of Safeguarding" } else { "" },
            if action { "31/12/2026" } else { "" },
            if action { "Open" } else { "" },
        );
    }
    windows_1252(&csv)
}

fn training_sheet(rows: usize) -> Vec<u8> {
    let mut csv = String::from(
        "Name,Course,Provider,Completed,Hours,Learning type,Level,Expires,Certificate\r\n",
    );
    for n in 0..rows {
        let _ = write!(
            csv,
            "{},\"Children\u{2019}s safeguarding update {n}{}\",Trust learning team,{},1.5,e-learning,Level {},,C-{n}\r\n",
            PEOPLE[n % PEOPLE.len()],
            if n % 10 == 0 { ",\r\nboard session" } else { "" },
            day(n),
            1 + n % 3
        );
    }
    windows_1252(&csv)
}

/// The median time of importing `file` into a fresh copy of the demonstration board.
fn median_import(dir: &Path, file: &Path, import: impl Fn(&mut Store, &Path)) -> Duration {
    let mut times: Vec<Duration> = (0..RUNS)
        .map(|run| {
            let db = dir.join(format!("run-{run}.db"));
            let mut store = Store::open(&db).unwrap();
            demo::load_demo(&mut store).unwrap();
            let started = Instant::now();
            import(&mut store, file);
            let took = started.elapsed();
            drop(store);
            for suffix in ["", "-wal", "-shm", ".lock"] {
                let _ = std::fs::remove_file(format!("{}{suffix}", db.display()));
            }
            took
        })
        .collect();
    times.sort();
    times[RUNS / 2]
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!(
            "The import benchmark runs with `cargo bench -p boardassure-core --bench import`."
        );
        return;
    }
    let base = if Path::new("/dev/shm").is_dir() {
        Path::new("/dev/shm").to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let dir = tempfile::tempdir_in(base).unwrap();
    let areas: Vec<String> = {
        let mut store = Store::open_in_memory().unwrap();
        demo::load_demo(&mut store).unwrap();
        scrutiny::areas(&store)
            .unwrap()
            .into_iter()
            .map(|a| a.title)
            .collect()
    };

    println!("Imports into the demonstration board, median of {RUNS} runs each:");
    println!(
        "{:<22} {:>12} {:>13} {:>10}",
        "file", "1,500 rows", "15,000 rows", "× per row"
    );
    type Make = fn(usize, &[String]) -> Vec<u8>;
    type Import = fn(&mut Store, &Path);
    let kinds: [(&str, Make, Import); 2] = [
        ("challenge log", scrutiny_log, |store, file| {
            let report = scrutiny::import_scrutiny_csv(store, file, &Default::default()).unwrap();
            assert!(report.imported, "{:?}", report.rejected.first());
        }),
        (
            "training records",
            |rows, _| training_sheet(rows),
            |store, file| {
                let report =
                    training::import_training_csv(store, file, &Default::default()).unwrap();
                assert!(report.imported, "{:?}", report.rejected.first());
            },
        ),
    ];
    for (name, make, import) in kinds {
        let times: Vec<Duration> = [1_500, 15_000]
            .iter()
            .map(|&rows| {
                let file = dir.path().join(format!("{name}-{rows}.csv"));
                std::fs::write(&file, make(rows, &areas)).unwrap();
                median_import(dir.path(), &file, import)
            })
            .collect();
        let per_row = (times[1].as_secs_f64() / 15_000.0) / (times[0].as_secs_f64() / 1_500.0);
        println!(
            "{:<22} {:>9.0} ms {:>10.0} ms {:>10.2}",
            name,
            times[0].as_secs_f64() * 1000.0,
            times[1].as_secs_f64() * 1000.0,
            per_row
        );
    }
}
