import { createWriteStream } from "node:fs";
import { rm } from "node:fs/promises";
import type { IncomingMessage } from "node:http";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { ApiError } from "../errors/api-error.js";

/** A parsed upload form: text fields (repeated names kept in order) and the `file` part streamed to disk. */
export interface UploadForm {
  fields: Map<string, string[]>;
  /** The binary `file` part, when one was sent as a file. */
  file?: { path: string; size: number; filename: string; mime: string };
}

/** Limits of {@link parseUploadForm}. */
export interface FormLimits {
  /** Largest binary file part, bytes. */
  fileBytes: number;
  /** Largest text field (a base64 `file` is a text field), bytes. */
  fieldBytes: number;
}

/** Largest text field other than `file`: the rest are names, JSON and short lists, and are held in memory. */
const TEXT_FIELD_BYTES = 1024 * 1024;
/** Largest sum of the text fields other than `file`. */
const TEXT_FIELDS_BYTES = 4 * 1024 * 1024;

const TOO_LARGE = "Your request contains invalid file parameter. The file size exceeds limits.";

/**
 * Parses `multipart/form-data` with busboy, streaming the `file` part to `tempPath` (never holding it in memory).
 * Malformed bodies, truncated bodies and parts over the limits become 400s; the temporary file is removed on failure.
 */
export async function parseUploadForm(req: IncomingMessage, tempPath: string, limits: FormLimits): Promise<UploadForm> {
  const type = req.headers["content-type"] ?? "";
  if (!/^multipart\/form-data/i.test(type)) {
    throw new ApiError(
      400,
      `The upload API takes multipart/form-data; this request's Content-Type is ${JSON.stringify(type)}.`,
    );
  }
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: req.headers,
      limits: { fileSize: limits.fileBytes, fieldSize: limits.fieldBytes, files: 1, fields: 100, parts: 110 },
    });
  } catch (error) {
    throw new ApiError(400, `Your request contains malformed multipart data: ${(error as Error).message}.`);
  }
  const form: UploadForm = { fields: new Map() };
  let failure: ApiError | undefined;
  const writes: Promise<void>[] = [];
  const streams: { destroy(): void }[] = [];
  // The first failure answers at once: the rest of the body is not read (the response closes the connection).
  let stop: (error: ApiError) => void = () => {};
  const fail = (error: ApiError) => {
    failure ??= error;
    stop(failure);
  };
  let textBytes = 0;
  parser.on("field", (name, value, info) => {
    if (failure) return;
    if (name === "file") {
      if (info.valueTruncated) fail(new ApiError(400, TOO_LARGE));
      else if (form.fields.has("file") || form.file)
        fail(new ApiError(400, "Your request has more than one file parameter."));
    } else {
      const bytes = Buffer.byteLength(value);
      textBytes += bytes;
      if (bytes > TEXT_FIELD_BYTES) fail(new ApiError(400, `The ${name} field is larger than 1 MB.`));
      else if (textBytes > TEXT_FIELDS_BYTES)
        fail(new ApiError(400, "The form fields other than file add up to more than 4 MB."));
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
    stream.on("limit", () => fail(new ApiError(400, TOO_LARGE)));
    const out = createWriteStream(tempPath);
    streams.push(stream, out);
    writes.push(pipeline(stream, out));
  });
  parser.on("filesLimit", () => {});
  parser.on("partsLimit", () => fail(new ApiError(400, "Your request has too many multipart parts.")));
  parser.on("fieldsLimit", () => fail(new ApiError(400, "Your request has too many form fields.")));
  try {
    await new Promise<void>((resolve, reject) => {
      stop = reject;
      parser.on("close", resolve);
      parser.on("error", (error: Error) =>
        reject(new ApiError(400, `Your request contains malformed multipart data: ${error.message}.`)),
      );
      req.on("close", () => {
        if (!req.complete) reject(new ApiError(400, "The request was aborted before its body was complete."));
      });
      req.on("error", (error) => reject(new ApiError(400, `The request body could not be read: ${error.message}.`)));
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
    throw error instanceof ApiError
      ? error
      : new ApiError(400, `Your request could not be read: ${(error as Error).message}.`);
  }
  return form;
}
