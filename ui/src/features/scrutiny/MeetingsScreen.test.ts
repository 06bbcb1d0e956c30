import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { MeetingSummary } from "../../bindings/MeetingSummary";
import { meeting, meetingParts, periodChoices } from "../../test-fixtures";
import MeetingsScreen from "./MeetingsScreen.svelte";
import { mockCommands } from "../../test-commands";

const board: MeetingSummary = {
  meeting: meeting({ id: "mt1", heldOn: "2026-08-06", part: "public" }),
  label: "Board, 6 August 2026",
  entries: 3,
  openActions: 2,
};
const privateBoard: MeetingSummary = {
  meeting: meeting({ id: "mt2", heldOn: "2026-07-02", part: "private", items: [] }),
  label: "Board, 2 July 2026 (private)",
  entries: 0,
  openActions: 0,
};

function mockMeetings(list: MeetingSummary[], asked: unknown[] = []) {
  mockCommands({
    recent_periods: () => periodChoices,
    meeting_parts: () => meetingParts,
    list_meetings: (args) => {
      asked.push(args);
      return list;
    },
  });
}

describe("the list of meetings", () => {
  it("lists meetings with British dates, links, parts and counts for the current financial year", async () => {
    const asked: unknown[] = [];
    mockMeetings([board, privateBoard], asked);
    render(MeetingsScreen);
    const table = await screen.findByRole("table");
    expect(screen.getByRole("heading", { level: 1, name: "Meetings" })).toBeTruthy();
    expect(screen.getByRole("link", { name: "Meetings" }).getAttribute("aria-current")).toBe("page");
    expect(screen.getByRole("link", { name: "Record a meeting" }).getAttribute("href")).toBe("#/meetings/new");
    expect(asked).toEqual([{ period: { year: 2026, quarter: null } }]);
    expect((screen.getByLabelText("Show meetings held in") as HTMLSelectElement).value).toBe(periodChoices[0].code);

    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain("Agenda items");
    const cells = within(rows[1]).getAllByRole("cell").map((c) => c.textContent?.trim());
    expect(cells).toEqual(["06/08/2026", "Public", "2", "3", "2"]);
    expect(within(rows[1]).getByRole("link", { name: "Board, 6 August 2026" }).getAttribute("href")).toBe("#/meetings/mt1");
    expect(within(rows[2]).getAllByRole("cell").map((c) => c.textContent?.trim())).toEqual(["02/07/2026", "Private", "0", "0", "0"]);
  });

  it("refetches for another period, or for all time", async () => {
    const asked: unknown[] = [];
    mockMeetings([board], asked);
    render(MeetingsScreen);
    await screen.findByRole("table");
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("Show meetings held in"), "2025/26");
    await screen.findByText(/Meetings held in 2025\/26/);
    await user.selectOptions(screen.getByLabelText("Show meetings held in"), "All time");
    await screen.findByText(/Meetings held at any time/);
    expect(asked).toEqual([
      { period: { year: 2026, quarter: null } },
      { period: { year: 2025, quarter: null } },
      { period: null },
    ]);
  });

  it("says when no meetings were held in the period and offers to record one", async () => {
    mockMeetings([]);
    render(MeetingsScreen);
    expect(await screen.findByText(/No meetings were recorded in 2026\/27/)).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
    expect(screen.getAllByRole("link", { name: "Record a meeting" })).toHaveLength(2);
  });
});
