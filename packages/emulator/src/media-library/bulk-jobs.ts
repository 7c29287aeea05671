import type { BulkJobStatus } from "@ikit/core";
import { type App, type Ctx, json, type Reply } from "../context.js";
import { apiErrors } from "../errors/imagekit-errors.js";
import { isInside } from "../library/paths.js";
import type { JobRecord } from "../library/records.js";
import { copyVersions, currentVersion, moveToFolder } from "../library/versions.js";
import { objectId } from "../storage/ids.js";
import { folderExists, folderName, folderPath } from "./folders.js";
import { createPurge } from "./purge.js";

// Folder copy, move and rename: asynchronous jobs, `Pending` for `bulkJobDelayMs`, then run and `Completed`.

/** Copies (or, with `move`, relocates) everything under `from` to `to` (both full folder paths). */
async function relocate(
  app: App,
  from: string,
  to: string,
  opts: { move: boolean; includeVersions: boolean },
): Promise<void> {
  const { store } = app;
  const target = (path: string) => to + path.slice(from.length);
  for (const folder of [...store.folders.values()])
    if (isInside(folder.path, from)) await store.ensureFolder(target(folder.path));
  await store.ensureFolder(to);
  for (const file of store.filesUnder(from)) {
    const folder = target(file.folder);
    if (opts.move) await moveToFolder(store, file, folder);
    else await copyVersions(store, file, opts.includeVersions ? file.versions : [currentVersion(file)], folder);
  }
  if (opts.move)
    for (const folder of [...store.folders.values()])
      if (isInside(folder.path, from)) await store.deleteFolderRecord(folder);
}

/** Starts a job that stays `Pending` for `delayMs`, then runs `work` and turns `Completed`. */
async function startJob(
  ctx: Ctx,
  type: JobRecord["type"],
  work: () => Promise<void>,
  extra: Partial<JobRecord> = {},
): Promise<string> {
  const { app } = ctx;
  const job: JobRecord = { jobId: objectId(), type, status: "Pending", createdAt: Date.now(), ...extra };
  await app.store.saveJob(job);
  app.spawn(async () => {
    await new Promise((resolve) => setTimeout(resolve, app.jobDelayMs));
    await work();
    await app.store.saveJob({ ...job, status: "Completed" });
  });
  return job.jobId;
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

/** `POST /v1/bulkJobs/copyFolder` and `moveFolder`: the source folder goes inside `destinationPath`. */
export function folderJob(kind: "copy" | "move") {
  return async (ctx: Ctx): Promise<Reply> => {
    const body = await ctx.readJson();
    const source = folderPath(body.sourceFolderPath, "sourceFolderPath");
    const destination = folderPath(body.destinationPath, "destinationPath");
    if (source === "") throw apiErrors.sourceIsRoot();
    if (source === destination) throw apiErrors.sameSourceFolder();
    if (isInside(destination, source)) throw apiErrors.parentIntoChild();
    if (!folderExists(ctx.app, source)) throw apiErrors.noFilesAtSource(String(body.sourceFolderPath));
    const to = `${destination}/${lastSegment(source)}`;
    const jobId = await startJob(ctx, kind === "copy" ? "COPY_FOLDER" : "MOVE_FOLDER", () =>
      relocate(ctx.app, source, to, { move: kind === "move", includeVersions: body.includeVersions === true }),
    );
    return json(200, { jobId });
  };
}

/** `POST /v1/bulkJobs/renameFolder`: 409 when the new name is taken. */
export async function renameFolder(ctx: Ctx): Promise<Reply> {
  const body = await ctx.readJson();
  if (body.folderPath === undefined) throw apiErrors.missingParameter("folderPath");
  const path = folderPath(body.folderPath, "folderPath");
  if (path === "") throw apiErrors.renameRoot();
  const name = folderName(body.newFolderName, "newFolderName");
  if (!folderExists(ctx.app, path)) throw apiErrors.renameFolderNotFound();
  const to = `${path.slice(0, path.lastIndexOf("/"))}/${name}`;
  if (to !== path && folderExists(ctx.app, to)) throw apiErrors.folderNameTaken(name);
  const extra =
    body.purgeCache === true
      ? { purgeRequestId: await createPurge(ctx.app, `${ctx.app.settings.urlEndpoint}${path}/*`) }
      : {};
  const jobId = await startJob(
    ctx,
    "RENAME_FOLDER",
    () => relocate(ctx.app, path, to, { move: true, includeVersions: true }),
    extra,
  );
  return json(202, { jobId });
}

/** `GET /v1/bulkJobs/{jobId}` */
export function jobStatus(ctx: Ctx): Reply {
  const job = ctx.app.store.jobs.get(ctx.params[0] ?? "");
  if (!job) throw apiErrors.jobNotFound();
  return json(200, {
    jobId: job.jobId,
    type: job.type,
    status: job.status,
    ...(job.purgeRequestId && { purgeRequestId: job.purgeRequestId }),
  } satisfies BulkJobStatus);
}
