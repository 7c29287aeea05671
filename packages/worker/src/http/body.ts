import { refuse } from "./refusal.js";

/**
 * The request body as bytes, refusing with 413 before reading more than `maxBytes` (by `Content-Length` when sent,
 * else while streaming), so no request can make the worker hold an unbounded body.
 *
 * @example
 * ```ts
 * const raw = await readBody(request, 1_048_576);
 * ```
 */
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const tooLarge = () => refuse(413, "payload_too_large", `the body is larger than ${maxBytes} bytes.`);
  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > maxBytes) tooLarge();
  if (!request.body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      tooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.byteLength;
  }
  return out;
}

/**
 * The body parsed as JSON, or a 400 that says it is not.
 *
 * @example
 * ```ts
 * const body = (await readJson(request, 262_144)) as { items?: unknown };
 * ```
 */
export async function readJson(request: Request, maxBytes: number): Promise<unknown> {
  const bytes = await readBody(request, maxBytes);
  try {
    return JSON.parse(new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes));
  } catch {
    return refuse(400, "invalid_body", "the body is not JSON (send Content-Type: application/json and a JSON object).");
  }
}
