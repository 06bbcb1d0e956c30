// Locks the app after a time without use: no key pressed, no pointer moved or pressed, no
// scrolling and no change of focus.

/** What counts as using the app. */
export const ACTIVITY_EVENTS = ["keydown", "pointerdown", "pointermove", "wheel", "touchstart", "focusin"] as const;

/** The choices offered under Settings, in minutes; 0 is never. */
export const IDLE_LOCK_CHOICES = [0, 5, 10, 15, 30, 60, 120] as const;

/** The app's own default, used when the setting cannot be read. */
export const DEFAULT_IDLE_LOCK_MINUTES = 15;

/**
 * Calls `onIdle` once, after `minutes` without activity on `target`; 0 (or less) means never.
 * Returns a function that stops watching; it is also stopped once `onIdle` has been called.
 *
 * Activity only notes the time, so a moving pointer costs nothing; the timer checks the time
 * when it fires and waits again for whatever is left. As the check uses the clock, a laptop
 * that wakes from sleep after the time has passed locks at once.
 */
export function startIdleLock(minutes: number, onIdle: () => void, target: EventTarget = window): () => void {
  if (!(minutes > 0)) return () => {};
  const limit = minutes * 60_000;
  let lastActive = Date.now();
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const active = () => {
    lastActive = Date.now();
  };

  const stop = () => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    // Listened for while capturing, so activity a screen stops from spreading still counts.
    for (const name of ACTIVITY_EVENTS) target.removeEventListener(name, active, true);
  };

  const check = () => {
    const idle = Date.now() - lastActive;
    if (idle >= limit) {
      stop();
      onIdle();
    } else {
      timer = setTimeout(check, limit - idle);
    }
  };

  for (const name of ACTIVITY_EVENTS) target.addEventListener(name, active, { capture: true, passive: true });
  timer = setTimeout(check, limit);
  return stop;
}
