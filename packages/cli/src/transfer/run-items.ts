// Runs the items of a transfer at a bounded concurrency (p-limit), reports each as it finishes, and keeps going past
// a failed item so one vanished file does not stop two thousand others. Ctrl-C stops starting new items; the ones
// under way finish, so nothing is left half-done.
import pLimit from "p-limit";
import { CliError, toCliError } from "../errors.js";
import type { ItemResult, Progress } from "../progress.js";

/**
 * What a run did: counts by action, and the failures with their errors.
 *
 * @example
 * ```ts
 * const { counts, failures } = await runItems(files, 8, progress, signal, upload);
 * ```
 */
export interface RunReport {
  counts: Partial<Record<ItemResult["action"], number>>;
  failures: { path: string; error: CliError }[];
  /** Items never started because the run was interrupted. */
  notStarted: number;
}

/**
 * Runs `work` over `items`, at most `concurrency` at once. `work` resolves to the item's result or throws; a throw is
 * a failed item, reported and counted, never the end of the run.
 *
 * @example
 * ```ts
 * await runItems(jobs, 8, progress, signal, async (job) => ({ action: "uploaded", path: job.path }));
 * ```
 */
export async function runItems<T extends { path: string }>(
  items: readonly T[],
  concurrency: number,
  progress: Progress,
  signal: AbortSignal,
  work: (item: T) => Promise<ItemResult>,
): Promise<RunReport> {
  const limit = pLimit(concurrency);
  const report: RunReport = { counts: {}, failures: [], notStarted: 0 };
  const record = (result: ItemResult) => {
    report.counts[result.action] = (report.counts[result.action] ?? 0) + 1;
    progress.item(result);
  };
  await Promise.all(
    items.map((item) =>
      limit(async () => {
        if (signal.aborted) {
          report.notStarted++;
          return;
        }
        try {
          record(await work(item));
        } catch (error) {
          const failure = toCliError(error);
          report.failures.push({ path: item.path, error: failure });
          record({ action: "failed", path: item.path, detail: failure.message });
        }
      }),
    ),
  );
  progress.stop();
  return report;
}

/**
 * Throws what a finished run means when it did not do everything: INTERRUPTED (exit 130) when Ctrl-C left items
 * unstarted, PARTIAL (exit 6) when some failed (or the one error itself when every item failed the same way).
 *
 * @example
 * ```ts
 * checkRun(report, jobs.length, "upload", "run the same sync again");
 * ```
 */
export function checkRun(report: RunReport, total: number, what: string, retry: string): void {
  if (report.notStarted > 0) {
    throw new CliError("INTERRUPTED", `interrupted: ${report.notStarted} ${what}(s) not started; ${retry} to finish.`);
  }
  const failed = report.failures.length;
  if (failed === 0) return;
  const [first] = report.failures;
  if (failed === total && first && report.failures.every((f) => f.error.code === first.error.code)) {
    throw new CliError(first.error.code, `${first.error.message}`, first.error.value);
  }
  throw new CliError("PARTIAL", `${failed} of ${total} ${what}(s) failed (listed above); ${retry} to retry them.`);
}
