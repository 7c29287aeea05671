import { type Ctx, imageWork, type Reply } from "../context.js";
import { renderResolved, resolveDeliveryUrl } from "./resolve.js";

/** The response header naming transformation parameters the emulator served without applying. */
const IGNORED_HEADER = "x-ikit-ignored-transformation";

/**
 * The ignored parameters as a header value: a text overlay may hold any character, and a header only printable
 * ASCII, so everything else is percent-encoded as UTF-8.
 */
function headerValue(codes: string[]): string {
  return codes
    .join(",")
    .replace(/[^\x20-\x7e]/gu, (char) =>
      [...Buffer.from(char)].map((byte) => `%${byte.toString(16).toUpperCase()}`).join(""),
    );
}

/** `GET`/`HEAD <urlEndpoint>/<path>`: serves a stored file, transformed and signature-checked as ImageKit would. */
export async function deliver(ctx: Ctx): Promise<Reply> {
  const { app } = ctx;
  const resolved = resolveDeliveryUrl(app, app.settings.origin + (ctx.req.url ?? "/"), true);
  const { version } = resolved;
  const headers: Record<string, string> = {
    "Cache-Control": version.isPrivateFile ? "private, max-age=0" : "public, max-age=31536000",
    ETag: `"${version.versionId}"`,
  };
  const out = await renderResolved(app, resolved, String(ctx.req.headers.accept ?? ""), imageWork(ctx));
  if (out.ignored.length) headers[IGNORED_HEADER] = headerValue(out.ignored);
  if (resolved.steps.some((step) => step.format === "auto")) headers.Vary = "Accept";
  if (out.body === undefined) {
    if (ctx.req.method !== "HEAD") app.bandwidthBytes += version.size;
    const file = app.store.blobs.path(version.blobId);
    return { status: 200, file, size: version.size, headers: { ...headers, "Content-Type": version.mime } };
  }
  app.bandwidthBytes += out.body.length;
  return { status: 200, bytes: out.body, headers: { ...headers, "Content-Type": out.mime } };
}
