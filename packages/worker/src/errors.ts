/**
 * One thing wrong in an `ImageWorkerConfig`: where (`allow.widths[2]`) and what to do about it.
 *
 * @example
 * ```ts
 * const problem: ConfigProblem = { key: "allow.widths[1]", message: "expected a whole number from 1 to 10000, got 0." };
 * ```
 */
export interface ConfigProblem {
  /** The key, as a path into the configuration object, e.g. `allow.widths[2]` or `presets.thumb`. */
  key: string;
  /** What was wrong and how to fix it. */
  message: string;
}

/**
 * Thrown by `createImageWorker` when the configuration cannot work, before any request is served. `problems` lists
 * every key that needs fixing; the message lists them too, one per line. Configuration never holds secrets, so the
 * message may be logged.
 *
 * @example
 * ```ts
 * try {
 *   createImageWorker({ urlEndpoint: "ik.imagekit.io/demo", allow: { paths: ["/products/"] } });
 * } catch (error) {
 *   if (error instanceof WorkerConfigError) console.error(error.problems[0]?.key); // "urlEndpoint"
 * }
 * ```
 */
export class WorkerConfigError extends Error {
  override readonly name = "WorkerConfigError";
  readonly code = "INVALID_CONFIG";
  readonly problems: readonly ConfigProblem[];

  constructor(problems: readonly ConfigProblem[]) {
    super(
      `@ikit/worker configuration: ${problems.length} problem${problems.length === 1 ? "" : "s"}\n${problems
        .map((p) => `  - ${p.key}: ${p.message}`)
        .join("\n")}`,
    );
    this.problems = problems;
  }
}
