import type { PurgeStatus } from "@ikit/core";
import { type App, type Ctx, json, type Reply } from "../context.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import { objectId } from "../storage/ids.js";

/** How long a purge stays `Pending`: the emulator has no CDN cache, but clients that poll should see both states. */
const PURGE_MS = 100;

/**
 * Records a purge request and returns its id.
 *
 * @example
 * ```ts
 * const purgeRequestId = await createPurge(ctx.app, `${urlEndpoint}/old-name.jpg*`);
 * ```
 */
export async function createPurge(app: App, url: string): Promise<string> {
  const requestId = objectId();
  await app.store.savePurge({ requestId, url, createdAt: Date.now() });
  return requestId;
}

/** `POST /v1/files/purge`: a URL under this emulator's URL endpoint (a trailing `*` purges a prefix). */
export async function purge(ctx: Ctx): Promise<Reply> {
  const body = await ctx.readJson();
  const url = body.url;
  if (typeof url !== "string" || url === "") throw apiErrors.missingParameter("url");
  const endpoint = ctx.app.settings.urlEndpoint;
  if (url !== endpoint && !url.startsWith(`${endpoint}/`)) throw apiErrors.purgeUrlOutside(endpoint);
  return json(201, { requestId: await createPurge(ctx.app, url) });
}

/** `GET /v1/files/purge/{requestId}`: `Pending`, then `Completed` after {@link PURGE_MS}. */
export function purgeStatus(ctx: Ctx): Reply {
  const record = ctx.app.store.purges.get(ctx.params[0] ?? "");
  if (!record) throw apiErrors.purgeNotFound();
  return json(200, {
    status: Date.now() - record.createdAt >= PURGE_MS ? "Completed" : "Pending",
  } satisfies PurgeStatus);
}
