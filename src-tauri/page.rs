//! Serves the page with what its first screen needs already in it: the opening (status,
//! register choices, organisation, text size) as a JSON data block in `index.html`. The page
//! reads it instead of asking, so the first screen waits for no call while the page is busiest.
//!
//! The opening is read each time the page is served, so a reload gets the database as it is
//! then. It is left out while the database is still being opened at start, or when another
//! call is using it at that moment (serving the page must never wait), and the page then asks
//! for it with the `opening` command. WebKit asks for the page on the window's main thread, so
//! this is a handful of small reads there, never a wait.

use std::borrow::Cow;
use std::sync::OnceLock;

use boardassure_core::session::Session;
use tauri::utils::assets::{AssetKey, AssetsIter, CspHash};
use tauri::{App, AppHandle, Assets, Context, Manager, Wry};

/// The id of the data block; `ui/src/lib/servedOpening.ts` reads it.
const BLOCK_ID: &str = "opening";

/// Makes the page served from `context` carry the opening.
pub fn serve_with_opening(context: &mut Context<Wry>) {
    let built = context.set_assets(Box::new(NoAssets));
    context.set_assets(Box::new(WithOpening {
        built,
        app: OnceLock::new(),
    }));
}

/// The built page, with the opening added to `index.html`.
struct WithOpening {
    built: Box<dyn Assets<Wry>>,
    /// Known once the app is set up, before the window loads the page.
    app: OnceLock<AppHandle>,
}

impl Assets<Wry> for WithOpening {
    fn setup(&self, app: &App<Wry>) {
        self.built.setup(app);
        let _ = self.app.set(app.handle().clone());
    }

    fn get(&self, key: &AssetKey) -> Option<Cow<'_, [u8]>> {
        let asset = self.built.get(key)?;
        if key.as_ref() != "/index.html" {
            return Some(asset);
        }
        let opening = self
            .app
            .get()
            .and_then(|app| app.try_state::<Session>()?.try_opening())
            .and_then(|opening| opening.ok())
            .and_then(|opening| serde_json::to_string(&opening).ok());
        match opening {
            Some(json) => {
                tracing::info!("page served with its opening");
                Some(Cow::Owned(with_data_block(&asset, &json)))
            }
            None => {
                tracing::info!("page served without its opening: the page will ask for it");
                Some(asset)
            }
        }
    }

    fn iter(&self) -> Box<AssetsIter<'_>> {
        self.built.iter()
    }

    fn csp_hashes(&self, html_path: &AssetKey) -> Box<dyn Iterator<Item = CspHash<'_>> + '_> {
        self.built.csp_hashes(html_path)
    }
}

/// `html` with `json` in a data block before `</head>`. A data block is never run, so the
/// content security policy needs no change; `<` is escaped so no value can end the block.
fn with_data_block(html: &[u8], json: &str) -> Vec<u8> {
    let html = String::from_utf8_lossy(html);
    let Some(at) = html.find("</head>") else {
        return html.into_owned().into_bytes();
    };
    let block = format!(
        r#"<script type="application/json" id="{BLOCK_ID}">{}</script>"#,
        json.replace('<', "\\u003c")
    );
    let mut page = String::with_capacity(html.len() + block.len());
    page.push_str(&html[..at]);
    page.push_str(&block);
    page.push_str(&html[at..]);
    page.into_bytes()
}

/// Holds the place of the built assets for the moment they are moved into `WithOpening`.
struct NoAssets;

impl Assets<Wry> for NoAssets {
    fn get(&self, _: &AssetKey) -> Option<Cow<'_, [u8]>> {
        None
    }

    fn iter(&self) -> Box<AssetsIter<'_>> {
        Box::new(std::iter::empty())
    }

    fn csp_hashes(&self, _: &AssetKey) -> Box<dyn Iterator<Item = CspHash<'_>> + '_> {
        Box::new(std::iter::empty())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_opening_goes_in_a_data_block_that_no_value_can_end() {
        let html = b"<html><head><title>t</title></head><body></body></html>";
        let page = String::from_utf8(with_data_block(
            html,
            r#"{"name":"</script><script>alert(1)</script>"}"#,
        ))
        .unwrap();
        assert!(page.starts_with(
            r#"<html><head><title>t</title><script type="application/json" id="opening">"#
        ));
        assert!(page.ends_with("</script></head><body></body></html>"));
        assert_eq!(page.matches("</script>").count(), 1, "{page}");
        let json = &page[page.find('{').unwrap()..page.rfind('}').unwrap() + 1];
        let value: serde_json::Value = serde_json::from_str(json).unwrap();
        assert_eq!(value["name"], "</script><script>alert(1)</script>");
    }
}
