import { type ChildProcess, spawn } from "node:child_process";
import { createHmac, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createInterface } from "node:readline";
import sharp from "sharp";
import { type Emulator, type EmulatorOptions, startEmulator } from "../src/index.js";

/** A small PNG of the given size and colour, made with sharp. */
export function png(width = 40, height = 30, color = { r: 200, g: 30, b: 30 }): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: color } })
    .png()
    .toBuffer();
}

/** Starts an emulator that tests stop in afterAll; logs go nowhere unless a test asks. */
export function start(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ port: 0, log: () => {}, ...options });
}

/** The `Authorization` header of a server-side call. */
export function basic(emu: Emulator, key = emu.privateKey): string {
  return `Basic ${Buffer.from(`${key}:`).toString("base64")}`;
}

/** Client-side upload auth parameters, signed as `getAuthenticationParameters` would. */
export function clientAuth(emu: Emulator, opts: { token?: string; expire?: number; privateKey?: string } = {}) {
  const token = opts.token ?? randomUUID();
  const expire = String(opts.expire ?? Math.floor(Date.now() / 1000) + 600);
  const signature = createHmac("sha1", opts.privateKey ?? emu.privateKey)
    .update(token + expire)
    .digest("hex");
  return { publicKey: emu.publicKey, token, expire, signature };
}

/** Posts a multipart upload; `file` as bytes is sent as a binary part. */
export async function upload(
  emu: Emulator,
  fields: Record<string, string | Blob>,
  init: { auth?: string | null; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: Record<string, unknown>; headers: Headers }> {
  const form = new FormData();
  for (const [key, value] of Object.entries(fields)) form.append(key, value);
  const headers: Record<string, string> = { ...init.headers };
  if (init.auth !== null) headers.authorization = init.auth ?? basic(emu);
  const response = await fetch(emu.uploadUrl, { method: "POST", body: form, headers });
  return {
    status: response.status,
    body: (await response.json()) as Record<string, unknown>,
    headers: response.headers,
  };
}

// biome-ignore lint/suspicious/noExplicitAny: the parsed JSON of whichever endpoint was called; each test asserts its shape.
type Json = any;

/** A JSON call to the media API with the private key. */
export async function api(
  emu: Emulator,
  method: string,
  path: string,
  body?: unknown,
  auth: string | null = basic(emu),
): Promise<{ status: number; body: Json; headers: Headers }> {
  const headers: Record<string, string> = {};
  if (auth !== null) headers.authorization = auth;
  if (body !== undefined) headers["content-type"] = "application/json";
  const response = await fetch(emu.apiBase + path, {
    method,
    headers,
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
}

/** A file part from bytes. */
export function blob(bytes: Buffer | string, type = "application/octet-stream"): Blob {
  return new Blob([new Uint8Array(typeof bytes === "string" ? Buffer.from(bytes) : bytes)], { type });
}

/**
 * The built CLI, `dist/cli.js`. Tests that need a separate process (a SIGKILL, the real binary) run it; when it is
 * missing they fail, never skip: `pnpm run ci` and `npm test` build before testing.
 */
export function builtCli(): string {
  const path = resolve(import.meta.dirname, "../dist/cli.js");
  if (!existsSync(path)) {
    throw new Error(`build first: ${path} is missing. Run: npx pnpm --filter @ikit/emulator run build`);
  }
  return path;
}

/** Starts the built CLI with `args` and resolves once it has printed its whole banner (the last line is Storage). */
export async function runCli(args: string[]): Promise<{ child: ChildProcess; apiBase: string; banner: string[] }> {
  const child = spawn(process.execPath, [builtCli(), ...args], { stdio: ["ignore", "pipe", "inherit"] });
  const lines = createInterface({ input: child.stdout as NonNullable<ChildProcess["stdout"]> });
  const banner: string[] = [];
  await new Promise<void>((done, fail) => {
    child.once("exit", (code) => fail(new Error(`ikit-emulator exited with ${code} before printing its banner`)));
    lines.on("line", (line) => {
      banner.push(line);
      if (/^\s*Storage:/.test(line)) done();
    });
  });
  const apiBase = /API base:\s+(\S+)/.exec(banner.join("\n"))?.[1] ?? "";
  return { child, apiBase, banner };
}
