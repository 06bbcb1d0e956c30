import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it } from "vitest";
import type { ActionInput } from "../../bindings/ActionInput";
import type { ActionView } from "../../bindings/ActionView";
import type { EntryInput } from "../../bindings/EntryInput";
import type { MeetingSummary } from "../../bindings/MeetingSummary";
import { seriousAxeProblems } from "../../test-axe";
import { actionStatuses, actionView, assuranceAreas, assuranceLevels, entryView, evidenceSources, meetingKinds, meetingSummary, member } from "../../test-fixtures";
import EntryForm from "./EntryForm.svelte";

const members = [member({ id: "m1", name: "Fiona Gallagher" }), member({ id: "m2", name: "Margaret Ellison" })];

function todayIso(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
}

const earlier = meetingSummary({ id: "mt0", heldOn: "2026-05-06", items: [] }, "Safeguarding Committee, 6 May 2026");
const today = meetingSummary({ id: "mt1", heldOn: todayIso() }, "Board, today");

type Call = { cmd: string; args: Record<string, unknown> };

/**
 * Answers the form's lookups and records every call; `save` answers add_entry and update_entry,
 * and add_action and update_action. The entry being edited has `entryActions()` as its actions.
 */
function mockForm(
  calls: Call[],
  save: (cmd: string, args: Record<string, unknown>) => unknown = () => entryView(),
  meetings: MeetingSummary[] = [today, earlier],
  entryActions: () => ActionView[] = () => [],
) {
  mockIPC((cmd, payload) => {
    const args = (payload ?? {}) as Record<string, unknown>;
    calls.push({ cmd, args });
    if (cmd === "list_meetings") return meetings;
    if (cmd === "assurance_areas") return assuranceAreas;
    if (cmd === "list_members") return args.filter === "current" ? members : [...members, member({ id: "m9", name: "Former Member", endDate: "2026-01-01" })];
    if (cmd === "assurance_levels") return assuranceLevels;
    if (cmd === "evidence_sources") return evidenceSources;
    if (cmd === "action_statuses") return actionStatuses;
    if (cmd === "escalation_points") return meetingKinds.map((k) => k.label);
    if (cmd === "get_meeting") {
      const m = meetings.find((s) => s.meeting.id === args.id) ?? today;
      return { meeting: m.meeting, label: m.label, entries: [] };
    }
    if (cmd === "get_entry") {
      return entryView(
        { id: "e1", meetingId: "mt1", agendaItemId: "i2", raisedOn: "2026-05-06", raisedBy: "m9", evidence: ["dashboard"], assuranceLevel: "limited", minuteRef: "B/26/12" },
        { levelLabel: "Limited", actions: entryActions() },
      );
    }
    if (["add_entry", "update_entry", "add_action", "update_action"].includes(cmd)) return save(cmd, args);
  });
}

const sent = (calls: Call[], cmd = "add_entry") => calls.filter((c) => c.cmd === cmd).map((c) => c.args.input as EntryInput);

async function fillRequired(user: ReturnType<typeof userEvent.setup>) {
  await user.selectOptions(screen.getByRole("combobox", { name: "Assurance area" }), "Safeguarding children");
  await user.selectOptions(screen.getByRole("combobox", { name: "Raised by" }), "Fiona Gallagher");
  await user.type(screen.getByRole("textbox", { name: "The question or challenge" }), "How do we know the audit actions are embedded?");
  await user.click(screen.getByRole("radio", { name: "Limited" }));
}

