// `ikit usage --from --to`: the account's bandwidth, storage and processing units over a date range.
import { dateFlag } from "../flags.js";
import type { Register } from "./command.js";
import { printObject } from "./details.js";

const day = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Adds `usage`.
 *
 * @example
 * ```ts
 * registerUsage(new Command("ikit"), () => context);
 * ```
 */
export const registerUsage: Register = (program, ctx) => {
  const today = new Date();
  program
    .command("usage")
    .description("account usage between two dates")
    .option(
      "--from <date>",
      "first day, YYYY-MM-DD (default: 30 days ago)",
      day(new Date(today.getTime() - 30 * 86_400_000)),
    )
    .option("--to <date>", "last day, YYYY-MM-DD (default: today)", day(today))
    .addHelpText("after", "\nExample:\n  ikit usage --from 2026-11-01 --to 2026-11-23")
    .action(async (options: { from: string; to: string }) => {
      const admin = ctx().admin("usage");
      const usage = await admin.getUsage({
        startDate: dateFlag(options.from, "--from"),
        endDate: dateFlag(options.to, "--to"),
      });
      await printObject(ctx(), usage);
    });
};
