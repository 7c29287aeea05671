// The shape of a command module: it adds its command(s) to the program, and reads the run's Context when it runs.
import type { Command } from "commander";
import type { Context } from "../context.js";

/**
 * Adds a command to `program`; `ctx()` is the run's context once the command's options are parsed.
 *
 * @example
 * ```ts
 * export const registerMkdir: Register = (program, ctx) => {
 *   program.command("mkdir <path>").action(async (path: string) => ctx().out.line(path));
 * };
 * ```
 */
export type Register = (program: Command, ctx: () => Context) => void;
