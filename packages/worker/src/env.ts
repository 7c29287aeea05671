import { refuse } from "./http/refusal.js";

/**
 * What the worker reads from its environment: secrets (`wrangler secret put …`, `.dev.vars` locally) and bindings
 * named in the configuration. Secrets are read per request and never copied into a response, a log line or an error.
 *
 * @example
 * ```ts
 * // wrangler secret put IMAGEKIT_PRIVATE_KEY
 * const env: ImageWorkerEnv = { IMAGEKIT_PRIVATE_KEY: "private_…" };
 * ```
 */
export interface ImageWorkerEnv {
  /** Your ImageKit private key, as a Worker secret. Signs every URL and upload token. */
  IMAGEKIT_PRIVATE_KEY?: string;
  /** The webhook secret from ImageKit's dashboard, as a Worker secret; needed by `/webhook`. */
  IMAGEKIT_WEBHOOK_SECRET?: string;
  /** The shared secret server code sends as `Authorization: Bearer …` to `POST /sign`. */
  IKIT_SIGN_SECRET?: string;
}

/**
 * The names of the secrets, for messages that say which one to set.
 *
 * @example
 * ```ts
 * const name: SecretName = "IMAGEKIT_PRIVATE_KEY";
 * ```
 */
export type SecretName = keyof ImageWorkerEnv;

/**
 * A secret from `env`, or `undefined` when it is not set (or not a non-empty string).
 *
 * @example
 * ```ts
 * secretOf({ IMAGEKIT_PRIVATE_KEY: "" }, "IMAGEKIT_PRIVATE_KEY"); // undefined
 * ```
 */
export function secretOf(env: unknown, name: SecretName): string | undefined {
  const value = (env as Record<string, unknown> | undefined)?.[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

/**
 * A binding from `env` by the name the configuration gives it.
 *
 * @example
 * ```ts
 * const limiter = bindingOf<RateLimiter>(env, "AUTH_RATE_LIMITER");
 * ```
 */
export function bindingOf<T>(env: unknown, name: string): T | undefined {
  const value = (env as Record<string, unknown> | undefined)?.[name];
  return value == null ? undefined : (value as T);
}

/**
 * A secret from `env`, or a 500 `misconfigured` refusal that says how to set it (the only 5xx the worker answers on
 * purpose: the deployment, not the request, is wrong).
 *
 * @example
 * ```ts
 * const privateKey = requireSecret(env, "IMAGEKIT_PRIVATE_KEY");
 * ```
 */
export function requireSecret(env: unknown, name: SecretName): string {
  return (
    secretOf(env, name) ??
    refuse(
      500,
      "misconfigured",
      `the ${name} secret is not set: run \`wrangler secret put ${name}\` (locally, add it to .dev.vars).`,
    )
  );
}
