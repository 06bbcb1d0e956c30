import type { Opening } from "../bindings/Opening";

/**
 * The opening the app served in the page (see `src-tauri/page.rs`), taken once: later starts
 * (a reload) are served their own. Null when the page came without it (the database was busy
 * or still being opened), and the page then asks for it.
 */
export function takeServedOpening(): Opening | null {
  const block = document.getElementById("opening");
  if (!block) return null;
  block.remove();
  try {
    return JSON.parse(block.textContent ?? "") as Opening;
  } catch {
    return null;
  }
}
