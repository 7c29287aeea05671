// Confirmation before anything destructive: --yes, or a "y" typed at a terminal. Without a terminal to ask on, the
// answer is no: a script must say --yes, never get a deletion because nobody was there to refuse it.
import { createInterface } from "node:readline/promises";
import { CliError } from "./errors.js";

/**
 * Asks `question` on stderr and resolves when the answer is yes; otherwise throws NOT_CONFIRMED (exit 7).
 *
 * @example
 * ```ts
 * await confirm("Delete 3 files?", { yes: options.yes === true });
 * ```
 */
export async function confirm(question: string, { yes }: { yes: boolean }): Promise<void> {
  if (yes) return;
  if (!process.stdin.isTTY) {
    throw new CliError(
      "NOT_CONFIRMED",
      `${question} Not confirmed: there is no terminal to ask on, so nothing was changed. Pass --yes to confirm.`,
    );
  }
  const prompt = createInterface({ input: process.stdin, output: process.stderr });
  try {
    const answer = await prompt.question(`${question} [y/N] `);
    if (/^y(es)?$/i.test(answer.trim())) return;
  } finally {
    prompt.close();
  }
  throw new CliError("NOT_CONFIRMED", "Not confirmed: nothing was changed.");
}
