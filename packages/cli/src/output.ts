// Everything the CLI writes goes through one Output: data to stdout (lines, or JSON with --json), notes and errors
// to stderr, --quiet and --verbose applied, every secret scrubbed, and stdout's back-pressure respected so a listing
// of 10,000 files streams instead of piling up in memory.
import type { Writable } from "node:stream";
import { redact } from "./errors.js";

/**
 * How much to say, and in which form.
 *
 * @example
 * ```ts
 * const mode: OutputMode = { json: false, quiet: false, verbose: true };
 * ```
 */
export interface OutputMode {
  /** Machine-readable output on stdout. */
  json: boolean;
  /** No progress, notes or summaries: only the data asked for and errors. */
  quiet: boolean;
  /** Also each HTTP request (method, path, status, time) on stderr. */
  verbose: boolean;
}

/**
 * The CLI's writer.
 *
 * @example
 * ```ts
 * const out = new Output({ json: false, quiet: false, verbose: false }, process.stdout, process.stderr);
 * await out.line("/products/a.jpg");
 * ```
 */
export class Output {
  readonly mode: OutputMode;
  readonly stdout: Writable & { isTTY?: boolean };
  readonly stderr: Writable & { isTTY?: boolean };
  /** Values never to print (the private key), added once the config is read. */
  readonly secrets: string[] = [];

  constructor(mode: OutputMode, stdout: Writable & { isTTY?: boolean }, stderr: Writable & { isTTY?: boolean }) {
    this.mode = mode;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Whether a person is watching stdout (a terminal, and no --json). */
  get interactive(): boolean {
    return Boolean(this.stdout.isTTY) && !this.mode.json;
  }

  /**
   * The text as it may be written to `stream`: secrets redacted and, on a terminal, control characters (escape
   * sequences in a remote name or a server's message could retitle, clear or rewrite the screen) and bidi overrides
   * shown as `\u001b` instead of acting. Pipes get the text as it is.
   */
  #scrub(text: string, stream: Writable & { isTTY?: boolean } = this.stdout): string {
    const clean = this.secrets.length ? redact(text, this.secrets) : text;
    if (!stream.isTTY) return clean;
    return clean.replace(
      /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g,
      (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`,
    );
  }

  /** Writes to stdout, waiting when its buffer is full. */
  async #write(text: string): Promise<void> {
    if (this.stdout.write(this.#scrub(text))) return;
    await new Promise<void>((resolve) => this.stdout.once("drain", resolve));
  }

  /** A line of the data asked for (a listing, a URL); in --json mode commands call {@link Output.json} instead. */
  line(text: string): Promise<void> {
    return this.#write(`${text}\n`);
  }

  /** One JSON document (or, for listings, one JSON value per line). */
  json(value: unknown): Promise<void> {
    return this.#write(`${JSON.stringify(value)}\n`);
  }

  /** Raw bytes to stdout (`cat`). */
  async bytes(chunk: Uint8Array): Promise<void> {
    if (this.stdout.write(chunk)) return;
    await new Promise<void>((resolve) => this.stdout.once("drain", resolve));
  }

  /** A note for people (a summary, a step done): stderr in --json mode, nothing with --quiet. */
  note(text: string): void {
    if (this.mode.quiet) return;
    const stream = this.mode.json ? this.stderr : this.stdout;
    stream.write(`${this.#scrub(text, stream)}\n`);
  }

  /** Detail for --verbose, on stderr. */
  debug(text: string): void {
    if (this.mode.verbose) this.stderr.write(`${this.#scrub(text, this.stderr)}\n`);
  }

  /** A warning or error line on stderr, shown even with --quiet. */
  error(text: string): void {
    this.stderr.write(`${this.#scrub(text, this.stderr)}\n`);
  }
}
