import type { ErrorBody } from "../../bindings/ErrorBody";

/** One problem to put right, and the field it belongs to when the core names one. */
export type Problem = { message: string; field: string | null };

/**
 * The problems in an error, in the order the core gave them. The core names one field at most
 * today; when it sends a list of field errors, only this function has to learn to read it.
 */
export function problemsOf(error: ErrorBody | null): Problem[] {
  return error ? [{ message: error.message, field: error.field }] : [];
}

/** The message to show beside one field, or "" when the problem lies elsewhere. */
export function messageFor(error: ErrorBody | null, field: string): string {
  return problemsOf(error).find((p) => p.field === field)?.message ?? "";
}

/** A problem found in the window before anything is sent, in the core's shape. */
export const invalid = (field: string, message: string): ErrorBody => ({ kind: "Validation", message, field });
