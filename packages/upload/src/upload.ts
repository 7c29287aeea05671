import type { AuthenticationParameters } from "@ikit/core";
import { abortable } from "./abort.js";
import { authenticate } from "./auth.js";
import type { UploadError } from "./errors.js";
import { uploadForm } from "./form.js";
import type { UploadOptions, UploadResult, UploadSource } from "./options.js";
import { readReply } from "./response.js";
import { retryWait } from "./retry.js";
import { send } from "./transport.js";
import { validateUpload } from "./validate.js";

/**
 * Uploads one file straight to ImageKit: validates it, then for each attempt fetches a fresh token, sends the form
 * (XMLHttpRequest with progress in browsers, fetch elsewhere) and reads ImageKit's answer. Network errors, timeouts,
 * 5xx, 408 and 429 are retried with backoff (honouring `Retry-After` / `X-RateLimit-Reset`); an expired or refused
 * token is replaced once. Rejects with an {@link UploadError}.
 *
 * @example
 * ```ts
 * const result = await upload(input.files[0], {
 *   fileName: "avatar.jpg",
 *   publicKey: "public_…",
 *   authenticator: async () => (await fetch("/api/upload-auth")).json(),
 *   folder: "/avatars",
 *   onProgress: ({ fraction }) => (bar.value = fraction),
 * });
 * console.log(result.url);
 * ```
 */
export async function upload(file: UploadSource, options: UploadOptions): Promise<UploadResult> {
  // fetch reports no bytes: its end is reported against the file's size.
  let total = validateUpload(file, options);
  const {
    endpoint = "https://upload.imagekit.io/api/v1/files/upload",
    retries = 3,
    retryDelay = 500,
    timeout = 60_000,
    signal,
    onProgress,
    onRetry,
    authenticator,
    maxFileSize,
    accept,
    ...fields
  } = options;
  const used = new Set<string>();
  let attempt = 0;
  let refreshed = 0;
  let best = -1;
  // Progress never goes down: a retry's bytes count only once they pass what an earlier attempt reached.
  const progress = (loaded: number, of: number) => {
    total = of;
    const fraction = of ? Math.min(1, loaded / of) : 1;
    if (fraction > best) {
      best = fraction;
      onProgress?.({ loaded, total: of, fraction });
    }
  };
  for (;;) {
    try {
      // No token is asked for once aborted, and an abort while the authenticator thinks does not wait for it.
      const auth = await abortable<AuthenticationParameters>(
        signal,
        (resolve) => void resolve(authenticate(options, used)),
      );
      const result = readReply(await send(endpoint, uploadForm(file, fields, auth), signal, timeout, progress));
      progress(total, total);
      return result;
    } catch (caught) {
      const error = caught as UploadError;
      // An expired or refused token is replaced once, outside the retry budget; other retryable errors use it up.
      const refresh = error?.code === "AUTH";
      if (!error?.retryable || !authenticator || (refresh ? refreshed++ : attempt >= retries)) throw error;
      if (refresh) continue;
      await retryWait(++attempt, retryDelay, error, signal, onRetry);
    }
  }
}
