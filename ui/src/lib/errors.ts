import type { ErrorBody } from "../bindings/ErrorBody";

/** Turns anything thrown by a command into the one error shape the app shows. */
export function toErrorBody(e: unknown): ErrorBody {
  if (e && typeof e === "object" && "kind" in e && "message" in e) {
    const body = e as ErrorBody;
    const problems = Array.isArray(body.problems) ? body.problems.map((p) => ({ field: String(p.field), message: String(p.message) })) : undefined;
    return { kind: body.kind, message: String(body.message), field: body.field ?? null, ...(problems?.length ? { problems } : {}) };
  }
  // Anything else (a payload the window itself rejected) is still shown in the same shape.
  return {
    kind: "Internal",
    message: `Something went wrong: ${String(e)}. Nothing was changed; try again.`,
    field: null,
  };
}
