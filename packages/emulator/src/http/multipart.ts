import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import type { FormLimits, UploadForm } from "../context.js";
import { ApiError } from "../errors/api-error.js";
import { apiErrors } from "../errors/imagekit-errors.js";

/** Largest text field other than `file`: the rest are names, JSON and short lists, and are held in memory. */
const TEXT_FIELD_BYTES = 1024 * 1024;
/** Largest sum of the text fields other than `file`. */
const TEXT_FIELDS_BYTES = 4 * 1024 * 1024;

/**
 * Parses `multipart/form-data` with busboy, streaming the `file` part to `tempPath` (never holding it in memory).
 * Malformed bodies, truncated bodies and parts over the limits become 400s at once (the rest of the body is not read);
 * text fields other than `file` are held in memory, so each is at most 1 MB and all of them 4 MB. The temporary file is
 * removed on failure.
 */
export async function parseUploadForm(req: IncomingMessage, tempPath: string, limits: FormLimits): Promise<UploadForm> {
  const type = req.headers["content-type"] ?? "";
  if (!/^multipart\/form-data/i.test(type)) {
    throw apiErrors.notMultipart(type);
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: { fileSize: limits.fileBytes, fieldSize: limits.fieldBytes, files: 1, fields: 100, parts: 110 },
    });
  } catch (error) {
    throw apiErrors.malformedMultipart((error as Error).message);
  }
  const form: UploadForm = { fields: new Map() };
  let failure: ApiError | undefined;
  const writes: Promise<void>[] = [];
  const streams: { destroy(): void }[] = [];
  let stop: (error: ApiError) => void = () => {};
  const fail = (error: ApiError) => {
    failure ??= error;
    stop(failure);
  };
  let textBytes = 0;
  parser.on("field", (name, value, info) => {
    if (failure) return;
    if (name === "file") {
      if (info.valueTruncated) fail(apiErrors.fileTooLarge());
      else if (form.fields.has("file") || form.file) fail(apiErrors.repeatedFile());
    } else {
      const bytes = Buffer.byteLength(value);
      textBytes += bytes;
      if (bytes > TEXT_FIELD_BYTES) fail(apiErrors.fieldTooLarge(name));
      else if (textBytes > TEXT_FIELDS_BYTES) fail(apiErrors.fieldsTooLarge());
    }
    if (failure) return;
    const values = form.fields.get(name) ?? [];
    values.push(value);
    form.fields.set(name, values);
  });
  parser.on("file", (name, stream, info) => {
    if (name !== "file" || form.file) {
      stream.resume();
      return;
    }
    const file = { path: tempPath, size: 0, filename: info.filename ?? "", mime: info.mimeType };
    form.file = file;
    stream.on("data", (chunk: Buffer) => {
      file.size += chunk.length;
    });
    stream.on("limit", () => fail(apiErrors.fileTooLarge()));
    const out = createWriteStream(tempPath);
    streams.push(stream, out);
    writes.push(pipeline(stream, out));
  });
  parser.on("filesLimit", () => {});
  parser.on("partsLimit", () => fail(apiErrors.tooManyParts()));
  parser.on("fieldsLimit", () => fail(apiErrors.tooManyFields()));
  try {
    await new Promise<void>((resolve, reject) => {
      stop = reject;
      parser.on("close", resolve);
      parser.on("error", (error: Error) => reject(apiErrors.malformedMultipart(error.message)));
      req.on("close", () => {
        if (!req.complete) reject(apiErrors.requestAborted());
      });
      req.on("error", (error) => reject(apiErrors.bodyUnreadable(error.message)));
      req.pipe(parser);
    });
    await Promise.all(writes);
    if (failure) throw failure;
  } catch (error) {
    req.unpipe(parser);
    req.resume();
    // A half-received file part never ends by itself: end its streams so the temporary file can go.
    for (const stream of streams) stream.destroy();
    await Promise.allSettled(writes);
    await rm(tempPath, { force: true });
    throw error instanceof ApiError ? error : apiErrors.requestUnreadable((error as Error).message);
  }
  return form;
}
