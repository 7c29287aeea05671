import type { ResolvedConfig } from "../config.js";
import { bindingOf } from "../env.js";
import { refuse } from "../http/refusal.js";
import { edgeCache, type KeyValueStore } from "../runtime.js";

/**
 * Remembers deliveries already taken, outside any isolate, for as long as a replay could still pass the clock check.
 *
 * @example
 * ```ts
 * if (!(await guard.take(id, 600))) refuse(409, "webhook_replayed", "…");
 * ```
 */
export interface ReplayGuard {
  /** Takes `id` for `seconds`; false when it was taken before or is being taken now. */
  take(id: string, seconds: number): Promise<boolean>;
  /** Gives `id` back, so ImageKit's retry of a delivery whose handler failed is handled. */
  release(id: string): Promise<void>;
}

/** Where taken ids are kept beyond the isolate. */
interface SharedStore {
  has(id: string): Promise<boolean>;
  put(id: string, seconds: number): Promise<void>;
  delete(id: string): Promise<void>;
}

/** Ids this isolate took, with when they may be forgotten (ms): bounded, oldest dropped first. */
const local = new Map<string, number>();
const LOCAL_LIMIT = 10_000;

/**
 * The shared store behind a per-isolate memory. The memory makes check-then-record atomic for deliveries racing in one
 * isolate (the shared stores offer no compare-and-set), and still refuses replays here where the shared store keeps
 * nothing.
 */
function guardOver(shared: SharedStore): ReplayGuard {
  return {
    async take(id, seconds) {
      const now = Date.now();
      const until = local.get(id);
      if (until !== undefined && until > now) return false;
      local.delete(id);
      local.set(id, now + seconds * 1000);
      if (local.size > LOCAL_LIMIT) local.delete(local.keys().next().value as string);
      try {
        if (await shared.has(id)) return false;
        await shared.put(id, seconds);
        return true;
      } catch (error) {
        // Not taken after all: ImageKit's retry must get through.
        local.delete(id);
        throw error;
      }
    },
    async release(id) {
      local.delete(id);
      await shared.delete(id);
    },
  };
}

/** Cache API keys live under a host that can never be fetched. */
function cacheKeyOf(id: string): Request {
  return new Request(`https://ikit-webhook-replay.invalid/${encodeURIComponent(id)}`);
}

let cacheChecked = false;

/** The Cache API: no binding needed, consistent at once within a Cloudflare location, not shared between locations. */
const cacheGuard = guardOver({
  has: async (id) => (await edgeCache().match(cacheKeyOf(id))) !== undefined,
  async put(id, seconds) {
    const key = cacheKeyOf(id);
    await edgeCache().put(key, new Response("taken", { headers: { "cache-control": `max-age=${seconds}` } }));
    // On a workers.dev route the Cache API keeps nothing; say so once, in the log, where the fix can be read.
    if (!cacheChecked) {
      cacheChecked = true;
      if ((await edgeCache().match(key)) === undefined) {
        console.warn(
          'ikit-worker: the Cache API kept nothing here (a workers.dev route?), so webhook replays are remembered only per isolate; set webhook.replayStore to { kv: "BINDING" }.',
        );
      }
    }
  },
  async delete(id) {
    await edgeCache().delete(cacheKeyOf(id));
  },
});

/** Workers KV: shared by every location, but a write may take up to 60 s to be seen in another one. */
function kvGuard(kv: KeyValueStore): ReplayGuard {
  return guardOver({
    has: async (id) => (await kv.get(`webhook:${id}`)) !== null,
    // KV's shortest expiration is 60 s.
    put: (id, seconds) => kv.put(`webhook:${id}`, "taken", { expirationTtl: Math.max(60, seconds) }),
    delete: (id) => kv.delete(`webhook:${id}`),
  });
}

/**
 * The {@link ReplayGuard} the configuration names: the Cache API by default, or a KV namespace binding.
 *
 * @example
 * ```ts
 * const guard = replayGuard(env, config.webhook);
 * if (!(await guard.take(id, 600))) return problem(409, "webhook_replayed", "…");
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
