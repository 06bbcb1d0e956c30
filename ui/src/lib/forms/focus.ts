import { tick } from "svelte";

/** Focuses an element once the change that draws it has reached the page. */
export async function focusSoon(id: string) {
  await tick();
  document.getElementById(id)?.focus();
}

/** Puts focus back on a button that was disabled while it worked, unless something else took it. */
export async function refocus(id: string) {
  await tick();
  if (document.activeElement === document.body || document.activeElement === null) {
    document.getElementById(id)?.focus();
  }
}
