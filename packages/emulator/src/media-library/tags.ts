import { type Ctx, json, type Reply } from "../context.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import { checkTags, withoutAITags } from "../library/attributes.js";
import { currentVersion, withVersion } from "../library/versions.js";
import { bulkFiles } from "./params.js";

/** `POST /v1/files/addTags`, `removeTags` and `removeAITags`: up to 50 files at a time. */
export function tagsHandler(kind: "add" | "remove" | "removeAI") {
  return async (ctx: Ctx): Promise<Reply> => {
    const body = await ctx.readJson();
    const files = bulkFiles(ctx, body, 50, apiErrors.tooManyToEdit);
    const key = kind === "removeAI" ? "AITags" : "tags";
    const tags = body[key];
    if (tags === undefined) throw apiErrors.missingParameter(key);
    if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === "string")) throw apiErrors.invalidTagList(key);
    if (tags.length === 0) throw apiErrors.emptyTagList(key);
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
