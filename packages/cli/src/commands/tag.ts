// `ikit tag add|rm <tags> <targets...>`: tags on files given by path or id, fifty files per request.

import type { Context } from "../context.js";
import { CliError } from "../errors.js";
import { listFlag } from "../flags.js";
import { fileIdOf } from "../remote.js";
import type { Register } from "./command.js";

const BATCH = 50;

async function changeTags(ctx: Context, change: "add" | "rm", tagList: string, targets: string[]) {
  const tags = listFlag(tagList);
  if (tags.length === 0)
    throw new CliError("USAGE", `tag ${change} takes tags first, comma-separated, e.g. "sale,summer".`);
  const admin = ctx.admin(`tag ${change}`);
  const ids: string[] = [];
  // Every target resolved first: a missing one stops the command before any tag changes.
  for (const target of targets) ids.push(await fileIdOf(admin, target));
  for (let i = 0; i < ids.length; i += BATCH) {
    const batch = ids.slice(i, i + BATCH);
    if (change === "add") await admin.addTags(batch, tags);
    else await admin.removeTags(batch, tags);
  }
  if (ctx.out.mode.json) await ctx.out.json({ [change === "add" ? "added" : "removed"]: tags, fileIds: ids });
  else
    ctx.out.note(
      `${change === "add" ? "added" : "removed"} ${tags.join(", ")} ${change === "add" ? "to" : "from"} ${ids.length} file(s)`,
    );
}

/**
 * Adds `tag add` and `tag rm`.
 *
 * @example
 * ```ts
 * registerTag(new Command("ikit"), () => context);
 * ```
 */
export const registerTag: Register = (program, ctx) => {
  const tag = program.command("tag").description("add or remove tags on files");
  tag
    .command("add")
    .description("add tags to files")
    .argument("<tags>", "comma-separated tags")
    .argument("<files...>", "remote file paths or file ids")
    .addHelpText("after", "\nExample:\n  ikit tag add sale,summer /products/a.jpg /products/b.jpg")
    .action((tags: string, files: string[]) => changeTags(ctx(), "add", tags, files));
  tag
    .command("rm")
    .description("remove tags from files")
    .argument("<tags>", "comma-separated tags")
    .argument("<files...>", "remote file paths or file ids")
    .addHelpText("after", "\nExample:\n  ikit tag rm summer /products/a.jpg")
    .action((tags: string, files: string[]) => changeTags(ctx(), "rm", tags, files));
};
