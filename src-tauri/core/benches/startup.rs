//! Start-up time and idle memory of the app's window against a bare Tauri window built from
//! the same Tauri version (tests/fixtures/bare-window), in the same run, on the empty and on
//! the ten-year database.
//!
//! Start-up is the time from launching the program to its page reporting that the first
//! screen is drawn (both write the milliseconds to BOARDASSURE_READY_FILE). Idle memory is the
//! proportional set size (PSS) of every process of the program (the app and its WebKit web and
//! network processes), read from /proc after it has sat idle. Both run in a virtual display.
//!
//! Run with `make bench`, which builds both programs in release first. The figures are
//! printed, never asserted.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

#[path = "../../../tests/it/support/process_group.rs"]
mod process_group;

/// Launches of each program, unless BOARDASSURE_STARTUP_RUNS asks for more (for a steadier
/// median on a busy machine).
const RUNS: usize = 7;

fn runs() -> usize {
    std::env::var("BOARDASSURE_STARTUP_RUNS")
        .ok()
        .and_then(|n| n.parse().ok())
        .filter(|&n| n > 0)
        .unwrap_or(RUNS)
}
const IDLE: Duration = Duration::from_secs(4);

struct Sample {
    ready: Duration,
    pss_kib: u64,
}

fn main() {
    if !std::env::args().any(|a| a == "--bench") {
        println!("The start-up benchmark runs with `make bench`.");
        return;
    }
    let target = std::env::var_os("CARGO_TARGET_DIR")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target"));
    let app = target.join("release/boardassure");
    let bare = target.join("release/bare-window");
    for p in [&app, &bare] {
        if !p.exists() {
            println!("{} is not built: run `make bench`.", p.display());
            return;
        }
    }
    let (mut xvfb, display) = start_xvfb();
    let work = tempfile::tempdir().unwrap();
    let empty = work.path().join("empty.db");
    let status = Command::new(&app)
        .args(["--db", empty.to_str().unwrap(), "org", "show"])
        .stdout(Stdio::null())
        .status()
        .unwrap();
    assert!(status.success(), "the empty database is made");

    let ten_years = std::env::var_os("BOARDASSURE_SCALE_DB")
        .map(PathBuf::from)
        .filter(|p| p.exists());
    // The app draws without GPU compositing (see src-tauri/lib.rs); the bare window drawn the
    // same way shows how much of the difference is that choice.
    let mut programs = vec![
        Program::new("bare Tauri window", &bare, None, Drawing::Default),
        Program::new("bare, software drawing", &bare, None, Drawing::Software),
        Program::new("app, empty database", &app, Some(&empty), Drawing::Default),
    ];
    match &ten_years {
        Some(db) => programs.push(Program::new(
            "app, ten-year database",
            &app,
            Some(db),
            Drawing::Default,
        )),
        None => println!(
            "(No ten-year database: set BOARDASSURE_SCALE_DB to the file the scale benchmark keeps.)"
        ),
    }
    let rows = measure(&display, work.path(), &programs);
    // SIGTERM, so the server removes its lock and socket for the next run.
    let _ = Command::new("kill")
        .args(["-TERM", &xvfb.id().to_string()])
        .status();
    let _ = xvfb.wait();

    let (bare_ready, bare_pss) = medians(&rows[0].1);
    let (soft_ready, soft_pss) = medians(&rows[1].1);
    println!("Targets: 1.10 × the bare window's start, 1.15 × its memory.");
    println!(
        "{:<26} {:>9} {:>12} {:>8} {:>8} {:>13} {:>11} {:>18}",
        "program",
        "start ms",
        "idle PSS MB",
        "× start",
        "× mem",
        "× soft start",
        "× soft mem",
        "× start by round"
    );
    for (name, samples) in &rows {
        let (ready, pss) = medians(samples);
        let (low, mid, high) = quartiles(round_ratios(samples, &rows[0].1));
        println!(
            "{name:<26} {:>9.0} {:>12.1} {:>8.2} {:>8.2} {:>13.2} {:>11.2} {:>18}",
            ready.as_secs_f64() * 1000.0,
            pss as f64 / 1024.0,
            ready.as_secs_f64() / bare_ready.as_secs_f64(),
            pss as f64 / bare_pss as f64,
            ready.as_secs_f64() / soft_ready.as_secs_f64(),
            pss as f64 / soft_pss as f64,
            format!("{mid:.2} ({low:.2}–{high:.2})"),
        );
    }
    println!("(× soft: against the bare window drawn in software, as the app draws.)");
    println!(
        "(× start by round: each launch against the bare window's launch in the same round; \
         the median, and in brackets the middle half of the rounds.)"
    );
    println!(
        "Medians of {} launches each; every launch's figures:",
        runs()
    );
    for (name, samples) in &rows {
        let each: Vec<String> = samples
            .iter()
            .map(|s| {
                format!(
                    "{:.0} ms/{:.0} MB",
                    s.ready.as_secs_f64() * 1000.0,
                    s.pss_kib as f64 / 1024.0
                )
            })
            .collect();
        println!("  {name}: {}", each.join(", "));
    }
}

fn medians(samples: &[Sample]) -> (Duration, u64) {
    let mut ready: Vec<Duration> = samples.iter().map(|s| s.ready).collect();
    let mut pss: Vec<u64> = samples.iter().map(|s| s.pss_kib).collect();
    ready.sort();
    pss.sort();
    (ready[ready.len() / 2], pss[pss.len() / 2])
}

