//! Crash test: writers are killed with SIGKILL at random moments; after every kill the
//! database must open, be intact, hold every write that was acknowledged, and show no partial
//! transaction (the audit trail matches every record). CI runs a short version; set
//! `BOARDASSURE_CRASH_KILLS=1000` for the long run.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime};

use crate::support;
use crate::support::{cli, members_json, stderr, temp_db, BIN};

/// A small deterministic generator, seeded from the clock and printed, so a failing run can be
/// repeated with `BOARDASSURE_CRASH_SEED`.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
}

#[test]
fn killed_writers_never_lose_an_acknowledged_write_or_leave_a_partial_one() {
    let kills_wanted: u32 = std::env::var("BOARDASSURE_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(25);
    let seed = std::env::var("BOARDASSURE_CRASH_SEED")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or_else(|| {
            SystemTime::now()
                .duration_since(SystemTime::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    eprintln!("crash test: {kills_wanted} kills, seed {seed}");
    let mut rng = Lcg(seed);
    let (_dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    // How long one write takes here, so kills land before, during and after the write.
    let timed = Instant::now();
    assert!(cli(&db, &["members", "list"]).status.success());
    let span = (timed.elapsed().as_micros() as u64 * 3 / 2).max(1_000);

    let mut acknowledged = Vec::new();
    let (mut kills, mut attempts) = (0, 0);
    let started = Instant::now();
    while kills < kills_wanted {
        attempts += 1;
        let name = format!("Crash Test {attempts}");
        let mut child = Command::new(BIN)
            .args([
                "--db",
                db.to_str().unwrap(),
                "members",
                "add",
                "--name",
                &name,
                "--kind",
                "non-executive",
                "--job-title",
                "Non-executive Director",
                "--start",
                "01/04/2026",
            ])
            .env("BOARDASSURE_LOG", "off")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        // Kill somewhere between start-up and well after the write.
        std::thread::sleep(Duration::from_micros(rng.next() % span));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        match out.status.code() {
            Some(0) => acknowledged.push(name),
            Some(code) => panic!(
                "a writer failed with {code}: {}",
                String::from_utf8_lossy(&out.stderr)
            ),
            None => kills += 1,
        }
    }

    let check = cli(&db, &["check"]);
    assert!(
        check.status.success(),
        "{}",
        String::from_utf8_lossy(&check.stdout)
    );
    let audit = cli(&db, &["audit", "verify"]);
    assert!(
        audit.status.success(),
        "a partial write is visible: {}{}",
        String::from_utf8_lossy(&audit.stdout),
        stderr(&audit)
    );
    let names: Vec<String> = members_json(&db)
        .into_iter()
        .map(|m| m["name"].as_str().unwrap().to_string())
        .collect();
    let lost: Vec<&String> = acknowledged.iter().filter(|n| !names.contains(n)).collect();
    assert!(lost.is_empty(), "acknowledged writes lost: {lost:?}");
    eprintln!(
        "crash test: {kills} kills in {attempts} writes ({} acknowledged), 0 losses, {:.1} s",
        acknowledged.len(),
        started.elapsed().as_secs_f64()
    );
}

/// Encrypting in place killed at random moments: afterwards the database is whole, either
/// still plain or fully encrypted, with every record, and no half-written copy is left.
#[test]
fn a_killed_encryption_leaves_the_database_whole_plain_or_encrypted() {
    let kills_wanted: u32 = std::env::var("BOARDASSURE_CRASH_KILLS")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
        .map(|n| n.div_ceil(10))
        .unwrap_or(8);
    let seed = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64;
    eprintln!("encryption crash test: {kills_wanted} kills, seed {seed}");
    let mut rng = Lcg(seed);
    let (dir, original) = temp_db();
    assert!(cli(&original, &["demo"]).status.success());
    let members = members_json(&original).len();
    let pass = "correct horse battery staple";
    let db = dir.path().join("work").join("board.db");

    let fresh = || {
        let _ = std::fs::remove_dir_all(db.parent().unwrap());
        std::fs::create_dir_all(db.parent().unwrap()).unwrap();
        std::fs::copy(&original, &db).unwrap();
    };
    let encrypt = || {
        Command::new(BIN)
            .args(["--db", db.to_str().unwrap(), "encrypt"])
            .env_remove("BOARDASSURE_PASSPHRASE")
            .env("BOARDASSURE_NEW_PASSPHRASE", pass)
            .env("BOARDASSURE_LOG", "off")
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };
    fresh();
    let timed = Instant::now();
    assert!(encrypt().wait().unwrap().success());
    let span = (timed.elapsed().as_micros() as u64 * 6 / 5).max(1_000);

    let (mut kills, mut plain, mut encrypted) = (0, 0, 0);
    while kills < kills_wanted {
        fresh();
        let mut child = encrypt();
        std::thread::sleep(Duration::from_micros(rng.next() % span));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if out.status.code().is_some() {
            assert!(
                out.status.success(),
                "{}",
                String::from_utf8_lossy(&out.stderr)
            );
        } else {
            kills += 1;
        }
        let header = std::fs::read(&db).unwrap();
        let env: &[(&str, &str)] = if header.starts_with(b"SQLite format 3\0") {
            plain += 1;
            &[]
        } else {
            encrypted += 1;
            &[("BOARDASSURE_PASSPHRASE", pass)]
        };
        let check = support::cli_with(&db, &["check"], env);
        assert!(
            check.status.success(),
            "{}{}",
            support::stdout(&check),
            stderr(&check)
        );
        let listed = support::cli_with(&db, &["members", "list", "--show", "all", "--json"], env);
        let now: Vec<serde_json::Value> = serde_json::from_slice(&listed.stdout).unwrap();
        assert_eq!(now.len(), members, "records lost");
        let leftovers: Vec<_> = std::fs::read_dir(db.parent().unwrap())
            .unwrap()
            .flatten()
            .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "a half-written copy is left: {leftovers:?}"
        );
    }
    eprintln!(
        "encryption crash test: {kills} kills, {plain} left plain, {encrypted} encrypted, 0 losses"
    );
}
