import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ImportOptions } from "../bindings/ImportOptions";
import type { ImportPreview } from "../bindings/ImportPreview";
import type { ScrutinyImportReport } from "../bindings/ScrutinyImportReport";
import { mockCommands } from "../test-commands";
import { seriousAxeProblems } from "../test-axe";
import { importMapping, importPreview, member } from "../test-fixtures";
import ScrutinyImport from "../features/scrutiny/ScrutinyImport.svelte";

// The mapping step, through the challenge log's import: the core's answer for each set of
// choices is worked out from the mapping the window sends.
function previewFor(options: ImportOptions | null): ImportPreview {
  const mapping = options?.mapping ?? { columns: {}, values: {} };
  const areaColumn = mapping.columns["Assurance area"] ?? null;
  const base = importMapping();
  const said = (field: string, value: string) => mapping.values[field]?.[value] ?? null;
  const values = [...base.values.map((v) => (said(v.field, v.value) ? { ...v, how: "given" as const, target: said(v.field, v.value) } : v))];
  if (areaColumn) {
    const lac = said("Assurance area", "LAC");
    values.push({ field: "Assurance area", value: "LAC", rows: 7, how: lac ? "given" : "unknown", target: lac, label: "Children in care" });
  }
  const columns = base.columns.map((c) => (c.field === "Assurance area" && areaColumn ? { ...c, header: areaColumn, how: "given" as const } : c));
  const ready = columns.every((c) => !c.required || c.header) && values.every((v) => v.target !== null);
  return importPreview({ mapping: { ...base, columns, values }, ready, posts: [{ post: "Chief Nurse", uses: 161, holder: null, suggestedMemberId: "m2", suggestedMemberName: "Priya Raman" }] });
}

const report: ScrutinyImportReport = {
  fileName: "legacy-log.csv",
  encoding: "Windows-1252",
  rows: 20,
  added: 16,
  alreadyRecorded: 0,
  meetingsCreated: 3,
  kindsCreated: [],
  peopleCreated: 0,
  actionsAdded: 5,
  areasCreated: ["LAC"],
  rejected: [],
  leftOut: 4,
  unknownRows: 0,
  ignoredColumns: [],
  mapping: importMapping(),
  dryRun: false,
  imported: true,
};

function mock() {
  const previews: ImportOptions[] = [];
  let imported: ImportOptions | null = null;
  const calls = mockCommands({
    choose_csv_import: () => previewFor(null),
    preview_csv_import: ({ options }) => {
      previews.push(options as ImportOptions);
      return previewFor(options as ImportOptions);
    },
    list_members: () => [member({ id: "m1", name: "Fiona Gallagher" }), member({ id: "m2", name: "Priya Raman" })],
    tie_post: ({ input }) => ({ id: "p1", ...(input as object), memberName: "Priya Raman", heldFrom: "2024-04-01", heldTo: null }),
    import_scrutiny_csv: ({ options }) => {
      imported = options as ImportOptions;
      return report;
    },
  });
  return { previews, calls, imported: () => imported };
}

