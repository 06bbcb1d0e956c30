import type { ErrorBody } from "../bindings/ErrorBody";
import { toErrorBody } from "./errors";

/**
 * What a screen shows for the choice on screen (a period, a role), loaded afresh each time the
 * choice changes, with the problem if it could not be. A slower answer to an earlier choice
 * never replaces the answer to the current one.
 */
export class Latest<T> {
  value = $state<T | null>(null);
  error = $state<ErrorBody | null>(null);
  #asked = 0;

  async load(work: () => Promise<T>) {
    const mine = ++this.#asked;
    this.error = null;
    try {
      const answer = await work();
      if (mine === this.#asked) this.value = answer;
    } catch (e) {
      this.error = toErrorBody(e);
    }
  }
}
