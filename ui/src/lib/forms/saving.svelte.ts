import type { ErrorBody } from "../../bindings/ErrorBody";
import { toErrorBody } from "../errors";
import { messageFor } from "./fieldErrors";

/**
 * Where a form's problem is kept. Most forms keep their own; a page that shows one problem at a
 * time across its sections (Settings, Papers) keeps it for them, so a section reads and reports it.
 */
/** The notice to show once saved; null when nothing was done. */
type Outcome = string | void | null;

export type ErrorPlace = { get: () => ErrorBody | null; set: (e: ErrorBody | null) => void };

/**
 * The one save flow of every form: busy while the core works, then either a notice of what was
 * done or the problem, tied to its field, with the notice cleared so the two never disagree.
 */
export class Saving {
  notice = $state("");
  // What is being saved, where a form saves more than one thing with buttons of their own.
  #running = $state<string | null>(null);
  #own = $state<ErrorBody | null>(null);
  readonly #place: ErrorPlace;

  constructor(place?: ErrorPlace) {
    this.#place = place ?? { get: () => this.#own, set: (e) => (this.#own = e) };
  }

  get busy(): boolean {
    return this.#running !== null;
  }

  busyWith(what: string): boolean {
    return this.#running === what;
  }

  get error(): ErrorBody | null {
    return this.#place.get();
  }

  /** The message to show beside one field, or "". */
  errorFor = (field: string): string => messageFor(this.error, field);

  fail(e: unknown) {
    this.notice = "";
    this.#place.set(toErrorBody(e));
  }

  succeed(notice = "") {
    this.#place.set(null);
    this.notice = notice;
  }

  /**
   * Runs one save. `then` receives what the core returned and gives the notice to show, or null
   * when nothing was done after all (a file dialog cancelled) so what was showing stays; the
   * result is whether it was saved, for a caller with more to do only then. `what` names the
   * thing saved when the form has several, for `busyWith`.
   */
  async run<T>(
    work: () => Promise<T>,
    then: (result: T) => Outcome | Promise<Outcome> = () => undefined,
    what = "form",
  ): Promise<boolean> {
    this.#running = what;
    try {
      const outcome = await then(await work());
      if (outcome !== null) this.succeed(outcome ?? "");
      return true;
    } catch (e) {
      this.fail(e);
      return false;
    } finally {
      this.#running = null;
    }
  }

  /** A form's submit handler that saves as `run` does, without the browser sending the form. */
  submit<T>(work: () => Promise<T>, then?: (result: T) => Outcome | Promise<Outcome>) {
    return (event: SubmitEvent) => {
      event.preventDefault();
      return this.run(work, then);
    };
  }
}

/** The problem kept by a page for one of its sections: the section's `error` prop and `onerror`. */
export const keptBy = (get: () => ErrorBody | null, set: (e: ErrorBody | null) => void): ErrorPlace => ({ get, set });

/** The props of a form whose page keeps its problem (see OneProblem). */
export type KeptProblem = {
  /** This form's problem, if the page is showing one here. */
  error: ErrorBody | null;
  /** Reports a problem in this form, or `null` once it is put right. */
  onerror: (e: ErrorBody | null) => void;
};

/** The props of one section of a page that saves one thing: what was saved goes back to the page. */
export type SectionProps<T> = KeptProblem & { onsaved: (saved: T) => void };
