import type { Ctx, Reply } from "../context.js";
import { renderResolved, resolveDeliveryUrl } from "./resolve.js";

/** The response header naming transformation parameters the emulator served without applying. */
const IGNORED_HEADER = "x-ikit-ignored-transformation";

/** `GET`/`HEAD <urlEndpoint>/<path>`: serves a stored file, transformed and signature-checked as ImageKit would. */
export async function deliver(ctx: Ctx): Promise<Reply> {
  const { app } = ctx;
  const resolved = resolveDeliveryUrl(app, app.settings.origin + (ctx.req.url ?? "/"), true);
  const { version } = resolved;
  const headers: Record<string, string> = {
    "Cache-Control": version.isPrivateFile ? "private, max-age=0" : "public, max-age=31536000",
    ETag: `"${version.versionId}"`,
  };
  if (resolved.steps.length === 0) {
    if (ctx.req.method !== "HEAD") app.bandwidthBytes += version.size;
    const file = app.store.blobs.path(version.blobId);
    return { status: 200, file, size: version.size, headers: { ...headers, "Content-Type": version.mime } };
  }
  const out = await renderResolved(app, resolved, String(ctx.req.headers.accept ?? ""));
  if (out.ignored.length) headers[IGNORED_HEADER] = out.ignored.join(",");
  if (resolved.steps.some((step) => step.format === "auto")) headers.Vary = "Accept";
  app.bandwidthBytes += out.body.length;
  return { status: 200, bytes: out.body, headers: { ...headers, "Content-Type": out.mime } };
}
