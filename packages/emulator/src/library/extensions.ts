// ImageKit's extensions (auto-tagging, background removal, AI description…) as the emulator runs them: names checked,
// nothing computed, reported successful. Both the upload API and the details update start them here.
import { apiErrors } from "../errors/imagekit-errors.js";
import { sendWebhook } from "./webhooks.js";

const EXTENSIONS = [
  "remove-bg",
  "google-auto-tagging",
  "aws-auto-tagging",
  "ai-auto-description",
  "ai-tasks",
  "saved-extension",
] as const;

/**
 * An extension's name.
 *
 * @example
 * ```ts
 * const name: ExtensionName = "google-auto-tagging";
 * ```
 */
export type ExtensionName = (typeof EXTENSIONS)[number];

/** An extension's state when the request that asked for it is answered, as ImageKit reports it. */
export type ExtensionStatus = Partial<Record<ExtensionName, "success" | "pending" | "failed">>;

/**
 * Checks `extensions`: an array of `{ name, … }` with known names (auto-tagging needs `maxTags` and
 * `minConfidence`). Returns the names.
 *
 * @example
 * ```ts
 * checkExtensions([{ name: "remove-bg" }]); // ["remove-bg"]
 * ```
 */
export function checkExtensions(value: unknown): ExtensionName[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw apiErrors.invalidParameter("extensions", "expected a JSON array");
  const names = value.map((extension) => {
    const name = (extension as { name?: unknown })?.name;
    if (typeof name !== "string" || !(EXTENSIONS as readonly string[]).includes(name)) {
      throw apiErrors.invalidParameter(
        "extensions",
        `extension name ${JSON.stringify(name)?.slice(0, 100)} is not one of ${EXTENSIONS.join(", ")}`,
      );
    }
    if ((name === "google-auto-tagging" || name === "aws-auto-tagging") && extension.maxTags === undefined) {
      throw apiErrors.invalidParameter("extensions", `${name} needs maxTags and minConfidence`);
    }
    return name as ExtensionName;
  });
  // Each extension sends a webhook: a name listed a thousand times still runs, and is reported, once.
  return [...new Set(names)];
}

/**
 * Starts `extensions` on a file and returns their status for the response (`undefined` when none were asked for):
 * `pending` with a `webhookUrl`, which then gets one signed POST per extension (`{ service, status: "SUCCESS",
 * fileObject }`, ImageKit's payload for extension results), else `success` at once.
 *
 * @example
 * ```ts
 * const status = startExtensions(app, ["remove-bg"], webhookUrl, details); // { "remove-bg": "pending" }
 * ```
 */
export function startExtensions(
  app: { settings: { webhookSecret: string }; spawn(task: () => Promise<unknown>): void },
  extensions: ExtensionName[],
  webhookUrl: string | undefined,
  fileObject: Record<string, unknown>,
): ExtensionStatus | undefined {
  if (extensions.length === 0) return undefined;
  if (webhookUrl) {
    const { webhookSecret } = app.settings;
    app.spawn(async () => {
      for (const service of extensions) {
        await sendWebhook(webhookUrl, { service, status: "SUCCESS", fileObject }, webhookSecret);
      }
    });
  }
  return Object.fromEntries(extensions.map((name) => [name, webhookUrl ? "pending" : "success"]));
}
