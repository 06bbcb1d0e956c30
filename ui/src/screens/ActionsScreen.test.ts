import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { TrackedAction } from "../bindings/TrackedAction";
import { actionStatuses, periodChoices, trackedAction } from "../test-fixtures";
import ActionsScreen from "./ActionsScreen.svelte";

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

function mockActions(calls: Call[], list: () => TrackedAction[], onUpdate: (args: unknown) => unknown = () => undefined) {
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    if (cmd === "action_statuses") return actionStatuses;
    if (cmd === "recent_periods") return periodChoices;
    if (cmd === "list_actions") return list();
    if (cmd === "update_action") return onUpdate(args);
  });
}

const listed = () => screen.getAllByRole("listitem").filter((li) => li.classList.contains("app-action"));

describe("the action tracker", () => {
  it("shows overdue actions first, with status and lateness as words and what they follow up", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => [late, onTime]);
    render(ActionsScreen);
    expect(await screen.findByText(/1 action is overdue/)).toBeTruthy();
    expect(screen.getByRole("heading", { level: 1, name: "Actions" })).toBeTruthy();
    expect(calls.filter((c) => c.cmd === "list_actions").map((c) => c.args)).toEqual([{ filter: { overdueOnly: false, includeClosed: false, period: null } }]);

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

  it("cuts the list by the period the challenges were raised in", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => [late]);
    render(ActionsScreen);
    await screen.findByText(/1 action is overdue/);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("Challenges raised in"), periodChoices[0].code);
    await screen.findByText(/1 action is overdue/);
    const sent = calls.filter((c) => c.cmd === "list_actions").map((c) => c.args);
    expect(sent.at(-1)).toEqual({ filter: { overdueOnly: false, includeClosed: false, period: periodChoices[0].period } });
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
    expect(calls.filter((c) => c.cmd === "list_actions").map((c) => c.args)).toEqual([
      { filter: { overdueOnly: false, includeClosed: false, period: null } },
      { filter: { overdueOnly: true, includeClosed: false, period: null } },
      { filter: { overdueOnly: true, includeClosed: true, period: null } },
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
    expect(document.activeElement).toBe(screen.getByLabelText("Status"));
    expect(screen.queryByLabelText("How the action was closed")).toBeNull();
    expect(screen.queryByLabelText("Escalated to")).toBeNull();

    await user.selectOptions(screen.getByLabelText("Status"), "Closed");
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
            ownerName: "Priya Raman",
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
    expect(calls.filter((c) => c.cmd === "list_actions")).toHaveLength(2);
    expect(listed()).toHaveLength(1);
  });

  it("asks where an action was escalated and sends it", async () => {
    const calls: Call[] = [];
    mockActions(calls, () => [onTime], () => ({ action: { ...onTime.action, status: "escalated", escalatedTo: "Quality Committee" }, overdue: false, daysOverdue: 0 }));
    render(ActionsScreen);
    const user = userEvent.setup();
    await user.click(await screen.findByRole("button", { name: /^Update/ }));
    await user.selectOptions(screen.getByLabelText("Status"), "Escalated");
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
    await user.selectOptions(screen.getByLabelText("Status"), "Closed");
    await user.click(screen.getByRole("button", { name: "Save update" }));

    const summary = await screen.findByRole("alert");
    expect(summary.textContent).toContain("There is a problem");
    expect(within(summary).getByRole("link", { name: /Say how the action was closed/ }).getAttribute("href")).toBe("#action-a1-closure-note");
    const note = screen.getByLabelText("How the action was closed");
    expect(note.getAttribute("aria-describedby")).toContain("action-a1-closure-note-error");
    expect(document.getElementById("action-a1-closure-note-error")?.textContent).toContain("Say how the action was closed");
    expect(screen.queryByRole("status")).toBeNull();
  });

  it("says when nothing is overdue or open", async () => {
    mockActions([], () => []);
    render(ActionsScreen);
    expect(await screen.findByText(/No actions are overdue/)).toBeTruthy();
    expect(screen.getByText(/There are no open actions/)).toBeTruthy();
  });
});
