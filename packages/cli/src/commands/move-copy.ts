// `ikit mv` and `ikit cp`: files directly, folders as ImageKit bulk jobs that the command waits for (polling the
// job until it is Completed), so when it returns the result is there.
import type { AdminClient } from "@ikit/admin";
import type { Context } from "../context.js";
import { CliError } from "../errors.js";
import { folderExists, type RemoteTarget, resolveRemote } from "../remote.js";
import { remotePath, splitRemote } from "../remote-path.js";
import type { Register } from "./command.js";

interface JobOptions {
  wait: boolean;
}

/** Waits for a folder job unless --no-wait, then reports it. */
async function finishJob(ctx: Context, admin: AdminClient, jobId: string, what: string, options: JobOptions) {
  const { out } = ctx;
  if (!options.wait) {
    if (out.mode.json) await out.json({ jobId, status: "Pending" });
    else out.note(`${what}: started as job ${jobId} (\`ikit\` did not wait)`);
    return;
  }
  out.debug(`${what}: waiting for job ${jobId}`);
  const job = await admin.waitForJob(jobId, { interval: 250, timeout: 600_000 });
  if (out.mode.json) await out.json({ jobId, status: job.status });
  else out.note(`${what} (job ${jobId} ${job.status})`);
}

async function report(ctx: Context, result: Record<string, string>, line: string) {
  if (ctx.out.mode.json) await ctx.out.json(result);
  else ctx.out.note(line);
}

async function move(ctx: Context, source: string, dest: string, options: JobOptions) {
  const admin = ctx.admin("mv");
  const from: RemoteTarget = await resolveRemote(admin, source);
  if (from.path === "/") throw new CliError("USAGE", "the root folder cannot be moved.");
  const to = remotePath(dest);
  const into = dest.endsWith("/") || (await folderExists(admin, to));
  if (into) {
    if (from.kind === "file") {
      await admin.moveFile({ sourceFilePath: from.path, destinationPath: to });
      return report(ctx, { moved: from.path, to }, `moved ${from.path} into ${to}/`);
    }
    const { jobId } = await admin.moveFolder({ sourceFolderPath: from.path, destinationPath: to });
    return finishJob(ctx, admin, jobId, `moved ${from.path}/ into ${to}/`, options);
  }
  const target = splitRemote(to);
  if (target.parent !== splitRemote(from.path).parent) {
    throw new CliError(
      "USAGE",
      `${to} is neither an existing folder nor a new name in ${splitRemote(from.path).parent}: mv moves into a folder or renames in place, not both at once. Nothing was changed.`,
      dest,
    );
  }
  if (from.kind === "file") {
    await admin.renameFile({ filePath: from.path, newFileName: target.name });
    return report(ctx, { renamed: from.path, to }, `renamed ${from.path} to ${to}`);
  }
  const { jobId } = await admin.renameFolder({ folderPath: from.path, newFolderName: target.name });
  return finishJob(ctx, admin, jobId, `renamed ${from.path}/ to ${to}/`, options);
}

async function copy(ctx: Context, source: string, dest: string, options: JobOptions & { versions?: boolean }) {
  const admin = ctx.admin("cp");
  const from = await resolveRemote(admin, source);
  const to = remotePath(dest);
  if (from.kind === "file") {
    await admin.copyFile({
      sourceFilePath: from.path,
      destinationPath: to,
      includeFileVersions: options.versions === true,
    });
    return report(ctx, { copied: from.path, to }, `copied ${from.path} into ${to}/`);
  }
  if (from.path === "/") throw new CliError("USAGE", "the root folder cannot be copied; copy its folders.");
  const { jobId } = await admin.copyFolder({
    sourceFolderPath: from.path,
    destinationPath: to,
    includeVersions: options.versions === true,
  });
  return finishJob(ctx, admin, jobId, `copied ${from.path}/ into ${to}/`, options);
}

/**
 * Adds `mv` and `cp`.
 *
 * @example
 * ```ts
 * registerMoveCopy(new Command("ikit"), () => context);
 * ```
 */
export const registerMoveCopy: Register = (program, ctx) => {
  program
    .command("mv")
    .description("move a file or folder into a folder, or rename it in place")
    .argument("<source>", "remote file or folder")
    .argument("<dest>", "an existing folder (or one ending in /) to move into, or a new name in the same folder")
    .option("--no-wait", "start a folder job and return without waiting for it")
    .addHelpText(
      "after",
      "\nExample:\n  ikit mv /inbox/a.jpg /products/\n  ikit mv /products/a.jpg /products/b.jpg   # rename; exit 5 if b.jpg exists",
    )
    .action((source: string, dest: string, options: JobOptions) => move(ctx(), source, dest, options));
  program
    .command("cp")
    .description("copy a file or folder into a folder (folder copies wait for the bulk job)")
    .argument("<source>", "remote file or folder")
    .argument("<dest>", "the folder to copy into")
    .option("--versions", "copy older versions too")
    .option("--no-wait", "start a folder job and return without waiting for it")
    .addHelpText("after", "\nExample:\n  ikit cp /products /backup\n  ikit cp /products/a.jpg /backup")
    .action((source: string, dest: string, options: JobOptions & { versions?: boolean }) =>
      copy(ctx(), source, dest, options),
    );
};
