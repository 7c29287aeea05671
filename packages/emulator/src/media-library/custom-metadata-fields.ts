import type { Ctx } from "../context.js";
import { ApiError } from "../errors/api-error.js";
import { readJson, sendEmpty, sendJson } from "../http/responses.js";
import { checkFieldSchema } from "../library/custom-metadata.js";
import type { FieldRecord } from "../library/records.js";
import { objectId } from "../storage/ids.js";

function view(field: FieldRecord): Record<string, unknown> {
  return { id: field.id, name: field.name, label: field.label, schema: field.schema };
}

function requireText(value: unknown, name: string): string {
  if (typeof value !== "string" || value.trim() === "")
    throw new ApiError(400, `${name} parameter is missing or not a string.`);
  return value.trim();
}

/** `POST /v1/customMetadataFields`: names unique among all fields ever made, labels among live ones. */
export async function createField(ctx: Ctx): Promise<void> {
  const body = await readJson(ctx);
  const name = requireText(body.name, "name");
  const label = requireText(body.label, "label");
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(name))
    throw new ApiError(400, "name may only contain letters, digits, _ and - (up to 100 characters).");
  if (body.schema === undefined) throw new ApiError(400, "schema parameter is missing.");
  const schema = checkFieldSchema(body.schema);
  const fields = [...ctx.app.store.fields.values()];
  if (fields.some((field) => field.name === name))
    throw new ApiError(400, "A custom metadata field with this name already exists.");
  if (fields.some((field) => !field.deleted && field.label === label))
    throw new ApiError(400, "A custom metadata field with this label already exists.");
  const field: FieldRecord = { id: objectId(), name, label, schema };
  await ctx.app.store.saveField(field);
  sendJson(ctx, 201, view(field));
}

/** `GET /v1/customMetadataFields` (`includeDeleted=true` to see deleted ones). */
export function listFields(ctx: Ctx): void {
  const includeDeleted = ctx.url.searchParams.get("includeDeleted") === "true";
  const fields = [...ctx.app.store.fields.values()].filter((field) => includeDeleted || !field.deleted);
  sendJson(ctx, 200, fields.map(view));
}

function fieldParam(ctx: Ctx): FieldRecord {
  const id = ctx.params[0] ?? "";
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(id)) throw new ApiError(400, "Your request contains invalid ID parameter.");
  const field = ctx.app.store.fields.get(id);
  if (!field) throw new ApiError(404, "No such custom metadata field exists.");
  return field;
}

/** `PATCH /v1/customMetadataFields/{id}`: label and/or schema; the name and type never change. */
export async function updateField(ctx: Ctx): Promise<void> {
  const field = fieldParam(ctx);
  const body = await readJson(ctx);
  if (field.deleted) throw new ApiError(400, "Cannot update a deleted custom metadata fields.");
  if (body.name !== undefined) throw new ApiError(400, "Name cannot be updated.");
  if (body.label === undefined && body.schema === undefined)
    throw new ApiError(400, "Either label or schema should be provided.");
  const updated: FieldRecord = { ...field };
  if (body.label !== undefined) {
    const label = requireText(body.label, "label");
    if (
      [...ctx.app.store.fields.values()].some(
        (other) => other.id !== field.id && !other.deleted && other.label === label,
      )
    ) {
      throw new ApiError(400, "A custom metadata field with this label already exists.");
    }
    updated.label = label;
  }
  if (body.schema !== undefined) {
    if (typeof body.schema !== "object" || body.schema === null)
      throw new ApiError(400, "Invalid schema object. schema must be an object.");
    updated.schema = checkFieldSchema({ ...(body.schema as object), type: field.schema.type });
  }
  await ctx.app.store.saveField(updated);
  sendJson(ctx, 200, view(updated));
}

/** `DELETE /v1/customMetadataFields/{id}`: the field is kept as deleted, so its name stays taken. */
export async function deleteField(ctx: Ctx): Promise<void> {
  const field = fieldParam(ctx);
  if (field.deleted) throw new ApiError(404, "No such custom metadata field exists.");
  await ctx.app.store.saveField({ ...field, deleted: true });
  sendEmpty(ctx, 204);
}
