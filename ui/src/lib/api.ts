// Typed calls into the Rust core. Every payload type is generated from Rust (src/bindings).
import { invoke } from "@tauri-apps/api/core";
import type { AppStatus } from "../bindings/AppStatus";
import type { DemoSummary } from "../bindings/DemoSummary";
import type { Framework } from "../bindings/Framework";
import type { HealthReport } from "../bindings/HealthReport";
import type { HistoryEntry } from "../bindings/HistoryEntry";
import type { Choice } from "../bindings/Choice";
import type { LearningType } from "../bindings/LearningType";
import type { TrainingInput } from "../bindings/TrainingInput";
import type { TrainingRecord } from "../bindings/TrainingRecord";
import type { Member } from "../bindings/Member";
import type { MemberFilter } from "../bindings/MemberFilter";
import type { MemberFramework } from "../bindings/MemberFramework";
import type { MemberInput } from "../bindings/MemberInput";
import type { Organisation } from "../bindings/Organisation";
import type { OrganisationInput } from "../bindings/OrganisationInput";
import type { RegisterOptions } from "../bindings/RegisterOptions";
import { toErrorBody } from "./errors";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toErrorBody(e);
  }
}

export const api = {
  appStatus: () => call<AppStatus>("app_status"),
  retryOpen: () => call<AppStatus>("retry_open"),
  registerOptions: () => call<RegisterOptions>("register_options"),
  getOrganisation: () => call<Organisation | null>("get_organisation"),
  saveOrganisation: (input: OrganisationInput) => call<Organisation>("save_organisation", { input }),
  listMembers: (filter: MemberFilter) => call<Member[]>("list_members", { filter }),
  getMember: (id: string) => call<Member>("get_member", { id }),
  addMember: (input: MemberInput) => call<Member>("add_member", { input }),
  updateMember: (id: string, input: MemberInput) => call<Member>("update_member", { id, input }),
  endMembership: (id: string, endDate: string) => call<Member>("end_membership", { id, endDate }),
  memberHistory: (id: string) => call<HistoryEntry[]>("member_history", { id }),
  loadDemo: () => call<DemoSummary>("load_demo"),
  checkDatabase: () => call<HealthReport>("check_database"),
  getFramework: () => call<Framework>("get_framework"),
  memberFramework: (id: string) => call<MemberFramework>("member_framework", { id }),
  learningTypes: () => call<Choice<LearningType>[]>("learning_types"),
  listTraining: (memberId: string) => call<TrainingRecord[]>("list_training", { memberId }),
  addTraining: (input: TrainingInput) => call<TrainingRecord>("add_training", { input }),
  updateTraining: (id: string, input: TrainingInput) => call<TrainingRecord>("update_training", { id, input }),
};
