import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { extname } from "node:path";
import { type Ctx, imageWork } from "../context.js";
import { ApiError } from "../errors/api-error.js";
import { parseUploadForm } from "../http/multipart.js";
import { checkClientAuth, requirePrivateKey } from "../http/private-key.js";
import { sendJson } from "../http/responses.js";
import { applyCustomMetadata } from "../library/custom-metadata.js";
import { fileDetails, uploadResponse } from "../library/details.js";
import { cleanFileName, cleanFolder, joinPath } from "../library/paths.js";
import type { FileRecord, FileVersion } from "../library/records.js";
import { currentVersion } from "../library/store.js";
import { sendWebhook } from "../library/webhooks.js";
import { type Analysis, analyse } from "../media/analyse.js";
import { applyTransformation } from "../media/transform.js";
import { objectId, randomToken } from "../storage/ids.js";
import { runChecks } from "./checks.js";
import {
  booleanField,
  coordinatesField,
  extensionsField,
  jsonField,
  responseFieldsField,
  tagsField,
  uploadTransformationField,
  webhookUrlField,
} from "./fields.js";
import { writeTextSource } from "./file-source.js";

const MAX_BASE64_FIELD = 64 * 1024 * 1024;

function uniqueName(name: string): string {
  const extension = extname(name);
  return `${name.slice(0, name.length - extension.length)}_${randomToken(6).replace(/[-_]/g, "x")}${extension}`;
}

/**
 * `POST /api/v1/files/upload`: streams the multipart body to a temporary file, authenticates (HTTP Basic with the
 * private key, or publicKey + signature + expire + single-use token), validates every field, and stores the file as
 * a new file or, when one exists at that path and overwriting is allowed, as its new version.
 */
