import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ImportReport } from "../../bindings/ImportReport";
import TrainingImport from "./TrainingImport.svelte";
import { mockCommands } from "../../test-commands";

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
  ignoredColumns: [],
  imported: false,
};

describe("importing training from CSV", () => {
  it("lists every bad row with its line, then imports the good rows on request", async () => {
    const calls: string[] = [];
    let imported = 0;
    mockCommands({
      import_training_csv: () => refused,
      import_training_valid_rows: () => ({ ...refused, added: 4, imported: true }),
    }, (cmd) => calls.push(cmd));
    const user = userEvent.setup();
    render(TrainingImport, { onimported: () => imported++ });
    await user.click(screen.getByRole("button", { name: "Import from CSV…" }));
    expect(await screen.findByText("Nothing was imported")).toBeTruthy();
    const rows = screen.getByRole("table", { name: "Rows with problems" });
    expect(rows.textContent).toContain("6Dr David OkaforThe completion date must be a real date");
    expect(imported).toBe(0);
    await user.click(screen.getByRole("button", { name: "Import the 4 good rows and skip the rest" }));
    expect(await screen.findByText(/Imported 4 of 6 rows from training.csv/)).toBeTruthy();
    expect(imported).toBe(1);
    expect(calls).toEqual(["import_training_csv", "import_training_valid_rows"]);
  });

  it("says nothing happened when the dialog is cancelled, and shows a file error plainly", async () => {
    let answer: unknown = null;
    mockCommands({
      import_training_csv: () => {
        if (answer instanceof Error) throw { kind: "Validation", message: answer.message, field: "file" };
        return answer;
      },
    });
    const user = userEvent.setup();
    render(TrainingImport, { onimported: () => {} });
    await user.click(screen.getByRole("button", { name: "Import from CSV…" }));
    expect(screen.queryByRole("alert")).toBeNull();
    answer = new Error("The header row (line 1) has no Course column.");
    await user.click(screen.getByRole("button", { name: "Import from CSV…" }));
    expect((await screen.findByRole("alert")).textContent).toContain("has no Course column");
  });
});

describe("importing training with no good rows left", () => {
  it("never offers to import 0 good rows when every other row is already recorded", async () => {
    mockCommands({
      import_training_csv: () => ({ ...refused, rows: 3, alreadyRecorded: 2, rejected: refused.rejected.slice(0, 1) }),
    });
    const user = userEvent.setup();
    render(TrainingImport, { onimported: () => {} });
    await user.click(screen.getByRole("button", { name: "Import from CSV…" }));
    expect(await screen.findByText("Nothing was imported")).toBeTruthy();
    expect(screen.getByRole("table", { name: "Rows with problems" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Import the/ })).toBeNull();
  });
});
