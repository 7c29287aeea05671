// The test projects of @ikit/upload, referenced from the root vitest.config.ts:
// - upload-unit: layers one by one under happy-dom (validation, form, replies, retries with a scripted fetch);
// - upload-node, upload-workerd: the end-to-end suite over real HTTP against the emulator, fetch transport;
// - upload-chromium: the same suite plus browser-only tests (XHR progress, 20 MB, abort, queue under faults, parity).
// Each project starts its own emulator and token server in Node (test/support/global-setup.ts).
import { resolve } from "node:path";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineProject } from "vitest/config";
import { chromiumBrowser } from "../../vitest.workspace.ts";

const root = import.meta.dirname;
const globalSetup = [resolve(root, "test/support/global-setup.ts")];
const e2e = ["test/e2e/**/*.test.ts"];
// End-to-end files share one emulator per project, and some change its faults: one file at a time.
const shared = { root, globalSetup, fileParallelism: false };

export default [
  defineProject({ test: { name: "upload-unit", root, environment: "happy-dom", include: ["test/unit/**/*.test.ts"] } }),
  defineProject({ test: { ...shared, name: "upload-node", environment: "node", include: e2e } }),
  defineProject({
    plugins: [cloudflareTest({ wrangler: { configPath: resolve(root, "test/workerd/wrangler.jsonc") } })],
    test: { ...shared, name: "upload-workerd", include: e2e },
  }),
  defineProject({
    // Pre-bundled up front: discovering it mid-run makes Vite reload the page under the tests.
    optimizeDeps: { include: ["@imagekit/javascript"] },
    test: {
      ...shared,
      name: "upload-chromium",
      include: [...e2e, "test/browser/**/*.test.ts"],
      browser: chromiumBrowser(),
    },
  }),
];
