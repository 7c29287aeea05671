// `ikit sync <local-dir> <folder>`: uploads what is new or changed (by path, name and size), optionally deletes what
// is gone locally. Resumable by construction: each run compares with what the remote holds, so a run killed half-way
// and started again sends only what had not arrived.
import { performance } from "node:perf_hooks";
import type { FileDetails } from "@ikit/core";
import { confirm } from "../confirm.js";
import { listFlag, numberFlag } from "../flags.js";
import { startProgress } from "../progress.js";
import { walkRemote } from "../remote.js";
import { remotePath, storedFolderPath } from "../remote-path.js";
import { deleteFiles } from "../transfer/delete-files.js";
import { type LocalFile, requireLocalDir, walkLocal } from "../transfer/local-tree.js";
import { putOnce } from "../transfer/put-once.js";
import { checkRun, runItems } from "../transfer/run-items.js";
import { planSync } from "../transfer/sync-plan.js";
import type { Register } from "./command.js";

interface SyncOptions {
  tags?: string;
  concurrency: string;
  dryRun?: boolean;
  delete?: boolean;
  yes?: boolean;
}

/**
 * Adds `sync`.
 *
 * @example
 * ```ts
 * registerSync(new Command("ikit"), () => context);
 * ```
 */
export const registerSync: Register = (program, ctx) => {
  program
    .command("sync")
    .description("upload the files of a local folder that are new or changed (by name and size) to a remote folder")
    .argument("<local-dir>", "the local folder to send")
    .argument("<folder>", "the remote folder to keep in step with it")
    .option("--tags <tags>", "comma-separated tags to give the uploaded files")
    .option("-c, --concurrency <n>", "uploads at once", "8")
    .option("-n, --dry-run", "print what would be done, change nothing")
    .option("--delete", "also delete remote files that are not in the local folder (asks first)")
    .option("-y, --yes", "do not ask before deleting")
    .addHelpText(
      "after",
      "\nExample:\n  ikit sync ./photos /photos --tags summer --concurrency 8\n  ikit sync ./site /site --delete --yes",
    )
    .action(async (localDir: string, folder: string, options: SyncOptions) => {
      const { out, signal } = ctx();
      const concurrency = numberFlag(options.concurrency, "--concurrency", 1) ?? 8;
      await requireLocalDir(localDir);
      const admin = ctx().admin("sync");
      const started = performance.now();
      const target = storedFolderPath(folder);

      const local: LocalFile[] = [];
      for await (const file of walkLocal(localDir, (path) => out.debug(`skipped ${path}: not a regular file`))) {
        local.push(file);
      }
      const remote = new Map<string, FileDetails>();
      for await (const item of walkRemote(admin, target, { recursive: true, versions: false, foldersOnly: false })) {
        if (item.type !== "folder" && item.filePath) remote.set(remotePath(item.filePath), item as FileDetails);
      }
      const plan = planSync(local, remote, target, { delete: options.delete === true, tags: listFlag(options.tags) });
      out.debug(
        `sync plan: ${plan.uploads.length} to upload, ${plan.unchanged} unchanged, ${plan.deletes.length} to delete`,
      );

      if (options.dryRun) {
        const progress = startProgress(out, "dry run", 0);
        for (const up of plan.uploads) progress.item({ action: "would upload", path: up.path, detail: up.reason });
        for (const del of plan.deletes) progress.item({ action: "would delete", path: del.path });
        summary(ctx, {
          uploaded: 0,
          unchanged: plan.unchanged,
          deleted: 0,
          failed: 0,
          recovered: 0,
          started,
          dryRun: true,
          planned: plan,
        });
        return;
      }
      if (plan.deletes.length > 0) {
        await confirm(`Delete ${plan.deletes.length} remote file(s) under ${target} that are not in ${localDir}?`, {
          yes: options.yes === true,
        });
      }

      let recovered = 0;
      const progress = startProgress(out, "sync", plan.uploads.length);
      const report = await runItems(plan.uploads, concurrency, progress, signal, async (job) => {
        const outcome = await putOnce(admin, job);
        if (outcome.recovered) recovered++;
        return {
          action: "uploaded",
          path: job.path,
          ...(outcome.recovered ? { detail: "answer lost, arrival checked" } : {}),
        };
      });
      const failed = report.failures.length;
      let deleted = 0;
      if (plan.deletes.length > 0 && failed === 0 && !signal.aborted) {
        const paths = new Map(plan.deletes.map((d) => [d.fileId, d.path]));
        const deleting = startProgress(out, "delete", plan.deletes.length);
        await deleteFiles(admin, [...paths.keys()], (id) => {
          deleted++;
          deleting.item({ action: "deleted", path: paths.get(id) ?? id });
        });
        deleting.stop();
      } else if (plan.deletes.length > 0) {
        out.error(`not deleting ${plan.deletes.length} remote file(s): the upload did not complete.`);
      }
      summary(ctx, {
        uploaded: report.counts.uploaded ?? 0,
        unchanged: plan.unchanged,
        deleted,
        failed,
        recovered,
        started,
        dryRun: false,
        planned: plan,
      });
      checkRun(report, plan.uploads.length, "upload", "run the same sync again");
    });
};

function summary(
  ctx: Parameters<Register>[1],
  s: {
    uploaded: number;
    unchanged: number;
    deleted: number;
    failed: number;
    recovered: number;
    started: number;
    dryRun: boolean;
    planned: ReturnType<typeof planSync>;
  },
): void {
  const { out } = ctx();
  const seconds = (performance.now() - s.started) / 1000;
  if (out.mode.json) {
    const planned = { upload: s.planned.uploads.length, delete: s.planned.deletes.length };
    void out.json({
      summary: {
        dryRun: s.dryRun,
        planned,
        uploaded: s.uploaded,
        unchanged: s.unchanged,
        deleted: s.deleted,
        failed: s.failed,
        recovered: s.recovered,
        seconds: Number(seconds.toFixed(3)),
      },
    });
    return;
  }
  const verb = s.dryRun
    ? `would upload ${s.planned.uploads.length}, would delete ${s.planned.deletes.length}`
    : `${s.uploaded} uploaded, ${s.deleted} deleted`;
  const lost = s.recovered ? ` (${s.recovered} answer(s) lost on the way back, arrival checked)` : "";
  out.note(`sync: ${verb}, ${s.unchanged} unchanged, ${s.failed} failed in ${seconds.toFixed(1)} s${lost}`);
}
