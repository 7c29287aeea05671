// `ikit url`, `ikit sign` and `ikit auth`: URLs and upload credentials, built locally with @ikit/core (no request).
import { deliveryUrl, uploadAuth } from "../delivery.js";
import type { Register } from "./command.js";
import { printObject } from "./details.js";

interface UrlOptions {
  tr?: string;
  expires?: string;
}

/**
 * Adds `url`, `sign` and `auth`.
 *
 * @example
 * ```ts
 * registerUrls(new Command("ikit"), () => context);
 * ```
 */
export const registerUrls: Register = (program, ctx) => {
  program
    .command("url")
    .description("build a delivery URL, with a transformation")
    .argument("<path>", "a path under the URL endpoint, or a full URL")
    .option("--tr <transformation>", 'ImageKit transformation, steps chained with ":", e.g. "w-300,h-200:rt-90"')
    .addHelpText("after", "\nExample:\n  ikit url /products/a.jpg --tr w-300,h-200")
    .action(async (path: string, options: UrlOptions) => {
      const built = deliveryUrl(ctx().config(), { target: path, tr: options.tr, signed: false }, "url");
      await (ctx().out.mode.json ? ctx().out.json({ url: built }) : ctx().out.line(built));
    });
  program
    .command("sign")
    .description("build a signed delivery URL (for private files and restricted unsigned URLs)")
    .argument("<path>", "a path under the URL endpoint, or a full URL")
    .option("--expires <seconds>", "seconds until the URL stops working (default: never)")
    .option("--tr <transformation>", "ImageKit transformation")
    .addHelpText("after", "\nExample:\n  ikit sign /private/report.pdf --expires 600")
    .action(async (path: string, options: UrlOptions) => {
      const signed = deliveryUrl(
        ctx().config(),
        { target: path, tr: options.tr, signed: true, expires: options.expires },
        "sign",
      );
      await (ctx().out.mode.json ? ctx().out.json({ url: signed }) : ctx().out.line(signed));
    });
  program
    .command("auth")
    .description("print upload auth parameters (token, expire, signature) for a client-side upload")
    .option("--expires <seconds>", "seconds until they expire (at most 3600; default 1800)")
    .addHelpText("after", "\nExample:\n  ikit auth --json")
    .action(async (options: UrlOptions) => {
      await printObject(ctx(), await uploadAuth(ctx().config(), options.expires));
    });
};
