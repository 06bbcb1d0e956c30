// Runs axe-core over a saved HTML file in jsdom and prints the serious and critical WCAG
// 2.2 A/AA violations; exits 1 if there are any. Run from ui/, where both are installed.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";

const require = createRequire(pathToFileURL(process.cwd() + "/"));
const { JSDOM, VirtualConsole } = require("jsdom");
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const html = readFileSync(process.argv[2], "utf8");
// jsdom lacks some layout features axe asks about; its notices about them are not findings.
const dom = new JSDOM(html, {
  runScripts: "outside-only",
  pretendToBeVisual: true,
  virtualConsole: new VirtualConsole(),
});
dom.window.eval(axeSource);
const results = await dom.window.axe.run(dom.window.document, {
  runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
});
const bad = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
for (const v of bad) {
  console.log(`${v.impact}: ${v.id}: ${v.help} (${v.nodes.length} elements)`);
}
console.log(`${bad.length} serious or critical violations; ${results.passes.length} rules passed`);
process.exit(bad.length === 0 ? 0 : 1);
