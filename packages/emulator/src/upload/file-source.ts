import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ApiError } from "../errors/api-error.js";
import { type Limits, limitName } from "../limits.js";

const BASE64 = /^[A-Za-z0-9+/=\s_-]+$/;
const DATA_URI = /^data:([^;,]*)(;[^,]*)?,/;

const INVALID_FILE =
  "Your request contains invalid file parameter. Send the file as binary, as base64, as a data URI or as an http(s) URL.";

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
    if (!bytes) throw new ApiError(400, `${INVALID_FILE} The data URI's base64 payload is empty or not base64.`);
    return bytes;
  }
  let text: string;
  try {
    text = decodeURIComponent(payload);
  } catch {
    throw new ApiError(400, `${INVALID_FILE} The data URI's payload has malformed percent-encoding.`);
  }
  if (text === "") throw new ApiError(400, `${INVALID_FILE} The data URI's payload is empty.`);
  return Buffer.from(text);
}

/**
 * Writes an upload's `file` sent as a text field to `path`: a data URI, plain base64, or an http(s) URL (see
 * {@link fetchSource}). Returns the size and, when known, the MIME type given with it. Input that decodes to no bytes
 * is a 400, never an empty file.
 */
export async function writeTextSource(
  value: string,
  path: string,
  limits: Pick<Limits, "maxUploadBytes" | "urlSourceTimeoutMs">,
): Promise<{ size: number; mime?: string | undefined; urlName?: string }> {
  const trimmed = value.trim();
  if (/^https?:\/\//i.test(trimmed)) return fetchSource(trimmed, path, limits);
  const dataUri = DATA_URI.exec(trimmed);
  const bytes = dataUri
    ? dataUriBytes(trimmed.slice(dataUri[0].length), dataUri[2]?.includes("base64") ?? false)
    : base64Bytes(trimmed);
  if (!bytes) throw new ApiError(400, INVALID_FILE);
  await writeFile(path, bytes);
  return { size: bytes.length, ...(dataUri?.[1] && { mime: dataUri[1] }) };
}

const TOO_LARGE = "Your request contains invalid file parameter. The file size exceeds limits.";

/** ImageKit's limit for a URL source's response headers. */
const HEADERS_MS = 8000;

/** The last segment of a URL's path, decoded, as a name to analyse the file by; `undefined` when there is none. */
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
  limits: Pick<Limits, "maxUploadBytes" | "urlSourceTimeoutMs">,
): Promise<{ size: number; mime?: string; urlName?: string }> {
  const controller = new AbortController();
  const headersTimer = setTimeout(() => controller.abort("headers"), HEADERS_MS);
  const wholeTimer = setTimeout(() => controller.abort("whole"), limits.urlSourceTimeoutMs);
  const failure = (error: unknown): ApiError => {
    if (error instanceof ApiError) return error;
    if (controller.signal.reason === "headers") {
      return new ApiError(
        400,
        `Your request contains invalid file parameter: ${url} did not send response headers within ${HEADERS_MS / 1000} seconds.`,
      );
    }
    if (controller.signal.reason === "whole") {
      return new ApiError(
        400,
        `Your request contains invalid file parameter: fetching ${url} took longer than ${limits.urlSourceTimeoutMs} ms, the emulator's limit (${limitName("urlSourceTimeoutMs")}).`,
      );
    }
    return new ApiError(
      400,
      `Your request contains invalid file parameter: ${url} could not be fetched (${(error as Error).message}).`,
    );
  };
  try {
    const response = await fetch(url, { signal: controller.signal, redirect: "follow" });
    clearTimeout(headersTimer);
    if (!response.ok || !response.body) {
      await response.body?.cancel();
      throw new ApiError(400, `Your request contains invalid file parameter: ${url} answered ${response.status}.`);
    }
    if (Number(response.headers.get("content-length") ?? 0) > limits.maxUploadBytes) {
      await response.body.cancel();
      throw new ApiError(400, TOO_LARGE);
    }
    let size = 0;
    const counter = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        size += chunk.length;
        done(size > limits.maxUploadBytes ? new ApiError(400, TOO_LARGE) : null, chunk);
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
    throw failure(error);
  } finally {
    clearTimeout(headersTimer);
    clearTimeout(wholeTimer);
  }
}
