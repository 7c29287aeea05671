// `ikit ls [path]` and `ikit lsd [path]`: what a folder holds, streamed page by page, so `ls --recursive` over ten
// thousand files starts printing at once and holds one page in memory.
import type { ListItem } from "@ikit/admin";
import type { Context } from "../context.js";
import { CliError } from "../errors.js";
import { findFile, folderExists, walkRemote } from "../remote.js";
import { remotePath, splitRemote } from "../remote-path.js";
import type { Register } from "./command.js";

interface LsOptions {
  versions?: boolean;
  long?: boolean;
  recursive?: boolean;
}

/** The path of a listed item; an older version's carries `@versionId`. */
function pathOf(item: ListItem): string {
  if (item.type === "folder") return `${remotePath(item.folderPath ?? "")}/`;
  const version = item.type === "file-version" ? `@${item.versionInfo?.id ?? ""}` : "";
  return `${remotePath(item.filePath ?? "")}${version}`;
}

/** One `ls --long` row: type, size, date, id, path (tab-separated: `cut -f` works). */
function longRow(item: ListItem): string {
  if (item.type === "folder") return ["d", "-", item.createdAt ?? "-", item.folderId ?? "-", pathOf(item)].join("\t");
  return [
    item.type === "file-version" ? "v" : "-",
    String(item.size ?? 0),
    item.updatedAt ?? "-",
    item.fileId ?? "-",
    pathOf(item),
  ].join("\t");
}

/** The fields of an item a script needs (the whole API object with --long). */
function jsonOf(item: ListItem, long: boolean): unknown {
  if (long) return item;
  if (item.type === "folder") return { type: "folder", path: pathOf(item), folderId: item.folderId };
  return {
    type: item.type,
    path: pathOf(item),
    fileId: item.fileId,
    versionId: item.versionInfo?.id,
    size: item.size,
    updatedAt: item.updatedAt,
  };
}

async function list(ctx: Context, path: string, options: LsOptions, foldersOnly: boolean): Promise<void> {
  const { out } = ctx;
  const command = foldersOnly ? "lsd" : "ls";
  const admin = ctx.admin(command);
  const folder = remotePath(path);
  let count = 0;
  const print = (item: ListItem) => {
    count++;
    if (out.mode.json) return out.json(jsonOf(item, options.long === true));
    return out.line(options.long ? longRow(item) : pathOf(item));
  };
  for await (const item of walkRemote(admin, folder, {
    recursive: options.recursive === true,
    versions: options.versions === true,
    foldersOnly,
  })) {
    await print(item);
  }
  if (count > 0 || folder === "/") return;
  // Nothing listed: an empty folder, a file, or nothing at all.
  if (!foldersOnly && !path.endsWith("/")) {
    const file = await findFile(admin, folder);
    if (file) return void (await print(file));
  }
  if (!(await folderExists(admin, folder))) {
    throw new CliError(
      "NOT_FOUND",
      `${folder} does not exist; \`ikit lsd ${splitRemote(folder).parent}\` lists the folders there.`,
      folder,
    );
  }
}

/**
 * Adds `ls` and `lsd`.
 *
 * @example
 * ```ts
 * registerLs(new Command("ikit"), () => context);
 * ```
 */
export const registerLs: Register = (program, ctx) => {
  program
    .command("ls")
    .description("list the files and folders of a remote folder (or one file)")
    .argument("[path]", "remote folder or file", "/")
    .option("--versions", "also list the older versions of each file")
    .option("-l, --long", "type, size, date and id too (tab-separated; the whole API object with --json)")
    .option("-R, --recursive", "into sub-folders (streamed: starts printing at once)")
    .addHelpText(
      "after",
      "\nOutput: one path per line (folders end with /); --json prints one JSON object per line.\nExample:\n  ikit ls /products --long\n  ikit ls / --recursive --json | jq -r .path",
    )
    .action((path: string, options: LsOptions) => list(ctx(), path, options, false));
  program
    .command("lsd")
    .description("list only the folders of a remote folder")
    .argument("[path]", "remote folder", "/")
    .option("-l, --long", "date and id too")
    .option("-R, --recursive", "into sub-folders")
    .addHelpText("after", "\nExample:\n  ikit lsd /")
    .action((path: string, options: LsOptions) => list(ctx(), path, options, true));
};
