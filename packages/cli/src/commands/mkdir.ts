// `ikit mkdir <path>`: creates a remote folder and its parents.
import { CliError } from "../errors.js";
import { remotePath, splitRemote } from "../remote-path.js";
import type { Register } from "./command.js";

/**
 * Adds `mkdir`.
 *
 * @example
 * ```ts
 * registerMkdir(new Command("ikit"), () => context);
 * ```
 */
export const registerMkdir: Register = (program, ctx) => {
  program
    .command("mkdir")
    .description("create a remote folder (and its parents)")
    .argument("<path>", "the folder to create")
    .addHelpText("after", "\nExample:\n  ikit mkdir /products/summer")
    .action(async (path: string) => {
      const { out } = ctx();
      const folder = remotePath(path);
      if (folder === "/") throw new CliError("USAGE", "the root folder exists already; give a folder below it.");
      const { parent, name } = splitRemote(folder);
      await ctx().admin("mkdir").createFolder({ folderName: name, parentFolderPath: parent });
      if (out.mode.json) await out.json({ created: folder });
      else out.note(`created ${folder}/`);
    });
};
