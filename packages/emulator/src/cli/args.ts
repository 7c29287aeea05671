import { parseArgs } from "node:util";
import type { Emulator, EmulatorOptions } from "../emulator.js";
import { EmulatorError } from "../errors/emulator-error.js";
import { DEFAULT_LIMITS, flagOf, type Limits } from "../limits.js";

const LIMITS = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];

/** The CLI's usage text. */
export const USAGE = `Usage: ikit-emulator [--port 3030] [--data ./.ikit-data] [--public-key KEY] [--private-key KEY]
                     [--webhook-secret SECRET] [--id emulator] [--restrict-unsigned-urls]
                     [--<limit> N ...]

A local ImageKit-compatible server on 127.0.0.1. Without --data everything lives in memory.

Limits (what one request may cost; defaults in brackets):
${LIMITS.map((name) => `  ${flagOf(name).padEnd(28)} [${DEFAULT_LIMITS[name]}]`).join("\n")}`;

/**
 * Turns `ikit-emulator` arguments into {@link EmulatorOptions} (`"help"` for `--help`); each limit has a flag
 * (`maxOutputPixels` → `--max-output-pixels`). Unknown flags, a bad port and a limit that is not a positive integer
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
        ...Object.fromEntries(LIMITS.map((name) => [flagOf(name).slice(2), { type: "string" as const }])),
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
  for (const name of LIMITS) {
    const text = values[flagOf(name).slice(2)];
    if (text === undefined) continue;
    if (typeof text !== "string" || !/^[1-9]\d*$/.test(text))
      throw new EmulatorError(
        "INVALID_OPTION",
        `${flagOf(name)} must be a positive integer (got ${String(text)}).`,
        text,
      );
    options[name] = Number(text);
  }
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
