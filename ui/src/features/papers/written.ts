import type { Written } from "../../bindings/Written";
import { plural } from "../../lib/plural";

/** The confirmation after a paper or pack is written, e.g. `Saved “…” to /home/… (12 pages).` */
export function savedSentence(w: Written): string {
  const pages = w.pages === null ? "" : ` (${plural(w.pages, "page", "pages")})`;
  return `Saved “${w.title}” to ${w.path}${pages}.`;
}
