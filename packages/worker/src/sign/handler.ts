import type { Transformation } from "@ikit/core";
import { validateTransformation } from "@ikit/core/strict";
import type { ResolvedConfig } from "../config.js";
import { requireSecret } from "../env.js";
import { readJson } from "../http/body.js";
import { Refusal, refuse } from "../http/refusal.js";
import { json } from "../http/responses.js";
import { checkAllowed, pathSegments } from "../path.js";
import { timingSafeEqual } from "../runtime.js";
import { imagekitUrl, signAt } from "../signing.js";

/** One URL to sign, as `POST /sign` takes it. */
interface SignItem {
  path: string;
  transformation?: readonly Transformation[];
  expireSeconds?: number;
}

/** Largest request body: 100 items with long transformations fit easily. */
const MAX_BODY_BYTES = 262_144;

async function sha256(text: string): Promise<ArrayBuffer> {
  return crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
}

/** Compares the bearer token with the shared secret in constant time (both hashed first, so lengths are equal). */
async function checkBearer(request: Request, secret: string): Promise<void> {
  const match = /^Bearer (.+)$/.exec(request.headers.get("authorization") ?? "");
  const [given, expected] = await Promise.all([sha256(match?.[1] ?? ""), sha256(secret)]);
  if (!match || !timingSafeEqual(given, expected)) {
    refuse(401, "unauthorized", "send the shared secret IKIT_SIGN_SECRET as Authorization: Bearer <secret>.", {
      "www-authenticate": "Bearer",
    });
  }
}

/** Deepest nesting of objects and arrays looked into; core's own check already bounds nested overlays. */
const MAX_VALUE_DEPTH = 64;

/** Refuses with 400, saying where in the item and why. */
function invalid(where: string, message: string): never {
  refuse(400, "invalid_body", `${where}: ${message}`);
}

/** The layer's input path checked as the main path is (allow.paths, extensions, no ".."), taken literally as core writes it. */
function checkInput(input: string, where: string, config: ResolvedConfig): void {
  const literal = input.startsWith("/") ? input : `/${input}`;
  try {
    const segments = pathSegments(literal.split("/").map(encodeURIComponent).join("/"));
    checkAllowed(segments, config.allow.paths, config.allow.extensions);
  } catch (error) {
    if (error instanceof Refusal) invalid(where, `${error.message} Overlay inputs are held to allow.paths too.`);
    throw error;
  }
}

/**
 * Walks everything in a step list after core's strict check, so that no value reaches the URL that could read a file
 * outside `allow.paths`: `raw` is refused (it is appended verbatim, so `l-image,i-…` in it is a layer nobody checked),
 * every string but a text layer's `text` (which core encodes) is refused if it holds "," or ":" (ImageKit's parameter
 * and step separators, which would let a value such as `background: "red,l-image,i-private@@x.png,l-end"` add a
 * layer), and every image, video and subtitle layer's `input`, at any depth, must be under `allow.paths`.
 */
function checkLayers(value: unknown, where: string, config: ResolvedConfig, depth = 0): void {
  if (depth > MAX_VALUE_DEPTH) invalid(where, "nested too deeply.");
  if (typeof value === "string") {
    if (/[,:]/.test(value)) {
      invalid(
        where,
        `${JSON.stringify(value.slice(0, 100))} holds "," or ":", which could add parameters or layers to the signed URL; /sign refuses them.`,
      );
    }
    return;
  }
  if (typeof value !== "object" || value === null) return;
  if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) checkLayers(item, `${where}[${index}]`, config, depth + 1);
    return;
  }
  const fields = value as Record<string, unknown>;
  if (fields.raw !== undefined) {
    invalid(
      `${where}.raw`,
      "raw is not accepted: it is written into the URL unchecked, so it could add a layer (l-image, l-video, l-subtitles) reading a file outside allow.paths. Use the typed parameters and overlay instead.",
    );
  }
  const overlay = fields.overlay as Record<string, unknown> | undefined;
  if (typeof overlay === "object" && overlay !== null && typeof overlay.input === "string") {
    checkInput(overlay.input, `${where}.overlay.input`, config);
  }
  for (const [key, field] of Object.entries(fields)) {
    // A text layer's text is percent- or base64-encoded by core, so a "," in it stays text.
    if (key === "text" && fields.type === "text") continue;
    checkLayers(field, `${where}.${key}`, config, depth + 1);
  }
}

