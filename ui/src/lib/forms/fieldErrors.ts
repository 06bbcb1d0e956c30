import type { ErrorBody } from "../../bindings/ErrorBody";

/** One problem to put right, and the field it belongs to when the core names one. */
export type Problem = { message: string; field: string | null };

/**
 * The problems in an error, in the order the core gave them: every problem of the input when
 * the core found several, else the one.
 */
export function problemsOf(error: ErrorBody | null): Problem[] {
  if (!error) return [];
  if (error.problems?.length) return error.problems.map((p) => ({ message: p.message, field: p.field || null }));
  return [{ message: error.message, field: error.field }];
}

/** The message to show beside one field, or "" when the problem lies elsewhere. */
export function messageFor(error: ErrorBody | null, field: string): string {
  return problemsOf(error).find((p) => p.field === field)?.message ?? "";
}

/** A problem found in the window before anything is sent, in the core's shape. */
export const invalid = (field: string, message: string): ErrorBody => ({ kind: "Validation", message, field });
