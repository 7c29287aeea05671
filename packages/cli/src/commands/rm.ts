// `ikit rm <paths...>`: deletes remote files, and folders with --recursive, after a confirmation. Every path is
// resolved before anything is deleted: one that does not exist stops the command with nothing deleted.
import { confirm } from "../confirm.js";
import { CliError } from "../errors.js";
import { type RemoteTarget, resolveRemote } from "../remote.js";
import { deleteFiles } from "../transfer/delete-files.js";
import type { Register } from "./command.js";

interface RmOptions {
  recursive?: boolean;
  yes?: boolean;
}

/**
 * Adds `rm`.
 *
 * @example
 * ```ts
 * registerRm(new Command("ikit"), () => context);
 * ```
 */
export const registerRm: Register = (program, ctx) => {
  program
    .command("rm")
    .description("delete remote files, and folders with everything in them (-r); asks first")
    .argument("<paths...>", "remote files or folders")
    .option("-r, --recursive", "allow deleting folders and everything in them")
    .option("-y, --yes", "do not ask")
    .addHelpText("after", "\nExample:\n  ikit rm /products/old.jpg\n  ikit rm -r /archive/2019 --yes")
    .action(async (paths: string[], options: RmOptions) => {
      const { out } = ctx();
      const admin = ctx().admin("rm");
      const targets: RemoteTarget[] = [];
      for (const path of paths) {
        const target = await resolveRemote(admin, path);
        if (target.kind === "folder" && target.path === "/") {
          throw new CliError("USAGE", "refusing to delete the root folder; nothing was deleted.", path);
        }
        if (target.kind === "folder" && !options.recursive) {
          throw new CliError(
            "USAGE",
            `${target.path} is a folder: pass -r to delete it and everything in it. Nothing was deleted.`,
            path,
          );
        }
        targets.push(target);
      }
      const files = targets.filter((t) => t.kind === "file");
      const folders = targets.filter((t) => t.kind === "folder");
      const what = [
        files.length ? `${files.length} file(s)` : "",
        folders.length
          ? `${folders.length} folder(s) with everything in them (${folders.map((f) => f.path).join(", ")})`
          : "",
      ].filter(Boolean);
      await confirm(`Delete ${what.join(" and ")}?`, { yes: options.yes === true });
      const deleted: string[] = [];
      const byId = new Map(files.map((f) => [f.file.fileId ?? "", f.path]));
      if (byId.size > 0) await deleteFiles(admin, [...byId.keys()], (id) => deleted.push(byId.get(id) ?? id));
      for (const folder of folders) {
        await admin.deleteFolder(folder.path);
        deleted.push(`${folder.path}/`);
      }
      if (out.mode.json) await out.json({ deleted });
      else for (const path of deleted) out.note(`deleted ${path}`);
    });
};
