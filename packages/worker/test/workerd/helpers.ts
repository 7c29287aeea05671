// Shared by the workerd tests: a worker built from a test configuration, a way to call it as Cloudflare would, and
// independent checks (WebCrypto straight, not @ikit/core) of what ImageKit receives.
import { createExecutionContext, waitOnExecutionContext } from "cloudflare:test";
import { env } from "cloudflare:workers";
import { inject } from "vitest";
import { createImageWorker, type ImageWorkerConfig } from "../../src/index.js";

export const upstream = inject("worker");

/** The bound secrets, as the Worker sees them. */
export const secrets = env as unknown as {
  IMAGEKIT_PRIVATE_KEY: string;
  IMAGEKIT_WEBHOOK_SECRET: string;
  IKIT_SIGN_SECRET: string;
};

/** A configuration against the main emulator; `overrides` replace top-level keys. */
export function testConfig(overrides: Partial<ImageWorkerConfig> = {}): ImageWorkerConfig {
  return {
    urlEndpoint: upstream.urlEndpoint,
    presets: {
      thumb: [{ width: 48, height: 48 }],
      half: [{ width: "iw_div_2" }, { rotation: 90 }],
      banner: [{ width: 80, overlay: { type: "text", text: "Sale 🎉", position: { x: 4, y: "bh_mul_0.1" } } }],
    },
    allow: {
      paths: ["/products/", "/media/"],
      widths: [32, 64],
      snapWidths: true,
      qualities: [50, 80],
      dprs: [1, 2],
    },
    ...overrides,
  };
}

/** Calls `worker` as the runtime would and waits for its background work (cache writes) to finish. */
export async function call(
  worker: { fetch(request: Request, env: never, ctx: ExecutionContext): Promise<Response> },
  path: string,
  init: RequestInit = {},
  bindings: object = env,
): Promise<Response> {
  const ctx = createExecutionContext();
  const response = await worker.fetch(new Request(`https://shop.example${path}`, init), bindings as never, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

/** A worker built from {@link testConfig}. */
export function testWorker(overrides: Partial<ImageWorkerConfig> = {}) {
  return createImageWorker(testConfig(overrides));
}

/** What an emulator's delivery route received (path with query, status, headers), oldest first. */
export async function deliveries(
  filter: string,
  emulator: "main" | "faulty" = "main",
): Promise<Array<{ path: string; status: number; headers: Record<string, string> }>> {
  const response = await fetch(`${upstream.siteUrl}/control/requests?emulator=${emulator}`);
  const all = (await response.json()) as Array<{ path: string; status: number; headers: Record<string, string> }>;
  return all.filter((entry) => entry.path.includes(filter));
}

/** Switches the faulty emulator's fault injection. */
export async function setFaults(faults: { errorRate?: number; latencyMs?: number; errorStatuses?: number[] }) {
  await fetch(`${upstream.siteUrl}/control/faults`, { method: "POST", body: JSON.stringify(faults) });
}

async function hmacHex(hash: "SHA-1" | "SHA-256", key: string, message: string): Promise<string> {
  const encoder = new TextEncoder();
  const cryptoKey = await crypto.subtle.importKey("raw", encoder.encode(key), { name: "HMAC", hash }, false, ["sign"]);
  const bytes = new Uint8Array(await crypto.subtle.sign("HMAC", cryptoKey, encoder.encode(message)));
  return [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Checks an ImageKit signature the way ImageKit documents it, with WebCrypto directly: `ik-s` is the hex
 * HMAC-SHA1 of the URL after `urlEndpoint/` (without `ik-t`/`ik-s`) followed by the expiry. Returns the expiry.
 */
export async function expectSignedByKey(
  signedUrl: string,
  urlEndpoint = upstream.urlEndpoint,
  privateKey = secrets.IMAGEKIT_PRIVATE_KEY,
): Promise<number> {
  const url = new URL(signedUrl);
  const signature = url.searchParams.get("ik-s");
  const expiry = url.searchParams.get("ik-t") ?? "9999999999";
  const unsigned = signedUrl.replace(/[?&]ik-t=\d+/, "").replace(/[?&]ik-s=[0-9a-f]+$/, "");
  if (!unsigned.startsWith(`${urlEndpoint}/`)) throw new Error(`${signedUrl} is not under ${urlEndpoint}`);
  const expected = await hmacHex("SHA-1", privateKey, unsigned.slice(urlEndpoint.length + 1) + expiry);
  if (signature !== expected) throw new Error(`ik-s of ${signedUrl} is not the HMAC of the private key`);
  return Number(expiry);
}

/** HMAC-SHA256 hex, for webhook signatures made by hand. */
export const hmacSha256Hex = (key: string, message: string) => hmacHex("SHA-256", key, message);

/** Fails when a response's headers or body contain any bound secret; returns the body text. */
export async function expectNoSecret(response: Response): Promise<string> {
  const text = new TextDecoder().decode(await response.arrayBuffer());
  const everything = `${[...response.headers].map(([k, v]) => `${k}: ${v}`).join("\n")}\n${text}`;
  for (const secret of Object.values(secrets)) {
    if (everything.includes(secret)) throw new Error("a secret reached the response");
  }
  return text;
}

/** The first bytes of an image, as its format. */
export function sniff(bytes: ArrayBuffer): "png" | "webp" | "avif" | "jpeg" | "other" {
  const head = new Uint8Array(bytes.slice(0, 12));
  const text = String.fromCharCode(...head);
  if (text.startsWith("\x89PNG")) return "png";
  if (text.startsWith("RIFF") && text.slice(8, 12) === "WEBP") return "webp";
  if (text.slice(4, 12) === "ftypavif") return "avif";
  if (head[0] === 0xff && head[1] === 0xd8) return "jpeg";
  return "other";
}
