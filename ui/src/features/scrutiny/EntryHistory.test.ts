import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { Entry } from "../../bindings/Entry";
import type { RecordVersion } from "../../bindings/RecordVersion";
import { timestamp } from "../../lib/dates";
import { entry } from "../../test-fixtures";
import EntryHistory from "./EntryHistory.svelte";
import { mockCommands } from "../../test-commands";

const versions: RecordVersion<Entry>[] = [
  { recordedAt: "2026-08-06T10:00:00Z", changedBy: "", change: "added", changes: ["Logged"], record: entry() },
  {
    recordedAt: "2026-08-07T13:05:00Z",
    changedBy: "Fiona Gallagher",
    change: "edited",
    changes: ["Assurance level: “Reasonable” → “Limited”", "Minute reference: (none) → “B/26/041”"],
    record: entry({ assuranceLevel: "limited", minuteRef: "B/26/041" }),
  },
];

describe("an entry's history", () => {
  it("shows each version newest first: when, who and what changed", async () => {
    let asked: unknown;
    mockCommands({
      entry_history: (args) => {
        asked = args;
        return versions;
      },
    });
    render(EntryHistory, { id: "e1" });
    expect(await screen.findByRole("heading", { level: 1, name: "History of changes" })).toBeTruthy();
    expect(asked).toEqual({ id: "e1" });
    const headings = screen.getAllByRole("heading", { level: 2 }).map((h) => h.textContent);
    expect(headings).toEqual([
      `Edited on ${timestamp("2026-08-07T13:05:00Z")} by Fiona Gallagher`,
      `Logged on ${timestamp("2026-08-06T10:00:00Z")} by an unknown user`,
    ]);
    expect(headings[0]).toContain("7 August 2026");
    expect(headings[0]).toContain("14:05");
    expect(screen.getByText("Assurance level: “Reasonable” → “Limited”")).toBeTruthy();
    expect(screen.getByText("Minute reference: (none) → “B/26/041”")).toBeTruthy();
    expect(screen.getByText("The challenge was first logged.")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Back to the challenge log" }).getAttribute("href")).toBe("#/scrutiny");
    expect(screen.getByRole("link", { name: "Edit this challenge" }).getAttribute("href")).toBe("#/scrutiny/e1/edit");
  });

  it("explains a failure to load", async () => {
    mockIPC(() => {
      throw { kind: "NotFound", message: "No scrutiny entry has the id 'e9'.", field: null };
    });
    render(EntryHistory, { id: "e9" });
    expect(await screen.findByText("No scrutiny entry has the id 'e9'.")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "History not available" })).toBeTruthy();
  });
});
