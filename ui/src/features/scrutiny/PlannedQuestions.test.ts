import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { MeetingView } from "../../bindings/MeetingView";
import type { PlannedQuestion } from "../../bindings/PlannedQuestion";
import { seriousAxeProblems } from "../../test-axe";
import { mockCommands, type Handlers } from "../../test-commands";
import {
  actionStatuses,
  assuranceAreas,
  assuranceLevels,
  entryView,
  evidenceSources,
  meeting,
  meetingParts,
  meetingSummary,
  member,
} from "../../test-fixtures";
import EntryForm from "./EntryForm.svelte";
import MeetingScreen from "./MeetingScreen.svelte";

// Today is 6 August 2026 throughout: the board on the 18th is still to come, the committee
// today is being held, and the one in May has been held.
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(new Date(2026, 7, 6, 10, 0));
  window.location.hash = "";
});
afterEach(() => {
  vi.useRealTimers();
});

const items = [
  { id: "i1", number: "4.1", title: "Safeguarding annual report", paperRef: "", executiveLead: "" },
  { id: "i2", number: "4.2", title: "Learning from reviews", paperRef: "", executiveLead: "" },
];

function meetingView(heldOn: string, label: string): MeetingView {
  return { meeting: meeting({ id: "mt1", heldOn, items }), label, entries: [] };
}

function question(overrides: Partial<PlannedQuestion> = {}): PlannedQuestion {
  return {
    id: "q1",
    meetingId: "mt1",
    agendaItemId: "i1",
    memberId: "m1",
    areaId: "area-1",
    question: "How many referrals waited more than a day for a decision?",
    raisedEntryId: null,
    createdAt: "2026-08-05T20:00:00Z",
    updatedAt: "2026-08-05T20:00:00Z",
    ...overrides,
  };
}

/** The meeting and my questions for it; `more` answers the commands the test is about. */
function mockMeeting(v: MeetingView, questions: () => PlannedQuestion[], more: Handlers = {}) {
  return mockCommands({
    get_meeting: () => v,
    action_statuses: () => actionStatuses,
    meeting_parts: () => meetingParts,
    assurance_areas: () => assuranceAreas,
    planned_questions: () => questions(),
    ...more,
  });
}

const section = () => screen.findByRole("region", { name: "Questions I plan to ask" });

