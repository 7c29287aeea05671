import type { ResolvedConfig } from "../config.js";
import { bindingOf } from "../env.js";
import { refuse } from "../http/refusal.js";
import { edgeCache, type KeyValueStore } from "../runtime.js";

/**
 * Remembers deliveries already taken, outside any isolate, for as long as a replay could still pass the clock check.
 *
 * @example
 * ```ts
 * if (await guard.seen(id)) refuse(409, "webhook_replayed", "…");
 * await guard.take(id, 600);
 * ```
 */
export interface ReplayGuard {
  /** True when `id` was taken before (or is being taken now). */
  seen(id: string): Promise<boolean>;
  /** Takes `id` for `seconds`. */
  take(id: string, seconds: number): Promise<void>;
  /** Gives `id` back, so ImageKit's retry of a delivery whose handler failed is handled. */
  release(id: string): Promise<void>;
}

/** Cache API keys live under a host that can never be fetched. */
function cacheKeyOf(id: string): Request {
  return new Request(`https://ikit-webhook-replay.invalid/${encodeURIComponent(id)}`);
}

/** The Cache API: no binding needed, consistent at once within a Cloudflare location, not shared between locations. */
const cacheGuard: ReplayGuard = {
  seen: async (id) => (await edgeCache().match(cacheKeyOf(id))) !== undefined,
  take: (id, seconds) =>
    edgeCache().put(cacheKeyOf(id), new Response("taken", { headers: { "cache-control": `max-age=${seconds}` } })),
  release: async (id) => {
    await edgeCache().delete(cacheKeyOf(id));
  },
};

/** Workers KV: shared by every location, but a write may take up to 60 s to be seen in another one. */
function kvGuard(kv: KeyValueStore): ReplayGuard {
  return {
    seen: async (id) => (await kv.get(`webhook:${id}`)) !== null,
    // KV's shortest expiration is 60 s.
    take: (id, seconds) => kv.put(`webhook:${id}`, "taken", { expirationTtl: Math.max(60, seconds) }),
    release: (id) => kv.delete(`webhook:${id}`),
  };
}

/**
 * The {@link ReplayGuard} the configuration names: the Cache API by default, or a KV namespace binding.
 *
 * @example
 * ```ts
 * const guard = replayGuard(env, config.webhook);
 * if (await guard.seen(id)) return problem(409, "webhook_replayed", "…");
 * ```
 */
export function replayGuard(env: unknown, webhook: NonNullable<ResolvedConfig["webhook"]>): ReplayGuard {
  const store = webhook.replayStore;
  if (store === "cache") return cacheGuard;
  const kv = bindingOf<KeyValueStore>(env, store.kv);
  if (typeof kv?.get !== "function") {
    refuse(
      500,
      "misconfigured",
      `the KV binding ${store.kv} is missing: add it under "kv_namespaces" in your wrangler config.`,
    );
  }
  return kvGuard(kv);
}
