//! The app's security settings, checked so that a careless change fails the build: a strict
//! CSP, one least-privilege capability, and every command granted exactly once.

use std::collections::BTreeSet;

fn read(path: &str) -> String {
    std::fs::read_to_string(format!("{}/{path}", env!("CARGO_MANIFEST_DIR"))).unwrap()
}

fn json(path: &str) -> serde_json::Value {
    serde_json::from_str(&read(path)).unwrap()
}

#[path = "../../src-tauri/command_list.rs"]
mod command_list;

/// The commands as written in `src-tauri/commands`: the one list everything else follows.
fn defined_commands() -> Vec<command_list::Command> {
    command_list::read(std::path::Path::new(&format!(
        "{}/src-tauri/commands",
        env!("CARGO_MANIFEST_DIR")
    )))
    .unwrap()
}

/// Command names registered with `generate_handler!` in the shell, as the build wrote it.
fn registered_commands() -> BTreeSet<String> {
    let handler = std::fs::read_to_string(concat!(env!("OUT_DIR"), "/handler.rs")).unwrap();
    let start = handler
        .find("generate_handler![")
        .expect("the build registers commands");
    let end = start + handler[start..].find(']').unwrap();
    handler[start + "generate_handler![".len()..end]
        .split(',')
        .map(|s| s.trim().trim_start_matches("commands::").to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Commands given an allow permission in the app manifest the build wrote.
fn manifest_commands() -> BTreeSet<String> {
    std::fs::read_to_string(concat!(env!("OUT_DIR"), "/permissions/app-commands.toml"))
        .unwrap()
        .lines()
        .filter_map(|l| l.trim().strip_prefix("commands.allow = [\""))
        .map(|l| l.trim_end_matches("\"]").to_string())
        .collect()
}

/// The permissions in the set the capability grants, as the build wrote it.
fn permission_set() -> BTreeSet<String> {
    let toml = std::fs::read_to_string(concat!(env!("OUT_DIR"), "/permissions/app-commands.toml"))
        .unwrap();
    let set = &toml[toml.find("[[set]]").expect("the manifest has the set")..];
    let list = set
        .lines()
        .find_map(|l| l.strip_prefix("permissions = ["))
        .expect("the set lists permissions");
    list.trim_end_matches(']')
        .split(',')
        .map(|p| p.trim().trim_matches('"').to_string())
        .filter(|p| !p.is_empty())
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
    assert_eq!(
        granted,
        BTreeSet::from([command_list::PERMISSION_SET.to_string()]),
        "the capability grants the app's own command set and nothing else"
    );
    let granted = permission_set();
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
    for command in defined_commands() {
        // None runs on the window's main thread, where it would hold up drawing.
        assert!(
            command.off_main_thread,
            "{} would run on the main thread: make it async or command(async)",
            command.name
        );
        defined.insert(command.name);
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

/// The TypeScript for a Rust type as it crosses IPC, following ts-rs (whose files in
/// `ui/src/bindings` name every struct and enum); `imports` collects the names it refers to.
fn typescript(ty: &syn::Type, imports: &mut BTreeSet<String>) -> String {
    match ty {
        syn::Type::Reference(r) => typescript(&r.elem, imports),
        syn::Type::Tuple(t) if t.elems.is_empty() => "null".into(),
        syn::Type::Path(p) => {
            let segment = p.path.segments.last().unwrap();
            let generics: Vec<String> = match &segment.arguments {
                syn::PathArguments::AngleBracketed(a) => a
                    .args
                    .iter()
                    .filter_map(|g| match g {
                        syn::GenericArgument::Type(t) => Some(typescript(t, imports)),
                        _ => None,
                    })
                    .collect(),
                _ => Vec::new(),
            };
            let name = segment.ident.to_string();
            match name.as_str() {
                "String" | "str" | "PathBuf" => "string".into(),
                "bool" => "boolean".into(),
                "u8" | "u16" | "u32" | "i8" | "i16" | "i32" | "f32" | "f64" | "usize" => {
                    "number".into()
                }
                "u64" | "i64" => "bigint".into(),
                "Option" => format!("{} | null", generics[0]),
                "Vec" => format!("Array<{}>", generics[0]),
                "BTreeMap" | "HashMap" => format!("Record<{}, {}>", generics[0], generics[1]),
                _ => {
                    imports.insert(name.clone());
                    if generics.is_empty() {
                        name
                    } else {
                        format!("{name}<{}>", generics.join(", "))
                    }
                }
            }
        }
        other => panic!("no TypeScript for {}", quote_type(other)),
    }
}

fn quote_type(ty: &syn::Type) -> String {
    match ty {
        syn::Type::Path(p) => p
            .path
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect::<Vec<_>>()
            .join("::"),
        _ => "an unnamed type".into(),
    }
}

/// Tauri passes a command's arguments by their camelCase names.
fn camel_case(name: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in name.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

/// Writes `ui/src/bindings/commands.ts`, the window's map of every command to its arguments and
/// result, from the command functions themselves; the window's client is typed by it, so a
/// command whose arguments or result change no longer type-checks where it is called.
#[test]
fn the_typescript_command_map_is_generated_from_the_command_functions() {
    let bindings = format!("{}/ui/src/bindings", env!("CARGO_MANIFEST_DIR"));
    let mut imports = BTreeSet::new();
    let mut entries = String::new();
    for c in defined_commands() {
        let args: Vec<String> = c
            .args
            .iter()
            .map(|(name, ty)| format!("{}: {}", camel_case(name), typescript(ty, &mut imports)))
            .collect();
        let result = c
            .returns
            .as_ref()
            .map_or("null".to_string(), |t| typescript(t, &mut imports));
        let args = if args.is_empty() {
            "{}".to_string()
        } else {
            format!("{{ {} }}", args.join("; "))
        };
        entries.push_str(&format!(
            "  {}: {{ args: {args}; result: {result} }};\n",
            c.name
        ));
    }
    let mut text = String::from(
        "// Written by `cargo test` from the functions in src-tauri/commands: do not edit.\n\n",
    );
    for name in &imports {
        assert!(
            std::path::Path::new(&format!("{bindings}/{name}.ts")).exists(),
            "{name} crosses IPC but has no TypeScript binding: derive ts_rs::TS with #[ts(export)]"
        );
        text.push_str(&format!("import type {{ {name} }} from \"./{name}\";\n"));
    }
    text.push_str("\n/** Every command the window may call: its arguments and its result. */\nexport interface Commands {\n");
    text.push_str(&entries);
    text.push_str("}\n");
    let path = format!("{bindings}/commands.ts");
    if std::fs::read_to_string(&path).ok().as_deref() != Some(text.as_str()) {
        std::fs::write(&path, text).unwrap();
    }
}

/// The command names the window's client calls, read from `ui/src/lib/api.ts`.
fn commands_the_window_calls() -> BTreeSet<String> {
    let api = read("ui/src/lib/api.ts");
    api.split("call(\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap().to_string())
        .collect()
}

#[test]
fn the_window_calls_every_command_and_only_commands_that_exist() {
    let defined: BTreeSet<String> = defined_commands().into_iter().map(|c| c.name).collect();
    let called = commands_the_window_calls();
    let unknown: Vec<_> = called.difference(&defined).collect();
    assert!(
        unknown.is_empty(),
        "the window calls commands that do not exist: {unknown:?}"
    );
    let unused: Vec<_> = defined.difference(&called).collect();
    assert!(
        unused.is_empty(),
        "commands nothing in the window calls (remove them, or call them): {unused:?}"
    );
    // Every call goes through the typed client.
    for dir in ["ui/src"] {
        let mut stack = vec![format!("{}/{dir}", env!("CARGO_MANIFEST_DIR"))];
        while let Some(d) = stack.pop() {
            for entry in std::fs::read_dir(&d).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path.display().to_string());
                    continue;
                }
                let name = path.display().to_string();
                let source = name.ends_with(".ts") || name.ends_with(".svelte");
                if !source || name.contains(".test.") || name.ends_with("lib/api.ts") {
                    continue;
                }
                let text = std::fs::read_to_string(&path).unwrap();
                assert!(
                    !text.contains("@tauri-apps/api/core"),
                    "{name} calls the core directly: go through lib/api.ts"
                );
            }
        }
    }
}
