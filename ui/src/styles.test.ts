// styles.scss compiles only the parts of nhsuk-frontend the app uses. Every nhsuk- class the
// source uses that nhsuk-frontend defines must still be defined, or a component newly used in
// a .svelte file has not been added to styles.scss.
import * as sass from "sass";
import { describe, expect, it } from "vitest";

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
});
