import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { EntryView } from "../../bindings/EntryView";
import type { LogFilter } from "../../bindings/LogFilter";
import type { PageRequest } from "../../bindings/PageRequest";
import type { ScrutinyImportReport } from "../../bindings/ScrutinyImportReport";
import type { ImportOptions } from "../../bindings/ImportOptions";
import {
  actionStatuses,
  actionView,
  assuranceAreas,
  assuranceLevels,
  entryPageOf,
  entryView,
  evidenceSources,
  importMapping,
  importPreview,
  manyEntries,
  member,
  options,
  periodChoices,
} from "../../test-fixtures";
import ScrutinyLog from "./ScrutinyLog.svelte";

const members = [member({ id: "m1", name: "Fiona Gallagher" }), member({ id: "m2", name: "Margaret Ellison" })];

const entries: EntryView[] = [
  entryView(
    {
      id: "e1",
      meetingId: "mt1",
      agendaItemId: "i1",
      challenge: "How do we know the audit actions are embedded?\nAnd who checks them?",
      evidence: ["audit", "voice"],
      assuranceLevel: "limited",
      minuteRef: "B/26/041",
    },
    {
      meetingLabel: "Board, 6 August 2026",
      itemLabel: "4.1 Safeguarding annual report",
      levelLabel: "Limited",
      actions: [actionView({ dueOn: "2026-07-31" }, 6)],
    },
  ),
  entryView({ id: "e2", raisedOn: "2026-07-02", assuranceLevel: "substantial", challenge: "Are referrals timely?" }, { levelLabel: "Substantial", raisedByName: "Margaret Ellison" }),
];

/** Answers the log's lookups; records every filter and page entry_page is asked for. */
function mockLog(
  list: () => EntryView[],
  filters: LogFilter[],
  extra: (cmd: string, args: unknown) => unknown = () => undefined,
  pages: PageRequest[] = [],
) {
  mockIPC((cmd, args) => {
    if (cmd === "recent_periods") return periodChoices;
    if (cmd === "assurance_areas") return assuranceAreas;
    if (cmd === "list_members") return members;
    if (cmd === "assurance_levels") return assuranceLevels;
    if (cmd === "evidence_sources") return evidenceSources;
    if (cmd === "action_statuses") return actionStatuses;
    if (cmd === "entry_page") {
      const { filter, page } = args as { filter: LogFilter; page: PageRequest };
      filters.push(filter);
      pages.push(page);
      return entryPageOf(list(), page);
    }
    return extra(cmd, args);
  });
}

