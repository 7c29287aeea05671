// Fetching a delivery URL, retried where a GET may be (5xx, 429, a cut connection), into a file that appears whole
// or not at all: bytes go to a temporary file beside the destination, renamed into place once complete.
import { createWriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import { dirname } from "node:path";
import { Readable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { CliError } from "../errors.js";

const ATTEMPTS = 6;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The failure for a delivery answer that retrying will not change. */
function refused(response: Response, url: string): CliError {
  const where = new URL(url).pathname;
  if (response.status === 404) return new CliError("NOT_FOUND", `${where} is not there (404).`, where);
  if (response.status === 401 || response.status === 403) {
    return new CliError(
      "REMOTE",
      `${where} needs a signed URL (${response.status}): the file is private or unsigned URLs are restricted; pass --only-signed.`,
      where,
    );
  }
  return new CliError("REMOTE", `${where} answered ${response.status}.`, where);
}

/**
 * GETs `url` and hands the response body to `consume`, retrying 429, 5xx and network errors (including a body cut
 * half-way: `consume` then runs again from the start).
 *
 * @example
 * ```ts
 * await fetchBody(signedUrl, async (body) => { for await (const chunk of body) process.stdout.write(chunk); });
 * ```
 */
export async function fetchBody(url: string, consume: (body: Readable) => Promise<void>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    let wait = Math.min(200 * 2 ** attempt, 5000);
    try {
      const response = await fetch(url);
      if (response.ok && response.body) {
        await consume(Readable.fromWeb(response.body as import("node:stream/web").ReadableStream));
        return;
      }
      await response.body?.cancel();
      const retryable = response.status === 429 || response.status >= 500;
      if (!retryable || attempt >= ATTEMPTS) throw refused(response, url);
      const reset = Number(response.headers.get("x-ratelimit-reset"));
      if (response.status === 429 && Number.isFinite(reset) && reset > 0) wait = Math.min(reset, 10_000);
    } catch (error) {
      if (error instanceof CliError) throw error;
      if (attempt >= ATTEMPTS) {
        throw new CliError("REMOTE", `downloading ${new URL(url).pathname} failed: ${(error as Error).message}`);
      }
    }
    await sleep(wait);
  }
}

/**
 * Downloads `url` to `dest` (its folder created), atomically: a failed or interrupted download leaves no file.
 *
 * @example
 * ```ts
 * await fetchToFile("https://ik.imagekit.io/demo/a.jpg", "./a.jpg");
 * ```
 */
export async function fetchToFile(url: string, dest: string): Promise<void> {
  await mkdir(dirname(dest), { recursive: true });
  const partial = `${dest}.ikit-partial-${process.pid}`;
  try {
    await fetchBody(url, (body) => pipeline(body, createWriteStream(partial)));
    await rename(partial, dest);
  } finally {
    await rm(partial, { force: true });
  }
}
