// `ikit purge <url>`: asks the CDN to drop a URL, then follows the purge until it is Completed.
import type { Register } from "./command.js";

interface PurgeOptions {
  wait: boolean;
}

/**
 * Adds `purge`.
 *
 * @example
 * ```ts
 * registerPurge(new Command("ikit"), () => context);
 * ```
 */
export const registerPurge: Register = (program, ctx) => {
  program
    .command("purge")
    .description("purge a URL from the CDN cache and wait until the purge is complete")
    .argument("<url>", "the full URL to purge")
    .option("--no-wait", "print the purge request id without waiting")
    .addHelpText("after", "\nExample:\n  ikit purge https://ik.imagekit.io/demo/products/a.jpg")
    .action(async (url: string, options: PurgeOptions) => {
      const { out } = ctx();
      const admin = ctx().admin("purge");
      const { requestId } = await admin.purge(url);
      const status = options.wait
        ? (await admin.waitForPurge(requestId, { interval: 250, timeout: 300_000 })).status
        : (await admin.purgeStatus(requestId)).status;
      if (out.mode.json) await out.json({ requestId, status });
      else await out.line(`purge ${requestId}: ${status}`);
    });
};
