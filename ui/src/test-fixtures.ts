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
