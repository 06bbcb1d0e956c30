import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Assessment } from "../../bindings/Assessment";
import type { MemberCompetency } from "../../bindings/MemberCompetency";
import { member, options, settings } from "../../test-fixtures";
import MemberCompetencyScreen from "./MemberCompetencyScreen.svelte";
import { mockCommands } from "../../test-commands";

const source = { document: "000_a939462d5240f456.txt", section: "Core competencies" };
const framework = { frameworkId: "senior-manager-children", frameworkTitle: "Competencies for Senior Managers and Executives" };

function data(assessment: Assessment | null): MemberCompetency {
  return {
    member: member({ id: "m1", name: "Fiona Gallagher", kind: "non-executive", roles: ["chair"] }),
    scale: settings().ratingScale,
    items: [
      { ...framework, kind: "responsibility", role: "chair", item: { id: "smc.role.chair.responsibility.1", text: "promote a positive culture", source }, assessment: null, gap: true },
      { ...framework, kind: "core-competency", role: null, item: { id: "smc.core.1", text: "build, maintain, and sustain", source }, assessment, gap: !assessment },
    ],
    summary: { items: 2, assessed: assessment ? 1 : 0, meeting: assessment ? 1 : 0, signedOff: 0 },
    plan: [],
    training: [
      { id: "t1", memberId: "m1", title: "Board safeguarding development", provider: "Partnership", completedOn: "2026-03-02", minutes: 180, learningType: "board-development-session", level: "Board level", certificateRef: "", expiresOn: null, createdAt: "", updatedAt: "" },
    ],
    signers: [{ memberId: "m9", name: "Margaret Ellison" }],
    scrutiny: [],
  };
}

const saved: Assessment = {
  id: "a1",
  memberId: "m1",
  frameworkId: "senior-manager-children",
  itemId: "smc.core.1",
  rating: "competent",
  assessedOn: "2026-11-23",
  note: "Led the annual report review.",
  evidence: [{ kind: "training", reference: "t1", title: "Board safeguarding development (02/03/2026)" }],
  signOff: null,
  createdAt: "",
  updatedAt: "",
};

describe("a member's competency", () => {
  it("lists their items as gaps until assessed, grouped by where they come from", async () => {
    mockCommands({
      member_competency: () => data(null),
      plan_statuses: () => [{ value: "planned", label: "Planned" }],
    });
    render(MemberCompetencyScreen, { id: "m1", options });
    expect(await screen.findByRole("heading", { level: 2, name: /Key responsibilities of your roles/ })).toBeTruthy();
    expect(screen.getByRole("heading", { level: 3, name: "promote a positive culture" })).toBeTruthy();
    expect(screen.getAllByText("Not assessed")).toHaveLength(2);
    expect(screen.getAllByText("Gap")).toHaveLength(2);
    expect(screen.getByText(/For the roles the register records/).textContent).toContain("Chair");
  });

  it("records a rating, note and training evidence, then shows it met", async () => {
    let sent: unknown;
    let current = data(null);
    mockCommands({
      member_competency: () => current,
      plan_statuses: () => [],
      save_assessment: (args) => {
        sent = args;
        current = data(saved);
        return saved;
      },
    });
    const user = userEvent.setup();
    render(MemberCompetencyScreen, { id: "m1", options });
    await user.click(await screen.findByRole("button", { name: "Assess build, maintain, and sustain" }));
    await user.click(screen.getByRole("radio", { name: "Competent" }));
    await user.type(screen.getByRole("textbox", { name: "Reflective note" }), "Led the annual report review.");
    await user.click(screen.getByRole("checkbox", { name: "Board safeguarding development (02/03/2026)" }));
    await user.click(screen.getByRole("button", { name: "Save assessment" }));
    expect(await screen.findByText("Your self-assessment was saved.")).toBeTruthy();
    expect(sent).toMatchObject({
      input: {
        memberId: "m1",
        frameworkId: "senior-manager-children",
        itemId: "smc.core.1",
        rating: "competent",
        note: "Led the annual report review.",
        evidence: [{ kind: "training", reference: "t1", title: "" }],
      },
    });
    expect(screen.getByText("Competent")).toBeTruthy();
    expect(screen.getByText(/Training: Board safeguarding development/)).toBeTruthy();
    expect(screen.getAllByText("Gap")).toHaveLength(1);
  });

  it("shows the reason when the assessment is refused", async () => {
    mockCommands({
      member_competency: () => data(null),
      plan_statuses: () => [],
      save_assessment: () => { throw { kind: "Validation", message: "Choose a rating.", field: "rating" }; },
    });
    const user = userEvent.setup();
    render(MemberCompetencyScreen, { id: "m1", options });
    await user.click(await screen.findByRole("button", { name: "Assess promote a positive culture" }));
    await user.click(screen.getByRole("button", { name: "Save assessment" }));
    expect(await screen.findByRole("alert")).toBeTruthy();
    expect(screen.getAllByText(/Choose a rating\./).length).toBeGreaterThan(0);
  });
});
