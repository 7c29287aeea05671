import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, rename, writeFile } from "node:fs/promises";
import type { AddressInfo } from "node:net";
import { availableParallelism } from "node:os";
import { join, resolve } from "node:path";
import sharp from "sharp";
import type { App, Settings } from "./context.js";
import { EmulatorError } from "./errors/emulator-error.js";
import { createFaults, type Faults } from "./http/faults.js";
import type { RateLimits } from "./http/rate-limit.js";
import { RequestLog } from "./http/request-log.js";
import { createEmulatorServer } from "./http/server.js";
import { COLLECTIONS, type Collections } from "./library/records.js";
import { Store } from "./library/store.js";
import { DEFAULT_LIMITS, type Limits } from "./limits.js";
import { ImageQueue } from "./media/image-queue.js";
import { corruptRecord, readRecordFile } from "./storage/persistence.js";
import { shapeProblem } from "./storage/shape.js";
import { openStorage } from "./storage/storage.js";

/**
 * Options of {@link startEmulator}.
 *
 * @example
 * ```ts
 * const options: EmulatorOptions = { port: 3030, data: "./.ikit-data", restrictUnsignedUrls: true };
 * ```
 *
 * It also takes every {@link Limits} field (`maxOutputPixels`, `transformTimeoutMs`, …) to bound what one request may
 * cost; each defaults to its value in `DEFAULT_LIMITS`.
 */
export interface EmulatorOptions extends Partial<Limits> {
  /** TCP port on 127.0.0.1; `0` picks a free one. @default 0 */
  port?: number;
  /** A folder to keep files and metadata in across restarts; in memory (and a temporary folder for bytes) when omitted. */
  data?: string;
  /** The public key clients upload with. @default generated (kept in `<data>/keys.json` with `data`) */
  publicKey?: string;
  /** The private key for the media API and signatures. @default generated (kept in `<data>/keys.json` with `data`) */
  privateKey?: string;
  /** The secret webhooks are signed with. @default generated (kept in `<data>/keys.json` with `data`) */
  webhookSecret?: string;
  /** The path segment after the origin in the URL endpoint, like an ImageKit id. @default "emulator" */
  imagekitId?: string;
  /** Require `ik-s` signatures on every delivery URL, not only on private files. @default false */
  restrictUnsignedUrls?: boolean;
  /** How long folder bulk jobs stay `Pending` before they run. @default 100 */
  bulkJobDelayMs?: number;
  /** Fault injection to start with; change `emu.faults` later. */
  faults?: Partial<Faults>;
  /** Rate limits by route name (or `"*"`) to start with; change `emu.rateLimits` later. Off by default. */
  rateLimits?: RateLimits;
  /** How many requests `emu.requests` keeps (the oldest are dropped); 0 keeps none. @default 1000 */
  requestLogSize?: number;
  /** Where unexpected server errors are reported (never with keys or request bodies). @default console.error */
  log?: (line: string) => void;
}

/**
 * A running emulator: where it listens, its keys, and live fault and rate-limit settings.
 *
 * @example
 * ```ts
 * const emu: Emulator = await startEmulator();
 * const client = new ImageKit({ privateKey: emu.privateKey, baseURL: emu.apiBase });
 * await emu.close();
 * ```
 */
export interface Emulator {
  /** Delivery URL endpoint, e.g. `http://127.0.0.1:3030/emulator`: use it as `urlEndpoint` in SDKs. */
  urlEndpoint: string;
  /** The upload API, e.g. `http://127.0.0.1:3030/api/v1/files/upload`. */
  uploadUrl: string;
  /** The base of both APIs, e.g. `http://127.0.0.1:3030`: `baseURL` for `@imagekit/nodejs`. */
  apiBase: string;
  port: number;
  publicKey: string;
  privateKey: string;
  webhookSecret: string;
  /** Live fault injection settings. */
  faults: Faults;
  /** Live rate limits by route name. */
  rateLimits: RateLimits;
  /** The last requests received (method, route, query, fields, headers without secrets, status), for tests. */
  requests: RequestLog;
  /** The limits in force: the defaults with the options applied. */
  limits: Readonly<Limits>;
  /** Stops the server, waits for background work (webhooks, jobs) and removes an in-memory run's temporary folder. */
  close(): Promise<void>;
}

/** The default limits with the options applied; one that is not a positive integer is an `INVALID_OPTION` naming it. */
function resolveLimits(overrides: Partial<Record<keyof Limits, unknown>>): Limits {
  const limits = { ...DEFAULT_LIMITS };
  for (const name of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const value = overrides[name];
    if (value === undefined) continue;
    if (typeof value !== "number" || !Number.isSafeInteger(value) || value < 1) {
      throw new EmulatorError(
        "INVALID_OPTION",
        `${name} must be a positive integer (got ${JSON.stringify(value)}).`,
        value,
      );
    }
    limits[name] = value;
  }
  if (limits.headersTimeoutMs > limits.requestTimeoutMs) {
    throw new EmulatorError(
      "INVALID_OPTION",
      `headersTimeoutMs (${limits.headersTimeoutMs}) cannot be longer than requestTimeoutMs (${limits.requestTimeoutMs}).`,
      limits.headersTimeoutMs,
    );
  }
  return limits;
}

function secret(prefix: string): string {
  return `${prefix}${randomBytes(18).toString("base64url")}`;
}

interface Keys {
  publicKey: string;
  privateKey: string;
  webhookSecret: string;
}

