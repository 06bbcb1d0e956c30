import type { ActionStatus } from "../../bindings/ActionStatus";

/** The NHS tag colour for each action status; the status word from the core is always shown in it. */
export const ACTION_TAG: Record<ActionStatus, string> = {
  open: "nhsuk-tag--blue",
  "in-progress": "nhsuk-tag--aqua-green",
  escalated: "nhsuk-tag--purple",
  closed: "nhsuk-tag--grey",
};

/** "Overdue by 1 day", "Overdue by 12 days", or plain "Overdue" when the days are not known. */
export function overdueText(days: number): string {
  if (days <= 0) return "Overdue";
  return `Overdue by ${days} ${days === 1 ? "day" : "days"}`;
}

/** The confirmation once an action is saved, with its status as a word when it is not closed. */
export function savedSentence(action: { description: string; status: ActionStatus }, statusLabel: string): string {
  return action.status === "closed"
    ? `The action “${action.description}” was closed.`
    : `The action “${action.description}” was updated; it is now ${statusLabel.toLowerCase()}.`;
}
