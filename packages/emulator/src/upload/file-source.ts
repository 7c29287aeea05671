import { createWriteStream } from "node:fs";
import { writeFile } from "node:fs/promises";
import { Readable, Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import { ApiError } from "../errors/api-error.js";

const BASE64 = /^[A-Za-z0-9+/=\s_-]+$/;
const DATA_URI = /^data:([^;,]*)(;[^,]*)?,/;

/**
 * Writes an upload's `file` sent as a text field to `path`: a data URI, plain base64, or an http(s) URL fetched with
 * ImageKit's 8 s limit for the response headers. Returns the size and, when known, the MIME type given with it.
 */
export async function writeTextSource(
  value: string,
  path: string,
  maxBytes: number,
): Promise<{ size: number; mime?: string | undefined; urlName?: string }> {
  const trimmed = value.trim();
  if (/^https?:\/\//i.test(trimmed)) return fetchSource(trimmed, path, maxBytes);
  const dataUri = DATA_URI.exec(trimmed);
  if (dataUri) {
    const payload = trimmed.slice(dataUri[0].length);
    const bytes = dataUri[2]?.includes("base64")
      ? Buffer.from(payload, "base64")
      : Buffer.from(decodeURIComponent(payload));
    await writeFile(path, bytes);
    return { size: bytes.length, mime: dataUri[1] || undefined };
  }
  if (trimmed !== "" && BASE64.test(trimmed)) {
    const bytes = Buffer.from(trimmed, "base64");
    if (bytes.length > 0) {
      await writeFile(path, bytes);
      return { size: bytes.length };
    }
  }
  throw new ApiError(
    400,
    "Your request contains invalid file parameter. Send the file as binary, as base64, as a data URI or as an http(s) URL.",
  );
}

async function fetchSource(
  url: string,
  path: string,
  maxBytes: number,
): Promise<{ size: number; mime?: string; urlName?: string }> {
  let response: Response;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), 8000);
  try {
    response = await fetch(url, { signal: controller.signal, redirect: "follow" });
  } catch (error) {
    throw new ApiError(
      400,
      controller.signal.aborted
        ? `Your request contains invalid file parameter: ${url} did not send response headers within 8 seconds.`
        : `Your request contains invalid file parameter: ${url} could not be fetched (${(error as Error).message}).`,
    );
  } finally {
    clearTimeout(timer);
  }
  if (!response.ok || !response.body) {
    await response.body?.cancel();
    throw new ApiError(400, `Your request contains invalid file parameter: ${url} answered ${response.status}.`);
  }
  let size = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      size += chunk.length;
      done(
        size > maxBytes
          ? new ApiError(400, "Your request contains invalid file parameter. The file size exceeds limits.")
          : null,
        chunk,
      );
    },
  });
  try {
    await pipeline(
      Readable.fromWeb(response.body as import("node:stream/web").ReadableStream),
      counter,
      createWriteStream(path),
    );
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new ApiError(
      400,
      `Your request contains invalid file parameter: reading ${url} failed (${(error as Error).message}).`,
    );
  }
  const mime = response.headers.get("content-type")?.split(";")[0]?.trim();
  const urlName = decodeURIComponent(new URL(url).pathname.split("/").pop() ?? "");
  return { size, ...(mime && { mime }), ...(urlName && { urlName }) };
}
