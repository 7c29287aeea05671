// The test projects @ikit/admin declares, referenced from the root vitest.config.ts. Its Node tests
// (test/*.test.ts) run in the root `node` project; this adds admin-workerd: the same client suite inside the Workers
// runtime, against an emulator the global setup starts in Node.
import { resolve } from "node:path";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineProject } from "vitest/config";

const root = import.meta.dirname;

export default [
  defineProject({
    plugins: [cloudflareTest({ wrangler: { configPath: resolve(root, "test/workerd/wrangler.jsonc") } })],
    test: {
      name: "admin-workerd",
      root,
      globalSetup: [resolve(root, "test/workerd/global-setup.ts")],
      include: ["test/workerd/**/*.workerd.ts"],
    },
  }),
];