describe("planning questions for a meeting to come", () => {
  const board = meetingView("2026-08-18", "Board, 18 August 2026");

  it("lists my questions with their agenda item and area, and adds one, sending exactly what was chosen", async () => {
    let mine = [question()];
    const calls = mockMeeting(board, () => mine, {
      add_planned_question: (args) => {
        const added = question({ id: "q2", agendaItemId: "i2", areaId: "area-2", question: "Which review's learning is not yet in training?" });
        mine = [...mine, added];
        return { ...added, input: args.input };
      },
    });
    render(MeetingScreen, { id: "mt1" });
    const planned = await section();
    await within(planned).findByText("How many referrals waited more than a day for a decision?");
    expect(planned.textContent).toContain("Agenda item 4.1 Safeguarding annual report. Area: Safeguarding children.");
    expect(calls.planned_questions).toEqual([{ meetingId: "mt1" }]);
    // Not yet held: nothing to log, only to change.
    expect(within(planned).queryByRole("link", { name: /^Log it as a challenge/ })).toBeNull();
    expect(within(planned).getByRole("button", { name: "Edit the question: How many referrals waited more than a day for a decision?" })).toBeTruthy();

    const user = userEvent.setup();
    const form = within(planned).getByRole("form", { name: "Plan a question" });
    await user.selectOptions(within(form).getByRole("combobox", { name: "Agenda item" }), "4.2 Learning from reviews");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Assurance area (optional)" }), "Learning from reviews");
    await user.type(within(form).getByRole("textbox", { name: "Your question" }), "Which review's learning is not yet in training?");
    await user.click(within(form).getByRole("button", { name: "Add the question" }));

    expect((await within(planned).findByRole("status")).textContent).toContain("Your question was added.");
    expect(calls.add_planned_question).toEqual([
      { input: { meetingId: "mt1", agendaItemId: "i2", areaId: "area-2", question: "Which review's learning is not yet in training?" } },
    ]);
    expect(planned.textContent).toContain("Agenda item 4.2 Learning from reviews. Area: Learning from reviews.");
    // The form is cleared for the next question.
    expect((within(form).getByRole("textbox", { name: "Your question" }) as HTMLTextAreaElement).value).toBe("");
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });

  it("shows every problem the core found at once, each against its field", async () => {
    const calls = mockMeeting(board, () => [], {
      add_planned_question: () => {
        throw {
          kind: "Validation",
          message: "Choose an agenda item of the chosen meeting.",
          field: "agendaItemId",
          problems: [
            { message: "Choose an agenda item of the chosen meeting.", field: "agendaItemId" },
            { message: "Choose one of the organisation's assurance areas, or none.", field: "areaId" },
            { message: "Enter the question you mean to ask.", field: "question" },
          ],
        };
      },
    });
    render(MeetingScreen, { id: "mt1" });
    const planned = await section();
    expect(await within(planned).findByText("You have not planned any questions for this meeting yet.")).toBeTruthy();
    const user = userEvent.setup();
    await user.click(within(planned).getByRole("button", { name: "Add the question" }));

    const summary = await within(planned).findByRole("alert");
    const links = within(summary).getAllByRole("link");
    expect(links.map((a) => [a.textContent, a.getAttribute("href")])).toEqual([
      ["Choose an agenda item of the chosen meeting.", "#planned-item"],
      ["Choose one of the organisation's assurance areas, or none.", "#planned-area"],
      ["Enter the question you mean to ask.", "#planned-question"],
    ]);
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(document.getElementById("planned-item-error")?.textContent).toContain("Choose an agenda item of the chosen meeting.");
    expect(document.getElementById("planned-area-error")?.textContent).toContain("Choose one of the organisation's assurance areas, or none.");
    expect(screen.getByRole("textbox", { name: "Your question" }).getAttribute("aria-describedby")).toBe("planned-question-error");
    expect(calls.add_planned_question).toEqual([{ input: { meetingId: "mt1", agendaItemId: "", areaId: "", question: "" } }]);
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });

  it("changes a question in the same form", async () => {
    let mine = [question()];
    const calls = mockMeeting(board, () => mine, {
      update_planned_question: (args) => {
        mine = [question({ agendaItemId: null, question: "What changed since the last report?" })];
        return mine[0] && { ...mine[0], args };
      },
    });
    render(MeetingScreen, { id: "mt1" });
    const planned = await section();
    const user = userEvent.setup();
    await user.click(await within(planned).findByRole("button", { name: /^Edit the question/ }));
    const form = within(planned).getByRole("form", { name: "Change your question" });
    const text = within(form).getByRole("textbox", { name: "Your question" }) as HTMLTextAreaElement;
    await waitFor(() => expect(document.activeElement).toBe(text));
    expect(text.value).toBe("How many referrals waited more than a day for a decision?");
    await user.selectOptions(within(form).getByRole("combobox", { name: "Agenda item" }), "The meeting as a whole");
    await user.clear(text);
    await user.type(text, "What changed since the last report?");
    await user.click(within(form).getByRole("button", { name: "Save the change" }));
    expect((await within(planned).findByRole("status")).textContent).toContain("Your question was changed.");
    expect(calls.update_planned_question).toEqual([
      { id: "q1", input: { meetingId: "mt1", agendaItemId: "", areaId: "area-1", question: "What changed since the last report?" } },
    ]);
    expect(planned.textContent).toContain("About the meeting as a whole. Area: Safeguarding children.");
  });

  it("deletes a question only once the dialog is confirmed", async () => {
    let mine = [question(), question({ id: "q2", agendaItemId: null, areaId: "", question: "Who audits the audits?" })];
    const calls = mockMeeting(board, () => mine, {
      delete_planned_question: (args) => {
        mine = mine.filter((q) => q.id !== args.id);
        return null;
      },
    });
    render(MeetingScreen, { id: "mt1" });
    const planned = await section();
    const user = userEvent.setup();
    await user.click(await within(planned).findByRole("button", { name: "Delete the question: Who audits the audits?" }));
    const dialog = screen.getByRole("dialog", { name: "Delete this question?" });
    expect(dialog.textContent).toContain("“Who audits the audits?”");
    // Cancelling sends nothing.
    await user.click(within(dialog).getByRole("button", { name: "Cancel" }));
    expect(calls.delete_planned_question).toBeUndefined();
    expect(dialog.hasAttribute("open")).toBe(false);

    await user.click(within(planned).getByRole("button", { name: "Delete the question: Who audits the audits?" }));
    await user.click(within(dialog).getByRole("button", { name: "Delete the question" }));
    expect((await within(planned).findByRole("status")).textContent).toContain("Your question was deleted.");
    expect(calls.delete_planned_question).toEqual([{ id: "q2" }]);
    expect(planned.textContent).not.toContain("Who audits the audits?");
    expect(planned.textContent).toContain("How many referrals waited more than a day for a decision?");
    expect(dialog.hasAttribute("open")).toBe(false);
  });

  it("says where to choose whose laptop this is when nobody is chosen", async () => {
    mockMeeting(board, () => {
      throw { kind: "Validation", message: "Choose whose laptop this is in Settings first: planned questions are yours alone.", field: "memberId" };
    });
    render(MeetingScreen, { id: "mt1" });
    const planned = await section();
    expect(await within(planned).findByText(/planned questions are yours alone/)).toBeTruthy();
    expect(within(planned).getByRole("link", { name: "Choose whose laptop this is in Settings" }).getAttribute("href")).toBe("#/settings");
    expect(within(planned).queryByRole("form")).toBeNull();
  });
});