describe("the challenge log", () => {
  it("lists entries with their level as a word, evidence, meeting and an overdue action", async () => {
    const filters: LogFilter[] = [];
    mockLog(() => entries, filters);
    render(ScrutinyLog, { options });
    expect(await screen.findByRole("heading", { level: 2, name: "2 challenges in 2026/27" })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Challenge log" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Log a challenge" }).getAttribute("href")).toBe("#/scrutiny/new");
    expect(screen.getByRole("link", { name: "Challenge log" }).getAttribute("aria-current")).toBe("page");
    // The current financial year is the default period.
    expect(filters).toEqual([{ period: { year: 2026, quarter: null }, areaId: null, memberId: null, assuranceLevel: null, openActions: false }]);

    const [first, second] = screen.getAllByRole("listitem").filter((li) => li.classList.contains("app-entry"));
    expect(first.textContent).toContain("06/08/2026");
    expect(first.textContent).toContain("Safeguarding children");
    expect(first.textContent).toContain("Fiona Gallagher");
    expect(first.textContent).toContain("Audit, Voice of children and families");
    expect(first.textContent).toContain("B/26/041");
    expect(within(first).getByText("Limited").className).toContain("nhsuk-tag--orange");
    expect(within(first).getByText(/Significant weaknesses/)).toBeTruthy();
    expect(within(first).getByText("Overdue by 6 days").className).toContain("nhsuk-tag--red");
    expect(within(first).getByText("Open")).toBeTruthy();
    expect(first.textContent).toContain("Due 31/07/2026");
    expect(first.textContent).toContain("Head of Safeguarding");
    expect(within(first).getByRole("link", { name: "Board, 6 August 2026" }).getAttribute("href")).toBe("#/meetings/mt1");
    expect(first.textContent).toContain("item 4.1 Safeguarding annual report");
    // Line breaks in the challenge are kept as typed.
    expect(within(first).getByText(/And who checks them\?/).textContent).toContain("embedded?\nAnd who");
    expect(within(first).getByRole("link", { name: /^Edit/ }).getAttribute("href")).toBe("#/scrutiny/e1/edit");
    expect(within(first).getByRole("link", { name: /^History/ }).getAttribute("href")).toBe("#/scrutiny/e1/history");

    expect(within(second).getByText("Substantial").className).toContain("nhsuk-tag--green");
    expect(second.textContent).toContain("02/07/2026");
    expect(second.textContent).toContain("Margaret Ellison");
    expect(within(second).queryByText(/Overdue/)).toBeNull();
  });

  it("refetches with the chosen filters", async () => {
    const filters: LogFilter[] = [];
    mockLog(() => entries, filters);
    const user = userEvent.setup();
    render(ScrutinyLog, { options });
    await screen.findByRole("heading", { level: 2, name: /2 challenges/ });

    await user.selectOptions(screen.getByRole("combobox", { name: "Assurance area" }), "Learning from reviews");
    await waitFor(() => expect(filters.at(-1)?.areaId).toBe("area-2"));
    await user.selectOptions(screen.getByRole("combobox", { name: "Raised by" }), "Margaret Ellison");
    await waitFor(() => expect(filters.at(-1)?.memberId).toBe("m2"));
    await user.selectOptions(screen.getByRole("combobox", { name: "Assurance level" }), "Limited");
    await waitFor(() => expect(filters.at(-1)?.assuranceLevel).toBe("limited"));
    await user.click(screen.getByRole("checkbox", { name: "Only entries with open actions" }));
    await waitFor(() => expect(filters.at(-1)?.openActions).toBe(true));
    await user.selectOptions(screen.getByRole("combobox", { name: "Period" }), "Q2 2026/27");
    await waitFor(() =>
      expect(filters.at(-1)).toEqual({ period: { year: 2026, quarter: 2 }, areaId: "area-2", memberId: "m2", assuranceLevel: "limited", openActions: true }),
    );
    await user.selectOptions(screen.getByRole("combobox", { name: "Period" }), "All time");
    await waitFor(() => expect(filters.at(-1)?.period).toBeNull());
    await user.selectOptions(screen.getByRole("combobox", { name: "Assurance area" }), "All areas");
    await waitFor(() => expect(filters.at(-1)?.areaId).toBeNull());
    // One fetch at the start, then one for each change.
    expect(filters).toHaveLength(8);
  });

  it("says so when nothing matches", async () => {
    const filters: LogFilter[] = [];
    mockLog(() => [], filters);
    const user = userEvent.setup();
    render(ScrutinyLog, { options });
    expect(await screen.findByText(/No challenges have been logged in 2026\/27 yet/)).toBeTruthy();
    await user.click(screen.getByRole("checkbox", { name: "Only entries with open actions" }));
    expect(await screen.findByText(/No challenges match these filters/)).toBeTruthy();
  });

  it("imports a log, offering to import the good rows, and refreshes the list", async () => {
    const report: ScrutinyImportReport = {
      fileName: "log.csv",
      encoding: "UTF-8",
      rows: 5,
      added: 0,
      alreadyRecorded: 1,
      meetingsCreated: 0,
      kindsCreated: [],
      peopleCreated: 0,
      actionsAdded: 0,
      areasCreated: [],
      rejected: [{ line: 4, name: "John Smith", reason: "No board member is called 'John Smith'." }],
      leftOut: 0,
      unknownRows: 0,
      ignoredColumns: [],
      mapping: importMapping({ values: [] }),
      dryRun: false,
      imported: false,
    };
    const filters: LogFilter[] = [];
    const asked: unknown[] = [];
    let list: EntryView[] = [];
    const ready = importPreview({ fileName: "log.csv", rows: 5, ready: true, mapping: importMapping({ values: [] }) });
    mockLog(() => list, filters, (cmd, args) => {
      if (cmd === "choose_csv_import") return ready;
      if (cmd === "preview_csv_import") return ready;
      if (cmd === "import_scrutiny_csv") {
        asked.push({ cmd, args });
        const { skipInvalid } = (args as { options: ImportOptions }).options;
        if (!skipInvalid) return report;
        list = entries;
        return { ...report, added: 3, meetingsCreated: 2, kindsCreated: ["People committee"], peopleCreated: 1, actionsAdded: 1, imported: true };
      }
    });
    const user = userEvent.setup();
    render(ScrutinyLog, { options });
    await screen.findByText(/No challenges have been logged/);
    await user.click(screen.getByRole("button", { name: "Import a log from CSV…" }));
    await user.click(await screen.findByRole("checkbox", { name: "Add people not in the register" }));
    await user.click(screen.getByRole("button", { name: "Import 5 rows" }));
    expect(await screen.findByText("Nothing was imported")).toBeTruthy();
    expect(screen.getByRole("table", { name: "Rows with problems" }).textContent).toContain("4John SmithNo board member is called");
    await user.click(screen.getByRole("button", { name: "Import the 3 good rows and skip the rest" }));
    expect(await screen.findByText(/Imported 3 of 5 rows from log.csv/)).toBeTruthy();
    const done = screen.getByText(/Imported 3 of 5 rows/).closest("div")!;
    expect(done.textContent).toContain("2 meetings created");
    expect(done.textContent).toContain("New kinds of meeting added: People committee");
    expect(done.textContent).toContain("1 person added to the register");
    expect(done.textContent).toContain("1 row already recorded");
    const sent = (skipInvalid: boolean) => ({ cmd: "import_scrutiny_csv", args: { options: { mapping: { columns: {}, values: {} }, skipInvalid, createPeople: true, dryRun: false } } });
    expect(asked).toEqual([sent(false), sent(true)]);
    expect(await screen.findByRole("heading", { level: 2, name: "2 challenges in 2026/27" })).toBeTruthy();
  });

  it("shows how many challenges there are and which ones, without paging when they fit on one", async () => {
    mockLog(() => entries, []);
    render(ScrutinyLog, { options });
    expect((await screen.findByText("Showing 1 to 2 of 2 challenges")).id).toBe("log-showing");
    expect(screen.queryByRole("navigation", { name: "Pages of the challenge log, below the list" })).toBeNull();
    expect(document.getElementById("log-next-page")).toBeNull();
  });
});

