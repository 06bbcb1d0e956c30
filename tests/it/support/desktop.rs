//! A private desktop for the end-to-end tests: its own Xvfb display, its own D-Bus session and
//! its own tauri-driver on a free port, all stopped when the test ends (even when it fails).

use std::net::{TcpListener, TcpStream};
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::time::{Duration, Instant};

use fantoccini::{Client, ClientBuilder, Locator};

pub struct Desktop {
    xvfb: Child,
    driver: Child,
    port: u16,
    /// The X display the window is on, as `DISPLAY` writes it (":123").
    display: String,
    // The app's per-user folders (logs, WebKit caches), private to this test.
    home: tempfile::TempDir,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

/// The next display number to try: distinct per test in this process, and offset by the
/// process id so parallel test binaries rarely collide (a collision is retried).
fn next_display() -> u32 {
    static NEXT: AtomicU32 = AtomicU32::new(0);
    let n = NEXT.fetch_add(1, Ordering::SeqCst);
    100 + (std::process::id() * 7 + n) % 800
}

/// Whether a live X server holds display `n`. A lock file left by a server that was killed
/// names a process that is gone; Xvfb replaces such a lock itself, so the number is free.
fn display_in_use(n: u32) -> bool {
    match std::fs::read_to_string(format!("/tmp/.X{n}-lock")) {
        Ok(pid) => Path::new(&format!("/proc/{}", pid.trim())).exists(),
        Err(_) => false,
    }
}

/// Stops an X server with SIGTERM, so that it removes its lock file, and waits for it.
fn stop_xvfb(xvfb: &mut Child) {
    let _ = Command::new("kill")
        .args(["-TERM", &xvfb.id().to_string()])
        .status();
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(5) {
        if xvfb.try_wait().ok().flatten().is_some() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = xvfb.kill();
    let _ = xvfb.wait();
}

/// Starts Xvfb on a free display, retrying when another server took the number first.
fn start_xvfb() -> (Child, u32) {
    for _ in 0..40 {
        let n = next_display();
        if display_in_use(n) {
            continue;
        }
        let mut xvfb = Command::new("Xvfb")
            .args([
                &format!(":{n}"),
                "-screen",
                "0",
                "1280x900x24",
                "-nolisten",
                "tcp",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("Xvfb is installed (make setup)");
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(10) {
            if xvfb.try_wait().ok().flatten().is_some() {
                break; // it exited: the display was taken; try another
            }
            if Path::new(&format!("/tmp/.X11-unix/X{n}")).exists() {
                return (xvfb, n);
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        stop_xvfb(&mut xvfb);
    }
    panic!("no free X display could be started");
}

fn find_tauri_driver() -> PathBuf {
    let candidates = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(std::env::var_os("HOME").map(|h| Path::new(&h).join(".cargo/bin")));
    for dir in candidates {
        let p = dir.join("tauri-driver");
        if p.is_file() {
            return p;
        }
    }
    panic!("tauri-driver is not installed; `make setup` installs it (cargo install tauri-driver)");
}

/// `text` as a POSIX regular expression matching it literally.
fn regex_escape(text: &str) -> String {
    text.chars()
        .flat_map(|c| {
            let special = "\\^$.|?*+()[]{}".contains(c);
            special.then_some('\\').into_iter().chain([c])
        })
        .collect()
}

fn wait_until(what: &str, timeout: Duration, mut ready: impl FnMut() -> bool) {
    let start = Instant::now();
    while !ready() {
        assert!(start.elapsed() < timeout, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

impl Desktop {
    pub fn start() -> Desktop {
        let (xvfb, n) = start_xvfb();
        let display = format!(":{n}");
        let port = free_port();
        let native_port = free_port();
        let home = tempfile::Builder::new()
            .prefix("boardassure-e2e-home")
            .tempdir()
            .unwrap();
        // dbus-run-session gives WebKit a session bus; a process group lets Drop stop the
        // driver, WebKitWebDriver and the app together.
        let driver = Command::new("dbus-run-session")
            .arg("--")
            .arg(find_tauri_driver())
            .args([
                "--port",
                &port.to_string(),
                "--native-port",
                &native_port.to_string(),
            ])
            .env("DISPLAY", &display)
            .env("NO_AT_BRIDGE", "1")
            .env("GDK_BACKEND", "x11")
            .env("XDG_DATA_HOME", home.path().join("data"))
            .env("XDG_STATE_HOME", home.path().join("state"))
            .env("XDG_CACHE_HOME", home.path().join("cache"))
            .env("XDG_CONFIG_HOME", home.path().join("config"))
            .env_remove("BOARDASSURE_DB")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
            .expect("dbus-run-session is installed (make setup)");
        // tauri-driver listens at once but forwards to WebKitWebDriver, which starts a moment
        // later: wait for both.
        wait_until("tauri-driver", Duration::from_secs(20), || {
            TcpStream::connect(("127.0.0.1", port)).is_ok()
                && TcpStream::connect(("127.0.0.1", native_port)).is_ok()
        });
        Desktop {
            xvfb,
            driver,
            port,
            display,
            home,
        }
    }

    /// The X display the window is on, as `DISPLAY` writes it (":123").
    pub fn display(&self) -> &str {
        &self.display
    }

    /// Runs `xdotool args...` on this desktop's display; its output, or `None` when it fails
    /// (a search that finds nothing exits 1).
    pub fn xdotool(&self, args: &[&str]) -> Option<String> {
        let out = Command::new("xdotool")
            .args(args)
            .env("DISPLAY", &self.display)
            .output()
            .expect("xdotool is installed (make setup)");
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// The shown windows titled exactly `title`.
    fn windows_titled(&self, title: &str) -> Vec<String> {
        let pattern = format!("^{}$", regex_escape(title));
        self.xdotool(&["search", "--onlyvisible", "--name", &pattern])
            .map(|out| out.split_whitespace().map(str::to_string).collect())
            .unwrap_or_default()
    }

    /// Chooses `file` in the native file dialog titled `title`, as a person does: waits for the
    /// dialog to be shown, gives it the keyboard, opens its location field (Ctrl+L), types the
    /// full path and presses Return, then waits for the dialog to close. Keys typed before the
    /// dialog is ready to take them are lost, so the typing is repeated (over what was typed
    /// before) until it closes. Fails, with the app's logs, if the dialog never appears or never
    /// closes.
    pub fn choose_in_file_dialog(&self, title: &str, file: &Path) {
        let path = file.to_str().expect("a path xdotool can type");
        let start = Instant::now();
        let dialog = loop {
            if let Some(id) = self.windows_titled(title).into_iter().next() {
                break id;
            }
            if start.elapsed() > Duration::from_secs(20) {
                panic!(
                    "no file dialog titled {title:?} appeared on display {}; the app's logs:\n{}",
                    self.display(),
                    self.app_logs()
                );
            }
            std::thread::sleep(Duration::from_millis(100));
        };
        for attempt in 0..5 {
            if self.windows_titled(title).is_empty() {
                return;
            }
            if attempt > 0 {
                eprintln!("the file dialog {title:?} is still open: typing {path} again");
            }
            // No window manager runs on the display, so the dialog is given the keyboard
            // directly; keys then go to it through XTEST, as a keyboard's would.
            self.xdotool(&["windowfocus", "--sync", &dialog]);
            std::thread::sleep(Duration::from_millis(300 * (attempt + 1)));
            self.xdotool(&["key", "--clearmodifiers", "ctrl+l"]);
            std::thread::sleep(Duration::from_millis(200));
            self.xdotool(&["key", "--clearmodifiers", "ctrl+a"]);
            self.xdotool(&["type", "--delay", "20", path]);
            std::thread::sleep(Duration::from_millis(300));
            self.xdotool(&["key", "Return"]);
            let typed = Instant::now();
            while typed.elapsed() < Duration::from_secs(3) {
                if self.windows_titled(title).is_empty() {
                    return;
                }
                std::thread::sleep(Duration::from_millis(100));
            }
        }
        panic!(
            "the file dialog {title:?} did not close after {path} was typed into it; the app's logs:\n{}",
            self.app_logs()
        );
    }

    /// Starts the real app on `db` and returns a WebDriver session attached to its window.
    pub async fn launch(&self, db: &Path) -> Client {
        self.launch_program(Path::new(super::BIN), db).await
    }

    /// Starts `program` (the app, or a wrapper that runs it) on `db`.
    pub async fn launch_program(&self, program: &Path, db: &Path) -> Client {
        let mut caps = serde_json::Map::new();
        caps.insert(
            "tauri:options".into(),
            serde_json::json!({
                "application": program.to_str().unwrap(),
                "args": ["--db", db.to_str().unwrap()],
            }),
        );
        let client = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(caps)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("a WebDriver session with the app");
        client
    }

    /// Everything the app wrote to its log folder.
    pub fn app_logs(&self) -> String {
        let dir = self.home.path().join("state/boardassure/logs");
        let mut text = String::new();
        for entry in std::fs::read_dir(&dir)
            .unwrap_or_else(|e| panic!("no log folder {}: {e}", dir.display()))
        {
            text.push_str(&std::fs::read_to_string(entry.unwrap().path()).unwrap());
        }
        text
    }
}

impl Drop for Desktop {
    fn drop(&mut self) {
        // The whole group: dbus-run-session, dbus-daemon, tauri-driver, WebKitWebDriver, the app
        // and the portals D-Bus started for it; stopped gently so the test's home can be removed.
        super::process_group::stop_group(&mut self.driver, Duration::from_secs(5));
        stop_xvfb(&mut self.xvfb);
    }
}

/// Where failure screenshots and the register screenshot go.
pub fn screenshot_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("e2e-screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

pub async fn screenshot(client: &Client, name: &str) -> PathBuf {
    let path = screenshot_dir().join(format!("{name}.png"));
    // Let the window paint what the DOM already holds before capturing it. A window that is not
    // painting (as when a test has already gone wrong) never runs animation frames, so a timer
    // ends the wait too, and the whole capture is bounded: a failing test must fail, not hang.
    let paint = client.execute_async(
        "const done = arguments[arguments.length - 1]; let over = false; \
         const finish = () => { if (!over) { over = true; done(); } }; \
         requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(finish, 200))); \
         setTimeout(finish, 1500);",
        vec![],
    );
    let _ = tokio::time::timeout(Duration::from_secs(5), paint).await;
    match tokio::time::timeout(Duration::from_secs(10), client.screenshot()).await {
        Ok(Ok(png)) => std::fs::write(&path, png).unwrap(),
        Ok(Err(e)) => eprintln!("screenshot {name} failed: {e}"),
        Err(_) => eprintln!("screenshot {name} timed out"),
    }
    path
}

/// Whether the element that has the keyboard focus matches `css`.
pub async fn focus_matches(client: &Client, css: &str) -> bool {
    client
        .execute(
            "return document.activeElement !== null && document.activeElement.matches(arguments[0]);",
            vec![serde_json::json!(css)],
        )
        .await
        .unwrap()
        .as_bool()
        .unwrap_or(false)
}

/// Finds an element, waiting up to ten seconds for it to appear.
pub async fn find(client: &Client, css: &str) -> fantoccini::elements::Element {
    client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(css))
        .await
        .unwrap_or_else(|e| panic!("no element matches {css}: {e}"))
}

/// Waits until the page's visible text contains `text`, returning that text.
pub async fn wait_for_text(client: &Client, text: &str) -> String {
    wait_for_texts(client, &[text]).await
}

/// Waits until the page's visible text contains every one of `texts` at once: a
/// confirmation can appear a moment before the list it confirms has reloaded.
pub async fn wait_for_texts(client: &Client, texts: &[&str]) -> String {
    let start = Instant::now();
    loop {
        let body = client
            .find(Locator::Css("body"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap_or_default();
        if texts.iter().all(|text| body.contains(text)) {
            return body;
        }
        if start.elapsed() > Duration::from_secs(10) {
            screenshot(client, "timeout").await;
            panic!("the window never showed all of {texts:?}; it showed:\n{body}");
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Replaces a field's text the way a person does: click in it, delete what is there, type.
pub async fn type_into(client: &Client, css: &str, text: &str) {
    clear(client, css).await;
    find(client, css).await.send_keys(text).await.unwrap();
}

pub async fn clear(client: &Client, css: &str) {
    const END: &str = "\u{E010}";
    const BACKSPACE: &str = "\u{E003}";
    let input = find(client, css).await;
    input.click().await.unwrap();
    let len = input
        .prop("value")
        .await
        .unwrap()
        .unwrap_or_default()
        .chars()
        .count();
    if len > 0 {
        input
            .send_keys(&format!("{END}{}", BACKSPACE.repeat(len)))
            .await
            .unwrap();
    }
}

pub async fn click(client: &Client, css: &str) {
    find(client, css)
        .await
        .click()
        .await
        .unwrap_or_else(|e| panic!("cannot click {css}: {e}"));
}

/// Runs axe-core inside the real window and fails on any serious or critical WCAG 2.2 A/AA
/// violation on the screen as it stands.
pub async fn assert_accessible(client: &Client, screen: &str) {
    let axe = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/ui/node_modules/axe-core/axe.min.js"
    ))
    .expect("axe-core is installed in ui/node_modules (make setup)");
    client
        .execute(&format!("{axe}\nreturn true;"), vec![])
        .await
        .expect("axe-core loads in the window");
    let result = client
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
            axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } })
              .then((r) => done(r.violations
                .filter((v) => v.impact === "serious" || v.impact === "critical")
                .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)))
              .catch((e) => done([`axe failed: ${e}`]));"#,
            vec![],
        )
        .await
        .expect("axe-core runs");
    let violations: Vec<String> = serde_json::from_value(result).unwrap();
    if !violations.is_empty() {
        screenshot(client, &format!("a11y-{screen}")).await;
    }
    assert!(violations.is_empty(), "{screen}: {violations:#?}");
}

/// Ends the WebDriver session (which closes the app) and waits for the app to let go of the
/// database, so the command line can open it.
pub async fn close_app(client: Client, db: &std::path::Path) {
    close_app_with(client, db, &[]).await
}

/// As `close_app`, for a database the command line opens with the environment `env` (an
/// encrypted one's passphrase).
pub async fn close_app_with(client: Client, db: &std::path::Path, env: &[(&str, &str)]) {
    client.close().await.expect("the session closes");
    let start = Instant::now();
    loop {
        let out = super::cli_with(db, &["check"], env);
        if out.status.success() {
            return;
        }
        assert!(
            start.elapsed() < Duration::from_secs(15),
            "the app never released the database: {}",
            super::stderr(&out)
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
}

/// Clicks the element an XPath expression finds.
pub async fn click_xpath(client: &Client, xpath: &str) {
    client
        .find(Locator::XPath(xpath))
        .await
        .unwrap_or_else(|e| panic!("{xpath}: {e}"))
        .click()
        .await
        .unwrap();
}
