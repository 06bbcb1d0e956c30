import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { PageRequest } from "../../bindings/PageRequest";
import type { TrackedAction } from "../../bindings/TrackedAction";
import type { ActionFilter } from "../../bindings/ActionFilter";
import { seriousAxeProblems } from "../../test-axe";
import { actionPageOf, actionStatuses, manyActions, member, periodChoices, trackedAction } from "../../test-fixtures";
import ActionsScreen from "./ActionsScreen.svelte";
import { mockCommands } from "../../test-commands";

// As the core sends them: overdue first, most overdue at the top.
const late = trackedAction(
  { id: "a1", description: "Bring the re-audit results to the committee", ownerMemberId: "m1", ownerName: "Priya Raman", dueOn: "2026-07-31", status: "in-progress" },
  12,
);
const onTime = {
  ...trackedAction({ id: "a2", description: "Share the learning review summary", ownerName: "Head of Safeguarding", dueOn: "2026-12-31", status: "open" }),
  challenge: "Who checks the learning reaches front-line staff?",
  areaTitle: "Learning from reviews",
  raisedOn: "2026-09-14",
  meetingLabel: null,
};

type Call = { cmd: string; args: unknown };

// The board as it is now: whoever owns an action is chosen from these.
const board = [member({ id: "m1", name: "Priya Raman" }), member({ id: "m2", name: "Margaret Ellison" })];

function mockActions(calls: Call[], list: () => TrackedAction[], onUpdate: (args: unknown) => unknown = () => undefined) {
  mockCommands({
    action_statuses: () => actionStatuses,
    recent_periods: () => periodChoices,
    list_members: () => board,
    escalation_points: () => ["Board", "Quality Committee"],
    action_page: (args) => actionPageOf(list(), (args as { page: PageRequest }).page),
    update_action: (args) => onUpdate(args),
    action_history: () => [
        { recordedAt: "2026-08-06T10:00:00.000Z", changedBy: "Fiona Gallagher", change: "added", changes: ["Agreed"], record: late.action },
        { recordedAt: "2026-08-20T10:00:00.000Z", changedBy: "Priya Raman", change: "edited", changes: ["Status: “Open” → “In progress”"], record: late.action },
      ],
  }, (cmd, args) => calls.push({ cmd, args }));
}

const listed = () => screen.getAllByRole("listitem").filter((li) => li.classList.contains("app-action"));