describe("logging a challenge", () => {
  beforeEach(() => {
    window.location.hash = "";
  });

  it("defaults to today's meeting and sends the whole entry with a follow-up action", async () => {
    const calls: Call[] = [];
    mockForm(calls);
    const user = userEvent.setup();
    render(EntryForm, {});
    expect(await screen.findByRole("heading", { level: 1, name: "Log a challenge" })).toBeTruthy();
    expect(screen.getByText(/Press Ctrl\+Enter \(Cmd\+Enter on a Mac\) anywhere in the form to save and log another/)).toBeTruthy();
    const meetingSelect = screen.getByRole("combobox", { name: "Meeting" }) as HTMLSelectElement;
    expect(meetingSelect.value).toBe("mt1");
    // Each level's definition is its radio's hint.
    expect(screen.getByRole("radio", { name: "Limited" }).getAttribute("aria-describedby")).toBe("entry-level-2-hint");
    expect(document.getElementById("entry-level-2-hint")?.textContent).toContain("Significant weaknesses");

    await user.selectOptions(await screen.findByRole("combobox", { name: "Agenda item" }), "4.2 Learning from reviews");
    await fillRequired(user);
    await user.type(screen.getByRole("textbox", { name: "Directed to (optional)" }), "Chief Nurse");
    await user.type(screen.getByRole("textbox", { name: "The response (optional)" }), "A re-audit is due.");
    await user.click(screen.getByRole("checkbox", { name: "Audit" }));
    await user.click(screen.getByRole("checkbox", { name: "Voice of children and families" }));
    await user.type(screen.getByRole("textbox", { name: "Minute reference (optional)" }), "B/26/041");
    await user.type(screen.getByRole("textbox", { name: "What is to be done" }), "Bring the re-audit to committee");
    await user.selectOptions(screen.getByRole("combobox", { name: "Owner" }), "Someone not on the board");
    await user.type(screen.getByRole("textbox", { name: "Owner’s name" }), "Head of Safeguarding");
    await user.type(screen.getByRole("textbox", { name: "Due date (optional)" }), "31/10/2026");
    await user.click(screen.getByRole("button", { name: "Save and return to the log" }));

    await waitFor(() => expect(window.location.hash).toBe("#/scrutiny"));
    expect(sent(calls)).toEqual([
      {
        meetingId: "mt1",
        agendaItemId: "i2",
        raisedOn: "",
        areaId: "area-1",
        raisedBy: "m1",
        challenge: "How do we know the audit actions are embedded?",
        directedTo: "Chief Nurse",
        response: "A re-audit is due.",
        evidence: ["audit", "voice"],
        assuranceLevel: "limited",
        minuteRef: "B/26/041",
        actions: [
          {
            description: "Bring the re-audit to committee",
            ownerMemberId: "",
            ownerName: "Head of Safeguarding",
            dueOn: "31/10/2026",
            status: null,
            escalatedTo: "",
            closureNote: "",
            closedOn: "",
          },
        ],
      },
    ]);
  });

  it("sends no action when none was described, and a board member as owner when chosen", async () => {
    const calls: Call[] = [];
    mockForm(calls, () => entryView(), [earlier]);
    const user = userEvent.setup();
    render(EntryForm, {});
    await screen.findByRole("heading", { level: 1, name: "Log a challenge" });
    // No meeting is being held today, so none is chosen.
    expect((screen.getByRole("combobox", { name: "Meeting" }) as HTMLSelectElement).value).toBe("");
    expect(screen.queryByRole("combobox", { name: "Agenda item" })).toBeNull();
    await fillRequired(user);
    await user.click(screen.getByRole("button", { name: "Save and log another" }));
    await screen.findByText("Challenge logged.");
    expect(sent(calls)[0]).toMatchObject({ meetingId: "", agendaItemId: "", actions: [] });

    await user.type(screen.getByRole("textbox", { name: "The question or challenge" }), "Second");
    await user.click(screen.getByRole("radio", { name: "Substantial" }));
    await user.type(screen.getByRole("textbox", { name: "What is to be done" }), "Report back");
    await user.selectOptions(screen.getByRole("combobox", { name: "Owner" }), "Margaret Ellison");
    await user.click(screen.getByRole("button", { name: "Save and log another" }));
    await waitFor(() => expect(sent(calls)).toHaveLength(2));
    expect(sent(calls)[1].actions).toMatchObject([{ description: "Report back", ownerMemberId: "m2", ownerName: "", dueOn: "" }]);
  });

  it("“Save and log another” keeps where and who, clears what was said and returns to the challenge", async () => {
    const calls: Call[] = [];
    mockForm(calls);
    const user = userEvent.setup();
    render(EntryForm, { meetingId: "mt1" });
    await screen.findByRole("heading", { level: 1, name: "Log a challenge" });
    await user.selectOptions(await screen.findByRole("combobox", { name: "Agenda item" }), "4.1 Safeguarding annual report");
    await user.type(screen.getByRole("textbox", { name: "Date raised" }), "06/08/2026");
    await fillRequired(user);
    await user.type(screen.getByRole("textbox", { name: "Directed to (optional)" }), "Chief Nurse");
    await user.type(screen.getByRole("textbox", { name: "The response (optional)" }), "Re-audit due.");
    await user.click(screen.getByRole("checkbox", { name: "Audit" }));
    await user.type(screen.getByRole("textbox", { name: "What is to be done" }), "Report back");
    await user.click(screen.getByRole("button", { name: "Save and log another" }));

    expect((await screen.findByRole("status")).textContent).toContain("Challenge logged.");
    expect(window.location.hash).toBe("");
    const challenge = screen.getByRole("textbox", { name: "The question or challenge" }) as HTMLTextAreaElement;
    expect(challenge.value).toBe("");
    expect(document.activeElement).toBe(challenge);
    expect((screen.getByRole("combobox", { name: "Meeting" }) as HTMLSelectElement).value).toBe("mt1");
    expect((screen.getByRole("combobox", { name: "Agenda item" }) as HTMLSelectElement).value).toBe("i1");
    expect((screen.getByRole("textbox", { name: "Date raised" }) as HTMLInputElement).value).toBe("06/08/2026");
    expect((screen.getByRole("combobox", { name: "Assurance area" }) as HTMLSelectElement).value).toBe("area-1");
    expect((screen.getByRole("combobox", { name: "Raised by" }) as HTMLSelectElement).value).toBe("m1");
    expect((screen.getByRole("textbox", { name: "Directed to (optional)" }) as HTMLInputElement).value).toBe("Chief Nurse");
    expect((screen.getByRole("textbox", { name: "The response (optional)" }) as HTMLTextAreaElement).value).toBe("");
    expect((screen.getByRole("checkbox", { name: "Audit" }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole("radio", { name: "Limited" }) as HTMLInputElement).checked).toBe(false);
    expect((screen.getByRole("textbox", { name: "What is to be done" }) as HTMLTextAreaElement).value).toBe("");
    expect(sent(calls)[0]).toMatchObject({ meetingId: "mt1", agendaItemId: "i1", raisedOn: "06/08/2026", evidence: ["audit"] });
  });

  it("saves and logs another on Ctrl+Enter from anywhere in the form", async () => {
    const calls: Call[] = [];
    mockForm(calls);
    const user = userEvent.setup();
    render(EntryForm, {});
    await screen.findByRole("heading", { level: 1, name: "Log a challenge" });
    await fillRequired(user);
    await user.click(screen.getByRole("textbox", { name: "The question or challenge" }));
    await user.keyboard("{Control>}{Enter}{/Control}");
    expect(await screen.findByText("Challenge logged.")).toBeTruthy();
    expect(sent(calls)).toHaveLength(1);
    // The key saved the challenge as typed, without adding a line break to it.
    expect(sent(calls)[0].challenge).toBe("How do we know the audit actions are embedded?");
    expect(window.location.hash).toBe("");

    await user.type(screen.getByRole("textbox", { name: "The question or challenge" }), "And the next one?");
    await user.click(screen.getByRole("radio", { name: "Reasonable" }));
    await user.keyboard("{Meta>}{Enter}{/Meta}");
    await waitFor(() => expect(sent(calls)).toHaveLength(2));
    expect(sent(calls)[1]).toMatchObject({ challenge: "And the next one?", assuranceLevel: "reasonable", areaId: "area-1", raisedBy: "m1" });
  });

  it("shows the core's refusal on its field and keeps what was typed", async () => {
    const calls: Call[] = [];
    mockForm(calls, () => {
      throw { kind: "Validation", message: "The date cannot be in the future: log a challenge once it has been raised.", field: "raisedOn" };
    });
    const user = userEvent.setup();
    render(EntryForm, {});
    await screen.findByRole("heading", { level: 1, name: "Log a challenge" });
    await fillRequired(user);
    await user.type(screen.getByRole("textbox", { name: "Date raised" }), "01/01/2099");
    await user.click(screen.getByRole("button", { name: "Save and log another" }));

    const summary = await screen.findByRole("alert");
    expect(summary.textContent).toContain("There is a problem");
    expect(summary.querySelector("a")?.getAttribute("href")).toBe("#entry-date");
    const date = screen.getByRole("textbox", { name: "Date raised" }) as HTMLInputElement;
    expect(date.getAttribute("aria-describedby")).toContain("entry-date-error");
    expect(document.getElementById("entry-date-error")?.textContent).toContain("The date cannot be in the future");
    expect(date.value).toBe("01/01/2099");
    expect((screen.getByRole("textbox", { name: "The question or challenge" }) as HTMLTextAreaElement).value).toBe(
      "How do we know the audit actions are embedded?",
    );
    expect(screen.queryByText("Challenge logged.")).toBeNull();
  });

  it("shows every problem of an empty form at once, each in the summary and on its field", async () => {
    const calls: Call[] = [];
    const problems = [
      { field: "areaId", message: "Choose the assurance area the challenge is about." },
      { field: "raisedBy", message: "Choose who raised the challenge." },
      { field: "challenge", message: "Enter the question or challenge." },
      { field: "assuranceLevel", message: "Choose the level of assurance the answer gave." },
    ];
    mockForm(calls, () => {
      throw { kind: "Validation", message: problems[0].message, field: problems[0].field, problems };
    });
    const user = userEvent.setup();
    render(EntryForm, {});
    await screen.findByRole("heading", { level: 1, name: "Log a challenge" });
    await user.click(screen.getByRole("button", { name: "Save and log another" }));
    const summary = await screen.findByRole("alert");
    const listed = within(summary).getAllByRole("listitem").map((li) => li.textContent?.trim());
    expect(listed).toEqual(problems.map((p) => p.message));
    for (const p of problems) expect(screen.getAllByText(p.message).length).toBeGreaterThanOrEqual(2);
    expect(calls.filter((c) => c.cmd === "add_entry")).toHaveLength(1);
  });

  it("shows an action's owner error on the owner's name when someone not on the board owns it", async () => {
    const calls: Call[] = [];
    mockForm(calls, () => {
      throw { kind: "Validation", message: "Enter who owns the action: choose a board member or type an officer's name.", field: "ownerName" };
    });
    const user = userEvent.setup();
    render(EntryForm, {});
    await screen.findByRole("heading", { level: 1, name: "Log a challenge" });
    await fillRequired(user);
    await user.type(screen.getByRole("textbox", { name: "What is to be done" }), "Report back");
    await user.selectOptions(screen.getByRole("combobox", { name: "Owner" }), "Someone not on the board");
    await user.click(screen.getByRole("button", { name: "Save and log another" }));
    await screen.findByRole("alert");
    expect(screen.getByRole("textbox", { name: "Owner’s name" }).getAttribute("aria-describedby")).toContain("action-owner-name-error");
  });
});

describe("editing a challenge", () => {
  beforeEach(() => {
    window.location.hash = "";
  });

  it("fills the form from the entry, saves changes and returns to the log", async () => {
    const calls: Call[] = [];
    mockForm(calls, () => entryView());
    const user = userEvent.setup();
    render(EntryForm, { id: "e1" });
    expect(await screen.findByRole("heading", { level: 1, name: "Edit challenge" })).toBeTruthy();
    expect((screen.getByRole("textbox", { name: "Date raised" }) as HTMLInputElement).value).toBe("06/05/2026");
    expect((screen.getByRole("combobox", { name: "Meeting" }) as HTMLSelectElement).value).toBe("mt1");
    expect((screen.getByRole("combobox", { name: "Agenda item" }) as HTMLSelectElement).value).toBe("i2");
    // A former member who raised it is still offered.
    expect((screen.getByRole("combobox", { name: "Raised by" }) as HTMLSelectElement).value).toBe("m9");
    expect((screen.getByRole("checkbox", { name: "Dashboard or KPI" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("radio", { name: "Limited" }) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole("button", { name: "Save and log another" })).toBeNull();
    expect(screen.queryByRole("textbox", { name: "What is to be done" })).toBeNull();

    await user.click(screen.getByRole("radio", { name: "Reasonable" }));
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(window.location.hash).toBe("#/scrutiny"));
    const update = calls.find((c) => c.cmd === "update_entry");
    expect(update?.args.id).toBe("e1");
    expect(update?.args.input).toMatchObject({
      meetingId: "mt1",
      agendaItemId: "i2",
      raisedOn: "06/05/2026",
      raisedBy: "m9",
      evidence: ["dashboard"],
      assuranceLevel: "reasonable",
      minuteRef: "B/26/12",
      actions: [],
    });
    expect(calls.some((c) => c.cmd === "add_entry")).toBe(false);
  });

  it("keeps an area from the set the board used before, and sends it unchanged", async () => {
    const calls: Call[] = [];
    mockIPC((cmd, payload) => {
      const args = (payload ?? {}) as Record<string, unknown>;
      calls.push({ cmd, args });
      if (cmd === "get_entry")
        return entryView({ id: "e1", areaId: "saaf.4.2.1.9", raisedBy: "m1", assuranceLevel: "limited" }, { levelLabel: "Limited", areaTitle: "Safeguarding supervision" });
      if (cmd === "list_meetings") return [today, earlier];
      if (cmd === "assurance_areas") return assuranceAreas;
      if (cmd === "list_members") return members;
      if (cmd === "assurance_levels") return assuranceLevels;
      if (cmd === "evidence_sources") return evidenceSources;
      if (cmd === "action_statuses") return actionStatuses;
      if (cmd === "update_entry") return entryView();
    });
    const user = userEvent.setup();
    render(EntryForm, { id: "e1" });
    const area = (await screen.findByRole("combobox", { name: "Assurance area" })) as HTMLSelectElement;
    expect(area.value).toBe("saaf.4.2.1.9");
    expect(area.selectedOptions[0].textContent).toBe("Safeguarding supervision (from the area set used before)");
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await waitFor(() => expect(calls.some((c) => c.cmd === "update_entry")).toBe(true));
    expect(sent(calls, "update_entry")[0].areaId).toBe("saaf.4.2.1.9");
  });

  it("explains when the entry cannot be found", async () => {
    mockIPC((cmd) => {
      if (cmd === "get_entry") throw { kind: "NotFound", message: "No scrutiny entry has the id 'e404'.", field: null };
      if (cmd === "list_meetings" || cmd === "list_members") return [];
      if (cmd === "assurance_areas") return assuranceAreas;
      if (cmd === "assurance_levels") return assuranceLevels;
      if (cmd === "evidence_sources") return evidenceSources;
    });
    render(EntryForm, { id: "e404" });
    expect(await screen.findByText("No scrutiny entry has the id 'e404'.")).toBeTruthy();
  });
});

describe("the actions of a challenge being edited", () => {
  const first = actionView({ id: "a1", entryId: "e1", description: "Bring the re-audit results to the committee", ownerMemberId: null, ownerName: "Head of Safeguarding", status: "open" });

  it("lists the actions in place of sending people to the Actions page", async () => {
    mockForm([], () => entryView(), [today, earlier], () => [first]);
    render(EntryForm, { id: "e1" });
    const section = await screen.findByRole("region", { name: "Follow-up actions" });
    expect(screen.queryByText(/updated on the/)).toBeNull();
    const [item] = within(section).getAllByRole("listitem");
    expect(within(item).getByRole("heading", { name: "Bring the re-audit results to the committee" })).toBeTruthy();
    expect(item.textContent).toContain("Head of Safeguarding");
    expect(item.textContent).toContain("31/10/2026");
    expect(within(item).getByText("Open").className).toContain("nhsuk-tag");
    expect(within(section).getByRole("button", { name: "Edit the action: Bring the re-audit results to the committee" })).toBeTruthy();
    expect(within(section).getByRole("button", { name: "Add an action" })).toBeTruthy();
  });

  it("edits an action and adds another, keeping the challenge's unsaved changes", async () => {
    const calls: Call[] = [];
    let actions = [first];
    mockForm(
      calls,
      (cmd, args) => {
        const input = args.input as ActionInput;
        if (cmd === "update_action") {
          actions = [actionView({ ...first.action, description: input.description, status: "in-progress" })];
          return actions[0];
        }
        const added = actionView({ id: "a2", entryId: "e1", description: input.description, ownerMemberId: input.ownerMemberId, ownerName: "Margaret Ellison", dueOn: null });
        actions = [...actions, added];
        return added;
      },
      [today, earlier],
      () => actions,
    );
    const user = userEvent.setup();
    render(EntryForm, { id: "e1" });
    await screen.findByRole("region", { name: "Follow-up actions" });
    // A change to the challenge not yet saved.
    await user.click(screen.getByRole("radio", { name: "Reasonable" }));

    await user.click(screen.getByRole("button", { name: "Edit the action: Bring the re-audit results to the committee" }));
    const description = await screen.findByRole("textbox", { name: "What is to be done" });
    await waitFor(() => expect(document.activeElement).toBe(description));
    await user.clear(description);
    await user.type(description, "Bring the re-audit results to the board");
    await user.selectOptions(screen.getByRole("combobox", { name: "Status" }), "In progress");
    await user.click(screen.getByRole("button", { name: "Save update" }));

    const notice = await screen.findByText(/was updated/);
    expect(notice.closest("[role=status]")?.id).toBe("entry-actions-notice");
    expect(notice.textContent).toBe("The action “Bring the re-audit results to the board” was updated; it is now in progress.");
    const edit = screen.getByRole("button", { name: "Edit the action: Bring the re-audit results to the board" });
    await waitFor(() => expect(document.activeElement).toBe(edit));
    expect(calls.filter((c) => c.cmd === "update_action").map((c) => c.args)).toEqual([
      {
        id: "a1",
        input: {
          description: "Bring the re-audit results to the board",
          ownerMemberId: "",
          ownerName: "Head of Safeguarding",
          dueOn: "31/10/2026",
          status: "in-progress",
          escalatedTo: "",
          closureNote: "",
          closedOn: "",
        },
      },
    ]);

    await user.click(screen.getByRole("button", { name: "Add an action" }));
    await user.type(await screen.findByRole("textbox", { name: "What is to be done" }), "Share the learning with ward managers");
    await user.selectOptions(screen.getByRole("combobox", { name: "Owner" }), "Margaret Ellison");
    await user.click(screen.getByRole("button", { name: "Add action" }));

    expect((await screen.findByText(/was added/)).textContent).toContain("The action “Share the learning with ward managers” was added.");
    await waitFor(() => expect(document.activeElement?.id).toBe("entry-actions-notice"));
    expect(calls.filter((c) => c.cmd === "add_action").map((c) => c.args)).toEqual([
      {
        entryId: "e1",
        input: {
          description: "Share the learning with ward managers",
          ownerMemberId: "m2",
          ownerName: "",
          dueOn: "",
          status: "open",
          escalatedTo: "",
          closureNote: "",
          closedOn: "",
        },
      },
    ]);
    const section = screen.getByRole("region", { name: "Follow-up actions" });
    expect(within(section).getAllByRole("listitem").map((li) => within(li).getByRole("heading").textContent)).toEqual([
      "Bring the re-audit results to the board",
      "Share the learning with ward managers",
    ]);
    expect(calls.filter((c) => c.cmd === "get_entry")).toHaveLength(3);
    // The challenge itself is as the person left it, still to be saved.
    expect((screen.getByRole("radio", { name: "Reasonable" }) as HTMLInputElement).checked).toBe(true);
    expect(calls.some((c) => c.cmd === "update_entry")).toBe(false);
  });

  it("has no serious accessibility problems with the challenge's form and an action's form both showing errors", async () => {
    mockForm(
      [],
      (cmd) => {
        if (cmd === "update_entry") throw { kind: "Validation", message: "Choose an assurance level.", field: "assuranceLevel" };
        throw { kind: "Validation", message: "Enter what is to be done.", field: "description" };
      },
      [today, earlier],
      () => [first],
    );
    const user = userEvent.setup();
    render(EntryForm, { id: "e1" });
    await screen.findByRole("region", { name: "Follow-up actions" });
    await user.click(screen.getByRole("button", { name: "Save changes" }));
    await screen.findByRole("alert");
    await user.click(screen.getByRole("button", { name: "Add an action" }));
    await screen.findByRole("textbox", { name: "What is to be done" });
    await user.click(screen.getByRole("button", { name: "Add action" }));
    await waitFor(() => expect(screen.getAllByRole("alert")).toHaveLength(2));
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });
});
