// Typed calls into the Rust core. Every payload type is generated from Rust (src/bindings).
import { invoke } from "@tauri-apps/api/core";
import type { SearchFilter } from "../bindings/SearchFilter";
import type { TrainingInput } from "../bindings/TrainingInput";
import type { MemberFilter } from "../bindings/MemberFilter";
import type { MemberInput } from "../bindings/MemberInput";
import type { OrganisationInput } from "../bindings/OrganisationInput";
import type { AppliesTo } from "../bindings/AppliesTo";
import type { AssessmentInput } from "../bindings/AssessmentInput";
import type { FrameworkRole } from "../bindings/FrameworkRole";
import type { PlanInput } from "../bindings/PlanInput";
import type { RequirementInput } from "../bindings/RequirementInput";
import type { Settings } from "../bindings/Settings";
import type { SignOffInput } from "../bindings/SignOffInput";
import type { ActionFilter } from "../bindings/ActionFilter";
import type { ActionInput } from "../bindings/ActionInput";
import type { AssuranceLevel } from "../bindings/AssuranceLevel";
import type { CustomAreaInput } from "../bindings/CustomAreaInput";
import type { EntryInput } from "../bindings/EntryInput";
import type { LogFilter } from "../bindings/LogFilter";
import type { MeetingInput } from "../bindings/MeetingInput";
import type { Period } from "../bindings/Period";
import type { PageRequest } from "../bindings/PageRequest";
import type { TextSize } from "../bindings/TextSize";
import type { CoverField } from "../bindings/CoverField";
import type { PackPlan } from "../bindings/PackPlan";
import type { PaperFormat } from "../bindings/PaperFormat";
import type { PaperSections } from "../bindings/PaperSections";
import type { ReminderPreferences } from "../bindings/ReminderPreferences";
import type { CsvExport } from "../bindings/CsvExport";
import type { ExportOptions } from "../bindings/ExportOptions";
import type { ImportChoices } from "../bindings/ImportChoices";
import type { ImportKind } from "../bindings/ImportKind";
import type { ImportMapping } from "../bindings/ImportMapping";
import type { ImportOptions } from "../bindings/ImportOptions";
import type { PostInput } from "../bindings/PostInput";
import type { PlannedQuestionInput } from "../bindings/PlannedQuestionInput";
import type { Commands } from "../bindings/commands";
import { toErrorBody } from "./errors";

/** A command's arguments: optional when it takes none. */
type Args<K extends keyof Commands> = keyof Commands[K]["args"] extends never
  ? [args?: Commands[K]["args"]]
  : [args: Commands[K]["args"]];

/**
 * Calls a command with the arguments and result its Rust function declares (the map in
 * bindings/commands.ts is generated from those functions), so a changed command no longer
 * type-checks here; an error arrives as the core's one error shape.
 */
async function call<K extends keyof Commands>(
  command: K,
  ...args: Args<K>
): Promise<Commands[K]["result"]> {
  try {
    return await invoke<Commands[K]["result"]>(command, args[0]);
  } catch (e) {
    throw toErrorBody(e);
  }
}

