import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ImportReport } from "../../bindings/ImportReport";
import TrainingImport from "./TrainingImport.svelte";
import { mockCommands } from "../../test-commands";
import type { ImportOptions } from "../../bindings/ImportOptions";
import { importMapping, importPreview } from "../../test-fixtures";

const refused: ImportReport = {
  fileName: "training.csv",
  encoding: "Windows-1252",
  rows: 6,
  added: 0,
  alreadyRecorded: 0,
  rejected: [
    { line: 6, name: "Dr David Okafor", reason: "The completion date must be a real date: 31/02/2026 does not exist." },
    { line: 7, name: "John Smith", reason: "No board member is called 'John Smith'." },
  ],
  leftOut: 0,
  unknownRows: 0,
  ignoredColumns: [],
  mapping: importMapping({ values: [] }),
  dryRun: false,
  imported: false,
};

const ready = importPreview({ kind: "training", fileName: "training.csv", rows: 6, ready: true, mapping: importMapping({ values: [] }) });
const skipping = (options: unknown) => (options as ImportOptions).skipInvalid;

describe("importing training from CSV", () => {
  it("lists every bad row with its line, then imports the good rows on request", async () => {
    const calls: string[] = [];
    let imported = 0;
    mockCommands({
      choose_csv_import: () => ready,
      import_training_csv: ({ options }) => (skipping(options) ? { ...refused, added: 4, imported: true } : refused),
    }, (cmd, args) => calls.push(cmd === "import_training_csv" && skipping(args?.options) ? "import_training_csv, skipping bad rows" : cmd));
    const user = userEvent.setup();
    render(TrainingImport, { onimported: () => imported++ });
    await user.click(screen.getByRole("button", { name: "Import from CSV…" }));
    await user.click(await screen.findByRole("button", { name: "Import 6 rows" }));
    expect(await screen.findByText("Nothing was imported")).toBeTruthy();
    const rows = screen.getByRole("table", { name: "Rows with problems" });
    expect(rows.textContent).toContain("6Dr David OkaforThe completion date must be a real date");
    expect(imported).toBe(0);
    await user.click(screen.getByRole("button", { name: "Import the 4 good rows and skip the rest" }));
    expect(await screen.findByText(/Imported 4 of 6 rows from training.csv/)).toBeTruthy();
    expect(imported).toBe(1);
    expect(calls).toEqual(["choose_csv_import", "import_training_csv", "import_training_csv, skipping bad rows"]);
  });

  it("says nothing happened when the dialog is cancelled, and shows a file error plainly", async () => {
    let answer: unknown = null;
    mockCommands({
      choose_csv_import: () => {
        if (answer instanceof Error) throw { kind: "Validation", message: answer.message, field: "file" };
        return answer;
      },
    });
    const user = userEvent.setup();
    render(TrainingImport, { onimported: () => {} });
    await user.click(screen.getByRole("button", { name: "Import from CSV…" }));
    expect(screen.queryByRole("alert")).toBeNull();
    answer = new Error("The file is not a CSV file: line 3 has an unclosed quote.");
    await user.click(screen.getByRole("button", { name: "Import from CSV…" }));
    expect((await screen.findByRole("alert")).textContent).toContain("line 3 has an unclosed quote");
  });
});

describe("importing training with no good rows left", () => {
  it("never offers to import 0 good rows when every other row is already recorded", async () => {
    mockCommands({
      choose_csv_import: () => ({ ...ready, rows: 3 }),
      import_training_csv: () => ({ ...refused, rows: 3, alreadyRecorded: 2, rejected: refused.rejected.slice(0, 1) }),
    });
    const user = userEvent.setup();
    render(TrainingImport, { onimported: () => {} });
    await user.click(screen.getByRole("button", { name: "Import from CSV…" }));
    await user.click(await screen.findByRole("button", { name: "Import 3 rows" }));
    expect(await screen.findByText("Nothing was imported")).toBeTruthy();
    expect(screen.getByRole("table", { name: "Rows with problems" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Import the/ })).toBeNull();
  });
});