/// Each launch's start over the bare window's start in the same round. The rounds run one
/// after the other, so this pairs launches that met the same state of the machine; the spread
/// of these ratios shows how far one run's medians can be trusted.
fn round_ratios(samples: &[Sample], bare: &[Sample]) -> Vec<f64> {
    samples
        .iter()
        .zip(bare)
        .map(|(s, b)| s.ready.as_secs_f64() / b.ready.as_secs_f64())
        .collect()
}

/// The lower quartile, median and upper quartile (nearest rank).
fn quartiles(mut values: Vec<f64>) -> (f64, f64, f64) {
    values.sort_by(f64::total_cmp);
    let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
    (at(0.25), at(0.5), at(0.75))
}

/// How WebKit is told to draw the page.
#[derive(Clone, Copy)]
enum Drawing {
    /// As the program chooses: WebKit's default for the bare window, software for the app.
    Default,
    /// Without GPU compositing, as the app draws.
    Software,
}

/// One program to launch, and how.
struct Program<'a> {
    name: &'static str,
    path: &'a Path,
    db: Option<&'a Path>,
    drawing: Drawing,
}

impl<'a> Program<'a> {
    fn new(name: &'static str, path: &'a Path, db: Option<&'a Path>, drawing: Drawing) -> Self {
        Program {
            name,
            path,
            db,
            drawing,
        }
    }
}

/// Launches each program `runs()` times, each time measuring start-up and then idle memory, after
/// one unmeasured launch each that warms the disk cache and makes the day's backup. The
/// launches take turns (one of each program per round), so a machine that speeds up or slows
/// down during the run moves every row alike and the ratios stay fair.
fn measure(display: &str, work: &Path, programs: &[Program]) -> Vec<(String, Vec<Sample>)> {
    let run = |p: &Program| launch(display, work, p.path, p.db, p.drawing);
    for p in programs {
        run(p);
    }
    let mut rows: Vec<(String, Vec<Sample>)> = programs
        .iter()
        .map(|p| (p.name.to_string(), Vec::new()))
        .collect();
    for _ in 0..runs() {
        for (p, (_, samples)) in programs.iter().zip(rows.iter_mut()) {
            samples.push(run(p));
        }
    }
    rows
}

const NO_COMPOSITING: &str = "WEBKIT_DISABLE_COMPOSITING_MODE";

fn launch(
    display: &str,
    work: &Path,
    program: &Path,
    db: Option<&Path>,
    drawing: Drawing,
) -> Sample {
    let ready_file = work.join("ready");
    let _ = std::fs::remove_file(&ready_file);
    let home = work.join("home");
    let mut cmd = Command::new("dbus-run-session");
    cmd.arg("--").arg(program);
    if let Some(db) = db {
        cmd.args(["--db", db.to_str().unwrap()]);
    }
    match drawing {
        Drawing::Default => cmd.env_remove(NO_COMPOSITING),
        Drawing::Software => cmd.env(NO_COMPOSITING, "1"),
    };
    let started = Instant::now();
    let mut child = cmd
        .env("DISPLAY", display)
        .env("NO_AT_BRIDGE", "1")
        .env("GDK_BACKEND", "x11")
        .env("XDG_STATE_HOME", home.join("state"))
        .env("XDG_CACHE_HOME", home.join("cache"))
        .env("XDG_DATA_HOME", home.join("data"))
        .env("BOARDASSURE_READY_FILE", &ready_file)
        .env_remove("BOARDASSURE_DB")
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .process_group(0)
        .spawn()
        .expect("dbus-run-session is installed (make setup)");
    while !ready_file.exists() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "{} never reported its first screen",
            program.display()
        );
        std::thread::sleep(Duration::from_millis(2));
    }
    let ready = started.elapsed();
    std::thread::sleep(IDLE);
    let pss_kib = tree_pss(child.id());
    stop(&mut child);
    Sample { ready, pss_kib }
}

/// The PSS of a process and all its descendants, in KiB.
fn tree_pss(root: u32) -> u64 {
    let mut parents: Vec<(u32, u32)> = Vec::new();
    for entry in std::fs::read_dir("/proc").unwrap().flatten() {
        let Ok(pid) = entry.file_name().to_string_lossy().parse::<u32>() else {
            continue;
        };
        if let Ok(stat) = std::fs::read_to_string(format!("/proc/{pid}/stat")) {
            // The command name is in parentheses and may contain spaces; fields follow it.
            if let Some(rest) = stat.rsplit_once(')').map(|(_, r)| r) {
                if let Some(ppid) = rest.split_whitespace().nth(1).and_then(|p| p.parse().ok()) {
                    parents.push((pid, ppid));
                }
            }
        }
    }
    let mut tree = vec![root];
    let mut i = 0;
    while i < tree.len() {
        let p = tree[i];
        tree.extend(parents.iter().filter(|(_, pp)| *pp == p).map(|(c, _)| *c));
        i += 1;
    }
    tree.iter()
        .filter_map(|pid| std::fs::read_to_string(format!("/proc/{pid}/smaps_rollup")).ok())
        .filter_map(|text| {
            text.lines()
                .find(|l| l.starts_with("Pss:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|n| n.parse::<u64>().ok())
        })
        .sum()
}

/// Stops the program and every process it started, and waits until all are gone, so the next
/// launch neither finds the database locked nor shares the processor with a closing one.
fn stop(child: &mut Child) {
    process_group::stop_group(child, Duration::from_secs(10));
}

fn start_xvfb() -> (Child, String) {
    for n in 80..120 {
        if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
            continue;
        }
        let child = Command::new("Xvfb")
            .args([
                &format!(":{n}"),
                "-screen",
                "0",
                "1280x1024x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb is installed (make setup)");
        let start = Instant::now();
        while !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "Xvfb did not start"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
        return (child, format!(":{n}"));
    }
    panic!("no free display number");
}