export const api = {
  /** The status, and what the first screen needs when the database is open: one call at start. */
  opening: () => call("opening"),
  /** Tells the app its first screen is on show, for the start-up log and benchmark. */
  uiReady: () => call("ui_ready"),
  retryOpen: () => call("retry_open"),
  /** Creates the database, encrypted with this passphrase; only when there is no database yet. */
  createDatabase: (passphrase: string) => call("create_database", { passphrase }),
  /** Opens the locked database; a wrong passphrase is refused with a WrongPassphrase error. */
  unlock: (passphrase: string) => call("unlock", { passphrase }),
  /** Closes the encrypted database until its passphrase is entered again. */
  lock: () => call("lock"),
  /** Encrypts the open database and its backups in place; can take a minute on a large database. */
  encryptDatabase: (passphrase: string) => call("encrypt_database", { passphrase }),
  /** Re-encrypts the database and its backups with a new passphrase. */
  changePassphrase: (current: string, next: string) =>
    call("change_passphrase", { current, new: next }),
  /** Minutes without use before the encrypted database locks itself; 0 for never. */
  idleLockMinutes: () => call("idle_lock_minutes"),
  /** From 0 (never) to 240. */
  saveIdleLockMinutes: (minutes: number) => call("save_idle_lock_minutes", { minutes }),
  registerOptions: () => call("register_options"),
  getOrganisation: () => call("get_organisation"),
  saveOrganisation: (input: OrganisationInput) => call("save_organisation", { input }),
  listMembers: (filter: MemberFilter) => call("list_members", { filter }),
  getMember: (id: string) => call("get_member", { id }),
  addMember: (input: MemberInput) => call("add_member", { input }),
  updateMember: (id: string, input: MemberInput) => call("update_member", { id, input }),
  endMembership: (id: string, endDate: string) => call("end_membership", { id, endDate }),
  memberHistory: (id: string) => call("member_history", { id }),
  loadDemo: () => call("load_demo"),
  checkDatabase: () => call("check_database"),
  verifyAudit: () => call("verify_audit"),
  listBackups: () => call("list_backups"),
  restoreBackup: (fileName: string) => call("restore_backup", { fileName }),
  searchKinds: () => call("search_kinds"),
  /** One page of results from `offset`, with the true number of matches. */
  search: (text: string, filter: SearchFilter, offset = 0) => call("search", { text, filter, offset }),
  getFramework: (id: string) => call("get_framework", { id }),
  listFrameworks: () => call("list_frameworks"),
  setFrameworkAppliesTo: (id: string, appliesTo: AppliesTo) =>
    call("set_framework_applies_to", { id, appliesTo }),
  /** Opens a native file dialog; null when the user cancels. */
  importFramework: () => call("import_framework"),
  memberCompetency: (memberId: string) => call("member_competency", { memberId }),
  saveAssessment: (input: AssessmentInput) => call("save_assessment", { input }),
  signOffAssessment: (id: string, input: SignOffInput) =>
    call("sign_off_assessment", { id, input }),
  assessmentHistory: (id: string) => call("assessment_history", { id }),
  planStatuses: () => call("plan_statuses"),
  addPlan: (input: PlanInput) => call("add_plan", { input }),
  updatePlan: (id: string, input: PlanInput) => call("update_plan", { id, input }),
  /** Opens a native file dialog; the chosen path, or null when the user cancels. */
  chooseEvidenceDocument: () => call("choose_evidence_document"),
  complianceMatrix: (role: FrameworkRole | null) => call("compliance_matrix", { role }),
  memberCompliance: (memberId: string) => call("member_compliance", { memberId }),
  requirementKinds: () => call("requirement_kinds"),
  listRequirements: () => call("list_requirements"),
  addRequirement: (input: RequirementInput) => call("add_requirement", { input }),
  updateRequirement: (id: string, input: RequirementInput) =>
    call("update_requirement", { id, input }),
  retireRequirement: (id: string) => call("retire_requirement", { id }),
  /** Undoes a retirement: the requirement is checked again. */
  reinstateRequirement: (id: string) => call("reinstate_requirement", { id }),
  /** Opens a native save dialog; the saved path, or null when the user cancels. */
  exportComplianceCsv: (role: FrameworkRole | null) => call("export_compliance_csv", { role }),
  getSettings: () => call("get_settings"),
  saveSettings: (input: Settings) => call("save_settings", { input }),
  /** The text size chosen on this laptop; standard until one is chosen. */
  textSize: () => call("text_size"),
  saveTextSize: (size: TextSize) => call("save_text_size", { size }),
  textSizes: () => call("text_sizes"),
  /** How many daily copies of the database are kept beside it. */
  dailyBackupsKept: () => call("daily_backups_kept"),
  /** From 1 to 90; older daily copies are removed at the next start. */
  saveDailyBackupsKept: (keep: number) => call("save_daily_backups_kept", { keep }),
  learningTypes: () => call("learning_types"),
  listTraining: (memberId: string) => call("list_training", { memberId }),
  addTraining: (input: TrainingInput) => call("add_training", { input }),
  updateTraining: (id: string, input: TrainingInput) => call("update_training", { id, input }),
  trainingHistory: (id: string) => call("training_history", { id }),
  /** Imports the training file chosen last: all-or-nothing, unless `skipInvalid`. */
  importTrainingCsv: (options: ImportOptions) => call("import_training_csv", { options }),
  recentPeriods: () => call("recent_periods"),
  evidenceSources: () => call("evidence_sources"),
  actionStatuses: () => call("action_statuses"),
  meetingParts: () => call("meeting_parts"),
  meetingKinds: () => call("meeting_kinds"),
  addMeetingKind: (label: string) => call("add_meeting_kind", { label }),
  escalationPoints: () => call("escalation_points"),
  listMeetings: (period: Period | null) => call("list_meetings", { period }),
  getMeeting: (id: string) => call("get_meeting", { id }),
  meetingHistory: (id: string) => call("meeting_history", { id }),
  addMeeting: (input: MeetingInput) => call("add_meeting", { input }),
  updateMeeting: (id: string, input: MeetingInput) => call("update_meeting", { id, input }),
  /** One page of the log, most recent first, with how many entries match in all; `limit` is 1 to 500. */
  entryPage: (filter: LogFilter, page: PageRequest) => call("entry_page", { filter, page }),
  getEntry: (id: string) => call("get_entry", { id }),
  addEntry: (input: EntryInput) => call("add_entry", { input }),
  updateEntry: (id: string, input: EntryInput) => call("update_entry", { id, input }),
  entryHistory: (id: string) => call("entry_history", { id }),
  /** My questions for a meeting, private to this laptop's user; refused until Settings says who that is. */
  plannedQuestions: (meetingId: string) => call("planned_questions", { meetingId }),
  /** Only for a meeting not yet held; every problem of the input is reported at once. */
  addPlannedQuestion: (input: PlannedQuestionInput) => call("add_planned_question", { input }),
  updatePlannedQuestion: (id: string, input: PlannedQuestionInput) => call("update_planned_question", { id, input }),
  deletePlannedQuestion: (id: string) => call("delete_planned_question", { id }),
  /** Logs the challenge asked from a planned question and marks the question asked, together. */
  raisePlannedQuestion: (id: string, entry: EntryInput) => call("raise_planned_question", { id, entry }),
  /** One page of the tracker, overdue first, with how many match and how many are overdue; `limit` is 1 to 500. */
  actionPage: (filter: ActionFilter, page: PageRequest) => call("action_page", { filter, page }),
  addAction: (entryId: string, input: ActionInput) => call("add_action", { entryId, input }),
  updateAction: (id: string, input: ActionInput) => call("update_action", { id, input }),
  actionHistory: (id: string) => call("action_history", { id }),
  coverage: (period: Period) => call("coverage", { period }),
  assuranceAreas: () => call("assurance_areas"),
  areaSets: () => call("area_sets"),
  chooseAreaSet: (id: string) => call("choose_area_set", { id }),
  /** Which set of areas is in use; when the organisation's nation has none, what to do. */
  areaSetStatus: () => call("area_set_status"),
  /** Asks for a JSON file of the shipped sets' shape and uses it; null if cancelled. */
  loadAreaSet: () => call("load_area_set"),
  addCustomArea: (input: CustomAreaInput) => call("add_custom_area", { input }),
  assuranceLevels: () => call("assurance_levels"),
  saveAssuranceLevels: (levels: AssuranceLevel[]) => call("save_assurance_levels", { levels }),
  /** Imports the challenge log chosen last: all-or-nothing, unless `skipInvalid`. */
  importScrutinyCsv: (options: ImportOptions) => call("import_scrutiny_csv", { options }),
  /** Opens a native file dialog and says how the file would be read; null when the user cancels. */
  chooseCsvImport: (kind: ImportKind) => call("choose_csv_import", { kind }),
  /** How the file chosen last would be read with these choices. */
  previewCsvImport: (kind: ImportKind, options: ImportOptions) => call("preview_csv_import", { kind, options }),
  importMappings: () => call("import_mappings"),
  /** Replaces the remembered mapping of one import; an empty mapping forgets it. */
  saveImportMapping: (kind: ImportKind, mapping: ImportMapping) => call("save_import_mapping", { kind, mapping }),
  listPosts: () => call("list_posts"),
  untiedOwners: () => call("untied_owners"),
  /** Tying a post someone holds with no end date hands it on. */
  tiePost: (input: PostInput) => call("tie_post", { input }),
  updatePost: (id: string, input: PostInput) => call("update_post", { id, input }),
  untiePost: (id: string) => call("untie_post", { id }),
  paperCover: (period: Period) => call("paper_cover", { period }),
  /** A blank value clears its field. */
  savePaperCover: (period: Period, values: Record<string, string>) => call("save_paper_cover", { period, values }),
  saveCoverFields: (fields: CoverField[]) => call("save_cover_fields", { fields }),
  protectiveMarking: () => call("protective_marking"),
  saveProtectiveMarking: (marking: string) => call("save_protective_marking", { marking }),
  /** The paper with the parts chosen: the summary, with any appendices, or one appendix alone. */
  previewPaper: (period: Period, sections: PaperSections) => call("preview_paper", { period, sections }),
  /** Opens a native save dialog and writes the paper with the parts chosen; null when the user cancels. */
  savePaper: (period: Period, format: PaperFormat, sections: PaperSections) => call("save_paper", { period, format, sections }),
  packPlan: (meetingId: string) => call("pack_plan", { meetingId }),
  updatePackPlan: (plan: PackPlan) => call("update_pack_plan", { plan }),
  /** Opens a native file dialog for a PDF paper and adds it to the end; null when the user cancels. */
  addPackPaper: (meetingId: string) => call("add_pack_paper", { meetingId }),
  /** Opens a native save dialog and writes the board pack; null when the user cancels. */
  savePack: (meetingId: string) => call("save_pack", { meetingId }),
  home: () => call("home"),
  /** The reminders not yet shown today; the core remembers them as shown, so each comes once a day. */
  takeReminders: () => call("take_reminders"),
  reminderPreferences: () => call("reminder_preferences"),
  saveReminderPreferences: (preferences: ReminderPreferences) =>
    call("save_reminder_preferences", { preferences }),
  /** This laptop's fingerprint and the laptops whose exchange files it accepts. */
  exchangeIdentity: () => call("exchange_identity"),
  /** Checks the choices, then opens a native save dialog and writes the signed, locked file; null when the user cancels. */
  exchangeExport: (options: ExportOptions, passphrase: string) =>
    call("exchange_export", { options, passphrase }),
  /** Opens a native file dialog; the chosen file's name (its path stays in the core), or null when the user cancels. */
  exchangeChooseFile: () => call("exchange_choose_file"),
  /** What importing the chosen file would do, without writing anything. */
  exchangePreview: (passphrase: string, choices: ImportChoices) =>
    call("exchange_preview", { passphrase, choices }),
  /** Accepts files from the chosen file's sender, once its fingerprint has been confirmed by phone. */
  exchangeTrust: (passphrase: string, fingerprint: string) =>
    call("exchange_trust", { passphrase, fingerprint }),
  /** Imports the chosen file; refused when its sender is not trusted. */
  exchangeImport: (passphrase: string, choices: ImportChoices) =>
    call("exchange_import", { passphrase, choices }),
  exchangeForgetSigner: (publicKey: string) => call("exchange_forget_signer", { publicKey }),
  /** Opens a native save dialog and writes one table as CSV; null when the user cancels. */
  exportCsv: (what: CsvExport, period: Period | null) => call("export_csv", { what, period }),
  /** Opens a native save dialog and writes every record as JSON; null when the user cancels. */
  exportJson: () => call("export_json"),
};
