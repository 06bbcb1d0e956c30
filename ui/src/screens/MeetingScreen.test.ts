import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import { describe, expect, it } from "vitest";
import type { MeetingView } from "../bindings/MeetingView";
import { actionStatuses, actionView, entryView, meeting, meetingParts } from "../test-fixtures";
import MeetingScreen from "./MeetingScreen.svelte";

function view(overrides: Partial<MeetingView> = {}): MeetingView {
  return {
    meeting: meeting({
      id: "mt1",
      heldOn: "2026-08-06",
      part: "private",
      items: [
        { id: "i1", number: "4.1", title: "Safeguarding annual report", paperRef: "B/26/041", executiveLead: "Chief Nurse" },
        { id: "i2", number: "4.2", title: "Learning from reviews", paperRef: "", executiveLead: "" },
      ],
      attendance: [
        { memberId: "m1", name: "Priya Raman", status: "present" },
        { memberId: "m2", name: "Fiona Gallagher", status: "present" },
        { memberId: "m3", name: "Tom Okafor", status: "apologies" },
      ],
    }),
    label: "Board, 6 August 2026 (private)",
    entries: [
      entryView(
        { id: "e1", meetingId: "mt1", agendaItemId: "i1", challenge: "How do we know the audit actions are embedded?" },
        {
          raisedByName: "Fiona Gallagher",
          levelLabel: "Limited",
          areaTitle: "Leadership and accountability",
          actions: [
            actionView({ id: "a1", description: "Bring the re-audit results to the committee", ownerName: "Head of Safeguarding", dueOn: "2026-07-31", status: "open" }, 6),
          ],
        },
      ),
      entryView(
        { id: "e2", meetingId: "mt1", agendaItemId: null, challenge: "Who checks the escalation policy is used?" },
        { raisedByName: "Priya Raman", levelLabel: "Substantial", areaTitle: "Escalation" },
      ),
    ],
    ...overrides,
  };
}

function mockMeeting(v: MeetingView, asked: unknown[] = []) {
  mockIPC((cmd, args) => {
    if (cmd === "get_meeting") {
      asked.push(args);
      return v;
    }
    if (cmd === "action_statuses") return actionStatuses;
    if (cmd === "meeting_parts") return meetingParts;
  });
}

describe("one meeting", () => {
  it("leads with logging a challenge at this meeting and editing it", async () => {
    const asked: unknown[] = [];
    mockMeeting(view(), asked);
    render(MeetingScreen, { id: "mt1" });
    expect(await screen.findByRole("heading", { level: 1, name: "Board, 6 August 2026 (private)" })).toBeTruthy();
    expect(asked).toEqual([{ id: "mt1" }]);
    expect(screen.getByText("Meeting held in private")).toBeTruthy();
    expect(screen.getByRole("link", { name: "Log a challenge at this meeting" }).getAttribute("href")).toBe("#/scrutiny/new/mt1");
    expect(screen.getByRole("link", { name: "Edit meeting" }).getAttribute("href")).toBe("#/meetings/mt1/edit");
    expect(screen.getByRole("link", { name: "Board pack" }).getAttribute("href")).toBe("#/meetings/mt1/pack");
  });

  it("shows attendance as lists of who was present and who sent apologies", async () => {
    mockMeeting(view());
    render(MeetingScreen, { id: "mt1" });
    const present = await screen.findByRole("list", { name: "Present (2)" });
    expect(within(present).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Priya Raman", "Fiona Gallagher"]);
    const apologies = screen.getByRole("list", { name: "Apologies (1)" });
    expect(within(apologies).getAllByRole("listitem").map((li) => li.textContent)).toEqual(["Tom Okafor"]);
  });

  it("groups challenges under their agenda items, then those not tied to an item", async () => {
    mockMeeting(view());
    render(MeetingScreen, { id: "mt1" });
    const first = await screen.findByRole("region", { name: "4.1 Safeguarding annual report" });
    expect(first.textContent).toContain("Paper B/26/041");
    expect(first.textContent).toContain("Executive lead: Chief Nurse");
    expect(first.textContent).toContain("How do we know the audit actions are embedded?");
    expect(first.textContent).toContain("Fiona Gallagher");
    expect(first.textContent).toContain("Limited");
    expect(first.textContent).toContain("Leadership and accountability");
    expect(first.textContent).not.toContain("Who checks the escalation policy is used?");
    expect(within(first).getByRole("link", { name: /^Edit/ }).getAttribute("href")).toBe("#/scrutiny/e1/edit");

    // The action, its owner, British due date, and status and lateness as words.
    const action = within(first).getByRole("row", { name: /Bring the re-audit results/ });
    expect(action.textContent).toContain("Head of Safeguarding");
    expect(action.textContent).toContain("31/07/2026");
    expect(within(action).getByText("Open")).toBeTruthy();
    expect(within(action).getByText("Overdue").className).toContain("nhsuk-tag--red");

    const second = screen.getByRole("region", { name: "4.2 Learning from reviews" });
    expect(second.textContent).toContain("0 challenges logged");

    const other = screen.getByRole("region", { name: "Challenges not logged against an agenda item" });
    expect(other.textContent).toContain("Who checks the escalation policy is used?");
    expect(other.textContent).toContain("Priya Raman");
    expect(other.textContent).toContain("Substantial");
    expect(within(other).getByRole("link", { name: /^Edit/ }).getAttribute("href")).toBe("#/scrutiny/e2/edit");
  });

  it("invites the first challenge when none are logged yet", async () => {
    mockMeeting(view({ entries: [] }));
    render(MeetingScreen, { id: "mt1" });
    expect(await screen.findByText(/No challenges have been logged at this meeting yet/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Log the first challenge" }).getAttribute("href")).toBe("#/scrutiny/new/mt1");
  });

  it("says when the meeting cannot be found", async () => {
    mockIPC((cmd) => {
      if (cmd === "get_meeting") throw { kind: "NotFound", message: "No meeting has the id 'x'.", field: null };
      return [];
    });
    render(MeetingScreen, { id: "x" });
    expect(await screen.findByRole("heading", { level: 1, name: "Meeting not available" })).toBeTruthy();
    expect(screen.getByText("No meeting has the id 'x'.")).toBeTruthy();
  });
});
