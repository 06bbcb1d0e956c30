import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { TrainingRecord } from "../../bindings/TrainingRecord";
import { member } from "../../test-fixtures";
import MemberTraining from "./MemberTraining.svelte";
import { mockCommands } from "../../test-commands";

const record: TrainingRecord = {
  id: "t1",
  memberId: "m1",
  title: "Safeguarding children: board level",
  provider: "Regional partnership",
  completedOn: "2025-05-14",
  minutes: 90,
  learningType: "board-development-session",
  level: "Board level",
  certificateRef: "RSP-1",
  expiresOn: null,
  createdAt: "2025-05-14T10:00:00.000Z",
  updatedAt: "2025-05-14T10:00:00.000Z",
};

function mockTraining(onAdd: (args: unknown) => unknown) {
  mockCommands({
    get_member: () => member(),
    learning_types: () => [{ value: "board-development-session", label: "Board development session" }],
    list_training: () => [record],
    member_compliance: () => ({
        requirements: [{ id: "r1", title: "Board-level safeguarding training", kind: "renewal", roles: [], minutes: null, windowMonths: null, renewMonths: 36, matches: "board", retired: false, createdAt: "", updatedAt: "" }],
        cells: [{ requirementId: "r1", status: "due-soon", nextChange: "2028-05-15", detail: "Due soon: valid until 14/05/2028." }],
      }),
    add_training: (args) => onAdd(args),
    training_history: () => [
        { recordedAt: "2025-05-14T10:00:00.000Z", changedBy: "Priya Raman", change: "added", changes: ["Recorded"], record },
        { recordedAt: "2025-06-02T09:30:00.000Z", changedBy: "Priya Raman", change: "edited", changes: ["Hours: “1” → “1.5”"], record },
      ],
  });
}

describe("a member's training records", () => {
  it("lists records with hours, type label and British dates", async () => {
    mockTraining(() => record);
    render(MemberTraining, { id: "m1" });
    const table = await screen.findByRole("table", { name: /Completed training/ });
    expect(table.textContent).toContain("Completed training (1, 1.5 hours)");
    const standing = screen.getByRole("table", { name: "Where Priya Raman stands" });
    expect(standing.textContent).toContain("Due soon");
    expect(standing.textContent).toContain("15/05/2028");
    expect(table.textContent).toContain("14/05/2025");
    expect(table.textContent).toContain("Board development session");
    expect(table.textContent).toContain("Does not expire");
    expect(screen.getByRole("button", { name: "Edit Safeguarding children: board level" })).toBeTruthy();
  });

  it("shows every saved version of a record, with who changed what", async () => {
    mockTraining(() => record);
    render(MemberTraining, { id: "m1" });
    const user = userEvent.setup();
    await user.click(await screen.findByText("History", { selector: "span.nhsuk-details__summary-text" }));
    expect(await screen.findByText("Hours: “1” → “1.5”")).toBeTruthy();
    expect(screen.getByText(/^Edited, 2 June 2025.*10:30, by Priya Raman$/)).toBeTruthy();
    expect(screen.getByText("Recorded", { selector: "li" })).toBeTruthy();
  });

  it("ties the core's error to its field and keeps what was typed", async () => {
    mockTraining(() => {
      throw { kind: "Validation", message: "Enter the hours as a number, for example 1.5 for an hour and a half.", field: "hours" };
    });
    render(MemberTraining, { id: "m1" });
    const user = userEvent.setup();
    await user.type(await screen.findByLabelText("Title"), "Conference on child exploitation");
    await user.type(screen.getByLabelText("Hours"), "three");
    await user.click(screen.getByRole("button", { name: "Record training" }));
    expect(await screen.findByRole("link", { name: /Enter the hours as a number/ })).toBeTruthy();
    expect(screen.getByLabelText("Hours").getAttribute("aria-describedby")).toContain("training-hours-error");
    expect((screen.getByLabelText("Title") as HTMLInputElement).value).toBe("Conference on child exploitation");
  });
});
