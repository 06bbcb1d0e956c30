import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { startIdleLock } from "./idleLock";

const MINUTE = 60_000;

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe("locking after a time without use", () => {
  it("fires once after the time has passed without activity", () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    startIdleLock(15, onIdle, target);
    vi.advanceTimersByTime(15 * MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
    // It stops watching once it has fired.
    vi.advanceTimersByTime(60 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it.each(["keydown", "pointerdown", "pointermove", "wheel", "touchstart", "focusin"])("starts the wait again on %s", (name) => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    startIdleLock(5, onIdle, target);
    vi.advanceTimersByTime(4 * MINUTE);
    target.dispatchEvent(new Event(name));
    vi.advanceTimersByTime(4 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(MINUTE - 1);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("watches the window unless told otherwise", () => {
    const onIdle = vi.fn();
    const stop = startIdleLock(5, onIdle);
    vi.advanceTimersByTime(3 * MINUTE);
    window.dispatchEvent(new KeyboardEvent("keydown", { key: "a" }));
    vi.advanceTimersByTime(3 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
    stop();
  });

  it("locks at once when the time passed while the laptop was asleep", () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    startIdleLock(10, onIdle, target);
    // The clock moves on without the timer running, as when the lid is closed.
    vi.setSystemTime(Date.now() + 30 * MINUTE);
    vi.advanceTimersByTime(10 * MINUTE);
    expect(onIdle).toHaveBeenCalledTimes(1);
  });

  it("never fires when set to 0", () => {
    const target = new EventTarget();
    const onIdle = vi.fn();
    startIdleLock(0, onIdle, target);
    vi.advanceTimersByTime(24 * 60 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
  });

  it("stops when asked, and no longer listens for activity", () => {
    const target = new EventTarget();
    const remove = vi.spyOn(target, "removeEventListener");
    const onIdle = vi.fn();
    const stop = startIdleLock(5, onIdle, target);
    vi.advanceTimersByTime(4 * MINUTE);
    stop();
    vi.advanceTimersByTime(60 * MINUTE);
    expect(onIdle).not.toHaveBeenCalled();
    expect(vi.getTimerCount()).toBe(0);
    expect(remove).toHaveBeenCalledTimes(6);
    // Stopping twice is harmless.
    stop();
  });
});
