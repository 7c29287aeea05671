import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { UploadForm } from "../context.js";
import { ApiError } from "../errors/api-error.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import type { Limits } from "../limits.js";
import { lastField } from "./request.js";

const BASE64 = /^[A-Za-z0-9+/=\s_-]+$/;
const DATA_URI = /^data:([^;,]*)(;[^,]*)?,/;

/** ImageKit's limit for a URL source's response headers. */
const HEADERS_MS = 8000;

/** What bounds a text `file`: its bytes, and the time a URL source may take. */
type SourceLimits = Pick<Limits, "maxUploadBytes" | "urlSourceTimeoutMs">;

/** Bytes of a base64 text, or `undefined` when it is not base64 or decodes to nothing. */
function base64Bytes(text: string): Buffer | undefined {
  if (text.trim() === "" || !BASE64.test(text)) return undefined;
  const bytes = Buffer.from(text, "base64");
  return bytes.length > 0 ? bytes : undefined;
}

/** The payload of a data URI: base64, or percent-encoded text; refused when it is malformed or empty. */
function dataUriBytes(payload: string, isBase64: boolean): Buffer {
  if (isBase64) {
    const bytes = base64Bytes(payload);
    if (!bytes) throw apiErrors.invalidFileSource("The data URI's base64 payload is empty or not base64.");
    return bytes;
  }
  let text: string;
  try {
    text = decodeURIComponent(payload);
  } catch {
    throw apiErrors.invalidFileSource("The data URI's payload has malformed percent-encoding.");
  }
  if (text === "") throw apiErrors.invalidFileSource("The data URI's payload is empty.");
  return Buffer.from(text);
}

/**
 * Writes an upload's `file` sent as a text field to `path`: a data URI, plain base64, or an http(s) URL (see
 * {@link fetchSource}). Returns the size and, when known, the MIME type given with it. Text that decodes to no bytes
 * is a 400, never an empty file.
 */
export async function writeTextSource(
  value: string,
  path: string,
  limits: SourceLimits,
): Promise<{ size: number; mime?: string | undefined; urlName?: string }> {
  const trimmed = value.trim();
  if (/^https?:\/\//i.test(trimmed)) return fetchSource(trimmed, path, limits);
  const dataUri = DATA_URI.exec(trimmed);
  const bytes = dataUri
    ? dataUriBytes(trimmed.slice(dataUri[0].length), dataUri[2]?.includes("base64") ?? false)
    : base64Bytes(trimmed);
  if (!bytes) throw apiErrors.invalidFileSource();
  await writeFile(path, bytes);
  return { size: bytes.length, ...(dataUri?.[1] && { mime: dataUri[1] }) };
}

/** The last segment of a URL's path, decoded, to analyse the file by its name; `undefined` when there is none. */
function nameInUrl(url: string): string | undefined {
  const last = new URL(url).pathname.split("/").pop() ?? "";
  try {
    return decodeURIComponent(last) || undefined;
  } catch {
    return last || undefined;
  }
}

/**
 * Fetches a URL source to `path`: the response headers within ImageKit's 8 s, and the whole body within
 * `urlSourceTimeoutMs` and `maxUploadBytes` (a `Content-Length` over the limit is refused before any byte is read),
 * so a server that stalls mid-body or never stops sending cannot hold the upload.
 */
async function fetchSource(
  url: string,
  path: string,
  limits: SourceLimits,
): Promise<{ size: number; mime?: string; urlName?: string }> {
  const controller = new AbortController();
  const headersTimer = setTimeout(() => controller.abort("headers"), HEADERS_MS);
  const wholeTimer = setTimeout(() => controller.abort("whole"), limits.urlSourceTimeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: "follow" });
    clearTimeout(headersTimer);
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw apiErrors.invalidParameter("file", `${url} answered ${response.status}`);
    }
    if (Number(response.headers.get("content-length") ?? 0) > limits.maxUploadBytes) {
      await response.body.cancel();
      throw apiErrors.fileTooLarge();
    }
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > limits.maxUploadBytes ? apiErrors.fileTooLarge() : null, chunk);
      },
    });
    await pipeline(
      Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
      counter,
      createWriteStream(path),
      { signal: controller.signal },
    );
    const mime = response.headers.get("content-type")?.split(";")[0]?.trim();
    const urlName = nameInUrl(url);
    return { size, ...(mime && { mime }), ...(urlName && { urlName }) };
  } catch (error) {
    if (error instanceof ApiError) throw error;
    if (controller.signal.reason === "headers")
      throw apiErrors.invalidParameter(
        "file",
        `${url} did not send response headers within ${HEADERS_MS / 1000} seconds`,
      );
    if (controller.signal.reason === "whole") throw apiErrors.urlSourceTimedOut(url, limits);
    throw apiErrors.invalidParameter("file", `${url} could not be fetched (${(error as Error).message})`);
  } finally {
    clearTimeout(headersTimer);
    clearTimeout(wholeTimer);
  }
}

/**
 * Puts an upload's bytes at `path`: a binary `file` part is there already (busboy streamed it); a text `file` is
 * decoded or fetched there by {@link writeTextSource}. Returns the size, the MIME type sent with the bytes and, for a
 * URL, the name at the end of its path.
 *
 * @example
 * ```ts
 * const bytes = await receiveFile(form, tempPath, settings.limits); // { size: 5120, mime: "image/png" }
 * ```
 */
export async function receiveFile(
  form: UploadForm,
  path: string,
  limits: SourceLimits,
): Promise<{ size: number; mime?: string | undefined; urlName?: string }> {
  if (form.file) return { size: form.file.size, mime: form.file.mime };
  return writeTextSource(lastField(form, "file") ?? "", path, limits);
}
