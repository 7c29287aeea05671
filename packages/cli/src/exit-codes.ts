// The exit codes scripts can rely on: one per kind of outcome, documented in the README's "Exit codes" table.

/**
 * What `ikit` exits with. Stable: scripts branch on these numbers.
 *
 * @example
 * ```ts
 * if ((await run(["ls", "/missing"])) === EXIT.NOT_FOUND) console.log("no such folder");
 * ```
 */
export const EXIT = {
  /** Everything asked for was done. */
  OK: 0,
  /** A bug or an error nobody foresaw; the message says what happened. */
  INTERNAL: 1,
  /** Unknown command or flag, a missing or malformed argument. Nothing was sent. */
  USAGE: 2,
  /** No private key (or public key, URL endpoint) where one is needed, an unreadable config file, or a key ImageKit refused (401/403). */
  CONFIG: 3,
  /** A remote file or folder, or a local path, does not exist. */
  NOT_FOUND: 4,
  /** The target exists already (a rename or move onto a taken name: ImageKit's 409, an upload without --overwrite). */
  CONFLICT: 5,
  /** Some items of a transfer failed (a vanished local file, retries ran out); the others were done. */
  PARTIAL: 6,
  /** A destructive action was not confirmed: answered no, or no terminal to ask on and no --yes. */
  NOT_CONFIRMED: 7,
  /** ImageKit or the network failed (5xx, connection, timeout, 429 after every retry) or refused the request (400). */
  REMOTE: 8,
  /** Stopped by Ctrl-C (SIGINT). */
  INTERRUPTED: 130,
} as const;

/**
 * One of the {@link EXIT} codes.
 *
 * @example
 * ```ts
 * const code: ExitCode = EXIT.PARTIAL; // 6
 * ```
 */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