describe("the action tracker", () => {
  it("shows overdue actions first, with status and lateness as words and what they follow up", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => [late, onTime]);
    render(ActionsScreen);
    expect(await screen.findByText(/1 action is overdue/)).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Actions" })).toBeTruthy();
    expect(calls.filter((c) => c.cmd === "action_page").map((c) => c.args)).toEqual([
      { filter: { overdueOnly: false, includeClosed: false, period: null, owner: null }, page: { offset: 0, limit: 50 } },
    ]);

    const [first, second] = listed();
    expect(within(first).getByRole("heading", { name: "Bring the re-audit results to the committee" })).toBeTruthy();
    expect(within(first).getByText("In progress").className).toContain("nhsuk-tag");
    expect(within(first).getByText("Overdue by 12 days").className).toContain("nhsuk-tag--red");
    expect(first.textContent).toContain("Priya Raman");
    expect(first.textContent).toContain("31/07/2026");
    expect(first.textContent).toContain("How do we know the audit actions are embedded?");
    expect(first.textContent).toContain("Safeguarding children");
    expect(first.textContent).toContain("Raised on 06/08/2026 at Board, 6 August 2026");

    expect(within(second).getByText("Open")).toBeTruthy();
    expect(within(second).queryByText(/Overdue/)).toBeNull();
    expect(second.textContent).toContain("31/12/2026");
    expect(second.textContent).toContain("Raised on 14/09/2026.");
  });

  it("shows an action's history: who changed what, oldest first", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => [late, onTime]);
    render(ActionsScreen);
    await screen.findByText(/1 action is overdue/);
    const [first] = listed();
    await userEvent.setup().click(within(first).getByText("History", { selector: "span.nhsuk-details__summary-text" }));
    expect(await within(first).findByText("Status: “Open” → “In progress”")).toBeTruthy();
    expect(first.textContent).toContain("by Priya Raman");
    expect(calls.filter((c) => c.cmd === "action_history").map((c) => c.args)).toEqual([{ id: late.action.id }]);
  });

  it("cuts the list by the period the challenges were raised in", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => [late]);
    render(ActionsScreen);
    await screen.findByText(/1 action is overdue/);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("Challenges raised in"), periodChoices[0].code);
    await screen.findByText(/1 action is overdue/);
    const sent = calls.filter((c) => c.cmd === "action_page").map((c) => c.args);
    expect(sent.at(-1)).toEqual({ filter: { overdueOnly: false, includeClosed: false, period: periodChoices[0].period, owner: null }, page: { offset: 0, limit: 50 } });
  });

  it("refetches when only overdue or closed actions are asked for", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => [late]);
    render(ActionsScreen);
    await screen.findByText(/1 action is overdue/);
    const user = userEvent.setup();
    await user.click(screen.getByLabelText("Only overdue"));
    await user.click(screen.getByLabelText("Include closed"));
    await screen.findByText(/1 action is overdue/);
    const page = { offset: 0, limit: 50 };
    expect(calls.filter((c) => c.cmd === "action_page").map((c) => c.args)).toEqual([
      { filter: { overdueOnly: false, includeClosed: false, period: null, owner: null }, page },
      { filter: { overdueOnly: true, includeClosed: false, period: null, owner: null }, page },
      { filter: { overdueOnly: true, includeClosed: true, period: null, owner: null }, page },
    ]);
  });

  it("closes an action with a note, keeping what it is and who owns it, and confirms", async () => {
    const calls: Call[] = [];
    let closed = false;
    mockActions(
      calls,
      () => (closed ? [onTime] : [late, onTime]),
      () => {
        closed = true;
        return { action: { ...late.action, status: "closed", closureNote: "Re-audit presented.", closedOn: "2026-08-12" }, overdue: false, daysOverdue: 0 };
      },
    );
    render(ActionsScreen);
    await screen.findByText(/1 action is overdue/);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Update the action: Bring the re-audit results to the committee" }));
    // Every field can be changed now; the first takes focus once the owners have arrived.
    const description = await screen.findByLabelText("What is to be done");
    await waitFor(() => expect(document.activeElement).toBe(description));
    expect((description as HTMLTextAreaElement).value).toBe("Bring the re-audit results to the committee");
    expect((screen.getByLabelText("Owner") as HTMLSelectElement).value).toBe("m1");
    expect((screen.getByLabelText("Status") as HTMLSelectElement).value).toBe("in-progress");
    expect(screen.queryByLabelText("How the action was closed")).toBeNull();
    expect(screen.queryByLabelText("Escalated to")).toBeNull();

    await user.selectOptions(await screen.findByLabelText("Status"), "Closed");
    await user.type(screen.getByLabelText("How the action was closed"), "Re-audit presented.");
    expect((screen.getByLabelText("Date closed (optional)") as HTMLInputElement).value).toBe("");
    await user.click(screen.getByRole("button", { name: "Save update" }));

    expect(calls.filter((c) => c.cmd === "update_action")).toEqual([
      {
        cmd: "update_action",
        args: {
          id: "a1",
          input: {
            description: "Bring the re-audit results to the committee",
            ownerMemberId: "m1",
            ownerName: "",
            dueOn: "31/07/2026",
            status: "closed",
            escalatedTo: "",
            closureNote: "Re-audit presented.",
            closedOn: "",
          },
        },
      },
    ]);
    expect((await screen.findByRole("status")).textContent).toContain("The action “Bring the re-audit results to the committee” was closed.");
    expect(await screen.findByText(/No actions are overdue/)).toBeTruthy();
    expect(calls.filter((c) => c.cmd === "action_page")).toHaveLength(2);
    expect(listed()).toHaveLength(1);
  });

  it("undoes closing an action, putting it back as it was", async () => {
    const calls: Call[] = [];
    let closed = false;
    mockActions(
      calls,
      () => (closed ? [onTime] : [late, onTime]),
      (args) => {
        const input = (args as { input: { status: string } }).input;
        closed = input.status === "closed";
        return { action: { ...late.action, ...input }, overdue: !closed, daysOverdue: closed ? 0 : 12 };
      },
    );
    render(ActionsScreen);
    await screen.findByText(/1 action is overdue/);
    const user = userEvent.setup();
    await user.click(screen.getByRole("button", { name: "Update the action: Bring the re-audit results to the committee" }));
    await user.selectOptions(await screen.findByLabelText("Status"), "Closed");
    await user.type(screen.getByLabelText("How the action was closed"), "Re-audit presented.");
    await user.click(screen.getByRole("button", { name: "Save update" }));
    await user.click(await screen.findByRole("button", { name: "Undo closing “Bring the re-audit results to the committee”" }));
    expect((await screen.findByRole("status")).textContent).toContain("is open again, as it was before it was closed.");
    const updates = calls.filter((c) => c.cmd === "update_action").map((c) => (c.args as { input: unknown }).input);
    expect(updates[1]).toEqual({
      description: "Bring the re-audit results to the committee",
      ownerMemberId: "m1",
      ownerName: "Priya Raman",
      dueOn: "31/07/2026",
      status: "in-progress",
      escalatedTo: "",
      closureNote: "",
      closedOn: "",
    });
    expect(await screen.findByText(/1 action is overdue/)).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Undo/ })).toBeNull();
  });

  it("asks where an action was escalated and sends it", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => [onTime], () => ({ action: { ...onTime.action, status: "escalated", escalatedTo: "Quality Committee" }, overdue: false, daysOverdue: 0 }));
    render(ActionsScreen);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: /^Update/ }));
    await user.selectOptions(await screen.findByLabelText("Status"), "Escalated");
    await user.type(screen.getByLabelText("Escalated to"), "Quality Committee");
    await user.click(screen.getByRole("button", { name: "Save update" }));
    const update = calls.find((c) => c.cmd === "update_action")?.args as { input: Record<string, unknown> };
    expect(update.input).toMatchObject({ ownerMemberId: "", ownerName: "Head of Safeguarding", status: "escalated", escalatedTo: "Quality Committee", closureNote: "" });
    expect((await screen.findByRole("status")).textContent).toContain("it is now escalated");
  });

  it("ties a missing closure note to its field and keeps the form open", async () => {
    mockActions([], () => [late], () => {
      throw { kind: "Validation", message: "Say how the action was closed: what was done, or why it is no longer needed.", field: "closureNote" };
    });
    render(ActionsScreen);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: /^Update/ }));
    await user.selectOptions(await screen.findByLabelText("Status"), "Closed");
    await user.click(screen.getByRole("button", { name: "Save update" }));

    const summary = await screen.findByRole("alert");
    expect(summary.textContent).toContain("There is a problem");
    expect(within(summary).getByRole("link", { name: /Say how the action was closed/ }).getAttribute("href")).toBe("#action-a1-closure-note");
    const note = screen.getByLabelText("How the action was closed");
    expect(note.getAttribute("aria-describedby")).toContain("action-a1-closure-note-error");
    expect(document.getElementById("action-a1-closure-note-error")?.textContent).toContain("Say how the action was closed");
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("edits what an action is and who owns it", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => [late], (args) => ({ action: { ...late.action, ...(args as { input: object }).input, ownerName: "Margaret Ellison" }, overdue: true, daysOverdue: 12 }));
    render(ActionsScreen);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: "Update the action: Bring the re-audit results to the committee" }));
    const description = await screen.findByRole("textbox", { name: "What is to be done" });
    await user.clear(description);
    await user.type(description, "Bring the re-audit results to the board");
    await user.selectOptions(screen.getByRole("combobox", { name: "Owner" }), "Margaret Ellison");
    await user.click(screen.getByRole("button", { name: "Save update" }));

    expect((await screen.findByRole("status")).textContent).toContain("The action “Bring the re-audit results to the board” was updated; it is now in progress.");
    expect(calls.filter((c) => c.cmd === "update_action").map((c) => c.args)).toEqual([
      {
        id: "a1",
        input: {
          description: "Bring the re-audit results to the board",
          ownerMemberId: "m2",
          ownerName: "",
          dueOn: "31/07/2026",
          status: "in-progress",
          escalatedTo: "",
          closureNote: "",
          closedOn: "",
        },
      },
    ]);
  });

  it("sends the typed name and no member when someone not on the board owns the action", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => [late], () => ({ action: { ...late.action, ownerMemberId: null, ownerName: "Head of Safeguarding" }, overdue: true, daysOverdue: 12 }));
    render(ActionsScreen);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: /^Update/ }));
    expect(screen.queryByRole("textbox", { name: "Owner’s name" })).toBeNull();
    await user.selectOptions(await screen.findByRole("combobox", { name: "Owner" }), "Someone not on the board");
    const name = screen.getByRole("textbox", { name: "Owner’s name" });
    expect(name.getAttribute("aria-describedby")).toBe("action-a1-owner-name-hint");
    expect(document.getElementById("action-a1-owner-name-hint")?.textContent).toBe("An officer who is not on the board");
    await user.type(name, "Head of Safeguarding");
    await user.click(screen.getByRole("button", { name: "Save update" }));
    await screen.findByRole("status");
    const update = calls.find((c) => c.cmd === "update_action")?.args as { input: Record<string, unknown> };
    expect(update.input).toMatchObject({ ownerMemberId: "", ownerName: "Head of Safeguarding" });
  });

  it("offers, once saved, to tie a post typed as the owner to the member who seems to hold it", async () => {
    const calls: Call[] = [];
    const owned = { ...late.action, ownerMemberId: null, ownerName: "Chief Nurse" };
    mockCommands({
      action_statuses: () => actionStatuses,
      recent_periods: () => periodChoices,
      list_members: () => board,
      escalation_points: () => ["Board"],
      untied_owners: () => [{ post: "Chief Nurse", uses: 4, holder: null, suggestedMemberId: "m1", suggestedMemberName: "Priya Raman" }],
      action_page: (args) => actionPageOf([late], (args as { page: PageRequest }).page),
      update_action: () => ({ action: owned, overdue: true, daysOverdue: 12 }),
      tie_post: ({ input }) => ({ id: "p1", ...(input as object), memberName: "Priya Raman", heldFrom: "2024-04-01", heldTo: null }),
    }, (cmd, args) => calls.push({ cmd, args }));
    render(ActionsScreen);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: /^Update/ }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Owner" }), "Someone not on the board");
    await user.type(screen.getByRole("textbox", { name: "Owner’s name" }), "Chief Nurse");
    await user.click(screen.getByRole("button", { name: "Save update" }));
    await user.click(await screen.findByRole("button", { name: "Tie 'Chief Nurse' to Priya Raman" }));
    expect(await screen.findByText("'Chief Nurse' is now tied to Priya Raman: actions it owns are theirs.")).toBeTruthy();
    expect(calls.filter((c) => c.cmd === "tie_post").map((c) => c.args)).toEqual([{ input: { post: "Chief Nurse", memberId: "m1", heldFrom: "", heldTo: "" } }]);
    expect(screen.queryByRole("button", { name: /^Tie/ })).toBeNull();
  });

  it("makes no offer when the owner typed is not a post anyone seems to hold", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => [late], () => ({ action: { ...late.action, ownerMemberId: null, ownerName: "Head of Safeguarding" }, overdue: true, daysOverdue: 12 }));
    render(ActionsScreen);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: /^Update/ }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Owner" }), "Someone not on the board");
    await user.type(screen.getByRole("textbox", { name: "Owner’s name" }), "Head of Safeguarding");
    await user.click(screen.getByRole("button", { name: "Save update" }));
    await screen.findByRole("status");
    await waitFor(() => expect(calls.some((c) => c.cmd === "untied_owners")).toBe(true));
    expect(screen.queryByRole("button", { name: /^Tie/ })).toBeNull();
  });

  it("shows the core's refusal of the owner's name on that field", async () => {
    mockActions([], () => [late], () => {
      throw { kind: "Validation", message: "Enter who owns the action: choose a board member or type an officer's name.", field: "ownerName" };
    });
    render(ActionsScreen);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: /^Update/ }));
    await user.selectOptions(await screen.findByRole("combobox", { name: "Owner" }), "Someone not on the board");
    await user.click(screen.getByRole("button", { name: "Save update" }));
    const summary = await screen.findByRole("alert");
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(within(summary).getByRole("link", { name: /Enter who owns the action/ }).getAttribute("href")).toBe("#action-a1-owner-name");
    expect(screen.getByRole("textbox", { name: "Owner’s name" }).getAttribute("aria-describedby")).toBe("action-a1-owner-name-hint action-a1-owner-name-error");
    expect(screen.getByRole("combobox", { name: "Owner" }).getAttribute("aria-describedby")).toBeNull();
  });

  it("suggests the board and its committees as where an action was escalated, and has no serious accessibility problems", async () => {
    mockActions([], () => [onTime]);
    render(ActionsScreen);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: /^Update/ }));
    await user.selectOptions(await screen.findByLabelText("Status"), "Escalated");
    const to = screen.getByRole("combobox", { name: "Escalated to" });
    expect(document.getElementById(to.getAttribute("aria-describedby") ?? "")?.textContent).toBe("A committee, or a board assurance framework risk such as BAF risk 3");
    const suggestions = document.getElementById(to.getAttribute("list") ?? "");
    expect(suggestions?.tagName).toBe("DATALIST");
    expect([...suggestions!.querySelectorAll("option")].map((o) => o.value)).toEqual(["Board", "Quality Committee"]);
    expect(await seriousAxeProblems()).toEqual({ serious: [], duplicateIds: [] });
  });

  it("says when nothing is overdue or open", async () => {
    mockActions([], () => []);
    render(ActionsScreen);
    expect(await screen.findByText(/No actions are overdue/)).toBeTruthy();
    expect(screen.getByText(/There are no open actions/)).toBeTruthy();
  });

  it("says how many actions there are and which ones, without paging when they fit on one", async () => {
    mockActions([], () => [late, onTime]);
    render(ActionsScreen);
    expect((await screen.findByText("Showing 1 to 2 of 2 actions")).id).toBe("actions-showing");
    expect(screen.queryByRole("navigation", { name: "Pages of the action tracker, below the list" })).toBeNull();
  });
});

