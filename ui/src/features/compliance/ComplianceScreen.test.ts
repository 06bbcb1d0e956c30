import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { ComplianceMatrix } from "../../bindings/ComplianceMatrix";
import { complianceMatrix, options } from "../../test-fixtures";
import ComplianceScreen from "./ComplianceScreen.svelte";
import { mockCommands } from "../../test-commands";

function mockCompliance(matrix: ComplianceMatrix, asked: unknown[] = [], onExport: (args: unknown) => unknown = () => null) {
  mockCommands({
    compliance_matrix: (args) => {
      asked.push(args);
      return matrix;
    },
    export_compliance_csv: (args) => onExport(args),
  });
}

describe("the training compliance matrix", () => {
  it("shows every status as a word with its date, explanation and the day it is for", async () => {
    mockCompliance(complianceMatrix());
    render(ComplianceScreen, { options });
    const table = await screen.findByRole("table");
    expect(screen.getByText("Status on 23/11/2026")).toBeTruthy();
    const rows = within(table).getAllByRole("row");
    expect(rows).toHaveLength(3);
    expect(rows[0].textContent).toContain("Safeguarding learning hours");
    expect(rows[0].textContent).toContain("Board safeguarding update");

    const priya = rows[1];
    expect(within(priya).getByRole("link", { name: "Priya Raman" }).getAttribute("href")).toBe("#/members/m1/training");
    const [hoursCell, updateCell] = within(priya).getAllByRole("cell");
    expect(within(hoursCell).getByText("In date").className).toContain("nhsuk-tag--green");
    expect(hoursCell.textContent).toContain("Changes on 14/05/2027");
    expect(hoursCell.getAttribute("title")).toBe("12 hours since 23/11/2023; needs 12.");
    expect(hoursCell.textContent).toContain("12 hours since 23/11/2023; needs 12.");
    expect(updateCell.textContent).toContain("Not required");

    const margaret = rows[2];
    expect(margaret.textContent).toContain("Chair");
    expect(within(margaret).getByText("Not met")).toBeTruthy();
    expect(within(margaret).getByText("Due soon").className).toContain("nhsuk-tag--yellow");
    expect(margaret.textContent).toContain("Changes on 01/12/2026");
  });

  it("refetches for the role chosen in the filter", async () => {
    const asked: unknown[] = [];
    mockCompliance(complianceMatrix(), asked);
    render(ComplianceScreen, { options });
    await screen.findByRole("table");
    expect(asked).toEqual([{ role: null }]);
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("Show"), "Chair");
    await screen.findByText(/members with the role Chair/);
    expect(asked).toEqual([{ role: null }, { role: "chair" }]);
  });

  it("exports the matrix for the chosen role and says where it was saved", async () => {
    let exported: unknown;
    mockCompliance(complianceMatrix(), [], (args) => {
      exported = args;
      return "/home/sam/board-training-compliance-2026-11-23.csv";
    });
    render(ComplianceScreen, { options });
    await screen.findByRole("table");
    const user = userEvent.setup();
    await user.selectOptions(screen.getByLabelText("Show"), "Executive Lead / Executive Director");
    await user.click(screen.getByRole("button", { name: "Export CSV…" }));
    const status = await screen.findByRole("status");
    expect(status.textContent).toContain("Saved to /home/sam/board-training-compliance-2026-11-23.csv");
    expect(exported).toEqual({ role: "executive-lead" });
  });

  it("shows why an export failed", async () => {
    mockCompliance(complianceMatrix(), [], () => {
      throw { kind: "Io", message: "Could not write the file: permission denied.", field: null };
    });
    render(ComplianceScreen, { options });
    await screen.findByRole("table");
    await userEvent.setup().click(screen.getByRole("button", { name: "Export CSV…" }));
    expect((await screen.findByRole("alert")).textContent).toContain("Could not write the file: permission denied.");
  });

  it("gives each bar of the chart a text alternative with counts in words", async () => {
    mockCompliance(complianceMatrix());
    render(ComplianceScreen, { options });
    expect(await screen.findByRole("heading", { name: "Board compliance by requirement" })).toBeTruthy();
    expect(screen.getByRole("img", { name: "Safeguarding learning hours: 1 in date, 0 due soon, 0 expired, 1 not met" })).toBeTruthy();
    expect(
      screen.getByRole("img", { name: "Board safeguarding update: 0 in date, 1 due soon, 0 expired, 0 not met; not required for 1" }),
    ).toBeTruthy();
  });

  it("says when there are no requirements and points to settings", async () => {
    mockCompliance(complianceMatrix({ requirements: [], totals: [], rows: [] }));
    render(ComplianceScreen, { options });
    expect(await screen.findByText(/No training requirements have been set/)).toBeTruthy();
    expect(screen.getByRole("link", { name: "Set training requirements in Settings" }).getAttribute("href")).toBe("#/settings");
    expect(screen.queryByRole("table")).toBeNull();
  });

  it("says when nobody is shown", async () => {
    mockCompliance(complianceMatrix({ rows: [] }));
    render(ComplianceScreen, { options });
    expect(await screen.findByText(/There are no current board members/)).toBeTruthy();
    expect(screen.queryByRole("table")).toBeNull();
  });
});
