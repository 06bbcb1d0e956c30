import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ActionInput } from "../../bindings/ActionInput";
import type { MeetingView } from "../../bindings/MeetingView";
import { seriousAxeProblems } from "../../test-axe";
import { actionStatuses, actionView, entryView, meeting, meetingKinds, meetingParts, member } from "../../test-fixtures";
import MeetingScreen from "./MeetingScreen.svelte";
import { mockCommands } from "../../test-commands";

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
  mockCommands({
    get_meeting: (args) => {
      asked.push(args);
      return v;
    },
    action_statuses: () => actionStatuses,
    meeting_parts: () => meetingParts,
    meeting_history: (args) => {
      asked.push({ history: args });
      return [
        { recordedAt: "2026-08-01T09:00:00.000Z", changedBy: "Jane Secretary", change: "added", changes: ["Recorded"], record: v.meeting },
        { recordedAt: "2026-08-06T16:00:00.000Z", changedBy: "Jane Secretary", change: "edited", changes: ["Present: (none) → “Priya Raman, Fiona Gallagher”"], record: v.meeting },
      ];
    },
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

  it("shows the meeting's history: who changed its agenda or attendance, and how", async () => {
    const asked: unknown[] = [];
    mockMeeting(view(), asked);
    render(MeetingScreen, { id: "mt1" });
    await screen.findByRole("heading", { level: 1, name: "Board, 6 August 2026 (private)" });
    await userEvent.setup().click(screen.getByText("History", { selector: "span.nhsuk-details__summary-text" }));
    expect(await screen.findByText("Present: (none) → “Priya Raman, Fiona Gallagher”")).toBeTruthy();
    expect(asked).toContainEqual({ history: { id: "mt1" } });
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

describe("adding an action to a challenge at the meeting", () => {
  const board = [member({ id: "m1", name: "Priya Raman" }), member({ id: "m2", name: "Fiona Gallagher" })];
  type Call = { cmd: string; args: Record<string, unknown> };

  /** The meeting as the core has it; add_action puts the new action on challenge e2, or `refuse` throws. */
  function mockAdding(calls: Call[], refuse?: object) {
    let current = view();
    mockIPC((cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args });
      if (cmd === "get_meeting") return current;
      if (cmd === "action_statuses") return actionStatuses;
      if (cmd === "meeting_parts") return meetingParts;
      if (cmd === "list_members") return board;
      if (cmd === "escalation_points") return meetingKinds.map((k) => k.label);
      if (cmd === "add_action") {
        if (refuse) throw refuse;
        const input = args.input as ActionInput;
        const added = actionView({ id: "a9", entryId: "e2", description: input.description, ownerMemberId: input.ownerMemberId, ownerName: "Fiona Gallagher", dueOn: "2026-09-30" });
        current = { ...current, entries: current.entries.map((e) => (e.entry.id === "e2" ? { ...e, actions: [added] } : e)) };
        return added;
      }
    });
  }

  const addButton = "Add an action to the challenge raised by Priya Raman: Who checks the escalation policy is used?";

  it("sends the challenge's id and what was typed, then shows the action after fetching the meeting again", async () => {
    const calls: Call[] = [];
    mockAdding(calls);
    render(MeetingScreen, { id: "mt1" });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: addButton }));
    const form = await screen.findByRole("form", { name: "Add an action" });
    const description = within(form).getByRole("textbox", { name: "What is to be done" });
    await waitFor(() => expect(document.activeElement).toBe(description));
    // A new action starts open, and the closing and escalation fields wait for those statuses.
    expect((within(form).getByRole("combobox", { name: "Status" }) as HTMLSelectElement).value).toBe("open");
    expect(within(form).queryByRole("textbox", { name: "How the action was closed" })).toBeNull();
    expect(within(form).queryByRole("combobox", { name: "Escalated to" })).toBeNull();

    await user.type(description, "Audit use of the escalation policy");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Owner" }), "Fiona Gallagher");
    await user.type(within(form).getByRole("textbox", { name: "Due date (optional)" }), "30/09/2026");
    await user.click(within(form).getByRole("button", { name: "Add action" }));

    const notice = await screen.findByRole("status");
    expect(notice.textContent).toContain("The action “Audit use of the escalation policy” was added.");
    await waitFor(() => expect(document.activeElement).toBe(notice));
    expect(calls.filter((c) => c.cmd === "add_action").map((c) => c.args)).toEqual([
      {
        entryId: "e2",
        input: {
          description: "Audit use of the escalation policy",
          ownerMemberId: "m2",
          ownerName: "",
          dueOn: "30/09/2026",
          status: "open",
          escalatedTo: "",
          closureNote: "",
          closedOn: "",
        },
      },
    ]);
    expect(calls.filter((c) => c.cmd === "get_meeting")).toHaveLength(2);
    const other = screen.getByRole("region", { name: "Challenges not logged against an agenda item" });
    const row = within(other).getByRole("row", { name: /Audit use of the escalation policy/ });
    expect(row.textContent).toContain("Fiona Gallagher");
    expect(row.textContent).toContain("30/09/2026");
    expect(within(row).getByText("Open")).toBeTruthy();
    expect(screen.queryByRole("form", { name: "Add an action" })).toBeNull();
    expect(within(other).queryByText("No actions.")).toBeNull();
  });

  it("shows the core's refusal against its field and keeps the form open", async () => {
    const calls: Call[] = [];
    mockAdding(calls, { kind: "Validation", message: "Enter what is to be done.", field: "description" });
    render(MeetingScreen, { id: "mt1" });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: addButton }));
    const form = await screen.findByRole("form", { name: "Add an action" });
    await user.click(within(form).getByRole("button", { name: "Add action" }));

    const summary = await screen.findByRole("alert");
    expect(within(summary).getByRole("link", { name: "Enter what is to be done." }).getAttribute("href")).toBe("#new-action-e2-description");
    const description = within(form).getByRole("textbox", { name: "What is to be done" });
    expect(description.getAttribute("aria-describedby")).toBe("new-action-e2-description-error");
    expect(document.getElementById("new-action-e2-description-error")?.textContent).toContain("Enter what is to be done.");
    expect(screen.queryByRole("status")).toBeNull();
    expect(calls.filter((c) => c.cmd === "get_meeting")).toHaveLength(1);
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });

  it("returns focus to the button on Cancel, with nothing sent", async () => {
    const calls: Call[] = [];
    mockAdding(calls);
    render(MeetingScreen, { id: "mt1" });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: addButton }));
    await user.click(await screen.findByRole("button", { name: "Cancel" }));
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: addButton })));
    expect(calls.some((c) => c.cmd === "add_action")).toBe(false);
  });

  it("has no serious accessibility problems with forms open under two challenges", async () => {
    mockAdding([]);
    render(MeetingScreen, { id: "mt1" });
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: addButton }));
    await user.click(screen.getByRole("button", { name: /^Add an action to the challenge raised by Fiona Gallagher/ }));
    await waitFor(() => expect(screen.getAllByRole("form", { name: "Add an action" })).toHaveLength(2));
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });
});
