// The body of a server-side upload: a Blob goes as FormData (the runtime streams it, and it can be sent again); a
// stream goes as a multipart body built on the fly, so no file is ever held whole in memory.
import type { UploadRequest } from "@ikit/core";
import { invalid } from "./errors.js";

/**
 * What `upload` accepts as the file: a Blob/File, a web stream or async iterable of bytes, or a URL/base64 string.
 *
 * @example
 * ```ts
 * const file: UploadSource = request.body ?? new Blob(["hi"]);
 * ```
 */
export type UploadSource = Blob | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array> | string;

/**
 * The fields of `upload`: ImageKit's upload fields, with `file` as any {@link UploadSource}.
 *
 * @example
 * ```ts
 * const options: UploadOptions = { file: new Blob(["hi"]), fileName: "hi.txt", tags: ["a"], folder: "/notes" };
 * ```
 */
export type UploadOptions = Omit<UploadRequest, "file"> & { file: UploadSource };

/** ImageKit's form encoding of each field: lists comma-joined, objects as JSON, the rest as text. */
function fieldsOf(options: Omit<UploadOptions, "file">): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(options)) {
    if (value === undefined || value === null) continue;
    if ((name === "tags" || name === "responseFields") && Array.isArray(value)) out.push([name, value.join(",")]);
    else if (typeof value === "object") out.push([name, JSON.stringify(value)]);
    else out.push([name, String(value)]);
  }
  return out;
}

function streamOf(source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>): ReadableStream<Uint8Array> {
  if (source instanceof ReadableStream) return source;
  const iterator = source[Symbol.asyncIterator]();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await iterator.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await iterator.return?.();
    },
  });
}

const quote = (text: string) => text.replace(/["\r\n\\]/g, (c) => encodeURIComponent(c));

/** A multipart body streaming `source` as the `file` part after the text fields. */
function multipartStream(fields: [string, string][], fileName: string, source: ReadableStream<Uint8Array>) {
  const boundary = `----ikit${crypto.randomUUID().replaceAll("-", "")}`;
  const encoder = new TextEncoder();
  let head = "";
  for (const [name, value] of fields) {
    head += `--${boundary}\r\nContent-Disposition: form-data; name="${quote(name)}"\r\n\r\n${value}\r\n`;
  }
  head += `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${quote(fileName)}"\r\nContent-Type: application/octet-stream\r\n\r\n`;
  const reader = source.getReader();
  let stage: "head" | "file" | "done" = "head";
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (stage === "head") {
        stage = "file";
        controller.enqueue(encoder.encode(head));
        return;
      }
      if (stage === "done") return;
      const { value, done } = await reader.read();
      if (!done) {
        controller.enqueue(value);
        return;
      }
      stage = "done";
      controller.enqueue(encoder.encode(`\r\n--${boundary}--\r\n`));
      controller.close();
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  return { body, headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** Checks the upload options and returns a body factory for the transport. */
export function uploadBody(options: UploadOptions) {
  if (!options || typeof options !== "object") invalid("upload takes { file, fileName, … }.");
  const { file, ...rest } = options;
  if (typeof rest.fileName !== "string" || rest.fileName === "") {
    invalid('upload needs fileName, the name to store the file under, e.g. "photo.jpg".');
  }
  const fields = fieldsOf(rest);
  if (typeof file === "string" || file instanceof Blob) {
    return () => {
      const form = new FormData();
      for (const [name, value] of fields) form.append(name, value);
      if (typeof file === "string") form.append("file", file);
      else form.append("file", file, rest.fileName);
      return { body: form, replayable: true };
    };
  }
  if (file instanceof ReadableStream || (file && typeof file === "object" && Symbol.asyncIterator in file)) {
    let used = false;
    return () => {
      // A stream can be read once: the transport never retries it (replayable: false), this guards the rest.
      if (used) invalid("an upload stream can be sent once; pass a Blob to let a rate-limited upload be retried.");
      used = true;
      return { ...multipartStream(fields, rest.fileName, streamOf(file)), replayable: false };
    };
  }
  return invalid("upload file must be a Blob, a ReadableStream, an async iterable of bytes, a URL or base64 text.");
}
