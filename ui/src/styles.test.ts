// styles.scss compiles only the parts of nhsuk-frontend the app uses. Every nhsuk- class the
// source uses that nhsuk-frontend defines must still be defined, or a component newly used in
// a .svelte file has not been added to styles.scss.
import postcss from "postcss";
import * as sass from "sass";
import { describe, expect, it } from "vitest";
import { unusedStyles } from "../unusedStyles";

const sources = import.meta.glob(["./**/*.svelte", "./**/*.ts", "!./**/*.test.ts", "!./test-*.ts"], {
  query: "?raw",
  import: "default",
  eager: true,
}) as Record<string, string>;

const path = (relative: string) => new URL(relative, import.meta.url).pathname;
const loadPaths = [path("../node_modules")];
const classes = (css: string) => new Set([...css.matchAll(/\.(nhsuk-[\w-]+)/g)].map((m) => m[1]));

describe("the styles", () => {
  it("define every nhsuk-frontend class the app uses", () => {
    const used = new Set(Object.values(sources).flatMap((text) => [...text.matchAll(/nhsuk-[\w-]+/g)].map((m) => m[0])));
    const ours = classes(sass.compile(path("./styles.scss"), { loadPaths, quietDeps: true }).css);
    const all = classes(
      sass.compileString(
        `@use "nhsuk-frontend/dist/nhsuk" with ($nhsuk-include-font-face: false, $nhsuk-font: arial, $nhsuk-font-fallback: sans-serif);`,
        { loadPaths, quietDeps: true },
      ).css,
    );
    // A name ending in "-" is the start of a class built in code, such as nhsuk-input--width-10.
    const wanted = [...used].flatMap((name) => (name.endsWith("-") ? [...all].filter((c) => c.startsWith(name)) : all.has(name) ? [name] : []));
    expect(wanted.length).toBeGreaterThan(100);
    expect(wanted.filter((name) => !ours.has(name))).toEqual([]);
    // And the parts left out are left out.
    expect(ours.size).toBeLessThan(all.size);
  }, 120_000);

  it("name Arial for the page and a monospaced font the package installs for code", () => {
    const rules = new Map<string, string>();
    postcss.parse(sass.compile(path("./styles.scss"), { loadPaths, quietDeps: true }).css).walkDecls("font-family", (d) => {
      if (d.parent?.type === "rule") rules.set((d.parent as postcss.Rule).selector.replace(/\s+/g, " "), d.value);
    });
    // nhsuk-frontend sets no page font without its Frutiger faces: without this the engine's
    // default (a serif on Windows) is drawn.
    expect(rules.get("html")).toBe("arial, sans-serif");
    // The last rule for code wins; it opens with the font fonts-liberation installs.
    expect(rules.get("code, samp, kbd, var")).toMatch(/^"Liberation Mono", /);
  }, 120_000);

  it("lose in the built page only rules that need a design-system class the app never uses", async () => {
    const used = new Set(Object.values(sources).flatMap((text) => [...text.matchAll(/nhsuk-[\w-]+/g)].map((m) => m[0])));
    const isUsed = (c: string) => used.has(c) || [...used].some((name) => name.endsWith("-") && c.startsWith(name));
    const compiled = sass.compile(path("./styles.scss"), { loadPaths, quietDeps: true }).css;
    const built = (await postcss([unusedStyles(path(".."))]).process(compiled, { from: path("./styles.scss") })).css;
    const selectors = (css: string) => {
      const found: string[] = [];
      postcss.parse(css).walkRules((rule) => rule.selectors.forEach((s) => found.push(s.replace(/\s+/g, " "))));
      return found;
    };
    const kept = new Set(selectors(built));
    // Every selector whose nhsuk- classes the app all uses, written whole or built in code, stays.
    const needed = selectors(compiled).filter((s) => [...s.matchAll(/\.(nhsuk-[\w-]+)/g)].every((m) => isUsed(m[1])));
    expect(needed.length).toBeGreaterThan(500);
    expect([...new Set(needed)].filter((s) => !kept.has(s))).toEqual([]);
    // The app's own rules and the element and attribute rules stay.
    for (const rule of [".app-toolbar", "[hidden]", "prefers-reduced-motion: reduce", ".nhsuk-input--width-10"]) expect(built).toContain(rule);
    // And most of the stylesheet goes.
    expect(built.length).toBeLessThan(compiled.length / 2);
  }, 120_000);
});
