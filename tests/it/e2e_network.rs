//! End-to-end: the app makes no network connection. The window is driven through its main
//! screens while every process of the app (WebKit's web and network processes included) runs
//! under strace; every socket address it connected or sent to must be local.

use std::os::unix::fs::PermissionsExt;

use crate::support;
use crate::support::desktop::{click, wait_for_text, Desktop};
use crate::support::{cli, temp_db};

/// The addresses in strace's record of connect, sendto and sendmsg calls that are not this
/// computer's own.
fn remote_addresses(log: &str) -> Vec<String> {
    let mut out = Vec::new();
    for line in log.lines() {
        for (start, end) in [("inet_addr(\"", "\""), ("inet_pton(AF_INET6, \"", "\"")] {
            let mut rest = line;
            while let Some(i) = rest.find(start) {
                let after = &rest[i + start.len()..];
                let addr = &after[..after.find(end).unwrap_or(after.len())];
                let local = addr.starts_with("127.")
                    || addr == "0.0.0.0"
                    || addr == "::1"
                    || addr == "::"
                    || addr.starts_with("::ffff:127.");
                if !local {
                    out.push(line.to_string());
                }
                rest = after;
            }
        }
    }
    out
}

#[test]
fn remote_addresses_are_told_apart_from_local_ones() {
    let log = r#"
101 connect(5, {sa_family=AF_UNIX, sun_path="/run/dbus"}, 20) = 0
102 connect(7, {sa_family=AF_INET, sin_port=htons(4444), sin_addr=inet_addr("127.0.0.1")}, 16) = 0
103 connect(9, {sa_family=AF_INET6, sin6_port=htons(443), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, "2a00:1450::1", &sin6_addr), sin6_scope_id=0}, 28) = -1
104 sendto(3, "...", 30, 0, {sa_family=AF_INET, sin_port=htons(53), sin_addr=inet_addr("8.8.8.8")}, 16) = 30
"#;
    let remote = remote_addresses(log);
    assert_eq!(remote.len(), 2, "{remote:?}");
    assert!(remote[0].contains("2a00:1450::1") && remote[1].contains("8.8.8.8"));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_app_connects_to_nothing_beyond_this_computer() {
    let (dir, db) = temp_db();
    assert!(cli(&db, &["demo"]).status.success());
    let log = dir.path().join("network.log");
    let wrapper = dir.path().join("boardassure-traced");
    std::fs::write(
        &wrapper,
        format!(
            "#!/bin/sh\nexec strace -f -qq -e trace=connect,sendto,sendmsg -o '{}' '{}' \"$@\"\n",
            log.display(),
            support::BIN
        ),
    )
    .unwrap();
    std::fs::set_permissions(&wrapper, std::fs::Permissions::from_mode(0o755)).unwrap();

    let desktop = Desktop::start();
    let client = desktop.launch_program(&wrapper, &db).await;
    wait_for_text(&client, "What needs me now").await;
    for (link, text) in [
        ("#/scrutiny", "Challenge log"),
        ("#/papers", "Safeguarding assurance paper"),
        ("#/compliance", "Training compliance"),
        ("#/search", "Search"),
        ("#/framework", "Frameworks"),
    ] {
        click(&client, &format!("nav a[href='{link}']")).await;
        wait_for_text(&client, text).await;
    }
    client.close().await.unwrap();
    drop(desktop);

    let record = std::fs::read_to_string(&log).expect("strace wrote its record");
    assert!(
        record.contains("connect("),
        "the trace saw the app's own local connections, so it was working"
    );
    let remote = remote_addresses(&record);
    assert!(
        remote.is_empty(),
        "the app reached beyond this computer:\n{}",
        remote.join("\n")
    );
}
