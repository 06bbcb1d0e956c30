// axe-core run over the rendered screen in jsdom, for the unit tests: the serious and critical
// WCAG 2.2 A/AA problems it finds, and any id used twice. Colour contrast needs layout, which
// jsdom does not do; the end-to-end tests check it in the real window.
export async function seriousAxeProblems() {
  const axe = (await import("axe-core")).default;
  const results = await axe.run(document.body, {
    runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
    rules: { "color-contrast": { enabled: false } },
  });
  const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
  return {
    serious: results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`),
    duplicateIds: ids.filter((id, i) => ids.indexOf(id) !== i),
  };
}
