// `ikit upload <files...> <folder>`: local files into a remote folder, exactly once each (see transfer/put-once.ts).
// Every file is checked before the first byte is sent: a missing local file, or a remote name that is taken without
// --overwrite, stops the command with nothing uploaded.
import { stat } from "node:fs/promises";
import { basename } from "node:path";
import type { FileDetails } from "@ikit/core";
import { CliError, isNodeError } from "../errors.js";
import { listFlag, numberFlag } from "../flags.js";
import { startProgress } from "../progress.js";
import { walkRemote } from "../remote.js";
import { joinRemote, storedFolderPath, storedName } from "../remote-path.js";
import { putOnce } from "../transfer/put-once.js";
import { checkRun, runItems } from "../transfer/run-items.js";
import type { Register } from "./command.js";

interface UploadOptions {
  tags?: string;
  concurrency: string;
  overwrite?: boolean;
}

/**
 * Adds `upload`.
 *
 * @example
 * ```ts
 * registerUpload(new Command("ikit"), () => context);
 * ```
 */
export const registerUpload: Register = (program, ctx) => {
  program
    .command("upload")
    .description("upload local files into a remote folder")
    .argument("<files...>", "local files, then the remote folder last")
    .option("--tags <tags>", "comma-separated tags")
    .option("-c, --concurrency <n>", "uploads at once", "4")
    .option("--overwrite", "replace a remote file of the same name (it gets a new version)")
    .addHelpText("after", "\nExample:\n  ikit upload cat.jpg dog.jpg /pets --tags animals")
    .action(async (args: string[], options: UploadOptions) => {
      const { out, signal } = ctx();
      if (args.length < 2) throw new CliError("USAGE", "upload takes one or more local files, then the remote folder.");
      const folder = storedFolderPath(args[args.length - 1] ?? "/");
      const files = args.slice(0, -1);
      const concurrency = numberFlag(options.concurrency, "--concurrency", 1) ?? 4;
      for (const file of files) {
        const info = await stat(file).catch((error) => {
          if (isNodeError(error) && error.code === "ENOENT") {
            throw new CliError("LOCAL_NOT_FOUND", `${file} does not exist; nothing was uploaded.`, file);
          }
          throw error;
        });
        if (!info.isFile()) {
          throw new CliError("USAGE", `${file} is not a file; use \`ikit sync ${file} ${folder}\` for a folder.`, file);
        }
      }
      const admin = ctx().admin("upload");
      const existing = new Map<string, FileDetails>();
      for await (const item of walkRemote(admin, folder, { recursive: false, versions: false, foldersOnly: false })) {
        if (item.type !== "folder" && item.name) existing.set(item.name, item as FileDetails);
      }
      const seen = new Map<string, string>();
      const jobs = files.map((file) => {
        const name = storedName(basename(file));
        const twin = seen.get(name);
        if (twin !== undefined) {
          throw new CliError(
            "USAGE",
            `${twin} and ${file} would both be stored as ${joinRemote(folder, name)}. Nothing was uploaded.`,
            file,
          );
        }
        seen.set(name, file);
        const current = existing.get(name);
        if (current && !options.overwrite) {
          throw new CliError(
            "CONFLICT",
            `${joinRemote(folder, name)} exists already; pass --overwrite to add a new version. Nothing was uploaded.`,
            joinRemote(folder, name),
          );
        }
        return {
          path: joinRemote(folder, name),
          localPath: file,
          folder,
          name,
          tags: listFlag(options.tags),
          replaces: current ? { fileId: current.fileId ?? "", versionId: current.versionInfo?.id ?? "" } : undefined,
        };
      });
      const progress = startProgress(out, "upload", jobs.length);
      const report = await runItems(jobs, concurrency, progress, signal, async (job) => {
        await putOnce(admin, job);
        return { action: "uploaded", path: job.path };
      });
      checkRun(report, jobs.length, "upload", "run the same upload again (with --overwrite for those that arrived)");
    });
};
