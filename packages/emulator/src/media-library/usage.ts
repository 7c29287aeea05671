import { type Ctx, json, type Reply } from "../context.js";
import { apiErrors } from "../errors/imagekit-errors.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/** `GET /v1/accounts/usage`: storage from the library, bandwidth served since start, no video or extension units. */
export function usage(ctx: Ctx): Reply {
  const start = ctx.url.searchParams.get("startDate");
  const end = ctx.url.searchParams.get("endDate");
  if (!start || !end) throw apiErrors.usageDatesMissing();
  if (!DATE.test(start) || !DATE.test(end) || Number.isNaN(Date.parse(start)) || Number.isNaN(Date.parse(end)))
    throw apiErrors.usageDateFormat();
  if (Date.parse(start) > Date.parse(end)) throw apiErrors.usageDatesReversed();
  if (Date.parse(end) - Date.parse(start) > 90 * 86400_000) throw apiErrors.usageRangeTooLong();
  let storage = 0;
  for (const file of ctx.app.store.files.values()) for (const version of file.versions) storage += version.size;
  return json(200, {
    bandwidthBytes: ctx.app.bandwidthBytes,
    mediaLibraryStorageBytes: storage,
    videoProcessingUnitsCount: 0,
    extensionUnitsCount: 0,
    originalCacheStorageBytes: 0,
  });
}
