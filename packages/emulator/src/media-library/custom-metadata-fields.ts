import type { CustomMetadataField } from "@ikit/core";
import { type Ctx, json, noContent, type Reply } from "../context.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import { checkFieldSchema } from "../library/custom-metadata.js";
import type { FieldRecord } from "../library/records.js";
import { isId, objectId } from "../storage/ids.js";

function view(field: FieldRecord): CustomMetadataField {
  return { id: field.id, name: field.name, label: field.label, schema: field.schema };
}

function requireText(value: unknown, name: string): string {
  if (typeof value !== "string" || value.trim() === "") throw apiErrors.missingText(name);
  return value.trim();
}

/** `POST /v1/customMetadataFields`: names unique among all fields ever made, labels among live ones. */
export async function createField(ctx: Ctx): Promise<Reply> {
  const body = await ctx.readJson();
  const name = requireText(body.name, "name");
  const label = requireText(body.label, "label");
  if (!/^[A-Za-z0-9_-]{1,100}$/.test(name)) throw apiErrors.invalidFieldName();
  if (body.schema === undefined) throw apiErrors.missingParameter("schema");
  const schema = checkFieldSchema(body.schema);
  const fields = [...ctx.app.store.fields.values()];
  if (fields.some((field) => field.name === name)) throw apiErrors.fieldNameTaken();
  if (fields.some((field) => !field.deleted && field.label === label)) throw apiErrors.fieldLabelTaken();
  const field: FieldRecord = { id: objectId(), name, label, schema };
  await ctx.app.store.saveField(field);
  return json(201, view(field));
}

/** `GET /v1/customMetadataFields` (`includeDeleted=true` to see deleted ones). */
export function listFields(ctx: Ctx): Reply {
  const includeDeleted = ctx.url.searchParams.get("includeDeleted") === "true";
  const fields = [...ctx.app.store.fields.values()].filter((field) => includeDeleted || !field.deleted);
  return json(200, fields.map(view));
}

function fieldParam(ctx: Ctx): FieldRecord {
  const id = ctx.params[0] ?? "";
  if (!isId(id)) throw apiErrors.invalidParameter("ID");
  const field = ctx.app.store.fields.get(id);
  if (!field) throw apiErrors.fieldNotFound();
  return field;
}

/** `PATCH /v1/customMetadataFields/{id}`: label and/or schema; the name and type never change. */
export async function updateField(ctx: Ctx): Promise<Reply> {
  const field = fieldParam(ctx);
  const body = await ctx.readJson();
  if (field.deleted) throw apiErrors.fieldDeleted();
  if (body.name !== undefined) throw apiErrors.fieldNameFixed();
  if (body.label === undefined && body.schema === undefined) throw apiErrors.fieldUpdateEmpty();
  const updated: FieldRecord = { ...field };
  if (body.label !== undefined) {
    const label = requireText(body.label, "label");
    if (
      [...ctx.app.store.fields.values()].some(
        (other) => other.id !== field.id && !other.deleted && other.label === label,
      )
    ) {
      throw apiErrors.fieldLabelTaken();
    }
    updated.label = label;
  }
  if (body.schema !== undefined) {
    if (typeof body.schema !== "object" || body.schema === null)
      throw apiErrors.invalidSchema("schema must be an object.");
    updated.schema = checkFieldSchema({ ...(body.schema as object), type: field.schema.type });
  }
  await ctx.app.store.saveField(updated);
  return json(200, view(updated));
}

/** `DELETE /v1/customMetadataFields/{id}`: the field is kept as deleted, so its name stays taken. */
export async function deleteField(ctx: Ctx): Promise<Reply> {
  const field = fieldParam(ctx);
  if (field.deleted) throw apiErrors.fieldNotFound();
  await ctx.app.store.saveField({ ...field, deleted: true });
  return noContent();
}
