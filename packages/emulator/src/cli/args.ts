import { parseArgs } from "node:util";
import type { Emulator, EmulatorOptions } from "../emulator.js";
import { EmulatorError } from "../errors/emulator-error.js";

/** The CLI's usage text. */
export const USAGE = `Usage: ikit-emulator [--port 3030] [--data ./.ikit-data] [--public-key KEY] [--private-key KEY]
                     [--webhook-secret SECRET] [--id emulator] [--restrict-unsigned-urls]

A local ImageKit-compatible server on 127.0.0.1. Without --data everything lives in memory.`;

/**
 * Turns `ikit-emulator` arguments into {@link EmulatorOptions} (`"help"` for `--help`); unknown flags and a bad port
 * throw an `EmulatorError` coded `INVALID_OPTION`.
 *
 * @example
 * ```ts
 * parseCliArgs(["--port", "3030", "--data", "./.ikit-data"]); // { port: 3030, data: "./.ikit-data" }
 * ```
 */
export function parseCliArgs(argv: string[]): EmulatorOptions | "help" {
  let values: ReturnType<typeof parseArgs>["values"];
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        port: { type: "string", default: "3030" },
        data: { type: "string" },
        "public-key": { type: "string" },
        "private-key": { type: "string" },
        "webhook-secret": { type: "string" },
        id: { type: "string" },
        "restrict-unsigned-urls": { type: "boolean" },
        help: { type: "boolean", short: "h" },
      },
    }));
  } catch (error) {
    throw new EmulatorError("INVALID_OPTION", `${(error as Error).message}\n\n${USAGE}`);
  }
  if (values.help) return "help";
  const port = Number(values.port);
  if (!/^\d+$/.test(String(values.port)) || port > 65535)
    throw new EmulatorError("INVALID_OPTION", `--port must be 0 to 65535 (got ${String(values.port)}).`);
  const options: EmulatorOptions = { port };
  if (typeof values.data === "string") options.data = values.data;
  if (typeof values["public-key"] === "string") options.publicKey = values["public-key"];
  if (typeof values["private-key"] === "string") options.privateKey = values["private-key"];
  if (typeof values["webhook-secret"] === "string") options.webhookSecret = values["webhook-secret"];
  if (typeof values.id === "string") options.imagekitId = values.id;
  if (values["restrict-unsigned-urls"] === true) options.restrictUnsignedUrls = true;
  return options;
}

/**
 * The startup banner: endpoints and keys. Printing the keys here is deliberate: the developer who starts the emulator
 * needs them to configure an app; nothing else ever prints or returns the private key or webhook secret.
 *
 * @example
 * ```ts
 * console.log(banner(emu, "./.ikit-data"));
 * ```
 */
export function banner(emu: Emulator, data: string | undefined): string {
  return `ikit-emulator listening on ${emu.apiBase}
  URL endpoint:   ${emu.urlEndpoint}
  Upload URL:     ${emu.uploadUrl}
  API base:       ${emu.apiBase}
  Public key:     ${emu.publicKey}
  Private key:    ${emu.privateKey}
  Webhook secret: ${emu.webhookSecret}
  Storage:        ${data ?? "in memory"}`;
}
