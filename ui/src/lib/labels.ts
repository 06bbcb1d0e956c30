import type { Choice } from "../bindings/Choice";

/** The label the core gave for a code, so labels are written once, in Rust. */
export function labelOf<T>(choices: Choice<T>[], value: T): string {
  return choices.find((c) => c.value === value)?.label ?? String(value);
}
