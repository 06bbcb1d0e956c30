//! Ten years of a large trust: about 100,000 challenges, 30,000 actions, 50,000 training
//! records and 500,000 rows of audit trail, then the p50 and p95 of the core calls behind each
//! screen (home, a filtered page of the log, coverage, the compliance matrix, search).
//!
//!     cargo bench -p boardassure-core --bench scale
//!
//! The database is built in /dev/shm when there is one (or the temporary folder), once per
//! run; building it takes a few minutes. BOARDASSURE_SCALE=0.1 builds a tenth of it.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use boardassure_core::board::{self, MemberFilter, MemberInput, MemberKind};
use boardassure_core::periods::Period;
use boardassure_core::scrutiny::{self, LogFilter};
use boardassure_core::store::encryption::Passphrase;
use boardassure_core::store::Store;
use boardassure_core::{compliance, demo, home, search, training};

const YEARS: i32 = 10;
const LAST_YEAR: i32 = 2026;

fn scale() -> f64 {
    std::env::var("BOARDASSURE_SCALE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(1.0)
}

fn date(year: i32, day_of_year: u32) -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(year, 4, 1).unwrap()
        + chrono::Days::new(u64::from(day_of_year % 360))
}

fn build(dir: &Path) -> Store {
    let s = scale();
    let entries = (100_000.0 * s) as usize;
    let training_records = (50_000.0 * s) as usize;
    let mut store = Store::open(&dir.join("ten-years.db")).unwrap();
    demo::load_demo(&mut store).unwrap();
    let started = Instant::now();
    // A board of about 15 that changes over ten years: 40 people in all.
    for i in 0..27 {
        board::add_member(
            &mut store,
            &MemberInput {
                name: format!("Member {i:02} Example"),
                kind: Some(if i % 2 == 0 {
                    MemberKind::NonExecutive
                } else {
                    MemberKind::Executive
                }),
                roles: Vec::new(),
                job_title: "Director".into(),
                start_date: format!("01/04/{}", LAST_YEAR + 1 - YEARS + i / 3),
                end_date: String::new(),
                committees: Vec::new(),
            },
        )
        .unwrap();
    }
    let people: Vec<String> = board::list_members(&store, MemberFilter::All)
        .unwrap()
        .into_iter()
        .map(|m| m.name)
        .collect();
    let areas: Vec<String> = scrutiny::areas(&store)
        .unwrap()
        .into_iter()
        .map(|a| a.title)
        .collect();
    let levels = ["Substantial", "Reasonable", "Limited", "No assurance"];
    let words = [
        "maternity",
        "the emergency department",
        "health visiting",
        "mental health",
        "learning disability",
        "looked-after children",
    ];

    let per_year = entries / YEARS as usize;
    for y in 0..YEARS {
        let year = LAST_YEAR + 1 - YEARS + y;
        let mut csv = String::from("Date,Meeting,Agenda item,Assurance area,Raised by,Challenge,Directed to,Response,Evidence,Assurance level,Action,Action owner,Due date,Action status,Minute ref\n");
        for i in 0..per_year {
            let n = y as usize * per_year + i;
            let day = date(year, (i % 24 * 15) as u32);
            if day > boardassure_core::dates::today() {
                continue;
            }
            let _ = writeln!(
                csv,
                "{},{},{}.2 Safeguarding report,{},{},\"Challenge {n}: how does the board know the voice of the child is heard in {}?\",Chief Nurse,\"Response {n}: the audit and the dashboard show the trend.\",Audit; Dashboard,{},{},{},{},{},BD/{year}/{i}",
                day.format("%d/%m/%Y"),
                if i % 3 == 0 { "Quality committee" } else { "Board" },
                i % 9,
                areas[n % areas.len()],
                people[n % people.len()],
                words[n % words.len()],
                levels[n % levels.len()],
                if n % 10 < 3 { format!("Follow up {n}") } else { String::new() },
                if n % 10 < 3 { "Head of Safeguarding" } else { "" },
                if n % 10 < 3 { day.checked_add_days(chrono::Days::new(60)).unwrap().format("%d/%m/%Y").to_string() } else { String::new() },
                if n % 10 < 3 { if n % 20 < 3 { "Closed" } else { "Open" } } else { "" },
            );
        }
        let file = dir.join(format!("log-{year}.csv"));
        std::fs::write(&file, csv).unwrap();
        scrutiny::import_scrutiny_csv(
            &mut store,
            &file,
            &boardassure_core::import::ImportOptions {
                create_people: true,
                ..Default::default()
            },
        )
        .unwrap();
        println!(
            "  challenges to {year}/{:02}: {:.0} s",
            (year + 1) % 100,
            started.elapsed().as_secs_f64()
        );
    }

    let mut csv = String::from("Name,Course,Provider,Completed,Hours,Learning type,Level\n");
    for n in 0..training_records {
        let year = LAST_YEAR + 1 - YEARS + (n % YEARS as usize) as i32;
        let day = date(year, (n % 200) as u32);
        let _ = writeln!(
            csv,
            "{},Safeguarding update {n},Trust learning team,{},1.5,e-learning,Level {}",
            people[n % people.len()],
            day.format("%d/%m/%Y"),
            1 + n % 3
        );
    }
    let file = dir.join("training.csv");
    std::fs::write(&file, csv).unwrap();
    training::import_training_csv(&mut store, &file, &Default::default()).unwrap();
    println!(
        "  training records: {:.0} s",
        started.elapsed().as_secs_f64()
    );

    // Edits, so the audit trail holds about half a million versions.
    let target = (500_000.0 * s) as u64;
    let mut edited = 0u64;
    let mut rows = history_rows(&store);
    'edits: loop {
        let views = scrutiny::list_entries(
            &store,
            &LogFilter {
                period: Some(Period::year(LAST_YEAR)),
                ..Default::default()
            },
        )
        .unwrap();
        for v in views {
            if rows >= target {
                break 'edits;
            }
            let e = v.entry;
            let input = scrutiny::EntryInput {
                meeting_id: e.meeting_id.clone().unwrap_or_default(),
                agenda_item_id: e.agenda_item_id.clone().unwrap_or_default(),
                raised_on: e.raised_on.to_string(),
                area_id: e.area_id.clone(),
                raised_by: e.raised_by.clone(),
                challenge: e.challenge.clone(),
                directed_to: e.directed_to.clone(),
                response: format!("{} Updated {edited}.", e.response),
                evidence: e.evidence.clone(),
                assurance_level: e.assurance_level.clone(),
                minute_ref: e.minute_ref.clone(),
                actions: Vec::new(),
            };
            scrutiny::update_entry(&mut store, &e.id, &input).unwrap();
            edited += 1;
            rows += 1;
            if edited.is_multiple_of(50_000) {
                println!("  {edited} edits: {:.0} s", started.elapsed().as_secs_f64());
            }
        }
    }
    store
}

