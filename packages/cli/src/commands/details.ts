// `ikit details <file>` and `ikit metadata <fileId|path|url>`: what ImageKit knows about a file.
import type { Context } from "../context.js";
import { fileIdOf } from "../remote.js";
import type { Register } from "./command.js";

/**
 * Prints an API object: JSON with --json, else one `key: value` line per field (objects as JSON).
 *
 * @example
 * ```ts
 * await printObject(ctx, { fileId: "6b04…", tags: ["a"] }); // fileId: 6b04…\ntags: ["a"]
 * ```
 */
export async function printObject(ctx: Context, value: object): Promise<void> {
  if (ctx.out.mode.json) return ctx.out.json(value);
  for (const [key, field] of Object.entries(value)) {
    if (field === undefined) continue;
    await ctx.out.line(
      `${key}: ${typeof field === "object" && field !== null ? JSON.stringify(field) : String(field)}`,
    );
  }
}

/**
 * Adds `details` and `metadata`.
 *
 * @example
 * ```ts
 * registerDetails(new Command("ikit"), () => context);
 * ```
 */
export const registerDetails: Register = (program, ctx) => {
  program
    .command("details")
    .description("a file's details: id, path, size, tags, versions, URL…")
    .argument("<file>", "remote file path or file id")
    .addHelpText("after", "\nExample:\n  ikit details /products/a.jpg --json | jq .tags")
    .action(async (file: string) => {
      const admin = ctx().admin("details");
      await printObject(ctx(), await admin.getFile(await fileIdOf(admin, file)));
    });
  program
    .command("metadata")
    .description("image metadata (dimensions, format, pHash…) of a file, or of a URL with its transformations")
    .argument("<target>", "file id, remote file path, or a URL under your URL endpoint")
    .addHelpText(
      "after",
      "\nExample:\n  ikit metadata /products/a.jpg\n  ikit metadata https://ik.imagekit.io/demo/tr:w-100/a.jpg",
    )
    .action(async (target: string) => {
      const admin = ctx().admin("metadata");
      const meta = /^https?:\/\//.test(target)
        ? await admin.getUrlMetadata(target)
        : await admin.getMetadata(await fileIdOf(admin, target));
      await printObject(ctx(), meta);
    });
};