/** Checks one item, saying which one (`items[3].path: …`) when it is wrong. */
function checkItem(item: unknown, index: number, config: ResolvedConfig, maxExpire: number) {
  const at = `items[${index}]`;
  if (typeof item !== "object" || item === null || typeof (item as SignItem).path !== "string") {
    refuse(400, "invalid_body", `${at} must be an object with a "path" string.`);
  }
  const { path, transformation, expireSeconds } = item as SignItem;
  let segments: string[];
  try {
    segments = pathSegments(path);
    checkAllowed(segments, config.allow.paths, config.allow.extensions);
  } catch (error) {
    if (error instanceof Refusal) refuse(400, "invalid_body", `${at}.path: ${error.message}`);
    throw error;
  }
  try {
    validateTransformation(transformation);
  } catch (error) {
    refuse(400, "invalid_body", `${at}.${(error as Error).message}`);
  }
  checkLayers(transformation, `${at}.transformation`, config);
  if (
    expireSeconds !== undefined &&
    !(Number.isInteger(expireSeconds) && expireSeconds >= 1 && expireSeconds <= maxExpire)
  ) {
    refuse(
      400,
      "invalid_body",
      `${at}.expireSeconds must be whole seconds from 1 to ${maxExpire}; omit it for a URL that never expires.`,
    );
  }
  return { segments, steps: transformation ?? [], expireSeconds };
}

/**
 * `POST /sign` for server code that cannot hold the private key: behind the shared secret `IKIT_SIGN_SECRET`
 * (`Authorization: Bearer …`), `{ items: [{ path, transformation?, expireSeconds? }] }` in (at most
 * `sign.maxBatch`; paths, overlay inputs included, within `allow.paths`; no `raw`), `{ urls }` out in the same order, all signed with the private key
 * (core's `signUrlSync`: no `await` per URL).
 *
 * @example
 * ```ts
 * if (url.pathname === "/sign") return handleSign(request, env, config, config.sign);
 * ```
 */
export async function handleSign(
  request: Request,
  env: unknown,
  config: ResolvedConfig,
  sign: NonNullable<ResolvedConfig["sign"]>,
): Promise<Response> {
  if (request.method !== "POST") refuse(405, "method_not_allowed", "sign URLs with POST.", { allow: "POST" });
  await checkBearer(request, requireSecret(env, "IKIT_SIGN_SECRET"));
  const privateKey = requireSecret(env, "IMAGEKIT_PRIVATE_KEY");
  const body = (await readJson(request, MAX_BODY_BYTES)) as { items?: unknown } | null;
  const items = body?.items;
  if (!Array.isArray(items) || items.length === 0 || items.length > sign.maxBatch) {
    refuse(
      400,
      "invalid_body",
      `send { "items": [{ "path": "/products/shoe.jpg", "transformation": [{ "width": 300 }] }] } with 1 to ${sign.maxBatch} items.`,
    );
  }
  const checked = items.map((item, index) => checkItem(item, index, config, sign.maxExpireSeconds));
  const now = Math.floor(Date.now() / 1000);
  const urls = checked.map(({ segments, steps, expireSeconds }) =>
    signAt(
      imagekitUrl(config.urlEndpoint, segments, steps),
      config.urlEndpoint,
      privateKey,
      expireSeconds === undefined ? undefined : now + expireSeconds,
    ),
  );
  return json({ urls });
}
