import { Saving } from "./saving.svelte";

/**
 * An action on one record that the person confirms in a dialog first. The dialog shows its own
 * problem, so a refusal is read beside the button that was pressed; asking again starts clean.
 */
export class Confirming<T> extends Saving {
  subject = $state<T | null>(null);
  open = $state(false);

  ask(subject: T) {
    this.subject = subject;
    this.succeed();
    this.open = true;
  }

  /** Runs the confirmed action on the record asked about; the action closes the dialog once done. */
  async confirm(work: (subject: T) => Promise<unknown>) {
    const subject = this.subject;
    if (subject === null || this.busy) return;
    await this.run(() => work(subject));
  }
}