describe("the mapping step of a CSV import", () => {
  it("asks for a missing column, offering the file's columns with their samples", async () => {
    const { previews } = mock();
    const user = userEvent.setup();
    render(ScrutinyImport, { onimported: () => {} });
    await user.click(screen.getByRole("button", { name: "Import a log from CSV…" }));
    const heading = await screen.findByRole("heading", { name: "How legacy-log.csv will be read" });
    await waitFor(() => expect(document.activeElement).toBe(heading));
    const summary = screen.getByRole("alert");
    expect(summary.textContent).toContain("Choose the column that holds Assurance area");
    expect(summary.textContent).toContain("Say what 'Sig' means as Assurance level (12 rows)");
    expect((screen.getByRole("button", { name: "Import 20 rows" }) as HTMLButtonElement).disabled).toBe(true);
    const area = screen.getByRole("combobox", { name: "Assurance area (required)" }) as HTMLSelectElement;
    expect(area.value).toBe("");
    expect([...area.options].map((o) => o.text)).toContain("Theme (e.g. Children in care; LAC)");
    await user.selectOptions(area, "Theme");
    await waitFor(() => expect(previews).toHaveLength(1));
    expect(previews[0].mapping.columns).toEqual({ "Assurance area": "Theme" });
    expect(await screen.findByRole("combobox", { name: "LAC" })).toBeTruthy();
    expect(screen.getByRole("alert").textContent).not.toContain("Choose the column");
  });

  it("lists unknown words first, pre-filled with the suggestion, and sends leave out and create", async () => {
    const { previews, imported } = mock();
    const user = userEvent.setup();
    let done = 0;
    render(ScrutinyImport, { onimported: () => done++ });
    await user.click(screen.getByRole("button", { name: "Import a log from CSV…" }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Assurance area (required)" }), "Theme");
    const words = await screen.findByRole("table", { name: "Words not matched exactly" });
    const rows = within(words).getAllByRole("row").slice(1);
    // The unknown ones first, highlighted and said to be not matched.
    expect(rows.map((r) => r.querySelector("th")!.textContent)).toEqual(["Sig", "LAC", "limited assurance"]);
    expect(rows[0].className).toContain("app-import-unknown");
    expect(rows[0].textContent).toContain("Not matched");
    expect(rows[0].textContent).toContain("12");
    expect(rows[2].textContent).toContain("The same words, written differently");
    const sig = screen.getByRole("combobox", { name: "Sig" }) as HTMLSelectElement;
    expect(sig.selectedOptions[0].text).toBe("Significant");
    const lac = screen.getByRole("combobox", { name: "LAC" }) as HTMLSelectElement;
    expect(lac.selectedOptions[0].text).toBe("Children in care");
    expect([...lac.options].map((o) => o.text)).toContain("Add it as a new assurance area: 'LAC'");
    // Assurance levels cannot be added by an import.
    expect([...sig.options].map((o) => o.text)).not.toContain("Add it as a new assurance area: 'Sig'");
    await user.selectOptions(sig, "Leave these rows out");
    await waitFor(() => expect(previews).toHaveLength(2));
    expect((screen.getByRole("button", { name: "Import 20 rows" }) as HTMLButtonElement).disabled).toBe(true);
    await user.selectOptions(screen.getByRole("combobox", { name: "LAC" }), "Add it as a new assurance area: 'LAC'");
    await waitFor(() => expect(previews).toHaveLength(3));
    expect(previews[2].mapping).toEqual({
      columns: { "Assurance area": "Theme" },
      values: { "Assurance level": { Sig: "leaveOut" }, "Assurance area": { LAC: "create" } },
    });
    const go = screen.getByRole("button", { name: "Import 20 rows" }) as HTMLButtonElement;
    await waitFor(() => expect(go.disabled).toBe(false));
    expect(screen.queryByRole("alert")).toBeNull();
    await user.click(go);
    const notice = await screen.findByText(/Imported 16 of 20 rows/);
    const box = notice.closest("div")!;
    expect(box.textContent).toContain("4 rows left out, as you chose.");
    expect(box.textContent).toContain("remembered for the next file");
    expect(imported()?.mapping).toEqual(previews[2].mapping);
    expect(imported()?.skipInvalid).toBe(false);
    expect(done).toBe(1);
  });

  it("takes every suggestion at once, and offers to import the rest while words are unknown", async () => {
    const { previews, imported } = mock();
    const user = userEvent.setup();
    render(ScrutinyImport, { onimported: () => {} });
    await user.click(screen.getByRole("button", { name: "Import a log from CSV…" }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Assurance area (required)" }), "Theme");
    await screen.findByRole("combobox", { name: "LAC" });
    await user.click(screen.getByRole("button", { name: "Use the nearest match for each word not matched" }));
    await waitFor(() => expect(previews).toHaveLength(2));
    expect(previews[1].mapping.values).toEqual({ "Assurance level": { Sig: { use: "significant" } }, "Assurance area": { LAC: { use: "children-in-care" } } });
    await waitFor(() => expect((screen.getByRole("button", { name: "Import 20 rows" }) as HTMLButtonElement).disabled).toBe(false));
    expect(screen.queryByRole("button", { name: /Import the rest/ })).toBeNull();
  });

  it("imports the rest when asked, skipping rows with unknown words", async () => {
    const { imported } = mock();
    const user = userEvent.setup();
    render(ScrutinyImport, { onimported: () => {} });
    await user.click(screen.getByRole("button", { name: "Import a log from CSV…" }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Assurance area (required)" }), "Theme");
    await user.click(await screen.findByRole("button", { name: "Import the rest, leaving out rows with words not matched" }));
    await screen.findByText(/Imported 16 of 20 rows/);
    expect(imported()?.skipInvalid).toBe(true);
  });

  it("ties a post named as an owner to the suggested member, and adds people when asked", async () => {
    const { calls, previews } = mock();
    const user = userEvent.setup();
    render(ScrutinyImport, { onimported: () => {} });
    await user.click(screen.getByRole("button", { name: "Import a log from CSV…" }));
    const post = await screen.findByRole("combobox", { name: /'Chief Nurse' names the owner of 161 actions and no member/ });
    await waitFor(() => expect((post as HTMLSelectElement).selectedOptions[0].text).toBe("Priya Raman"));
    await user.click(screen.getByRole("button", { name: "Tie 'Chief Nurse'" }));
    expect(await screen.findByText("'Chief Nurse' is now tied to Priya Raman.")).toBeTruthy();
    expect(calls.tie_post).toEqual([{ input: { post: "Chief Nurse", memberId: "m2", heldFrom: "", heldTo: "" } }]);
    await user.click(screen.getByRole("checkbox", { name: "Add people not in the register" }));
    await waitFor(() => expect(previews.at(-1)?.createPeople).toBe(true));
  });

  it("has no serious WCAG problems with the step on show", async () => {
    mock();
    const user = userEvent.setup();
    render(ScrutinyImport, { onimported: () => {} });
    await user.click(screen.getByRole("button", { name: "Import a log from CSV…" }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Assurance area (required)" }), "Theme");
    await screen.findByRole("combobox", { name: "LAC" });
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });
});
