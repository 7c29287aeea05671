// What every command gets: the output, the global options, and the config and API client made on first use (so
// `ikit url` runs without a private key, and `ikit ls` fails on a missing one before sending anything).
import { AdminClient } from "@ikit/admin";
import { type Config, type ConfigFlags, need, resolveConfig } from "./config.js";
import { numberFlag } from "./flags.js";
import type { Output } from "./output.js";

/**
 * The global options every command accepts.
 *
 * @example
 * ```ts
 * const flags: GlobalFlags = { json: true, quiet: false, verbose: false, retries: "6" };
 * ```
 */
export interface GlobalFlags extends ConfigFlags {
  json?: boolean;
  quiet?: boolean;
  verbose?: boolean;
  /** Retries of each request the API client may repeat (429s always; 5xx only where repeating is harmless). */
  retries?: string;
  /** Milliseconds each request may take. */
  timeout?: string;
}

/**
 * A command's view of the run.
 *
 * @example
 * ```ts
 * const admin = ctx.admin("ls");
 * await ctx.out.line("done");
 * ```
 */
export interface Context {
  out: Output;
  flags: GlobalFlags;
  env: NodeJS.ProcessEnv;
  /** Aborted by Ctrl-C: transfers stop starting new items. */
  signal: AbortSignal;
  config(): Config;
  /** The API client; throws MISSING_CONFIG (exit 3) without a private key. */
  admin(command: string): AdminClient;
}

/** A fetch that logs each request (method, path, status, ms) on stderr with --verbose; never headers or bodies. */
function loggingFetch(out: Output): typeof fetch {
  return async (input, init) => {
    const started = performance.now();
    const url = new URL(input instanceof Request ? input.url : String(input));
    const what = `${init?.method ?? "GET"} ${url.pathname}${url.search}`;
    try {
      const response = await fetch(input, init);
      out.debug(`→ ${what} ${response.status} (${(performance.now() - started).toFixed(0)} ms)`);
      return response;
    } catch (error) {
      out.debug(`→ ${what} failed: ${(error as Error).message}`);
      throw error;
    }
  };
}

/**
 * Builds the context; the config file is read and the client made only when a command asks.
 *
 * @example
 * ```ts
 * const ctx = createContext(out, { verbose: true }, process.env, new AbortController().signal);
 * ```
 */
export function createContext(out: Output, flags: GlobalFlags, env: NodeJS.ProcessEnv, signal: AbortSignal): Context {
  let config: Config | undefined;
  let admin: AdminClient | undefined;
  const ctx: Context = {
    out,
    flags,
    env,
    signal,
    config() {
      if (!config) {
        config = resolveConfig(flags, env);
        if (config.privateKey) out.secrets.push(config.privateKey);
      }
      return config;
    },
    admin(command) {
      if (admin) return admin;
      const resolved = ctx.config();
      const privateKey = need(resolved, "privateKey", command);
      admin = new AdminClient({
        privateKey,
        apiBase: resolved.apiBase,
        uploadUrl: resolved.uploadUrl,
        retries: numberFlag(flags.retries, "--retries") ?? 6,
        timeout: numberFlag(flags.timeout, "--timeout") ?? 60_000,
        maxRetryDelay: 10_000,
        ...(flags.verbose ? { fetch: loggingFetch(out) } : {}),
      });
      return admin;
    },
  };
  return ctx;
}
