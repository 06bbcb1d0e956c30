// Shared data for the UI unit tests, typed by the generated bindings so it stays in step with
// the Rust types.
import type { Member } from "./bindings/Member";
import type { RegisterOptions } from "./bindings/RegisterOptions";

export const options: RegisterOptions = {
  nations: [
    { value: "england", label: "England" },
    { value: "scotland", label: "Scotland" },
  ],
  orgTypes: [{ value: "nhs-trust", label: "NHS trust" }],
  kinds: [
    { value: "executive", label: "Executive" },
    { value: "non-executive", label: "Non-executive" },
  ],
  roles: [
    { value: "chair", label: "Chair" },
    { value: "executive-lead", label: "Executive Lead / Executive Director" },
  ],
};

export function member(overrides: Partial<Member> = {}): Member {
  return {
    id: "0190a0b0-0000-7000-8000-000000000001",
    name: "Priya Raman",
    kind: "executive",
    roles: ["executive-lead"],
    jobTitle: "Chief Nurse",
    startDate: "2022-01-10",
    endDate: null,
    committees: ["Safeguarding Committee"],
    createdAt: "2026-01-01T09:00:00.000Z",
    updatedAt: "2026-01-01T09:00:00.000Z",
    ...overrides,
  };
}

// Fixtures for training requirements, compliance, settings and the framework library.
import type { Choice } from "./bindings/Choice";
import type { ComplianceMatrix } from "./bindings/ComplianceMatrix";
import type { FrameworkSummary } from "./bindings/FrameworkSummary";
import type { Requirement } from "./bindings/Requirement";
import type { RequirementKind } from "./bindings/RequirementKind";
import type { Settings } from "./bindings/Settings";

export function requirement(overrides: Partial<Requirement> = {}): Requirement {
  return {
    id: "r1",
    title: "Safeguarding learning hours",
    kind: "hours",
    roles: [],
    minutes: 720,
    windowMonths: 36,
    renewMonths: null,
    matches: "",
    retired: false,
    createdAt: "2026-01-01T09:00:00.000Z",
    updatedAt: "2026-01-01T09:00:00.000Z",
    ...overrides,
  };
}

export const requirementKinds: Choice<RequirementKind>[] = [
  { value: "hours", label: "Hours of learning within a rolling window" },
  { value: "renewal", label: "Learning renewed every so many months" },
];

export function settings(overrides: Partial<Settings> = {}): Settings {
  return {
    ratingScale: [
      { code: "not-yet-started", label: "Not yet started", meets: false },
      { code: "developing", label: "Developing", meets: false },
      { code: "competent", label: "Competent", meets: true },
      { code: "confident-to-lead", label: "Confident to lead", meets: true },
    ],
    dueSoonDays: 90,
    myMemberId: null,
    ...overrides,
  };
}

export function frameworkSummary(overrides: Partial<FrameworkSummary> = {}): FrameworkSummary {
  return {
    id: "senior-manager-children",
    title: "Competencies for Senior Managers and Executives",
    builtIn: true,
    itemCount: 42,
    appliesTo: { everyone: true, roles: [] },
    importedAt: null,
    ...overrides,
  };
}

/** Two members against two requirements on 23/11/2026. */
export function complianceMatrix(overrides: Partial<ComplianceMatrix> = {}): ComplianceMatrix {
  const renewal = requirement({ id: "r2", title: "Board safeguarding update", kind: "renewal", roles: ["chair"], minutes: null, windowMonths: null, renewMonths: 12, matches: "board" });
  return {
    on: "2026-11-23",
    dueSoonDays: 90,
    requirements: [requirement(), renewal],
    rows: [
      {
        memberId: "m1",
        name: "Priya Raman",
        roles: ["executive-lead"],
        cells: [
          { requirementId: "r1", status: "in-date", nextChange: "2027-05-14", detail: "12 hours since 23/11/2023; needs 12." },
          { requirementId: "r2", status: "not-required", nextChange: null, detail: "Applies only to the Chair." },
        ],
      },
      {
        memberId: "m2",
        name: "Margaret Ellison",
        roles: ["chair"],
        cells: [
          { requirementId: "r1", status: "not-met", nextChange: null, detail: "3 hours since 23/11/2023; needs 12." },
          { requirementId: "r2", status: "due-soon", nextChange: "2026-12-01", detail: "Renewal due by 01/12/2026." },
        ],
      },
    ],
    totals: [
      { requirementId: "r1", inDate: 1, dueSoon: 0, expired: 0, notMet: 1, notRequired: 0 },
      { requirementId: "r2", inDate: 0, dueSoon: 1, expired: 0, notMet: 0, notRequired: 1 },
    ],
    ...overrides,
  };
}
