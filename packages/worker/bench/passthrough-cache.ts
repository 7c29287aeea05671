// The benchmark's second baseline: the pass-through plus the least a caching Worker does on a miss (one Cache API
// lookup, the body read once, one Cache API write after the response). Under `wrangler dev` both Cache API calls run
// in miniflare's simulation inside the same workerd process, so this is the floor of any caching worker's CPU there.
interface Env {
  ORIGIN: string;
}

export default {
  async fetch(request: Request, env: Env, ctx: { waitUntil(promise: Promise<unknown>): void }): Promise<Response> {
    const url = new URL(request.url);
    const cache = (caches as unknown as { default: Cache }).default;
    const key = new Request(`https://cache.bench${url.pathname}${url.search}`);
    const cached = await cache.match(key);
    if (cached) return cached;
    const upstream = await fetch(`${env.ORIGIN}${url.pathname}${url.search}`);
    const bytes = await upstream.arrayBuffer();
    const headers = new Headers(upstream.headers);
    headers.set("cache-control", "public, max-age=3600");
    ctx.waitUntil(cache.put(key, new Response(bytes, { headers })));
    return new Response(bytes, { status: upstream.status, headers: upstream.headers });
  },
};
