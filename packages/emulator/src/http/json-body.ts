import type { IncomingMessage } from "node:http";
import { apiErrors } from "../errors/imagekit-errors.js";

const MAX_JSON = 5 * 1024 * 1024;

/**
 * Reads a JSON request body (up to 5 MB); `{}` when empty. A body that is not a JSON object is a 400.
 *
 * @example
 * ```ts
 * const body = await readJson(req); // { fileIds: ["…"] }
 * ```
 */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > MAX_JSON) throw apiErrors.bodyTooLarge();
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw apiErrors.invalidJsonBody();
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw apiErrors.bodyNotObject();
  }
  return value as Record<string, unknown>;
}
