import { randomUUID } from "node:crypto";
import { rm, writeFile } from "node:fs/promises";
import { type App, type Ctx, imageWork, json, type Reply } from "../context.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import { fileDetails } from "../library/details.js";
import { startExtensions } from "../library/extensions.js";
import { sendWebhook } from "../library/webhooks.js";
import { type Analysis, analyse } from "../media/analyse.js";
import type { ImageWork } from "../media/image-queue.js";
import { applyTransformation } from "../media/transform.js";
import { authenticateUpload } from "./authenticate.js";
import { runChecks } from "./checks.js";
import { receiveFile } from "./file-source.js";
import { readUploadRequest, type UploadRequest } from "./request.js";
import { uploadResponse } from "./response.js";
import { saveUpload } from "./save.js";

/** Largest text `file` field (base64 or a data URI), bytes. */
const MAX_BASE64_FIELD = 64 * 1024 * 1024;

/**
 * `POST /api/v1/files/upload`: reads the form (its file part streamed to a temporary file), authenticates, checks
 * every field, receives the bytes, inspects them, stores them as a new file or a new version, starts extensions and
 * webhooks, and answers ImageKit's upload response.
 */
export async function handleUpload(ctx: Ctx): Promise<Reply> {
  const { app } = ctx;
  const { settings, store } = app;
  const temp = store.blobs.tempPath();
  try {
    const form = await ctx.readForm(temp, { fileBytes: settings.limits.maxUploadBytes, fieldBytes: MAX_BASE64_FIELD });
    await authenticateUpload(ctx, form);
    const request = readUploadRequest(form);
    const received = await receiveFile(form, temp, settings.limits);
    const bytes = await inspect(temp, request, received, imageWork(ctx));
    const { file, version } = await saveUpload(store, request, bytes, temp);
    const details = fileDetails(settings.urlEndpoint, file, version);
    const extensionStatus = startExtensions(app, request.extensions, request.webhookUrl, details);
    if (request.webhookUrl && request.extensions.length === 0) announceCreated(app, request.webhookUrl, details);
    return json(200, uploadResponse(settings.urlEndpoint, file, version, request.responseFields, extensionStatus));
  } finally {
    // Once stored, the temporary file was renamed into the blobs and this is a no-op.
    await rm(temp, { force: true });
  }
}

/**
 * What the bytes are (sharp's analysis; for a non-image, the MIME type the client sent), the `checks` run on them,
 * and the `pre` transformation applied to an image.
 */
async function inspect(
  path: string,
  request: UploadRequest,
  received: { size: number; mime?: string | undefined; urlName?: string },
  work: ImageWork,
): Promise<{ analysis: Analysis; size: number }> {
  let size = received.size;
  let analysis = await analyse(path, request.fileName || received.urlName || "file");
  if (analysis.fileType === "non-image" && received.mime && received.mime !== "application/octet-stream")
    analysis = { ...analysis, mime: received.mime };
  if (request.checks !== undefined)
    runChecks(request.checks, { size, mime: analysis.mime, folder: request.folderSent });
  const { transformation } = request;
  if (transformation && analysis.fileType !== "image" && !/^video\//.test(analysis.mime))
    throw apiErrors.transformationNeedsMedia();
  if (transformation?.pre && analysis.fileType === "image") {
    const out = await applyTransformation(path, transformation.pre, "", work).catch((error: Error) => {
      throw apiErrors.preTransformationFailed(error);
    });
    await writeFile(path, out.body);
    size = out.body.length;
    analysis = await analyse(path, request.fileName);
  }
  return { analysis, size };
}

/** Without extensions, a `webhookUrl` gets a `file.created` event for the stored file. */
function announceCreated(app: App, webhookUrl: string, details: Record<string, unknown>): void {
  const event = { type: "file.created", id: randomUUID(), created_at: details.createdAt, data: details };
  app.spawn(() => sendWebhook(webhookUrl, event, app.settings.webhookSecret));
}
