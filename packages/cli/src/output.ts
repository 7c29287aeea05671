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
  readonly stderr: Writable;
  /** Values never to print (the private key), added once the config is read. */
  readonly secrets: string[] = [];

  constructor(mode: OutputMode, stdout: Writable & { isTTY?: boolean }, stderr: Writable) {
    this.mode = mode;
    this.stdout = stdout;
    this.stderr = stderr;
  }

  /** Whether a person is watching stdout (a terminal, and no --json). */
  get interactive(): boolean {
    return Boolean(this.stdout.isTTY) && !this.mode.json;
  }

  #scrub(text: string): string {
    return this.secrets.length ? redact(text, this.secrets) : text;
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
    (this.mode.json ? this.stderr : this.stdout).write(`${this.#scrub(text)}\n`);
  }

  /** Detail for --verbose, on stderr. */
  debug(text: string): void {
    if (this.mode.verbose) this.stderr.write(`${this.#scrub(text)}\n`);
  }

  /** A warning or error line on stderr, shown even with --quiet. */
  error(text: string): void {
    this.stderr.write(`${this.#scrub(text)}\n`);
  }
}
