import type { Transformation } from "@ikit/core";
import type { UploadForm } from "../context.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import { checkDescription } from "../library/attributes.js";
import { checkExtensions, type ExtensionName } from "../library/extensions.js";
import { cleanFileName, cleanFolder } from "../library/paths.js";
import { checkWebhookUrl } from "../library/webhooks.js";
import {
  booleanField,
  coordinatesField,
  jsonField,
  responseFieldsField,
  tagsField,
  uploadTransformationField,
} from "./fields.js";
import type { ResponseField } from "./response.js";

/** An upload's fields, each checked and typed; the bytes are read separately (see file-source.ts). */
export interface UploadRequest {
  /** The name asked for, cleaned (unsafe characters as `_`). */
  fileName: string;
  /** The folder, cleaned: `""` for the root, else `/a/b`. */
  folder: string;
  /** The folder exactly as sent, which `checks` compare as `"request.folder"`. */
  folderSent: string;
  /** @default true */
  useUniqueFileName: boolean;
  /** @default false */
  isPrivateFile: boolean;
  /** @default true */
  isPublished: boolean;
  /** @default true */
  overwriteFile: boolean;
  /** @default true */
  overwriteAITags: boolean;
  /** @default true */
  overwriteTags: boolean;
  /** @default true */
  overwriteCustomMetadata: boolean;
  tags: string[] | undefined;
  customCoordinates: string | undefined;
  /** Parsed JSON, checked against the defined fields when the file is stored. */
  customMetadata: unknown;
  responseFields: ResponseField[];
  extensions: ExtensionName[];
  webhookUrl: string | undefined;
  transformation: { pre?: Transformation[]; post: Record<string, unknown>[] } | undefined;
  description: string | undefined;
  /** The `checks` expression, when one was sent. */
  checks: string | undefined;
}

/**
 * The last value of a form field (a repeated single-valued field counts once, as its last value).
 *
 * @example
 * ```ts
 * lastField(form, "fileName"); // "photo.jpg"
 * ```
 */
export function lastField(form: UploadForm, name: string): string | undefined {
  return form.fields.get(name)?.at(-1);
}

/**
 * Reads and checks every field of an upload form; the first problem is a 400 naming the field.
 *
 * @example
 * ```ts
 * const request = readUploadRequest(form); // { fileName: "photo.jpg", folder: "/products", tags: ["sale"], … }
 * ```
 */
export function readUploadRequest(form: UploadForm): UploadRequest {
  const one = (name: string) => lastField(form, name);
  if (!form.file && !one("file")) throw apiErrors.missingFile();
  const fileName = one("fileName");
  if (fileName === undefined || fileName.trim() === "") throw apiErrors.missingFileName();
  const folderSent = one("folder") ?? "/";
  const webhookUrl = one("webhookUrl");
  const description = one("description");
  const checks = one("checks");
  return {
    fileName: cleanFileName(fileName),
    folder: cleanFolder(folderSent),
    folderSent,
    useUniqueFileName: booleanField(one("useUniqueFileName"), "useUniqueFileName", true),
    isPrivateFile: booleanField(one("isPrivateFile"), "isPrivateFile", false),
    isPublished: booleanField(one("isPublished"), "isPublished", true),
    overwriteFile: booleanField(one("overwriteFile"), "overwriteFile", true),
    overwriteAITags: booleanField(one("overwriteAITags"), "overwriteAITags", true),
    overwriteTags: booleanField(one("overwriteTags"), "overwriteTags", true),
    overwriteCustomMetadata: booleanField(one("overwriteCustomMetadata"), "overwriteCustomMetadata", true),
    tags: tagsField(form.fields.get("tags")),
    customCoordinates: coordinatesField(one("customCoordinates")),
    customMetadata: jsonField(one("customMetadata"), "customMetadata"),
    responseFields: responseFieldsField(form.fields.get("responseFields")),
    extensions: checkExtensions(jsonField(one("extensions"), "extensions")),
    webhookUrl: webhookUrl === undefined || webhookUrl === "" ? undefined : checkWebhookUrl(webhookUrl),
    transformation: uploadTransformationField(jsonField(one("transformation"), "transformation")),
    description: description === undefined ? undefined : checkDescription(description),
    checks: checks === undefined || checks.trim() === "" ? undefined : checks,
  };
}
