import { clearMocks } from "@tauri-apps/api/mocks";
import { cleanup } from "@testing-library/svelte";
import { afterEach } from "vitest";

// jsdom lays nothing out and reports scrolling as not implemented; screens scroll to the top
// after a page change, which tests check with a spy.
window.scrollTo = (() => undefined) as typeof window.scrollTo;

// jsdom has no modal dialogs; open and close them as a browser would, telling the page when one closes.
HTMLDialogElement.prototype.showModal = function (this: HTMLDialogElement) {
  this.setAttribute("open", "");
};
HTMLDialogElement.prototype.close = function (this: HTMLDialogElement) {
  this.removeAttribute("open");
  this.dispatchEvent(new Event("close"));
};

afterEach(() => {
  cleanup();
  clearMocks();
  // The text size is set on the document, which outlasts a test.
  document.documentElement.style.fontSize = "";
});
