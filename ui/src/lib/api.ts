// Typed calls into the Rust core. Every payload type is generated from Rust (src/bindings).
import { invoke } from "@tauri-apps/api/core";
import type { AppStatus } from "../bindings/AppStatus";
import type { AuditReport } from "../bindings/AuditReport";
import type { BackupInfo } from "../bindings/BackupInfo";
import type { EncryptionOutcome } from "../bindings/EncryptionOutcome";
import type { Opening } from "../bindings/Opening";
import type { SearchFilter } from "../bindings/SearchFilter";
import type { SearchResults } from "../bindings/SearchResults";
import type { SearchKind } from "../bindings/SearchKind";
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
import type { MemberInput } from "../bindings/MemberInput";
import type { Organisation } from "../bindings/Organisation";
import type { OrganisationInput } from "../bindings/OrganisationInput";
import type { RegisterOptions } from "../bindings/RegisterOptions";
import type { AppliesTo } from "../bindings/AppliesTo";
import type { Assessment } from "../bindings/Assessment";
import type { AssessmentInput } from "../bindings/AssessmentInput";
import type { AssessmentVersion } from "../bindings/AssessmentVersion";
import type { ComplianceMatrix } from "../bindings/ComplianceMatrix";
import type { FrameworkRole } from "../bindings/FrameworkRole";
import type { FrameworkSummary } from "../bindings/FrameworkSummary";
import type { ImportReport } from "../bindings/ImportReport";
import type { MemberCompetency } from "../bindings/MemberCompetency";
import type { MemberCompliance } from "../bindings/MemberCompliance";
import type { PlanInput } from "../bindings/PlanInput";
import type { PlanStatus } from "../bindings/PlanStatus";
import type { PlannedLearning } from "../bindings/PlannedLearning";
import type { Requirement } from "../bindings/Requirement";
import type { RequirementInput } from "../bindings/RequirementInput";
import type { RequirementKind } from "../bindings/RequirementKind";
import type { Settings } from "../bindings/Settings";
import type { SignOffInput } from "../bindings/SignOffInput";
import type { ActionFilter } from "../bindings/ActionFilter";
import type { ActionInput } from "../bindings/ActionInput";
import type { ActionStatus } from "../bindings/ActionStatus";
import type { Action } from "../bindings/Action";
import type { ActionView } from "../bindings/ActionView";
import type { AreaSetSummary } from "../bindings/AreaSetSummary";
import type { AssuranceArea } from "../bindings/AssuranceArea";
import type { AssuranceLevel } from "../bindings/AssuranceLevel";
import type { Coverage } from "../bindings/Coverage";
import type { CustomAreaInput } from "../bindings/CustomAreaInput";
import type { EntryInput } from "../bindings/EntryInput";
import type { EntryVersion } from "../bindings/EntryVersion";
import type { EntryView } from "../bindings/EntryView";
import type { EvidenceSource } from "../bindings/EvidenceSource";
import type { LogFilter } from "../bindings/LogFilter";
import type { Meeting } from "../bindings/Meeting";
import type { MeetingInput } from "../bindings/MeetingInput";
import type { MeetingKind } from "../bindings/MeetingKind";
import type { MeetingPart } from "../bindings/MeetingPart";
import type { MeetingSummary } from "../bindings/MeetingSummary";
import type { RecordVersion } from "../bindings/RecordVersion";
import type { MeetingView } from "../bindings/MeetingView";
import type { Period } from "../bindings/Period";
import type { PeriodChoice } from "../bindings/PeriodChoice";
import type { ScrutinyImportReport } from "../bindings/ScrutinyImportReport";
import type { ActionPage } from "../bindings/ActionPage";
import type { EntryPage } from "../bindings/EntryPage";
import type { PageRequest } from "../bindings/PageRequest";
import type { TextSize } from "../bindings/TextSize";
import type { CoverField } from "../bindings/CoverField";
import type { CoverSheet } from "../bindings/CoverSheet";
import type { PackPlan } from "../bindings/PackPlan";
import type { PaperDocument } from "../bindings/PaperDocument";
import type { PaperFormat } from "../bindings/PaperFormat";
import type { Written } from "../bindings/Written";
import type { Home } from "../bindings/Home";
import type { Reminder } from "../bindings/Reminder";
import type { ReminderPreferences } from "../bindings/ReminderPreferences";
import type { CsvExport } from "../bindings/CsvExport";
import type { ExportOptions } from "../bindings/ExportOptions";
import type { ExportSummary } from "../bindings/ExportSummary";
import type { Identity } from "../bindings/Identity";
import type { ImportChoices } from "../bindings/ImportChoices";
import type { ImportPlan } from "../bindings/ImportPlan";
import type { Saved } from "../bindings/Saved";
import type { TrustedSigner } from "../bindings/TrustedSigner";
import { toErrorBody } from "./errors";

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (e) {
    throw toErrorBody(e);
  }
}