describe("asking a planned question at the meeting", () => {
  const committee = meetingView("2026-08-06", "Quality Committee, 6 August 2026");

  it("offers each question not yet asked to log as a challenge, and shows the asked ones with their challenge", async () => {
    mockMeeting(committee, () => [question(), question({ id: "q2", question: "Who audits the audits?", raisedEntryId: "e7" })]);
    render(MeetingScreen, { id: "mt1" });
    const planned = await section();
    const log = await within(planned).findByRole("link", { name: "Log it as a challenge: How many referrals waited more than a day for a decision?" });
    expect(log.getAttribute("href")).toBe("#/meetings/mt1/questions/q1/log");
    const asked = within(planned).getAllByRole("listitem")[1];
    expect(within(asked).getByText("Asked")).toBeTruthy();
    expect(within(asked).getByRole("link", { name: "See the challenge logged: Who audits the audits?" }).getAttribute("href")).toBe("#/scrutiny/e7/edit");
    expect(within(asked).queryByRole("link", { name: /^Log it as a challenge/ })).toBeNull();
    expect(within(asked).queryByRole("button")).toBeNull();
    // Held today: a question can still be planned.
    expect(within(planned).getByRole("form", { name: "Plan a question" })).toBeTruthy();
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });

  it("no longer offers to plan questions once the meeting has been held", async () => {
    mockMeeting(meetingView("2026-05-06", "Board, 6 May 2026"), () => [question()]);
    render(MeetingScreen, { id: "mt1" });
    const planned = await section();
    expect(await within(planned).findByRole("link", { name: /^Log it as a challenge/ })).toBeTruthy();
    expect(within(planned).queryByRole("form")).toBeNull();
    expect(within(planned).queryByRole("button", { name: /^Edit/ })).toBeNull();
  });

  it("opens the challenge form filled in from the question, and logs it by raising the question", async () => {
    const board = [member({ id: "m1", name: "Priya Raman" }), member({ id: "m2", name: "Fiona Gallagher" })];
    const summary = meetingSummary({ id: "mt1", heldOn: "2026-08-06", items }, "Quality Committee, 6 August 2026");
    const calls = mockCommands({
      list_meetings: () => [summary],
      assurance_areas: () => assuranceAreas,
      list_members: () => board,
      assurance_levels: () => assuranceLevels,
      evidence_sources: () => evidenceSources,
      get_meeting: () => committee,
      planned_questions: () => [question()],
      raise_planned_question: () => entryView({ id: "e9" }),
    });
    render(EntryForm, { meetingId: "mt1", question: "q1" });
    expect(await screen.findByRole("heading", { level: 1, name: "Log your planned question as a challenge" })).toBeTruthy();
    expect(calls.planned_questions).toEqual([{ meetingId: "mt1" }]);
    const value = (name: string) => (screen.getByRole("combobox", { name }) as HTMLSelectElement).value;
    expect(value("Meeting")).toBe("mt1");
    await waitFor(() => expect(value("Agenda item")).toBe("i1"));
    expect(value("Assurance area")).toBe("area-1");
    expect(value("Raised by")).toBe("m1");
    const challenge = screen.getByRole("textbox", { name: "The question or challenge" }) as HTMLTextAreaElement;
    expect(challenge.value).toBe("How many referrals waited more than a day for a decision?");
    expect(screen.getByRole("link", { name: "Back to the meeting" }).getAttribute("href")).toBe("#/meetings/mt1/questions");

    const user = userEvent.setup();
    await user.type(screen.getByRole("textbox", { name: "The response (optional)" }), "Twelve, all in June; the rota has changed.");
    await user.click(screen.getByRole("radio", { name: "Reasonable" }));
    await user.click(screen.getByRole("button", { name: "Log the challenge" }));

    await waitFor(() => expect(window.location.hash).toBe("#/meetings/mt1/questions"));
    expect(calls.add_entry).toBeUndefined();
    expect(calls.raise_planned_question).toEqual([
      {
        id: "q1",
        entry: {
          meetingId: "mt1",
          agendaItemId: "i1",
          raisedOn: "",
          areaId: "area-1",
          raisedBy: "m1",
          challenge: "How many referrals waited more than a day for a decision?",
          directedTo: "",
          response: "Twelve, all in June; the rota has changed.",
          evidence: [],
          assuranceLevel: "reasonable",
          minuteRef: "",
          actions: [],
        },
      },
    ]);
  });

  it("says so when the question has already been logged", async () => {
    mockCommands({
      list_meetings: () => [],
      assurance_areas: () => assuranceAreas,
      list_members: () => [],
      assurance_levels: () => assuranceLevels,
      evidence_sources: () => evidenceSources,
      planned_questions: () => [question({ raisedEntryId: "e7" })],
    });
    render(EntryForm, { meetingId: "mt1", question: "q1" });
    expect(await screen.findByRole("heading", { level: 1, name: "This question cannot be logged" })).toBeTruthy();
    expect(screen.getByText("This question has already been logged as a challenge.")).toBeTruthy();
  });
});
