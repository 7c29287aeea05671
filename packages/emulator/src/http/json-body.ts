import type { IncomingMessage } from "node:http";
import { ApiError } from "../errors/api-error.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import { parseClientJson } from "../library/nesting.js";

const MAX_JSON = 5 * 1024 * 1024;

/**
 * Reads a JSON request body (up to 5 MB, nested at most 32 deep); `{}` when empty. A body that is not a JSON object is
 * a 400; one over 5 MB a 413, refused from its `Content-Length` before it is read.
 *
 * @example
 * ```ts
 * const body = await readJson(req); // { fileIds: ["…"] }
 * ```
 */
export async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  let size = 0;
  if (Number(req.headers["content-length"] ?? 0) > MAX_JSON) throw apiErrors.bodyTooLarge();
  try {
    for await (const chunk of req) {
      size += (chunk as Buffer).length;
      if (size > MAX_JSON) throw apiErrors.bodyTooLarge();
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    // A client that leaves mid-body (or is cut off by the request timeout) is not the emulator's failure.
    throw error instanceof ApiError ? error : apiErrors.requestAborted();
  }
  const text = Buffer.concat(chunks).toString("utf8").trim();
  if (text === "") return {};
  let value: unknown;
  try {
    value = parseClientJson(text);
  } catch (error) {
    throw error instanceof RangeError ? apiErrors.nestedTooDeep("body") : apiErrors.invalidJsonBody();
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw apiErrors.bodyNotObject();
  }
  return value as Record<string, unknown>;
}
