import { mockIPC } from "@tauri-apps/api/mocks";
import type { Command } from "./lib/commands";

type Handler = (args: Record<string, unknown>) => unknown;

/**
 * Stands in for the core: each named command answers with its handler, any other answers
 * nothing. Only commands the window really invokes can be named. Returns every call's
 * arguments by command, for tests that check what was sent.
 */
export function mockCommands(handlers: Partial<Record<Command, Handler>>): Partial<Record<Command, Record<string, unknown>[]>> {
  const calls: Partial<Record<Command, Record<string, unknown>[]>> = {};
  mockIPC((cmd, args) => {
    const command = cmd as Command;
    const given = (args ?? {}) as Record<string, unknown>;
    (calls[command] ??= []).push(given);
    return handlers[command]?.(given);
  });
  return calls;
}
