// The test projects of @ikit/worker, referenced from the root vitest.config.ts:
// - worker-workerd: every route inside the Workers runtime (vitest-pool-workers), against real upstreams started in
//   Node by test/support/global-setup.ts (two emulators that refuse unsigned URLs, and a test site);
// - worker-node: what needs wrangler itself: `wrangler deploy --dry-run` of the ready worker and the end-to-end run of
//   `wrangler dev` in front of the emulator.
import { resolve } from "node:path";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineProject } from "vitest/config";

const root = import.meta.dirname;

export default [
  defineProject({
    plugins: [
      cloudflareTest(({ inject }) => {
        const { privateKey, webhookSecret, signSecret } = inject("workerSecrets");
        const { urlEndpoint } = inject("worker");
        return {
          wrangler: { configPath: resolve(root, "test/workerd/wrangler.jsonc") },
          miniflare: {
            bindings: {
              IMAGEKIT_PRIVATE_KEY: privateKey,
              IMAGEKIT_WEBHOOK_SECRET: webhookSecret,
              IKIT_SIGN_SECRET: signSecret,
              IMAGEKIT_URL_ENDPOINT: urlEndpoint,
            },
          },
        };
      }),
    ],
    test: {
      name: "worker-workerd",
      root,
      globalSetup: [resolve(root, "test/support/global-setup.ts")],
      setupFiles: [resolve(root, "test/workerd/capture-logs.ts")],
      // The files share the emulators and read their request logs: one file at a time.
      fileParallelism: false,
      include: ["test/workerd/**/*.test.ts"],
    },
  }),
  defineProject({
    test: {
      name: "worker-node",
      root,
      environment: "node",
      include: ["test/node/**/*.test.ts"],
      testTimeout: 120_000,
      hookTimeout: 120_000,
    },
  }),
];
