import type { IncomingMessage } from "node:http";
import type { UploadForm } from "../context.js";
import type { RouteName } from "./routes.js";

/**
 * One request as the emulator received it, for tests that check what a client sent. Secrets are left out: no
 * `Authorization`, `Cookie` or `Proxy-Authorization` header, and any value containing the private key or the webhook
 * secret reads `"[redacted]"`.
 *
 * @example
 * ```ts
 * const sent: LoggedRequest = emu.requests.list("upload")[0];
 * sent.fields.fileName; // "photo.jpg"
 * ```
 */
export interface LoggedRequest {
  /** When it arrived, ISO 8601. */
  at: string;
  /** The `x-request-id` it was answered with. */
  requestId: string;
  method: string;
  /** The path without the query, e.g. `/v1/files` or `/emulator/tr:w-100/a.jpg`. */
  path: string;
  /** The route it matched; `undefined` for a 404 or a CORS preflight. */
  route: RouteName | undefined;
  /** Query parameters; a repeated one as an array. */
  query: Record<string, string | string[]>;
  /**
   * The body's fields once the handler read them: a JSON body's properties, or an upload form's text fields (a repeated
   * one as an array) with a binary `file` part as `{ filename, size, mime }`. Text longer than 1,024 characters is cut
   * and ends with `…`; an array or object keeps its first 100 items and says how many more there were. Empty when the
   * body was not read.
   */
  fields: Record<string, unknown>;
  /** Request headers by lower-case name, secrets left out. */
  headers: Record<string, string>;
  /** The status the emulator answered. */
  status: number;
}

const SECRET_HEADERS = new Set(["authorization", "proxy-authorization", "cookie"]);
const MAX_TEXT = 1024;
const MAX_DEPTH = 32;
/** Items kept of a logged array or object: a 5 MB body of a million ids, a thousand times over, would be gigabytes. */
const MAX_ITEMS = 100;

/**
 * The last requests the emulator received, oldest first, at most `limit` of them (1,000 unless `requestLogSize` says
 * otherwise; 0 keeps none). Read it with `list()`, empty it with `clear()`.
 *
 * @example
 * ```ts
 * emu.requests.clear();
 * await client.files.upload({ file, fileName: "a.jpg", tags: ["x"] });
 * expect(emu.requests.list("upload")[0]?.fields.tags).toBe("x");
 * ```
 */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private readonly hidden: string[];

  constructor(
    readonly limit: number,
    secrets: string[],
  ) {
    this.hidden = secrets.filter((secret) => secret !== "");
  }

  /** The logged requests, oldest first; only those of one route when `route` is given. */
  list(route?: RouteName): LoggedRequest[] {
    return route === undefined ? [...this.entries] : this.entries.filter((entry) => entry.route === route);
  }

  /** Forgets every logged request. */
  clear(): void {
    this.entries = [];
  }

  /** Starts the entry of a request arriving now (the pipeline fills in route, fields and status). */
  open(req: IncomingMessage, requestId: string): LoggedRequest {
    const headers: Record<string, string> = {};
    // With requestLogSize 0 nothing is kept, so nothing is copied or scanned for secrets either.
    for (const [name, value] of this.limit > 0 ? Object.entries(req.headers) : []) {
      if (value !== undefined && !SECRET_HEADERS.has(name)) headers[name] = this.text(String(value));
    }
    return {
      at: new Date().toISOString(),
      requestId,
      method: req.method ?? "GET",
      path: "",
      route: undefined,
      query: {},
      fields: {},
      headers,
      status: 0,
    };
  }

  /** Records the query of a parsed request URL. */
  query(entry: LoggedRequest, url: URL): void {
    entry.path = url.pathname;
    if (this.limit <= 0) return;
    for (const name of new Set(url.searchParams.keys())) entry.query[name] = this.many(url.searchParams.getAll(name));
  }

  /** Records a JSON body's fields. */
  json(entry: LoggedRequest, body: Record<string, unknown>): void {
    if (this.limit > 0) entry.fields = this.copy(body, 0) as Record<string, unknown>;
  }

  /** Records an upload form's fields. */
  form(entry: LoggedRequest, form: UploadForm): void {
    if (this.limit <= 0) return;
    for (const [name, values] of form.fields) entry.fields[name] = this.many(values);
    if (form.file) entry.fields.file = { filename: form.file.filename, size: form.file.size, mime: form.file.mime };
  }

  /** Keeps a finished entry, dropping the oldest beyond the limit. */
  close(entry: LoggedRequest, status: number): void {
    if (this.limit <= 0) return;
    entry.status = status;
    if (this.entries.push(entry) > this.limit) this.entries.shift();
  }

  private many(values: string[]): string | string[] {
    const texts = values.map((value) => this.text(value));
    return texts.length === 1 ? (texts[0] as string) : texts;
  }

  private text(value: string): string {
    if (this.hidden.some((secret) => value.includes(secret))) return "[redacted]";
    return value.length > MAX_TEXT ? `${value.slice(0, MAX_TEXT)}…` : value;
  }

  private copy(value: unknown, depth: number): unknown {
    if (typeof value === "string") return this.text(value);
    if (typeof value !== "object" || value === null) return value;
    if (depth >= MAX_DEPTH) return "…";
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ITEMS).map((item) => this.copy(item, depth + 1));
      return value.length > MAX_ITEMS ? [...items, `… ${value.length - MAX_ITEMS} more`] : items;
    }
    const copy: Record<string, unknown> = Object.create(null);
    const entries = Object.entries(value);
    for (const [key, item] of entries.slice(0, MAX_ITEMS)) copy[this.text(key)] = this.copy(item, depth + 1);
    if (entries.length > MAX_ITEMS) copy["…"] = `${entries.length - MAX_ITEMS} more`;
    return copy;
  }
}
