import type { App, Ctx } from "../context.js";
import { ApiError } from "../errors/api-error.js";
import { readJson, sendJson } from "../http/responses.js";
import { objectId } from "../storage/ids.js";

/** How long a purge stays `Pending`: the emulator has no CDN cache, but clients that poll should see both states. */
const PURGE_MS = 100;

/** Records a purge request and returns its id. */
export async function createPurge(app: App, url: string): Promise<string> {
  const requestId = objectId();
  await app.store.savePurge({ requestId, url, createdAt: Date.now() });
  return requestId;
}

/** `POST /v1/files/purge`: a URL under this emulator's URL endpoint (a trailing `*` purges a prefix). */
export async function purge(ctx: Ctx): Promise<void> {
  const body = await readJson(ctx);
  const url = body.url;
  if (typeof url !== "string" || url === "") throw new ApiError(400, "url parameter is missing.");
  const endpoint = ctx.app.settings.urlEndpoint;
  if (url !== endpoint && !url.startsWith(`${endpoint}/`)) {
    throw new ApiError(
      400,
      `The URL is not valid for cache purging. It must start with this emulator's URL endpoint ${endpoint}/.`,
    );
  }
  sendJson(ctx, 201, { requestId: await createPurge(ctx.app, url) });
}

/** `GET /v1/files/purge/{requestId}`: `Pending`, then `Completed` after {@link PURGE_MS}. */
export function purgeStatus(ctx: Ctx): void {
  const record = ctx.app.store.purges.get(ctx.params[0] ?? "");
  if (!record) throw new ApiError(400, "No request found for this requestId.");
  sendJson(ctx, 200, { status: Date.now() - record.createdAt >= PURGE_MS ? "Completed" : "Pending" });
}
