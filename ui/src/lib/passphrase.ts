import type { ErrorBody } from "../bindings/ErrorBody";

/**
 * What is wrong with a new passphrase typed twice, as an error on the field at fault; null when
 * nothing is. Only what the core cannot know is checked here (both boxes filled, the same
 * text): the length rule is the core's alone.
 */
export function newPassphraseProblem(
  noun: string,
  passphrase: string,
  confirm: string,
  field: string,
  confirmField: string,
): ErrorBody | null {
  const problem = (f: string, message: string): ErrorBody => ({ kind: "Validation", message, field: f });
  if (!passphrase) return problem(field, `Enter a ${noun}`);
  if (!confirm) return problem(confirmField, `Enter the ${noun} again to confirm it`);
  if (passphrase !== confirm) return problem(confirmField, "The two passphrases differ. Type the same passphrase in both boxes.");
  return null;
}