export const api = {
  /** The status, and what the first screen needs when the database is open: one call at start. */
  opening: () => call<Opening>("opening"),
  /** Tells the app its first screen is on show, for the start-up log and benchmark. */
  uiReady: () => call<null>("ui_ready"),
  retryOpen: () => call<AppStatus>("retry_open"),
  /** Creates the database, encrypted with this passphrase; only when there is no database yet. */
  createDatabase: (passphrase: string) => call<AppStatus>("create_database", { passphrase }),
  /** Opens the locked database; a wrong passphrase is refused with a WrongPassphrase error. */
  unlock: (passphrase: string) => call<AppStatus>("unlock", { passphrase }),
  /** Closes the encrypted database until its passphrase is entered again. */
  lock: () => call<AppStatus>("lock"),
  /** Encrypts the open database and its backups in place; can take a minute on a large database. */
  encryptDatabase: (passphrase: string) => call<EncryptionOutcome>("encrypt_database", { passphrase }),
  /** Re-encrypts the database and its backups with a new passphrase. */
  changePassphrase: (current: string, next: string) =>
    call<EncryptionOutcome>("change_passphrase", { current, new: next }),
  /** Minutes without use before the encrypted database locks itself; 0 for never. */
  idleLockMinutes: () => call<number>("idle_lock_minutes"),
  /** From 0 (never) to 240. */
  saveIdleLockMinutes: (minutes: number) => call<number>("save_idle_lock_minutes", { minutes }),
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
  verifyAudit: () => call<AuditReport>("verify_audit"),
  listBackups: () => call<BackupInfo[]>("list_backups"),
  restoreBackup: (fileName: string) => call<AppStatus>("restore_backup", { fileName }),
  searchKinds: () => call<Choice<SearchKind>[]>("search_kinds"),
  search: (text: string, filter: SearchFilter) => call<SearchResults>("search", { text, filter }),
  getFramework: (id: string) => call<Framework>("get_framework", { id }),
  listFrameworks: () => call<FrameworkSummary[]>("list_frameworks"),
  setFrameworkAppliesTo: (id: string, appliesTo: AppliesTo) =>
    call<FrameworkSummary>("set_framework_applies_to", { id, appliesTo }),
  /** Opens a native file dialog; null when the user cancels. */
  importFramework: () => call<FrameworkSummary | null>("import_framework"),
  memberCompetency: (memberId: string) => call<MemberCompetency>("member_competency", { memberId }),
  saveAssessment: (input: AssessmentInput) => call<Assessment>("save_assessment", { input }),
  signOffAssessment: (id: string, input: SignOffInput) =>
    call<Assessment>("sign_off_assessment", { id, input }),
  assessmentHistory: (id: string) => call<AssessmentVersion[]>("assessment_history", { id }),
  planStatuses: () => call<Choice<PlanStatus>[]>("plan_statuses"),
  addPlan: (input: PlanInput) => call<PlannedLearning>("add_plan", { input }),
  updatePlan: (id: string, input: PlanInput) => call<PlannedLearning>("update_plan", { id, input }),
  /** Opens a native file dialog; the chosen path, or null when the user cancels. */
  chooseEvidenceDocument: () => call<string | null>("choose_evidence_document"),
  complianceMatrix: (role: FrameworkRole | null) => call<ComplianceMatrix>("compliance_matrix", { role }),
  memberCompliance: (memberId: string) => call<MemberCompliance>("member_compliance", { memberId }),
  requirementKinds: () => call<Choice<RequirementKind>[]>("requirement_kinds"),
  listRequirements: () => call<Requirement[]>("list_requirements"),
  addRequirement: (input: RequirementInput) => call<Requirement>("add_requirement", { input }),
  updateRequirement: (id: string, input: RequirementInput) =>
    call<Requirement>("update_requirement", { id, input }),
  retireRequirement: (id: string) => call<Requirement>("retire_requirement", { id }),
  /** Opens a native save dialog; the saved path, or null when the user cancels. */
  exportComplianceCsv: (role: FrameworkRole | null) => call<string | null>("export_compliance_csv", { role }),
  getSettings: () => call<Settings>("get_settings"),
  saveSettings: (input: Settings) => call<Settings>("save_settings", { input }),
  /** The text size chosen on this laptop; standard until one is chosen. */
  textSize: () => call<TextSize>("text_size"),
  saveTextSize: (size: TextSize) => call<TextSize>("save_text_size", { size }),
  textSizes: () => call<Choice<TextSize>[]>("text_sizes"),
  /** How many daily copies of the database are kept beside it. */
  dailyBackupsKept: () => call<number>("daily_backups_kept"),
  /** From 1 to 90; older daily copies are removed at the next start. */
  saveDailyBackupsKept: (keep: number) => call<number>("save_daily_backups_kept", { keep }),
  learningTypes: () => call<Choice<LearningType>[]>("learning_types"),
  listTraining: (memberId: string) => call<TrainingRecord[]>("list_training", { memberId }),
  addTraining: (input: TrainingInput) => call<TrainingRecord>("add_training", { input }),
  updateTraining: (id: string, input: TrainingInput) => call<TrainingRecord>("update_training", { id, input }),
  trainingHistory: (id: string) => call<RecordVersion<TrainingRecord>[]>("training_history", { id }),
  /** Opens a native file dialog and imports all-or-nothing; null when the user cancels. */
  importTrainingCsv: () => call<ImportReport | null>("import_training_csv"),
  /** Imports the valid rows of the file chosen last, skipping the rest. */
  importTrainingValidRows: () => call<ImportReport>("import_training_valid_rows"),
  recentPeriods: () => call<PeriodChoice[]>("recent_periods"),
  evidenceSources: () => call<Choice<EvidenceSource>[]>("evidence_sources"),
  actionStatuses: () => call<Choice<ActionStatus>[]>("action_statuses"),
  meetingParts: () => call<Choice<MeetingPart>[]>("meeting_parts"),
  meetingKinds: () => call<MeetingKind[]>("meeting_kinds"),
  addMeetingKind: (label: string) => call<MeetingKind>("add_meeting_kind", { label }),
  escalationPoints: () => call<string[]>("escalation_points"),
  listMeetings: (period: Period | null) => call<MeetingSummary[]>("list_meetings", { period }),
  getMeeting: (id: string) => call<MeetingView>("get_meeting", { id }),
  meetingHistory: (id: string) => call<RecordVersion<Meeting>[]>("meeting_history", { id }),
  addMeeting: (input: MeetingInput) => call<Meeting>("add_meeting", { input }),
  updateMeeting: (id: string, input: MeetingInput) => call<Meeting>("update_meeting", { id, input }),
  /** One page of the log, most recent first, with how many entries match in all; `limit` is 1 to 500. */
  entryPage: (filter: LogFilter, page: PageRequest) => call<EntryPage>("entry_page", { filter, page }),
  getEntry: (id: string) => call<EntryView>("get_entry", { id }),
  addEntry: (input: EntryInput) => call<EntryView>("add_entry", { input }),
  updateEntry: (id: string, input: EntryInput) => call<EntryView>("update_entry", { id, input }),
  entryHistory: (id: string) => call<EntryVersion[]>("entry_history", { id }),
  /** One page of the tracker, overdue first, with how many match and how many are overdue; `limit` is 1 to 500. */
  actionPage: (filter: ActionFilter, page: PageRequest) => call<ActionPage>("action_page", { filter, page }),
  addAction: (entryId: string, input: ActionInput) => call<ActionView>("add_action", { entryId, input }),
  updateAction: (id: string, input: ActionInput) => call<ActionView>("update_action", { id, input }),
  actionHistory: (id: string) => call<RecordVersion<Action>[]>("action_history", { id }),
  coverage: (period: Period) => call<Coverage>("coverage", { period }),
  assuranceAreas: () => call<AssuranceArea[]>("assurance_areas"),
  areaSets: () => call<AreaSetSummary[]>("area_sets"),
  chooseAreaSet: (id: string) => call<null>("choose_area_set", { id }),
  addCustomArea: (input: CustomAreaInput) => call<AssuranceArea>("add_custom_area", { input }),
  assuranceLevels: () => call<AssuranceLevel[]>("assurance_levels"),
  saveAssuranceLevels: (levels: AssuranceLevel[]) => call<AssuranceLevel[]>("save_assurance_levels", { levels }),
  /** Opens a native file dialog and imports all-or-nothing; null when the user cancels. */
  importScrutinyCsv: (createPeople: boolean) => call<ScrutinyImportReport | null>("import_scrutiny_csv", { createPeople }),
  /** Imports the valid rows of the log chosen last, skipping the rest. */
  importScrutinyValidRows: (createPeople: boolean) => call<ScrutinyImportReport>("import_scrutiny_valid_rows", { createPeople }),
  paperCover: (period: Period) => call<CoverSheet>("paper_cover", { period }),
  /** A blank value clears its field. */
  savePaperCover: (period: Period, values: Record<string, string>) => call<CoverSheet>("save_paper_cover", { period, values }),
  saveCoverFields: (fields: CoverField[]) => call<CoverField[]>("save_cover_fields", { fields }),
  protectiveMarking: () => call<string>("protective_marking"),
  saveProtectiveMarking: (marking: string) => call<string>("save_protective_marking", { marking }),
  previewPaper: (period: Period) => call<PaperDocument>("preview_paper", { period }),
  /** Opens a native save dialog and writes the paper; null when the user cancels. */
  savePaper: (period: Period, format: PaperFormat) => call<Written | null>("save_paper", { period, format }),
  packPlan: (meetingId: string) => call<PackPlan>("pack_plan", { meetingId }),
  updatePackPlan: (plan: PackPlan) => call<PackPlan>("update_pack_plan", { plan }),
  /** Opens a native file dialog for a PDF paper and adds it to the end; null when the user cancels. */
  addPackPaper: (meetingId: string) => call<PackPlan | null>("add_pack_paper", { meetingId }),
  /** Opens a native save dialog and writes the board pack; null when the user cancels. */
  savePack: (meetingId: string) => call<Written | null>("save_pack", { meetingId }),
  home: () => call<Home>("home"),
  /** The reminders not yet shown today; the core remembers them as shown, so each comes once a day. */
  takeReminders: () => call<Reminder[]>("take_reminders"),
  reminderPreferences: () => call<ReminderPreferences>("reminder_preferences"),
  saveReminderPreferences: (preferences: ReminderPreferences) =>
    call<ReminderPreferences>("save_reminder_preferences", { preferences }),
  /** This laptop's fingerprint and the laptops whose exchange files it accepts. */
  exchangeIdentity: () => call<Identity>("exchange_identity"),
  /** Checks the choices, then opens a native save dialog and writes the signed, locked file; null when the user cancels. */
  exchangeExport: (options: ExportOptions, passphrase: string) =>
    call<ExportSummary | null>("exchange_export", { options, passphrase }),
  /** Opens a native file dialog; the chosen file's name (its path stays in the core), or null when the user cancels. */
  exchangeChooseFile: () => call<string | null>("exchange_choose_file"),
  /** What importing the chosen file would do, without writing anything. */
  exchangePreview: (passphrase: string, choices: ImportChoices) =>
    call<ImportPlan>("exchange_preview", { passphrase, choices }),
  /** Accepts files from the chosen file's sender, once its fingerprint has been confirmed by phone. */
  exchangeTrust: (passphrase: string, fingerprint: string) =>
    call<TrustedSigner>("exchange_trust", { passphrase, fingerprint }),
  /** Imports the chosen file; refused when its sender is not trusted. */
  exchangeImport: (passphrase: string, choices: ImportChoices) =>
    call<ImportPlan>("exchange_import", { passphrase, choices }),
  exchangeForgetSigner: (publicKey: string) => call<null>("exchange_forget_signer", { publicKey }),
  /** Opens a native save dialog and writes one table as CSV; null when the user cancels. */
  exportCsv: (what: CsvExport, period: Period | null) => call<Saved | null>("export_csv", { what, period }),
  /** Opens a native save dialog and writes every record as JSON; null when the user cancels. */
  exportJson: () => call<Saved | null>("export_json"),
};
