// The NHS design system's stylesheet defines far more than the app uses: left in, the window
// parses and matches every rule at start-up. This PostCSS plugin drops from the compiled
// src/styles.scss each rule whose nhsuk- classes appear nowhere in the app's source. The app's
// own rules, element rules and rules without an nhsuk- class are kept; a class built in code
// (such as `nhsuk-input--width-${width}`) keeps every class that starts like it.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import purgeCSSPlugin from "@fullhuman/postcss-purgecss";
import type { Plugin } from "postcss";

/** The app's source files in the `ui` folder: .svelte and .ts files under src except tests, and the page. */
function sources(ui: string): string[] {
  const files = readdirSync(join(ui, "src"), { recursive: true, encoding: "utf8" })
    .filter((f) => /\.(svelte|ts)$/.test(f) && !/\.test\.ts$/.test(f) && !/(^|\/)test-/.test(f))
    .map((f) => join(ui, "src", f));
  return [...files, join(ui, "index.html")];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

export function unusedStyles(ui: string): Plugin {
  const files = sources(ui);
  const builtInCode = new Set(files.flatMap((f) => [...readFileSync(f, "utf8").matchAll(/nhsuk-[\w-]+-(?=\$\{)/g)].map((m) => m[0])));
  const purge = purgeCSSPlugin({
    content: files,
    safelist: { standard: [/^(?!nhsuk-)/, ...[...builtInCode].map((prefix) => new RegExp(`^${escape(prefix)}`))] },
  }) as Plugin;
  return {
    postcssPlugin: "unused-design-system-styles",
    OnceExit(root, helpers) {
      if (root.source?.input.file?.endsWith("/src/styles.scss")) return purge.OnceExit?.(root, helpers);
    },
  };
}
