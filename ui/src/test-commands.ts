import { mockIPC } from "@tauri-apps/api/mocks";
import type { Commands } from "./bindings/commands";

/** A command the window may call: the map is generated from the Rust command functions. */
export type Command = keyof Commands;

/** A stand-in for one command: given the arguments the window sent, it returns the answer. */
export type Handler = (args: Record<string, unknown>) => unknown;
export type Handlers = Partial<Record<Command, Handler>>;
/** Every call's arguments, by command, for tests that check what was sent. */
export type Calls = Partial<Record<Command, (Record<string, unknown> | undefined)[]>>;

/**
 * Stands in for the core: each named command answers with its handler, any other answers
 * nothing. Only commands that exist in the core can be named (bindings/commands.ts). A test
 * that keeps its own log of calls, in order, passes `oncall`.
 */
export function mockCommands(handlers: Handlers, oncall?: (cmd: Command, args: Record<string, unknown> | undefined) => void): Calls {
  const calls: Calls = {};
  mockIPC((cmd, args) => {
    const command = cmd as Command;
    const sent = args as Record<string, unknown> | undefined;
    (calls[command] ??= []).push(sent);
    oncall?.(command, sent);
    return handlers[command]?.(sent ?? {});
  });
  return calls;
}