fn history_rows(store: &Store) -> u64 {
    boardassure_core::audit::history_rows(store).unwrap()
}

fn time<T>(name: &str, runs: usize, mut f: impl FnMut() -> T) -> (String, Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(f());
            start.elapsed()
        })
        .collect();
    times.sort();
    let p = |q: f64| times[((times.len() as f64 * q).ceil() as usize).saturating_sub(1)];
    (name.to_string(), p(0.5), p(0.95))
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!("The scale benchmark runs with `cargo bench -p boardassure-core --bench scale`.");
        return;
    }
    let base = if Path::new("/dev/shm").is_dir() {
        Path::new("/dev/shm").to_path_buf()
    } else {
        std::env::temp_dir()
    };
    let dir = tempfile::tempdir_in(base).unwrap();
    // BOARDASSURE_SCALE_DB=FILE keeps the built database there, and reuses it next time.
    let kept = std::env::var_os("BOARDASSURE_SCALE_DB").map(std::path::PathBuf::from);
    let store = match &kept {
        Some(file) if file.exists() => {
            println!("Using the ten-year database in {}…", file.display());
            Store::open(file).unwrap()
        }
        _ => {
            println!("Building ten years of a large trust (scale {})…", scale());
            let store = build(dir.path());
            if let Some(file) = &kept {
                drop(store);
                std::fs::copy(dir.path().join("ten-years.db"), file).unwrap();
                Store::open(file).unwrap()
            } else {
                store
            }
        }
    };
    let entries = scrutiny::list_entries(&store, &LogFilter::default())
        .unwrap()
        .len();
    let actions = scrutiny::list_actions(
        &store,
        scrutiny::ActionFilter {
            include_closed: true,
            ..Default::default()
        },
    )
    .unwrap()
    .len();
    println!(
        "Built: {entries} challenges, {actions} actions, {} history rows.",
        history_rows(&store)
    );
    let plain = measure(&store);
    // The app's databases are encrypted by default: the same calls on an encrypted copy, so
    // the cost of decrypting pages shows beside the plain figures.
    let encrypted_file = match &kept {
        Some(file) => PathBuf::from(format!("{}.encrypted", file.display())),
        None => dir.path().join("ten-years-encrypted.db"),
    };
    let key = Passphrase::entered("passphrase", "scale benchmark passphrase".into()).unwrap();
    let source = store.path().map(Path::to_path_buf);
    drop(store);
    if !encrypted_file.exists() {
        println!("Encrypting a copy…");
        let copy = encrypted_file.with_extension("part.db");
        std::fs::copy(
            source
                .as_deref()
                .unwrap_or(&dir.path().join("ten-years.db")),
            &copy,
        )
        .unwrap();
        let mut plain_copy = Store::open(&copy).unwrap();
        plain_copy.reencrypt(None, &key).unwrap();
        drop(plain_copy);
        std::fs::rename(&copy, &encrypted_file).unwrap();
        // The passphrase check goes with the file; the copy's backups and lock are not wanted.
        let check = boardassure_core::store::encryption::check_path;
        let _ = std::fs::rename(check(&copy), check(&encrypted_file));
        let _ = std::fs::remove_dir_all(boardassure_core::store::backup::folder_for(&copy));
        let _ = std::fs::remove_file(format!("{}.lock", copy.display()));
    }
    let encrypted = measure(&Store::open_keyed(&encrypted_file, Some(&key)).unwrap());
    println!(
        "{:<32} {:>8} {:>8} {:>10} {:>10} {:>7}   (target: p95 at most 20 ms)",
        "core call", "p50 ms", "p95 ms", "enc p50", "enc p95", "ratio"
    );
    for ((name, p50, p95), (_, e50, e95)) in plain.into_iter().zip(encrypted) {
        let ms = |d: Duration| d.as_secs_f64() * 1000.0;
        println!(
            "{name:<32} {:>8.1} {:>8.1} {:>10.1} {:>10.1} {:>6.2}×   {}",
            ms(p50),
            ms(p95),
            ms(e50),
            ms(e95),
            ms(e95) / ms(p95).max(0.001),
            if p95.max(e95) <= Duration::from_millis(20) {
                "within"
            } else {
                "over"
            }
        );
    }
}

