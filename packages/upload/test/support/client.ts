// What every end-to-end test uses, in Node, workerd and Chromium alike: the URLs from the global setup, an
// authenticator that calls the token server over HTTP, and the control routes to look at the emulator.
import { inject } from "vitest";
import type { Authenticator } from "../../src/index.js";
import type { StoredFile } from "./control.js";

export const env = inject("upload");

/** An authenticator fetching from the token server; `variant` asks for a bad token. */
export function authenticator(variant?: "expired" | "bad-signature" | "fixed") {
  const calls: string[] = [];
  const fn = async () => {
    const auth = await (await fetch(`${env.authUrl}${variant ? `?variant=${variant}` : ""}`)).json();
    calls.push(auth.token);
    return auth;
  };
  return Object.assign(fn, { calls });
}

/** Calls a control route; a JSON body makes it a POST. */
export async function control<T = unknown>(path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${env.controlUrl}${path}`, {
    method: body === undefined ? "GET" : "POST",
    ...(body !== undefined && { body: JSON.stringify(body), headers: { "content-type": "application/json" } }),
  });
  if (!response.ok) throw new Error(`control ${path}: ${response.status} ${await response.text()}`);
  return response.json() as Promise<T>;
}

/** The files stored in `folder`, with their SHA-256 read back on the server side when `hash` is set. */
export const listFiles = (folder: string, hash = false) =>
  control<StoredFile[]>(`/files?path=${encodeURIComponent(folder)}${hash ? "&hash=1" : ""}`);

/** A folder no other test uses. */
export const freshFolder = () => `/t-${crypto.randomUUID().slice(0, 8)}`;

/** Options pointing at the emulator with a fresh-token authenticator (or `auth`) and quick retries. */
export function emulatorOptions(fileName: string, auth: Authenticator = authenticator()) {
  return { fileName, publicKey: env.publicKey, endpoint: env.uploadUrl, authenticator: auth, retryDelay: 20 };
}

/** Hex SHA-256 of bytes, in whatever runtime the test runs. */
export async function sha256(data: Blob | Uint8Array): Promise<string> {
  const bytes = data instanceof Blob ? await data.arrayBuffer() : data;
  const digest = await crypto.subtle.digest("SHA-256", bytes as BufferSource);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** `size` bytes that differ from file to file (so a mix-up cannot pass a checksum). */
export function randomBytes(size: number): Uint8Array {
  const bytes = new Uint8Array(size);
  for (let i = 0; i < size; i += 65536) crypto.getRandomValues(bytes.subarray(i, Math.min(size, i + 65536)));
  return bytes;
}
