//! The window's commands, read from `src-tauri/commands/*.rs`: every function marked
//! `#[tauri::command]` there is one. The build script turns this list into the handler
//! registration and the permissions the capability grants; a test turns it into the typed
//! TypeScript client's command map. A command is therefore written once, as its function.
//!
//! Shared by `build.rs` and the tests through `#[path]`, so it uses nothing but `syn`; each
//! uses part of it.
#![allow(dead_code)]

use std::path::Path;

/// One command: its name, its arguments as the window
/// passes them (session state and the app handle left out), and what it returns.
#[derive(Clone)]
pub struct Command {
    pub name: String,
    /// `(name as written in Rust, type)` for each argument the window sends.
    pub args: Vec<(String, syn::Type)>,
    /// The value on success: `Result<T, CoreError>` is `T`; no return type is `()`.
    pub returns: Option<syn::Type>,
    /// Whether the command runs off the window's main thread (`async fn` or `command(async)`).
    pub off_main_thread: bool,
}

/// Every command in `dir` (the `commands` folder), sorted by name.
pub fn read(dir: &Path) -> Result<Vec<Command>, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "rs"))
        .collect();
    files.sort();
    let mut out = Vec::new();
    for path in files {
        let text =
            std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let file = syn::parse_file(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        for item in file.items {
            if let syn::Item::Fn(f) = item {
                if let Some(command) = command(&f) {
                    out.push(command);
                }
            }
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(out)
}

fn command(f: &syn::ItemFn) -> Option<Command> {
    let attr = f.attrs.iter().find(|a| {
        let segments: Vec<String> = a
            .path()
            .segments
            .iter()
            .map(|s| s.ident.to_string())
            .collect();
        segments == ["tauri", "command"]
    })?;
    let async_attr =
        matches!(&attr.meta, syn::Meta::List(l) if l.tokens.to_string().contains("async"));
    let args = f
        .sig
        .inputs
        .iter()
        .filter_map(|input| match input {
            syn::FnArg::Typed(t) => Some(t),
            syn::FnArg::Receiver(_) => None,
        })
        .filter(|t| !is_injected(&t.ty))
        .filter_map(|t| match &*t.pat {
            syn::Pat::Ident(i) => Some((i.ident.to_string(), (*t.ty).clone())),
            _ => None,
        })
        .collect();
    let returns = match &f.sig.output {
        syn::ReturnType::Default => None,
        syn::ReturnType::Type(_, ty) => Some(success_type(ty)),
    };
    Some(Command {
        name: f.sig.ident.to_string(),
        args,
        returns,
        off_main_thread: async_attr || f.sig.asyncness.is_some(),
    })
}

/// The last segment of a type path, with its generic arguments.
fn last_segment(ty: &syn::Type) -> Option<&syn::PathSegment> {
    match ty {
        syn::Type::Path(p) => p.path.segments.last(),
        syn::Type::Reference(r) => last_segment(&r.elem),
        _ => None,
    }
}

/// Arguments Tauri fills in itself rather than taking from the window.
fn is_injected(ty: &syn::Type) -> bool {
    last_segment(ty).is_some_and(|s| {
        matches!(
            s.ident.to_string().as_str(),
            "State" | "AppHandle" | "Window" | "WebviewWindow" | "Webview"
        )
    })
}

/// `T` for `Result<T, _>`, otherwise the type itself.
fn success_type(ty: &syn::Type) -> syn::Type {
    if let Some(segment) = last_segment(ty).filter(|s| s.ident == "Result") {
        if let syn::PathArguments::AngleBracketed(a) = &segment.arguments {
            if let Some(syn::GenericArgument::Type(t)) = a.args.first() {
                return t.clone();
            }
        }
    }
    ty.clone()
}

/// The permission that lets the window call `name`.
pub fn permission(name: &str) -> String {
    format!("allow-{}", name.replace('_', "-"))
}

/// The identifier of the set of every command's permission, which the capability grants.
pub const PERMISSION_SET: &str = "app-commands";

/// The app manifest: one permission per command and the set that holds them all.
pub fn permissions_toml(commands: &[Command]) -> String {
    let mut out =
        String::from("# Written by the build from src-tauri/commands: one permission a command.\n");
    for c in commands {
        out.push_str(&format!(
            "\n[[permission]]\nidentifier = \"{}\"\ndescription = \"Allows the {} command.\"\ncommands.allow = [\"{}\"]\n",
            permission(&c.name),
            c.name,
            c.name
        ));
    }
    let all: Vec<String> = commands
        .iter()
        .map(|c| format!("\"{}\"", permission(&c.name)))
        .collect();
    out.push_str(&format!(
        "\n[[set]]\nidentifier = \"{PERMISSION_SET}\"\ndescription = \"Every command of the app's own, and nothing else.\"\npermissions = [{}]\n",
        all.join(", ")
    ));
    out
}

/// The handler registration: `tauri::generate_handler![...]` over every command.
pub fn handler_rs(commands: &[Command]) -> String {
    let paths: Vec<String> = commands
        .iter()
        .map(|c| format!("commands::{}", c.name))
        .collect();
    format!("tauri::generate_handler![{}]\n", paths.join(",\n"))
}