/// Times the core call behind every screen on `store`.
fn measure(store: &Store) -> [(String, Duration, Duration); 10] {
    let today = boardassure_core::dates::today();
    let year = Period::year_of(today);
    let area = scrutiny::areas(store).unwrap()[3].id.clone();
    let runs = 40;
    let first_page = scrutiny::PageRequest {
        offset: 0,
        limit: 50,
    };
    [
        time("home", runs, || home::home(store, today).unwrap()),
        // The log screen asks for a page of 50 at a time.
        time("log page: this year, one area", runs, || {
            scrutiny::entry_page(
                store,
                &LogFilter {
                    period: Some(year),
                    area_id: Some(area.clone()),
                    ..Default::default()
                },
                first_page,
            )
            .unwrap()
        }),
        time("log page: everything", runs, || {
            scrutiny::entry_page(store, &LogFilter::default(), first_page).unwrap()
        }),
        time("log page: this quarter", runs, || {
            scrutiny::entry_page(
                store,
                &LogFilter {
                    period: Some(Period::quarter_of(today)),
                    ..Default::default()
                },
                first_page,
            )
            .unwrap()
        }),
        time("coverage: this year", runs, || {
            scrutiny::coverage(store, year).unwrap()
        }),
        time("compliance matrix", runs, || {
            compliance::matrix(store, today, None).unwrap()
        }),
        time("search: voice of the child", runs, || {
            search::search(
                store,
                "voice child maternity",
                &search::SearchFilter::default(),
            )
            .unwrap()
        }),
        time("search: challenges, a quarter", runs, || {
            search::search(
                store,
                "voice child maternity",
                &search::SearchFilter {
                    kinds: vec![search::SearchKind::Challenge],
                    period: Some(Period::quarter(2019, 2)),
                },
            )
            .unwrap()
        }),
        time("tracker page: open, overdue first", runs, || {
            scrutiny::action_page(store, scrutiny::ActionFilter::default(), first_page, today)
                .unwrap()
        }),
        time("tracker page 20: open", runs, || {
            let deep = scrutiny::PageRequest {
                offset: 19 * 50,
                limit: 50,
            };
            scrutiny::action_page(store, scrutiny::ActionFilter::default(), deep, today).unwrap()
        }),
    ]
}
