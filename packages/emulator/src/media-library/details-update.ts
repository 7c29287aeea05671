import { apiErrors } from "../errors/imagekit-errors.js";
import { checkCoordinates, checkDescription, checkTags, withoutAITags } from "../library/attributes.js";
import { applyCustomMetadata } from "../library/custom-metadata.js";
import { checkExtensions, type ExtensionName } from "../library/extensions.js";
import type { FieldRecord, FileRecord } from "../library/records.js";
import { currentVersion, withVersion } from "../library/versions.js";
import { checkWebhookUrl } from "../library/webhooks.js";

/** A `PATCH /v1/files/{fileId}/details` body, checked: each key present only when it was sent. */
export interface DetailsUpdate {
  /** New tags; `null` removes them all. */
  tags?: string[] | null;
  /** New custom coordinates; `null` removes them. */
  customCoordinates?: string | null;
  /** Values merged onto the current ones (`null` unsets a key), checked against the fields when applied. */
  customMetadata?: unknown;
  removeAITags?: string[] | "all";
  description?: string;
  extensions: ExtensionName[];
  webhookUrl: string | undefined;
  publish?: { isPublished: boolean; includeFileVersions: boolean };
}

const UPDATE_KEYS = [
  "tags",
  "customCoordinates",
  "customMetadata",
  "removeAITags",
  "extensions",
  "webhookUrl",
  "description",
  "publish",
];

function isStrings(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((item) => typeof item === "string");
}

/**
 * Checks a details update body; unknown keys and malformed values are 400s naming them.
 *
 * @example
 * ```ts
 * readDetailsUpdate({ tags: ["sale"], publish: { isPublished: false } });
 * ```
 */
export function readDetailsUpdate(body: Record<string, unknown>): DetailsUpdate {
  for (const key of Object.keys(body)) {
    if (!UPDATE_KEYS.includes(key)) throw apiErrors.unknownParameter(key, UPDATE_KEYS);
  }
  const update: DetailsUpdate = {
    extensions: checkExtensions(body.extensions),
    webhookUrl: body.webhookUrl === undefined ? undefined : checkWebhookUrl(String(body.webhookUrl)),
  };
  if (body.tags !== undefined) {
    if (body.tags !== null && !isStrings(body.tags)) {
      throw apiErrors.invalidValue("tags", "Send an array of strings, or null to remove all tags.");
    }
    update.tags = body.tags === null ? null : checkTags(body.tags, "tags");
  }
  if (body.customCoordinates !== undefined)
    update.customCoordinates = body.customCoordinates === null ? null : checkCoordinates(body.customCoordinates);
  if (body.customMetadata !== undefined) update.customMetadata = body.customMetadata;
  if (body.removeAITags !== undefined) {
    if (body.removeAITags !== "all" && !isStrings(body.removeAITags)) throw apiErrors.invalidRemoveAITags();
    update.removeAITags = body.removeAITags;
  }
  if (body.description !== undefined) update.description = checkDescription(body.description);
  if (body.publish !== undefined) {
    const publish = body.publish as { isPublished?: unknown; includeFileVersions?: unknown } | null;
    if (typeof publish !== "object" || publish === null || typeof publish.isPublished !== "boolean") {
      throw apiErrors.invalidParameter("publish", "expected { isPublished: boolean, includeFileVersions?: boolean }");
    }
    update.publish = { isPublished: publish.isPublished, includeFileVersions: publish.includeFileVersions === true };
  }
  return update;
}

/**
 * The file with the update applied to its current version (and, for `publish.includeFileVersions`, publication to
 * every version); the current version's `updatedAt` is now.
 *
 * @example
 * ```ts
 * const updated = applyDetailsUpdate(file, readDetailsUpdate(body), store.fields.values());
 * ```
 */
export function applyDetailsUpdate(file: FileRecord, update: DetailsUpdate, fields: Iterable<FieldRecord>): FileRecord {
  const version = { ...currentVersion(file), updatedAt: new Date().toISOString() };
  if (update.tags !== undefined) version.tags = update.tags;
  if (update.customCoordinates !== undefined) version.customCoordinates = update.customCoordinates;
  if (update.customMetadata !== undefined)
    version.customMetadata = applyCustomMetadata(update.customMetadata, fields, version.customMetadata);
  if (update.removeAITags !== undefined) version.AITags = withoutAITags(version.AITags, update.removeAITags);
  if (update.description !== undefined) version.description = update.description;
  let versions = file.versions;
  if (update.publish) {
    const { isPublished, includeFileVersions } = update.publish;
    version.isPublished = isPublished;
    if (includeFileVersions) versions = versions.map((v) => ({ ...v, isPublished }));
  }
  return withVersion({ ...file, versions }, version);
}