describe("the challenge log, a page at a time", () => {
  const all = manyEntries(345);

  it("fetches 50 at a time and shows the first page", async () => {
    const pages: PageRequest[] = [];
    mockLog(() => all, [], undefined, pages);
    render(ScrutinyLog, { options });
    expect(await screen.findByRole("heading", { level: 2, name: "345 challenges in 2026/27" })).toBeTruthy();
    expect(pages).toEqual([{ offset: 0, limit: 50 }]);
    expect(screen.getByText("Showing 1 to 50 of 345 challenges")).toBeTruthy();
    expect(screen.getAllByRole("listitem").filter((li) => li.classList.contains("app-entry"))).toHaveLength(50);
    const nav = screen.getByRole("navigation", { name: "Pages of the challenge log, below the list" });
    expect(within(nav).getByText("Page 1 of 7").id).toBe("log-page-status");
    // Nowhere to go back to from the first page.
    expect(within(nav).queryByRole("button", { name: "Previous page" })).toBeNull();
    expect(within(nav).getByRole("button", { name: "Next page" }).id).toBe("log-next-page");
    const top = screen.getByRole("navigation", { name: "Pages of the challenge log, above the list" });
    expect(within(top).getByRole("button", { name: "Next page" }).id).toBe("log-top-next-page");
  });

  it("fetches offset 50 on Next, says which page it is and moves focus to the summary", async () => {
    const pages: PageRequest[] = [];
    mockLog(() => all, [], undefined, pages);
    const scrolled = vi.spyOn(window, "scrollTo");
    const user = userEvent.setup();
    render(ScrutinyLog, { options });
    await user.click((await screen.findAllByRole("button", { name: "Next page" }))[1]);

    expect(await screen.findAllByText("Page 2 of 7")).toBeTruthy();
    expect(pages.at(-1)).toEqual({ offset: 50, limit: 50 });
    const summary = screen.getByText("Showing 51 to 100 of 345 challenges");
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(scrolled).toHaveBeenCalledWith(0, 0);
    const shown = screen.getAllByRole("listitem").filter((li) => li.classList.contains("app-entry"));
    expect(shown).toHaveLength(50);
    expect(shown[0].getAttribute("data-entry-id")).toBe("e51");
    // The list is numbered on from the page before.
    expect(shown[0].closest("ol")?.getAttribute("start")).toBe("51");
    expect(screen.getAllByRole("button", { name: "Previous page" })[1].id).toBe("log-previous-page");
    scrolled.mockRestore();
  });

  it("is paged by keyboard to the last page, which has no Next, and back", async () => {
    const pages: PageRequest[] = [];
    mockLog(() => all, [], undefined, pages);
    const user = userEvent.setup();
    render(ScrutinyLog, { options });
    for (let page = 2; page <= 7; page++) {
      const next = (await screen.findAllByRole("button", { name: "Next page" }))[1];
      next.focus();
      await user.keyboard(page % 2 ? "{Enter}" : " ");
      expect(await screen.findAllByText(`Page ${page} of 7`)).toHaveLength(2);
    }
    expect(pages.map((p) => p.offset)).toEqual([0, 50, 100, 150, 200, 250, 300]);
    expect(screen.getByText("Showing 301 to 345 of 345 challenges")).toBeTruthy();
    expect(screen.queryAllByRole("button", { name: "Next page" })).toHaveLength(0);

    screen.getAllByRole("button", { name: "Previous page" })[1].focus();
    await user.keyboard("{Enter}");
    expect(await screen.findAllByText("Page 6 of 7")).toBeTruthy();
    expect(pages.at(-1)).toEqual({ offset: 250, limit: 50 });
    await waitFor(() => expect(document.activeElement?.id).toBe("log-showing"));
  });

  it("goes back to the first page when a filter changes, and counts what matches", async () => {
    const filters: LogFilter[] = [];
    const pages: PageRequest[] = [];
    let list = all;
    mockLog(() => list, filters, undefined, pages);
    const user = userEvent.setup();
    render(ScrutinyLog, { options });
    await user.click((await screen.findAllByRole("button", { name: "Next page" }))[1]);
    await screen.findAllByText("Page 2 of 7");

    list = all.slice(0, 120);
    await user.selectOptions(screen.getByRole("combobox", { name: "Assurance level" }), "Limited");
    expect(await screen.findByText("Showing 1 to 50 of 120 challenges")).toBeTruthy();
    expect(pages.at(-1)).toEqual({ offset: 0, limit: 50 });
    expect(filters.at(-1)?.assuranceLevel).toBe("limited");
    expect(screen.getByRole("heading", { level: 2, name: "120 challenges in 2026/27 matching these filters" })).toBeTruthy();
    expect(screen.getAllByText("Page 1 of 3")).toBeTruthy();
    // Focus stays on the filter being changed.
    expect(document.activeElement).toBe(screen.getByRole("combobox", { name: "Assurance level" }));
  });

  it("shows the new last page when the list has shrunk under the page asked for", async () => {
    const pages: PageRequest[] = [];
    let list = all;
    mockLog(() => list, [], undefined, pages);
    const user = userEvent.setup();
    render(ScrutinyLog, { options });
    await user.click((await screen.findAllByRole("button", { name: "Next page" }))[1]);
    await screen.findAllByText("Page 2 of 7");
    list = all.slice(0, 30);
    await user.click(screen.getAllByRole("button", { name: "Next page" })[1]);
    expect(await screen.findByText("Showing 1 to 30 of 30 challenges")).toBeTruthy();
    expect(pages.map((p) => p.offset)).toEqual([0, 50, 100, 0]);
  });
});