describe("the action tracker, a page at a time", () => {
  // 120 actions, 70 of them overdue: more overdue than one page shows.
  const all = manyActions(120, 70);
  const pagesAsked = (calls: Call[]) => calls.filter((c) => c.cmd === "action_page").map((c) => (c.args as { page: PageRequest }).page);

  it("counts the overdue over every page, not just the one shown", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => all);
    render(ActionsScreen);
    expect(await screen.findByText(/70 actions are overdue/)).toBeTruthy();
    expect(pagesAsked(calls)).toEqual([{ offset: 0, limit: 50 }]);
    expect(listed()).toHaveLength(50);
    expect(screen.getByText("Showing 1 to 50 of 120 actions")).toBeTruthy();
    const nav = screen.getByRole("navigation", { name: "Pages of the action tracker, below the list" });
    expect(within(nav).getByText("Page 1 of 3").id).toBe("actions-page-status");
    expect(within(nav).queryByRole("button", { name: "Previous page" })).toBeNull();
  });

  it("fetches offset 50 on Next, says which page it is and moves focus to the summary", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => all);
    const scrolled = vi.spyOn(window, "scrollTo");
    render(ActionsScreen);
    const user = userEvent.setup();
    const next = (await screen.findAllByRole("button", { name: "Next page" }))[1];
    expect(next.id).toBe("actions-next-page");
    next.focus();
    await user.keyboard("{Enter}");

    expect(await screen.findAllByText("Page 2 of 3")).toBeTruthy();
    expect(pagesAsked(calls).at(-1)).toEqual({ offset: 50, limit: 50 });
    const summary = screen.getByText("Showing 51 to 100 of 120 actions");
    await waitFor(() => expect(document.activeElement).toBe(summary));
    expect(scrolled).toHaveBeenCalledWith(0, 0);
    expect(within(listed()[0]).getByRole("heading", { name: "Action number 51" })).toBeTruthy();
    // Still counted over every page.
    expect(screen.getByText(/70 actions are overdue/)).toBeTruthy();
    expect(screen.getAllByRole("button", { name: "Previous page" })[1].id).toBe("actions-previous-page");

    await user.click(screen.getAllByRole("button", { name: "Next page" })[1]);
    expect(await screen.findByText("Showing 101 to 120 of 120 actions")).toBeTruthy();
    expect(screen.queryAllByRole("button", { name: "Next page" })).toHaveLength(0);
    scrolled.mockRestore();
  });

  it("goes back to the first page when a choice changes", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => all);
    render(ActionsScreen);
    const user = userEvent.setup();
    await user.click((await screen.findAllByRole("button", { name: "Next page" }))[1]);
    await screen.findAllByText("Page 2 of 3");
    await user.click(screen.getByLabelText("Only overdue"));
    await screen.findAllByText("Page 1 of 3");
    expect(calls.filter((c) => c.cmd === "action_page").at(-1)?.args).toEqual({
      filter: { overdueOnly: true, includeClosed: false, period: null, owner: null },
      page: { offset: 0, limit: 50 },
    });
    expect(document.activeElement).toBe(screen.getByLabelText("Only overdue"));
  });

  it("updates an action on a later page and stays on that page", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => all, (args) => ({ action: { ...all[50].action, ...(args as { input: object }).input, status: "in-progress" }, overdue: true, daysOverdue: 3 }));
    render(ActionsScreen);
    const user = userEvent.setup();
    await user.click((await screen.findAllByRole("button", { name: "Next page" }))[1]);
    await screen.findAllByText("Page 2 of 3");
    await user.click(screen.getByRole("button", { name: "Update the action: Action number 51" }));
    await user.selectOptions(await screen.findByLabelText("Status"), "In progress");
    await user.click(screen.getByRole("button", { name: "Save update" }));
    expect((await screen.findByRole("status")).textContent).toContain("it is now in progress");
    expect(pagesAsked(calls).at(-1)).toEqual({ offset: 50, limit: 50 });
    expect(screen.getAllByText("Page 2 of 3")).toBeTruthy();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole("button", { name: "Update the action: Action number 51" })));
  });

  it("shows the new last page when the last action of the last page is closed", async () => {
    const calls: Call[] = [];
    let list = manyActions(51);
    mockActions(calls, () => list, () => {
      list = list.slice(0, 50);
      return { action: { ...manyActions(51)[50].action, status: "closed", closureNote: "Done.", closedOn: "2026-08-12" }, overdue: false, daysOverdue: 0 };
    });
    render(ActionsScreen);
    const user = userEvent.setup();
    await user.click((await screen.findAllByRole("button", { name: "Next page" }))[1]);
    await screen.findByText("Showing action 51 of 51");
    await user.click(screen.getByRole("button", { name: "Update the action: Action number 51" }));
    await user.selectOptions(await screen.findByLabelText("Status"), "Closed");
    await user.type(screen.getByLabelText("How the action was closed"), "Done.");
    await user.click(screen.getByRole("button", { name: "Save update" }));
    expect((await screen.findByRole("status")).textContent).toContain("was closed");
    expect(screen.getByText("Showing 1 to 50 of 50 actions")).toBeTruthy();
    expect(pagesAsked(calls).map((p) => p.offset)).toEqual([0, 50, 50, 0]);
    // The action has left the list, so the confirmation takes focus.
    await waitFor(() => expect(document.activeElement?.id).toBe("actions-notice"));
  });

  it("shows a post's holder beside it, and filters by owner, keeping the choice in the address", async () => {
    const calls: Call[] = [];
    const post = { ...onTime, postHolder: "Priya Raman", action: { ...onTime.action, ownerName: "Chief Nurse" } };
    mockActions(calls, () => [late, post]);
    mockCommands({
      action_statuses: () => actionStatuses,
      recent_periods: () => periodChoices,
      list_members: () => board,
      untied_owners: () => [{ post: "Head of Safeguarding", uses: 3, holder: null, suggestedMemberId: null, suggestedMemberName: null }],
      action_page: (args) => actionPageOf([late, post], (args as { page: PageRequest }).page),
    }, (cmd, args) => calls.push({ cmd, args }));
    const user = userEvent.setup();
    render(ActionsScreen);
    await screen.findByText(/1 action is overdue/);
    expect(listed()[1].textContent).toContain("Chief Nurse (Priya Raman)");
    const owner = screen.getByRole("combobox", { name: "Owned by" }) as HTMLSelectElement;
    await waitFor(() => expect([...owner.options].map((o) => o.text)).toEqual(["Anyone", "Priya Raman", "Margaret Ellison", "Head of Safeguarding"]));
    await user.selectOptions(owner, "Head of Safeguarding");
    const filters = () => calls.filter((c) => c.cmd === "action_page").map((c) => (c.args as { filter: ActionFilter }).filter);
    await waitFor(() => expect(filters().at(-1)?.owner).toEqual({ name: "Head of Safeguarding" }));
    expect(window.location.hash).toBe("#/actions/owner/Head%20of%20Safeguarding");
    await user.selectOptions(owner, "Priya Raman");
    await waitFor(() => expect(filters().at(-1)?.owner).toEqual({ member: "m1" }));
    expect(window.location.hash).toBe("#/actions/member/m1");
    await user.selectOptions(owner, "Anyone");
    await waitFor(() => expect(filters().at(-1)?.owner).toBeNull());
    expect(window.location.hash).toBe("#/actions");
  });

  it("opens filtered to the owner and overdue actions its address names, as Home links to it", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => [late]);
    render(ActionsScreen, { owner: "Head of Safeguarding", overdue: "overdue" });
    await screen.findByText(/1 action is overdue/);
    expect(calls.filter((c) => c.cmd === "action_page").map((c) => (c.args as { filter: ActionFilter }).filter)).toEqual([
      { overdueOnly: true, includeClosed: false, period: null, owner: { name: "Head of Safeguarding" } },
    ]);
    expect((screen.getByRole("checkbox", { name: "Only overdue" }) as HTMLInputElement).checked).toBe(true);
    expect((screen.getByRole("combobox", { name: "Owned by" }) as HTMLSelectElement).selectedOptions[0].text).toBe("Head of Safeguarding");
    expect(window.location.hash).toBe("#/actions/overdue/owner/Head%20of%20Safeguarding");
  });
});
