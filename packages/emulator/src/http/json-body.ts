import type { IncomingMessage } from "node:http";
import { ApiError } from "../errors/api-error.js";

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
    if (size > MAX_JSON) throw new ApiError(413, "Your request body is larger than 5 MB.");
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, "Your request contains invalid JSON in its body.");
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new ApiError(400, "Your request body must be a JSON object.");
  }
  return value as Record<string, unknown>;
}