describe("the challenge log of a large board", () => {
  it("counts a hundred thousand challenges in words that read easily", async () => {
    const first = manyEntries(50);
    // Answer as the core does for a large board: one page, and the total.
    mockIPC((cmd, args) => {
      if (cmd === "recent_periods") return periodChoices;
      if (cmd === "list_members") return members;
      if (cmd === "entry_page") return { entries: first, total: 100_000, offset: (args as { page: PageRequest }).page.offset };
      return [];
    });
    render(ScrutinyLog, { options });
    expect(await screen.findByRole("heading", { level: 2, name: "100,000 challenges in 2026/27" })).toBeTruthy();
    expect(screen.getByText("Showing 1 to 50 of 100,000 challenges")).toBeTruthy();
    expect(document.getElementById("log-page-status")?.textContent).toBe("Page 1 of 2,000");
  });
});

describe("the challenge log: accessibility", () => {
  it("has no serious WCAG problems on a middle page", async () => {
    const axe = (await import("axe-core")).default;
    mockLog(() => manyEntries(120), []);
    render(ScrutinyLog, { options });
    const user = userEvent.setup();
    await user.click((await screen.findAllByRole("button", { name: "Next page" }))[1]);
    await screen.findAllByText("Page 2 of 3");
    const results = await axe.run(document.body, {
      runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] },
      // jsdom lays nothing out, so contrast cannot be measured here; the end-to-end test checks it.
      rules: { "color-contrast": { enabled: false } },
    });
    const serious = results.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    expect(serious).toEqual([]);
    const ids = [...document.querySelectorAll("[id]")].map((e) => e.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
    // Checking 120 challenges takes seconds when the machine is busy building the core.
  }, 20_000);
});
