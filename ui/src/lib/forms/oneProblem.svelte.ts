import type { ErrorBody } from "../../bindings/ErrorBody";

/**
 * The one problem a page of several sections shows at a time, in the section it came from. A
 * section's new problem replaces any other; its "put right" clears only its own.
 */
export class OneProblem<Section extends string> {
  #error = $state<ErrorBody | null>(null);
  #section = $state<Section | null>(null);

  /** The problem to show in this section, if it is the one with the problem. */
  of = (section: Section): ErrorBody | null => (this.#section === section ? this.#error : null);

  get section(): Section | null {
    return this.#section;
  }

  report = (section: Section, e: ErrorBody | null) => {
    if (e) {
      this.#error = e;
      this.#section = section;
    } else if (this.#section === section) {
      this.#error = null;
      this.#section = null;
    }
  };

  /** The props a section takes to show and report its problem. */
  for = (section: Section) => ({ error: this.of(section), onerror: (e: ErrorBody | null) => this.report(section, e) });
}
