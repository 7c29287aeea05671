// `ikit download` and `ikit cat`: bytes out of ImageKit through delivery URLs, signed with --only-signed (for
// accounts that restrict unsigned URLs) and always for private files.

import { stat } from "node:fs/promises";
import { basename, join } from "node:path";
import type { FileDetails } from "@ikit/core";
import type { Context } from "../context.js";
import { deliveryUrl } from "../delivery.js";
import { CliError } from "../errors.js";
import { numberFlag } from "../flags.js";
import { startProgress } from "../progress.js";
import { resolveRemote, walkRemote } from "../remote.js";
import { remotePath } from "../remote-path.js";
import { fetchBody, fetchToFile } from "../transfer/fetch-file.js";
import { localPath } from "../transfer/local-tree.js";
import { checkRun, runItems } from "../transfer/run-items.js";
import type { Register } from "./command.js";

interface GetOptions {
  onlySigned?: boolean;
  expires?: string;
  tr?: string;
  concurrency?: string;
}

const isDir = (path: string) =>
  stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );

function fileUrl(
  ctx: Context,
  file: { filePath: string; isPrivateFile?: boolean | undefined },
  options: GetOptions,
  command: string,
) {
  return deliveryUrl(
    ctx.config(),
    {
      target: file.filePath,
      tr: options.tr,
      signed: options.onlySigned === true || file.isPrivateFile === true,
      expires: options.expires ?? "600",
    },
    command,
  );
}

async function download(ctx: Context, source: string, dest: string | undefined, options: GetOptions) {
  const { out, signal } = ctx;
  if (/^https?:\/\//.test(source)) {
    const to = dest ?? basename(new URL(source).pathname);
    const target = (await isDir(to)) ? join(to, basename(new URL(source).pathname)) : to;
    await fetchToFile(fileUrl(ctx, { filePath: source }, options, "download"), target);
    return report(ctx, [{ from: source, to: target }]);
  }
  const admin = ctx.admin("download");
  const found = await resolveRemote(admin, source);
  if (found.kind === "file") {
    const to = dest ?? found.file.name ?? "download";
    const target = (await isDir(to)) ? join(to, found.file.name ?? "download") : to;
    await fetchToFile(
      fileUrl(ctx, { filePath: found.path, isPrivateFile: found.file.isPrivateFile }, options, "download"),
      target,
    );
    return report(ctx, [{ from: found.path, to: target }]);
  }
  const root = dest ?? (basename(found.path) || ".");
  const files: (FileDetails & { path: string })[] = [];
  for await (const item of walkRemote(admin, found.path, { recursive: true, versions: false, foldersOnly: false })) {
    if (item.type !== "folder" && item.filePath)
      files.push({ ...item, path: remotePath(item.filePath) } as FileDetails & { path: string });
  }
  const prefix = found.path === "/" ? "/" : `${found.path}/`;
  const progress = startProgress(out, "download", files.length);
  const result = await runItems(
    files,
    numberFlag(options.concurrency, "--concurrency", 1) ?? 8,
    progress,
    signal,
    async (file) => {
      const to = localPath(root, file.path.slice(prefix.length));
      await fetchToFile(
        fileUrl(ctx, { filePath: file.path, isPrivateFile: file.isPrivateFile }, options, "download"),
        to,
      );
      return { action: "downloaded", path: file.path };
    },
  );
  checkRun(result, files.length, "download", "run the same download again");
  if (!out.mode.json) out.note(`downloaded ${files.length} file(s) into ${root}`);
}

async function report(ctx: Context, done: { from: string; to: string }[]) {
  if (ctx.out.mode.json) await ctx.out.json({ downloaded: done });
  else for (const d of done) ctx.out.note(`downloaded ${d.from} to ${d.to}`);
}

/**
 * Adds `download` and `cat`.
 *
 * @example
 * ```ts
 * registerDownload(new Command("ikit"), () => context);
 * ```
 */
export const registerDownload: Register = (program, ctx) => {
  program
    .command("download")
    .description("download a file, or a folder with everything in it, through delivery URLs")
    .argument("<source>", "remote file or folder, or a URL")
    .argument("[dest]", "local file or folder (default: the remote name, here)")
    .option("--only-signed", "sign every URL (for accounts that restrict unsigned URLs)")
    .option("--expires <seconds>", "lifetime of signed URLs", "600")
    .option("--tr <transformation>", "download a transformed version")
    .option("-c, --concurrency <n>", "downloads at once, for a folder", "8")
    .addHelpText(
      "after",
      "\nExample:\n  ikit download /products/a.jpg ./a.jpg --only-signed\n  ikit download /products ./backup",
    )
    .action((source: string, dest: string | undefined, options: GetOptions) => download(ctx(), source, dest, options));
  program
    .command("cat")
    .description("write a file's bytes to stdout")
    .argument("<source>", "remote file path (under the URL endpoint) or a URL")
    .option("--only-signed", "sign the URL (for accounts that restrict unsigned URLs, and private files)")
    .option("--expires <seconds>", "lifetime of the signed URL", "600")
    .option("--tr <transformation>", "a transformed version")
    .addHelpText("after", "\nExample:\n  ikit cat /notes/todo.txt\n  ikit cat /private/a.jpg --only-signed > a.jpg")
    .action(async (source: string, options: GetOptions) => {
      const { out } = ctx();
      const url = fileUrl(ctx(), { filePath: source }, options, "cat");
      // Streamed: a cut before the first byte is retried; after it, stdout holds a prefix, so the error says so.
      let written = 0;
      await fetchBody(url, async (body) => {
        try {
          for await (const chunk of body) {
            await out.bytes(chunk as Uint8Array);
            written += (chunk as Uint8Array).length;
          }
        } catch (error) {
          if (written === 0) throw error;
          throw new CliError("REMOTE", `the connection was cut after ${written} bytes reached stdout; run cat again.`);
        }
      });
    });
};
