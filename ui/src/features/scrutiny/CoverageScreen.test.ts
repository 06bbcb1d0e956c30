import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Coverage } from "../../bindings/Coverage";
import type { Period } from "../../bindings/Period";
import { coverageReport, periodChoices } from "../../test-fixtures";
import CoverageScreen from "./CoverageScreen.svelte";
import { mockCommands } from "../../test-commands";

function mockCoverage(asked: unknown[] = [], answer: (period: Period) => Coverage = () => coverageReport()) {
  mockCommands({
    recent_periods: () => periodChoices,
    coverage: (args) => {
      asked.push(args);
      return answer((args as { period: Period }).period);
    },
  });
}

describe("coverage of the assurance areas", () => {
  it("says so when the organisation's nation has no set of areas chosen", async () => {
    const notice = "The app has no set of assurance areas for Northern Ireland.";
    mockCommands({
      recent_periods: () => periodChoices,
      coverage: () => coverageReport(),
      area_set_status: () => ({ setId: null, setTitle: null, chosen: false, notice }),
    });
    render(CoverageScreen);
    expect(await screen.findByText(notice)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Choose the assurance areas in Settings" }).getAttribute("href")).toBe("#/settings/scrutiny");
  });

  it("leads with how many areas had no scrutiny, for the current financial year", async () => {
    const asked: unknown[] = [];
    mockCoverage(asked);
    render(CoverageScreen);
    expect(await screen.findByText("1 of 3 areas had no scrutiny in 2026/27")).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Coverage" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Coverage" }).getAttribute("aria-current")).toBe("page");
    expect(asked).toEqual([{ period: { year: 2026, quarter: null } }]);
  });

  it("shows counts by level in every cell, the weakest assurance and gaps as words", async () => {
    mockCoverage();
    render(CoverageScreen);
    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(4);
    expect(within(rows[0]).getAllByRole("columnheader").map((h) => h.textContent?.trim())).toEqual([
      "Assurance area",
      "Substantial",
      "Reasonable",
      "Limited",
      "No assurance",
      "Entries",
      "Weakest assurance",
      "Last scrutinised",
    ]);

    const [, strong, weak, none] = rows;
    expect(within(strong).getByRole("rowheader").textContent).toContain("Leadership and accountability");
    expect(within(strong).getByText("The board has a named executive lead for safeguarding.")).toBeTruthy();
    const strongCells = within(strong).getAllByRole("cell");
    expect(strongCells.map((c) => c.textContent?.trim())).toEqual(["5", "1", "0", "0", "6", "Reasonable", "14/09/2026"]);
    // Shading only ever repeats the number printed in the cell.
    expect(strongCells[0].className).toContain("app-heat--4");
    expect(strongCells[1].className).toContain("app-heat--1");
    expect(strongCells[2].className).toContain("app-heat--0");

    expect(within(weak).getByText("No assurance", { selector: "strong" }).className).toContain("nhsuk-tag--red");
    expect(weak.textContent).toContain("02/07/2026");

    const gap = within(none).getByText("No scrutiny");
    expect(gap.className).toContain("nhsuk-tag--red");
    expect(within(none).getAllByRole("cell").map((c) => c.textContent?.trim())).toEqual(["0", "0", "0", "0", "0", "No scrutiny", "Not in this period"]);

    // The key explains the shading and the words.
    expect(screen.getByText("5 or more entries")).toBeTruthy();
    expect(screen.getByText(/the darker the blue, the more there were/)).toBeTruthy();
  });

  it("can show only the areas with no scrutiny", async () => {
    mockCoverage();
    render(CoverageScreen);
    const table = await screen.findByRole("table");
    await userEvent.setup().click(screen.getByLabelText("Show only areas with no scrutiny"));
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(2);
    expect(rows[1].textContent).toContain("Voice of the child");
  });

  it("refetches for another period", async () => {
    const asked: unknown[] = [];
    mockCoverage(asked, (period) =>
      period.year === 2025
        ? coverageReport({ period, periodLabel: "2025/26", uncovered: 3, rows: coverageReport().rows.map((r) => ({ ...r, entries: 0, byLevel: [0, 0, 0, 0], weakestLevel: null, lastScrutinised: null })) })
        : coverageReport(),
    );
    render(CoverageScreen);
    await screen.findByText("1 of 3 areas had no scrutiny in 2026/27");
    await userEvent.setup().selectOptions(screen.getByLabelText("Period"), "2025/26");
    expect(await screen.findByText("3 of 3 areas had no scrutiny in 2025/26")).toBeTruthy();
    expect(screen.getAllByText("No scrutiny", { selector: "td strong" })).toHaveLength(3);
    expect(asked).toEqual([{ period: { year: 2026, quarter: null } }, { period: { year: 2025, quarter: null } }]);
  });

  it("points to Settings when no areas are chosen", async () => {
    mockCoverage([], () => coverageReport({ rows: [], uncovered: 0 }));
    render(CoverageScreen);
    expect(await screen.findByRole("link", { name: "Choose assurance areas in Settings" })).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
});
