//! Stopping a program together with every process it started: its process group, which holds
//! its D-Bus session and the services D-Bus started for it (portals, the accessibility bus).
//! Shared by the end-to-end tests and the start-up benchmark.

use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// Asks the group `leader` leads to stop, waits up to `grace` for every process in it to end,
/// kills whatever is left, and reaps the leader. Asking first matters: the document portal
/// then unmounts the folder it mounted in the session's cache, which a killed one leaves
/// behind, dead, so that the folder cannot be removed.
pub fn stop_group(leader: &mut Child, grace: Duration) {
    let group = leader.id();
    signal(group, "TERM");
    let start = Instant::now();
    while start.elapsed() < grace && alive(group) {
        let _ = leader.try_wait();
        std::thread::sleep(Duration::from_millis(20));
    }
    if alive(group) {
        signal(group, "KILL");
    }
    let _ = leader.wait();
}

fn signal(group: u32, signal: &str) {
    let _ = Command::new("kill")
        .args(["-s", signal, "--", &format!("-{group}")])
        .stderr(Stdio::null())
        .status();
}

/// Whether any process of the group is still running; a zombie has ended, reaped or not.
fn alive(group: u32) -> bool {
    std::fs::read_dir("/proc").unwrap().flatten().any(|entry| {
        let stat = std::fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        // After the command name, in parentheses: state, parent, group.
        let mut fields = stat
            .rsplit_once(')')
            .map_or("", |(_, r)| r)
            .split_whitespace();
        let state = fields.next().unwrap_or("Z");
        state != "Z" && fields.nth(1).and_then(|g| g.parse::<u32>().ok()) == Some(group)
    })
}
