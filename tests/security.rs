//! The app's security settings, checked so that a careless change fails the build: a strict
//! CSP, one least-privilege capability, and every command granted exactly once.

use std::collections::BTreeSet;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn json(path: &str) -> serde_json::Value {
    serde_json::from_str(&read(path)).unwrap()
}

/// Command names registered with `generate_handler!` in the shell.
fn registered_commands() -> BTreeSet<String> {
    let lib = read("src-tauri/lib.rs");
    let start = lib
        .find("generate_handler![")
        .expect("lib.rs registers commands");
    let end = start + lib[start..].find(']').unwrap();
    lib[start + "generate_handler![".len()..end]
        .split(',')
        .map(|s| s.trim().trim_start_matches("commands::").to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Commands given an allow permission in the app manifest.
fn manifest_commands() -> BTreeSet<String> {
    read("src-tauri/permissions/app-commands.toml")
        .lines()
        .filter_map(|l| l.trim().strip_prefix("commands.allow = [\""))
        .map(|l| l.trim_end_matches("\"]").to_string())
        .collect()
}

#[test]
fn the_content_security_policy_is_strict() {
    let conf = json("tauri.conf.json");
    let csp = &conf["app"]["security"]["csp"];
    assert!(csp.is_object(), "a CSP must be set");
    assert_eq!(csp["default-src"], "'none'");
    assert_eq!(csp["script-src"], "'self'");
    assert_eq!(csp["object-src"], "'none'");
    assert_eq!(csp["frame-ancestors"], "'none'");
    for (directive, value) in csp.as_object().unwrap() {
        let v = value.as_str().unwrap();
        for unsafe_source in [
            "unsafe-inline",
            "unsafe-eval",
            "*",
            "http:",
            "https:",
            "blob:",
        ] {
            let hit = v
                .split_whitespace()
                .any(|s| s.trim_matches('\'') == unsafe_source);
            assert!(!hit, "{directive} allows {unsafe_source}");
        }
    }
    assert_eq!(
        csp["connect-src"], "ipc: http://ipc.localhost",
        "IPC only, no network"
    );
    assert_ne!(
        conf["app"]["security"]["dangerousDisableAssetCspModification"],
        true
    );
    assert_ne!(conf["app"]["withGlobalTauri"], true);
}

#[test]
fn the_one_capability_grants_only_the_apps_own_commands() {
    let dir = format!("{}/src-tauri/capabilities", env!("CARGO_MANIFEST_DIR"));
    let files: Vec<_> = std::fs::read_dir(&dir).unwrap().flatten().collect();
    assert_eq!(files.len(), 1, "one capability, for the main window");
    let cap = json("src-tauri/capabilities/main-window.json");
    assert_eq!(cap["windows"], serde_json::json!(["main"]));
    assert!(
        cap.get("remote").is_none(),
        "no remote URL may reach the IPC"
    );
    let granted: BTreeSet<String> = cap["permissions"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            p.as_str()
                .expect("plain permission identifiers")
                .to_string()
        })
        .collect();
    for p in &granted {
        assert!(
            p.starts_with("allow-"),
            "{p}: only the app's own allow-permissions are granted"
        );
        for plugin in ["shell", "http", "fs", "process", "opener", "core:"] {
            assert!(!p.starts_with(plugin), "{p} is not allowed");
        }
    }
    let expected: BTreeSet<String> = registered_commands()
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    assert_eq!(
        granted, expected,
        "the capability grants exactly the registered commands"
    );
}

#[test]
fn every_registered_command_is_in_the_app_manifest_and_no_other_and_runs_off_the_main_thread() {
    let registered = registered_commands();
    assert!(registered.len() >= 10, "{registered:?}");
    assert_eq!(manifest_commands(), registered);
    // Every command function is registered (none defined and forgotten).
    let mut defined = BTreeSet::new();
    for file in
        std::fs::read_dir(format!("{}/src-tauri/commands", env!("CARGO_MANIFEST_DIR"))).unwrap()
    {
        let text = std::fs::read_to_string(file.unwrap().path()).unwrap();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            let attribute = line.trim();
            if attribute.starts_with("#[tauri::command") {
                let sig = lines.next().unwrap();
                let name = sig.split("fn ").nth(1).unwrap().split('(').next().unwrap();
                // None runs on the window's main thread, where it would hold up drawing.
                assert!(
                    attribute == "#[tauri::command(async)]" || sig.contains("async fn"),
                    "{name} would run on the main thread: make it async or command(async)"
                );
                defined.insert(name.to_string());
            }
        }
    }
    assert_eq!(defined, registered);
}

#[test]
fn no_plugin_with_shell_network_or_file_system_access_is_linked() {
    let manifest = read("Cargo.toml");
    for banned in [
        "tauri-plugin-shell",
        "tauri-plugin-http",
        "tauri-plugin-fs",
        "tauri-plugin-sql",
        "reqwest",
        "sqlx",
    ] {
        assert!(
            !manifest.contains(banned),
            "{banned} must not be a dependency"
        );
    }
    let package = read("ui/package.json");
    for banned in [
        "@tauri-apps/plugin-shell",
        "@tauri-apps/plugin-http",
        "@tauri-apps/plugin-fs",
    ] {
        assert!(
            !package.contains(banned),
            "{banned} must not be a dependency"
        );
    }
}
