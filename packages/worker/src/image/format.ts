/**
 * Which variant of a negotiated image a browser gets, from its `Accept` header: the cache keeps one copy per bucket,
 * not one per distinct `Accept` string (browsers send dozens).
 *
 * @example
 * ```ts
 * const bucket: FormatBucket = formatBucket(request.headers.get("accept"));
 * ```
 */
export type FormatBucket = "avif" | "webp" | "other";

/**
 * The `Accept` sent upstream for each bucket, so ImageKit's choice depends on the bucket alone.
 *
 * @example
 * ```ts
 * await fetch(signedUrl, { headers: { accept: BUCKET_ACCEPT.webp } });
 * ```
 */
export const BUCKET_ACCEPT: Record<FormatBucket, string> = {
  avif: "image/avif,image/webp,image/*,*/*;q=0.8",
  webp: "image/webp,image/*,*/*;q=0.8",
  other: "image/*,*/*;q=0.8",
};

/** True when `accept` lists `type` with a quality above 0. */
function accepts(accept: string, type: string): boolean {
  for (const range of accept.toLowerCase().split(",")) {
    const [name, ...params] = range.split(";").map((part) => part.trim());
    if (name !== type) continue;
    const q = params.find((p) => p.startsWith("q="));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/**
 * The {@link FormatBucket} of an `Accept` header: `avif` when it lists `image/avif`, else `webp` when it lists
 * `image/webp`, else `other`. Headers over 1,024 characters count as `other`.
 *
 * @example
 * ```ts
 * formatBucket("image/avif,image/webp,image/apng,*\/*;q=0.8"); // "avif"
 * formatBucket("image/webp,*\/*"); // "webp"
 * formatBucket(null); // "other"
 * ```
 */
export function formatBucket(accept: string | null): FormatBucket {
  if (!accept || accept.length > 1024) return "other";
  if (accepts(accept, "image/avif")) return "avif";
  return accepts(accept, "image/webp") ? "webp" : "other";
}
