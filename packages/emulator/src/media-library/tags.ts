import { type Ctx, json, type Reply } from "../context.js";
import { ApiError } from "../errors/api-error.js";
import { checkTags, withoutAITags } from "../library/attributes.js";
import { currentVersion, withVersion } from "../library/versions.js";
import { bulkFiles } from "./params.js";

/** `POST /v1/files/addTags`, `removeTags` and `removeAITags`: up to 50 files at a time. */
export function tagsHandler(kind: "add" | "remove" | "removeAI") {
  return async (ctx: Ctx): Promise<Reply> => {
    const body = await ctx.readJson();
    const files = bulkFiles(ctx, body, 50, "A maximum of 50 files can be edited at a time.");
    const key = kind === "removeAI" ? "AITags" : "tags";
    const tags = body[key];
    if (tags === undefined) throw new ApiError(400, `${key} parameter is missing.`);
    if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === "string")) {
      throw new ApiError(
        400,
        `Your request contains invalid value for ${key}. Please provide an array of strings. Example - ['t-shirt','summer-sale'].`,
      );
    }
    if (tags.length === 0) throw new ApiError(400, `${key} array cannot be empty.`);
    const now = new Date().toISOString();
    const changed = files.map((file) => {
      const version = { ...currentVersion(file), updatedAt: now };
      if (kind === "add") version.tags = checkTags([...(version.tags ?? []), ...tags], "tags");
      else if (kind === "remove") version.tags = (version.tags ?? []).filter((tag) => !tags.includes(tag));
      else version.AITags = withoutAITags(version.AITags, tags);
      return withVersion(file, version);
    });
    for (const file of changed) await ctx.app.store.saveFile(file);
    return json(200, { successfullyUpdatedFileIds: changed.map((file) => file.fileId) });
  };
}