export async function handleUpload(ctx: Ctx): Promise<void> {
  const { app } = ctx;
  const { settings, store } = app;
  const hasBasic = ctx.req.headers.authorization !== undefined;
  if (hasBasic) requirePrivateKey(ctx.req, settings.privateKey);
  const temp = store.blobs.tempPath();
  let committed = false;
  try {
    const form = await parseUploadForm(ctx.req, temp, {
      fileBytes: settings.limits.maxUploadBytes,
      fieldBytes: MAX_BASE64_FIELD,
    });
    const one = (name: string) => form.fields.get(name)?.at(-1);
    if (hasBasic && (one("signature") || one("token"))) {
      throw new ApiError(
        400,
        "Your request contains both signature and basic auth parameter. Use only one method, you might be exposing your private API key.",
      );
    }
    if (!hasBasic) {
      if (!one("signature") && !one("publicKey"))
        throw new ApiError(401, "Your request does not contain private API key.");
      const expire = checkClientAuth(
        { publicKey: one("publicKey"), signature: one("signature"), expire: one("expire"), token: one("token") },
        settings,
        Date.now(),
      );
      // The token is spent once the signature holds, even if the upload then fails, as ImageKit does.
      if (!(await store.useToken(one("token") as string, expire))) {
        throw new ApiError(
          400,
          `The token with value '${one("token")}' has been used before. We suggest using V4 UUIDs, or another random string with enough entropy to avoid collisions.`,
        );
      }
    }

    let size: number;
    let sentMime: string | undefined;
    let urlName: string | undefined;
    if (form.file) {
      size = form.file.size;
      sentMime = form.file.mime;
    } else {
      const text = one("file");
      if (text === undefined || text === "") throw new ApiError(400, "Your request is missing file parameter.");
      const written = await writeTextSource(text, temp, settings.limits);
      size = written.size;
      sentMime = written.mime;
      urlName = written.urlName;
    }
    const rawName = one("fileName");
    if (rawName === undefined || rawName.trim() === "")
      throw new ApiError(400, "Missing fileName parameter for upload.");
    const requestedName = cleanFileName(rawName);
    const folderSent = one("folder") ?? "/";
    const folder = cleanFolder(folderSent);
    const useUniqueFileName = booleanField(one("useUniqueFileName"), "useUniqueFileName", true);
    const isPrivateFile = booleanField(one("isPrivateFile"), "isPrivateFile", false);
    const isPublished = booleanField(one("isPublished"), "isPublished", true);
    const overwriteFile = booleanField(one("overwriteFile"), "overwriteFile", true);
    const overwriteAITags = booleanField(one("overwriteAITags"), "overwriteAITags", true);
    const overwriteTags = booleanField(one("overwriteTags"), "overwriteTags", true);
    const overwriteCustomMetadata = booleanField(one("overwriteCustomMetadata"), "overwriteCustomMetadata", true);
    const tags = tagsField(form.fields.get("tags"));
    const customCoordinates = coordinatesField(one("customCoordinates"));
    const customMetadataInput = jsonField(one("customMetadata"), "customMetadata");
    const responseFields = responseFieldsField(form.fields.get("responseFields"));
    const extensions = extensionsField(jsonField(one("extensions"), "extensions"));
    const webhookUrl = webhookUrlField(one("webhookUrl"));
    const transformation = uploadTransformationField(jsonField(one("transformation"), "transformation"));
    const description = one("description");
    if (description !== undefined && description.length > 1000)
      throw new ApiError(400, "Your request contains invalid description parameter: longer than 1000 characters.");

    let analysis: Analysis = await analyse(temp, requestedName || urlName || "file");
    if (analysis.fileType === "non-image" && sentMime && sentMime !== "application/octet-stream")
      analysis = { ...analysis, mime: sentMime };
    const checks = one("checks");
    if (checks !== undefined && checks.trim() !== "")
      runChecks(checks, { size, mime: analysis.mime, folder: folderSent });
    if (transformation && analysis.fileType !== "image" && !/^video\//.test(analysis.mime)) {
      throw new ApiError(
        400,
        "The file could not be uploaded because transformations are supported only for image and video files.",
      );
    }
    if (transformation?.pre && analysis.fileType === "image") {
      const out = await applyTransformation(temp, transformation.pre, "", imageWork(ctx)).catch((error: Error) => {
        throw new ApiError(
          error instanceof ApiError ? error.status : 400,
          `The file could not be uploaded because the pre-transformation failed: ${error.message}`,
          error instanceof ApiError ? error.extra : {},
          error instanceof ApiError ? error.headers : {},
        );
      });
      await writeFile(temp, out.body);
      size = out.body.length;
      analysis = await analyse(temp, requestedName);
    }

    // One upload at a time per requested path, so concurrent overwrites become versions, not duplicate files.
    const { file, version, versionId } = await store.exclusive(joinPath(folder, requestedName), async () => {
      let name = useUniqueFileName ? uniqueName(requestedName) : requestedName;
      while (useUniqueFileName && store.byPath.has(joinPath(folder, name))) name = uniqueName(requestedName);
      const existing = store.fileAt(joinPath(folder, name));
      if (existing && !overwriteFile) {
        throw new ApiError(
          400,
          "A file with the same name already exists at the exact location. We could not overwrite it because both overwriteFile and useUniqueFileName are set to false.",
        );
      }
      const previous = existing ? currentVersion(existing) : undefined;
      const customMetadata =
        customMetadataInput !== undefined
          ? applyCustomMetadata(customMetadataInput, store.fields.values())
          : previous && !overwriteCustomMetadata
            ? previous.customMetadata
            : applyCustomMetadata({}, store.fields.values());
      const now = new Date().toISOString();
      const fileId = existing?.fileId ?? objectId();
      const versionId = existing ? objectId() : fileId;
      const extensionStatus = extensions.length
        ? Object.fromEntries(extensions.map((extension) => [extension, webhookUrl ? "pending" : "success"] as const))
        : undefined;
      const version: FileVersion = {
        versionId,
        name: `Version ${(existing?.versions.length ?? 0) + 1}`,
        blobId: versionId,
        size,
        mime: analysis.mime,
        fileType: analysis.fileType,
        ...(analysis.format !== undefined && { format: analysis.format }),
        ...(analysis.width !== undefined && {
          width: analysis.width,
          height: analysis.height as number,
          hasAlpha: analysis.hasAlpha ?? false,
        }),
        tags: tags ?? (previous && !overwriteTags ? previous.tags : null),
        AITags: previous && !overwriteAITags ? previous.AITags : null,
        customCoordinates: customCoordinates ?? null,
        customMetadata,
        isPrivateFile,
        isPublished,
        ...(description !== undefined && { description }),
        ...(extensionStatus && { extensionStatus }),
        createdAt: now,
        updatedAt: now,
      };
      await store.blobs.commit(temp, version.blobId);
      committed = true;
      const file: FileRecord = existing
        ? { ...existing, currentVersionId: versionId, versions: [...existing.versions, version] }
        : { fileId, name, folder, currentVersionId: versionId, versions: [version] };
      await store.saveFile(file);
      return { file, version, versionId };
    });
    const metadata = responseFields.includes("metadata")
      ? {
          height: version.height,
          width: version.width,
          size: version.size,
          format: version.format,
          hasTransparency: version.hasAlpha ?? false,
        }
      : undefined;
    sendJson(
      ctx,
      200,
      uploadResponse(settings.urlEndpoint, file, version, responseFields, metadata ? { metadata } : {}),
    );
    if (webhookUrl) {
      const details = fileDetails(settings.urlEndpoint, file, version);
      const events: Record<string, unknown>[] = extensions.length
        ? extensions.map((service) => ({ service, status: "SUCCESS", fileObject: details }))
        : [{ type: "file.created", id: randomUUID(), created_at: version.createdAt, data: details }];
      app.spawn(async () => {
        for (const event of events) await sendWebhook(webhookUrl, event, settings.webhookSecret);
        // The extensions have "finished": later reads report them as successful.
        const latest = store.files.get(file.fileId);
        if (version.extensionStatus && latest) {
          const done = Object.fromEntries(extensions.map((name) => [name, "success"] as const));
          await store.saveFile({
            ...latest,
            versions: latest.versions.map((v) => (v.versionId === versionId ? { ...v, extensionStatus: done } : v)),
          });
        }
      });
    }
  } finally {
    if (!committed) await rm(temp, { force: true });
  }
}
