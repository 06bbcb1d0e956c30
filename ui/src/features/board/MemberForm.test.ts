import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { member, options } from "../../test-fixtures";
import MemberForm from "./MemberForm.svelte";
import { mockCommands } from "../../test-commands";

describe("adding a board member", () => {
  it("sends what was typed to the core and reports success", async () => {
    const calls: Array<{ cmd: string; args: unknown }> = [];
    mockCommands({
      add_member: () => member({ name: "Sam Lee" }),
    }, (cmd, args) => calls.push({ cmd, args }));
    const ondone = vi.fn();
    render(MemberForm, { options, ondone });
    const user = userEvent.setup();

    await user.type(screen.getByLabelText("Full name"), "Sam Lee");
    await user.click(screen.getByLabelText("Executive"));
    await user.click(screen.getByLabelText("Executive Lead / Executive Director"));
    await user.type(screen.getByLabelText("Job title"), "Chief Nurse");
    await user.type(screen.getByLabelText("Start date on the board"), "01/04/2024");
    await user.type(screen.getByLabelText("Committees (optional)"), "Quality Committee{enter}People Committee");
    await user.click(screen.getByRole("button", { name: "Add member" }));

    expect(calls).toEqual([
      {
        cmd: "add_member",
        args: {
          input: {
            name: "Sam Lee",
            kind: "executive",
            roles: ["executive-lead"],
            jobTitle: "Chief Nurse",
            startDate: "01/04/2024",
            endDate: "",
            committees: ["Quality Committee", "People Committee"],
          },
        },
      },
    ]);
    expect(ondone).toHaveBeenCalledWith("Sam Lee was added to the register.");
  });

  it("shows the core's error in the summary and against its field", async () => {
    mockCommands({
      add_member: () => {
        throw { kind: "Validation", message: "The end date must be on or after the start date (01/04/2024).", field: "endDate" };
      },
    });
    const ondone = vi.fn();
    render(MemberForm, { options, ondone });
    await userEvent.setup().click(screen.getByRole("button", { name: "Add member" }));

    const summary = await screen.findByRole("alert");
    expect(summary.textContent).toContain("There is a problem");
    const link = screen.getByRole("link", { name: /end date must be on or after/ });
    expect(link.getAttribute("href")).toBe("#member-end-date");
    const input = screen.getByLabelText("End date (optional)");
    expect(input.getAttribute("aria-describedby")).toContain("member-end-date-error");
    expect(document.getElementById("member-end-date-error")?.textContent).toContain("on or after the start date");
    expect(ondone).not.toHaveBeenCalled();
  });

  it("loads an existing member in British date form for editing", async () => {
    mockCommands({
      get_member: () => member({ endDate: "2026-03-31" }),
    });
    render(MemberForm, { id: "x", options, ondone: vi.fn() });
    expect(await screen.findByRole("heading", { name: "Edit Priya Raman" })).toBeTruthy();
    expect((screen.getByLabelText("Start date on the board") as HTMLInputElement).value).toBe("10/01/2022");
    expect((screen.getByLabelText("End date (optional)") as HTMLInputElement).value).toBe("31/03/2026");
    expect((screen.getByLabelText("Executive Lead / Executive Director") as HTMLInputElement).checked).toBe(true);
  });
});