async function loadKeys(data: string | undefined, options: EmulatorOptions): Promise<Keys> {
  let stored: Partial<Keys> = {};
  const file = data === undefined ? undefined : join(data, "keys.json");
  if (file && existsSync(file)) {
    const parsed = await readRecordFile(file);
    const problem = shapeProblem(parsed, { publicKey: "string?", privateKey: "string?", webhookSecret: "string?" });
    if (problem) throw corruptRecord(file, problem);
    stored = parsed as Partial<Keys>;
  }
  const keys: Keys = {
    publicKey: options.publicKey ?? stored.publicKey ?? secret("public_"),
    privateKey: options.privateKey ?? stored.privateKey ?? secret("private_"),
    webhookSecret: options.webhookSecret ?? stored.webhookSecret ?? secret("whsec_"),
  };
  for (const [name, value] of Object.entries(keys)) {
    if (typeof value !== "string" || value.length < 4 || /[\s:]/.test(value)) {
      throw new EmulatorError(
        "INVALID_OPTION",
        `${name} must be a string of at least 4 characters without spaces or ':'.`,
      );
    }
  }
  if (file) {
    await writeFile(`${file}.tmp`, JSON.stringify(keys), { mode: 0o600 });
    await rename(`${file}.tmp`, file);
  }
  return keys;
}

/**
 * Starts a local ImageKit-compatible server on 127.0.0.1: the upload API, the media library API and delivery with
 * transformations, all on one port.
 *
 * @example
 * ```ts
 * import ImageKit from "@imagekit/nodejs";
 * import { startEmulator } from "@ikit/emulator";
 *
 * const emu = await startEmulator({ port: 0 });
 * const client = new ImageKit({ privateKey: emu.privateKey, baseURL: emu.apiBase });
 * const file = await client.files.upload({ file: Buffer.from("hello"), fileName: "hello.txt" });
 * await emu.close();
 * ```
 */
export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const port = options.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new EmulatorError("INVALID_OPTION", `port must be an integer 0 to 65535 (got ${String(port)}).`, port);
  const imagekitId = options.imagekitId ?? "emulator";
  if (!/^[A-Za-z0-9_-]+$/.test(imagekitId) || imagekitId === "v1" || imagekitId === "api") {
    throw new EmulatorError(
      "INVALID_OPTION",
      `imagekitId must be letters, digits, _ or - and not "v1" or "api" (got ${JSON.stringify(imagekitId)}).`,
      imagekitId,
    );
  }
  const requestLogSize = options.requestLogSize ?? 1000;
  if (!Number.isInteger(requestLogSize) || requestLogSize < 0) {
    throw new EmulatorError(
      "INVALID_OPTION",
      `requestLogSize must be an integer ≥ 0 (got ${String(requestLogSize)}).`,
      requestLogSize,
    );
  }
  const data = options.data === undefined ? undefined : resolve(options.data);
  if (data !== undefined) {
    try {
      await mkdir(data, { recursive: true });
    } catch (error) {
      throw new EmulatorError(
        "DATA_DIR_UNUSABLE",
        `cannot create the data folder ${data}: ${(error as Error).message}`,
        data,
      );
    }
  }
  const limits = resolveLimits(options);
  // No libvips operation cache: each request decodes what it needs, and memory stays flat under load.
  sharp.cache(false);
  // libvips threads per image: with imageConcurrency images at once, together they use about every core.
  sharp.concurrency(Math.max(1, Math.floor(availableParallelism() / limits.imageConcurrency)));
  const keys = await loadKeys(data, options);
  const { records, blobs } = await openStorage<Collections>(data, COLLECTIONS);
  const store = new Store(records, blobs);
  await store.load();
  const settings: Settings = {
    origin: "",
    urlEndpoint: "",
    ...keys,
    restrictUnsignedUrls: options.restrictUnsignedUrls ?? false,
    limits,
  };
  const background = new Set<Promise<unknown>>();
  const log = options.log ?? ((line: string) => console.error(line));
  const app: App = {
    settings,
    store,
    imageQueue: new ImageQueue(limits),
    jobDelayMs: options.bulkJobDelayMs ?? 100,
    bandwidthBytes: 0,
    spawn(task) {
      const running = task().catch((error: Error) => log(`[ikit-emulator] background task failed: ${error.message}`));
      background.add(running);
      void running.finally(() => background.delete(running));
    },
  };
  const faults = createFaults(options.faults);
  const rateLimits: RateLimits = { ...options.rateLimits };
  const requests = new RequestLog(requestLogSize, [keys.privateKey, keys.webhookSecret]);
  const server = createEmulatorServer({ app, endpointPath: `/${imagekitId}`, faults, rateLimits, requests, log });
  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      server.off("error", reject);
      resolveListen();
    });
  });
  // Once listening, a failed accept (too many open files) is reported; it must not end the process.
  server.on("error", (error: Error) => log(`[ikit-emulator] server error: ${error.message}`));
  const actualPort = (server.address() as AddressInfo).port;
  settings.origin = `http://127.0.0.1:${actualPort}`;
  settings.urlEndpoint = `${settings.origin}/${imagekitId}`;
  let closing: Promise<void> | undefined;
  return {
    urlEndpoint: settings.urlEndpoint,
    uploadUrl: `${settings.origin}/api/v1/files/upload`,
    apiBase: settings.origin,
    port: actualPort,
    ...keys,
    faults,
    rateLimits,
    requests,
    limits: Object.freeze({ ...limits }),
    close() {
      closing ??= (async () => {
        const closed = new Promise<void>((resolveClose) => server.close(() => resolveClose()));
        server.closeAllConnections();
        await closed;
        while (background.size) await Promise.allSettled([...background]);
        await blobs.dispose();
      })();
      return closing;
    },
  };
}
