// The window's text size, chosen under Settings. nhsuk-frontend sizes everything in rem, so
// scaling the root font scales the whole window, and the layouts reflow to fit.
import type { TextSize } from "../bindings/TextSize";

/** The root font size for each choice. */
export const TEXT_SIZE_PERCENT: Record<TextSize, string> = {
  standard: "100%",
  large: "125%",
  larger: "150%",
  largest: "200%",
};

/** Applies a text size to the window; anything unknown, or none, is the standard 100%. */
export function applyTextSize(size: TextSize | null | undefined): void {
  const percent = size && Object.hasOwn(TEXT_SIZE_PERCENT, size) ? TEXT_SIZE_PERCENT[size] : "100%";
  document.documentElement.style.fontSize = percent;
}
