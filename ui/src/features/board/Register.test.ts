import { mockIPC } from "@tauri-apps/api/mocks";
import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { member, options } from "../../test-fixtures";
import Register from "./Register.svelte";
import { mockCommands } from "../../test-commands";

describe("the board register", () => {
  it("lists members with labels from the core and British dates", async () => {
    let asked: unknown;
    mockCommands({
      list_members: (args) => {
        asked = args;
        return [member(), member({ id: "2", name: "Margaret Ellison", kind: "non-executive", roles: ["chair"], startDate: "2021-04-01" })];
      },
    });
    render(Register, { show: "current", options, organisation: null });
    const table = await screen.findByRole("table");
    expect(asked).toEqual({ filter: "current" });
    expect(table.querySelector("caption")?.textContent).toContain("Current members");
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[1].textContent).toContain("Executive Lead / Executive Director");
    expect(rows[1].textContent).toContain("10/01/2022");
    expect(rows[2].textContent).toContain("Non-executive");
    expect(rows[2].textContent).toContain("01/04/2021");
    // Actions name the member for screen-reader users.
    expect(screen.getByRole("link", { name: "Edit Priya Raman" })).toBeTruthy();
    expect(screen.getByRole("button", { name: "End membership of Margaret Ellison" })).toBeTruthy();
  });

  it("ends a membership once confirmed, and undoes it on request", async () => {
    const margaret = member({ id: "2", name: "Margaret Ellison", kind: "non-executive", roles: ["chair"], startDate: "2021-04-01", committees: ["Audit Committee"] });
    let ended = false;
    const calls = mockCommands({
      list_members: () => (ended ? [member()] : [member(), margaret]),
      end_membership: () => {
        ended = true;
        return { ...margaret, endDate: "2026-08-06" };
      },
      update_member: () => {
        ended = false;
        return margaret;
      },
    });
    const user = userEvent.setup();
    render(Register, { show: "current", options, organisation: null });
    await user.click(await screen.findByRole("button", { name: "End membership of Margaret Ellison" }));
    await user.click(within(screen.getByRole("dialog")).getByRole("button", { name: "End membership" }));
    expect((await screen.findByRole("status")).textContent).toContain("Margaret Ellison’s membership ends on");
    await user.click(screen.getByRole("button", { name: "Undo ending Margaret Ellison’s membership" }));
    expect(calls.update_member).toEqual([
      {
        id: "2",
        input: { name: "Margaret Ellison", kind: "non-executive", roles: ["chair"], jobTitle: margaret.jobTitle, startDate: "01/04/2021", endDate: "", committees: ["Audit Committee"] },
      },
    ]);
    expect((await screen.findByRole("status")).textContent).toContain("Margaret Ellison’s membership no longer ends");
    expect(await screen.findByRole("button", { name: "End membership of Margaret Ellison" })).toBeTruthy();
    expect(screen.queryByRole("button", { name: /^Undo/ })).toBeNull();
  });

  it("shows the posts each member holds today, and links to Settings to change them", async () => {
    mockCommands({
      list_members: () => [member({ id: "m1" }), member({ id: "m2", name: "Margaret Ellison" })],
      list_posts: () => [
        { id: "p1", post: "Chief Nurse", memberId: "m1", memberName: "Priya Raman", heldFrom: "2024-04-01", heldTo: null },
        { id: "p2", post: "Executive Lead for Safeguarding", memberId: "m1", memberName: "Priya Raman", heldFrom: "2024-04-01", heldTo: null },
        { id: "p3", post: "Chief Nurse", memberId: "m2", memberName: "Margaret Ellison", heldFrom: "2020-01-01", heldTo: "2024-03-31" },
      ],
    });
    render(Register, { show: "current", options, organisation: null });
    const table = await screen.findByRole("table");
    const rows = within(table).getAllByRole("row");
    await within(rows[1]).findByText("Holds Chief Nurse, Executive Lead for Safeguarding");
    // A post handed on is no longer shown beside the member who held it.
    expect(rows[2].textContent).not.toContain("Holds");
    expect(screen.getByRole("link", { name: "Change who holds which post in Settings" }).getAttribute("href")).toBe("#/settings/posts");
  });

  it("says so when there is nobody yet, and offers to add someone", async () => {
    mockIPC(() => []);
    render(Register, { show: "current", options, organisation: null });
    expect(await screen.findByText(/There are no board members yet/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Add the first board member" })).toBeTruthy();
  });

  it("explains a failure to load instead of showing an empty list", async () => {
    mockIPC(() => {
      throw { kind: "InUse", message: "The database is in use by another window.", field: null };
    });
    render(Register, { show: "all", options, organisation: null });
    expect(await screen.findByText("The database is in use by another window.")).toBeTruthy();
  });
});
