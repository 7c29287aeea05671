// Where the CLI's settings come from, strongest first: flags, the environment, a config file. The private key is
// read here and handed only to the API client and the signers; nothing prints a Config.
import { readFileSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import { CliError, isNodeError } from "./errors.js";

/**
 * The settings a command may need, resolved from flags, environment and the config file.
 *
 * @example
 * ```ts
 * const config = resolveConfig({ urlEndpoint: "https://ik.imagekit.io/demo" }, process.env);
 * ```
 */
export interface Config {
  privateKey: string | undefined;
  publicKey: string | undefined;
  urlEndpoint: string | undefined;
  /** Where `/v1/…` lives. @default "https://api.imagekit.io" */
  apiBase: string;
  /** The upload API. @default "https://upload.imagekit.io/api/v1/files/upload" */
  uploadUrl: string;
}

/**
 * The settings that can be given as flags (global options of every command).
 *
 * @example
 * ```ts
 * const flags: ConfigFlags = { config: "./ikit.json", apiBase: "http://127.0.0.1:3030" };
 * ```
 */
export interface ConfigFlags {
  privateKey?: string;
  publicKey?: string;
  urlEndpoint?: string;
  apiBase?: string;
  uploadBase?: string;
  /** A config file to read (its absence is then an error). */
  config?: string;
}

const FILE_KEYS = ["privateKey", "publicKey", "urlEndpoint", "apiBase", "uploadBase"] as const;
type FileConfig = Partial<Record<(typeof FILE_KEYS)[number], string>>;

/**
 * The default config file: `$XDG_CONFIG_HOME/ikit/config.json`, else `~/.config/ikit/config.json`.
 *
 * @example
 * ```ts
 * defaultConfigPath({ HOME: "/home/me" }); // "/home/me/.config/ikit/config.json"
 * ```
 */
function defaultConfigPath(env: NodeJS.ProcessEnv): string {
  return join(env.XDG_CONFIG_HOME || join(env.HOME || homedir(), ".config"), "ikit", "config.json");
}

function readConfigFile(path: string, required: boolean): FileConfig {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if (!required && isNodeError(error) && error.code === "ENOENT") return {};
    throw new CliError("BAD_CONFIG", `cannot read the config file ${path}: ${(error as Error).message}`, path);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    // The parser's message quotes the text, which may hold the key: say only where it is wrong.
    throw new CliError("BAD_CONFIG", `the config file ${path} is not valid JSON; fix it or remove it.`, path);
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new CliError(
      "BAD_CONFIG",
      `the config file ${path} must hold a JSON object like {"urlEndpoint": "…"}.`,
      path,
    );
  }
  const out: FileConfig = {};
  for (const [key, value] of Object.entries(parsed)) {
    if (!(FILE_KEYS as readonly string[]).includes(key)) {
      throw new CliError(
        "BAD_CONFIG",
        `the config file ${path} has an unknown key ${JSON.stringify(key)}; known keys: ${FILE_KEYS.join(", ")}.`,
        key,
      );
    }
    if (typeof value !== "string") {
      throw new CliError("BAD_CONFIG", `${key} in the config file ${path} must be a string.`, key);
    }
    out[key as keyof FileConfig] = value;
  }
  return out;
}

function checkUrl(value: string, what: string): string {
  if (!/^https?:\/\/[^/]/.test(value)) {
    throw new CliError("BAD_CONFIG", `${what} must be an http(s) URL (got ${JSON.stringify(value)}).`, value);
  }
  return value.replace(/\/+$/, "");
}

/**
 * Resolves the settings: a flag wins over `IMAGEKIT_*` environment variables, which win over the config file
 * (`--config`, `IKIT_CONFIG`, or the default path when it exists). Without an upload base, uploads go to the API
 * base when one is set (as `@imagekit/nodejs` does), else to ImageKit's upload host.
 *
 * @example
 * ```ts
 * const { apiBase, uploadUrl } = resolveConfig({}, { IMAGEKIT_API_BASE: "http://127.0.0.1:3030" });
 * // uploadUrl: "http://127.0.0.1:3030/api/v1/files/upload"
 * ```
 */
export function resolveConfig(flags: ConfigFlags, env: NodeJS.ProcessEnv): Config {
  const explicit = flags.config ?? env.IKIT_CONFIG;
  const file = readConfigFile(explicit ?? defaultConfigPath(env), explicit !== undefined);
  const pick = (flag: string | undefined, name: string, fromFile: string | undefined) =>
    flag || env[name] || fromFile || undefined;
  const apiBaseSet = pick(flags.apiBase, "IMAGEKIT_API_BASE", file.apiBase);
  const uploadBase = pick(flags.uploadBase, "IMAGEKIT_UPLOAD_BASE", file.uploadBase);
  const apiBase = apiBaseSet ? checkUrl(apiBaseSet, "the API base") : "https://api.imagekit.io";
  const uploadHost = uploadBase
    ? checkUrl(uploadBase, "the upload base")
    : apiBaseSet
      ? apiBase
      : "https://upload.imagekit.io";
  const endpoint = pick(flags.urlEndpoint, "IMAGEKIT_URL_ENDPOINT", file.urlEndpoint);
  return {
    privateKey: pick(flags.privateKey, "IMAGEKIT_PRIVATE_KEY", file.privateKey),
    publicKey: pick(flags.publicKey, "IMAGEKIT_PUBLIC_KEY", file.publicKey),
    urlEndpoint: endpoint ? checkUrl(endpoint, "the URL endpoint") : undefined,
    apiBase,
    uploadUrl: `${uploadHost}/api/v1/files/upload`,
  };
}

const WHERE = {
  privateKey: ["IMAGEKIT_PRIVATE_KEY", "privateKey", "--private-key"],
  publicKey: ["IMAGEKIT_PUBLIC_KEY", "publicKey", "--public-key"],
  urlEndpoint: ["IMAGEKIT_URL_ENDPOINT", "urlEndpoint", "--url-endpoint"],
} as const;

/**
 * The setting, or a MISSING_CONFIG error that says the three ways to give it.
 *
 * @example
 * ```ts
 * const privateKey = need(config, "privateKey", "ls");
 * ```
 */
export function need(config: Config, key: keyof typeof WHERE, command: string): string {
  const value = config[key];
  if (value) return value;
  const [variable, fileKey, flag] = WHERE[key];
  throw new CliError(
    "MISSING_CONFIG",
    `\`ikit ${command}\` needs your ${key}: set ${variable}, or "${fileKey}" in the config file, or pass ${flag}.`,
    key,
  );
}
