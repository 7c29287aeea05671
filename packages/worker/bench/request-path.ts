// The worker's own JavaScript per image request, without I/O: `bench/request-path.bench.mjs` asks this Worker to
// run n requests through `createImageWorker` in redirect mode (routing, checks, URL building, the signature and the
// 302 response, everything a miss does before and besides its fetch and Cache API calls), or only to build the n
// requests (the baseline to subtract).
import { createImageWorker } from "../src/index.js";

const worker = createImageWorker({
  urlEndpoint: "https://ik.imagekit.io/bench",
  mode: "redirect",
  allow: { paths: ["/bench/"], widths: [640], snapWidths: true },
});

export default {
  async fetch(request: Request, env: { IMAGEKIT_PRIVATE_KEY: string }): Promise<Response> {
    const query = new URL(request.url).searchParams;
    const n = Math.min(Number(query.get("n")) || 1, 100_000);
    const baseline = query.get("op") === "baseline";
    const ctx = { waitUntil: () => {} };
    for (let i = 0; i < n; i++) {
      const image = new Request(`https://shop.example/img/bench/${i}.jpg?w=700`);
      if (baseline) continue;
      const response = await worker.fetch(image, env, ctx);
      if (response.status !== 302) return response;
    }
    return new Response(String(n));
  },
};
