import { resolve } from "node:path";
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { playwright } from "@vitest/browser-playwright";
import { configDefaults, defineProject } from "vitest/config";
import { chromiumArgs, chromiumPath } from "./scripts/chromium.mjs";

// The test projects every package reuses: Node, workerd (the Workers runtime) and a real Chromium.
// Fixtures from ../shared (the official conformance vectors) are imported through the `@shared` alias.
const shared = resolve(import.meta.dirname, "../shared");
const alias = { "@shared": shared };
// Tests that must hold in every runtime: URL building, conformance vectors, parsing, signing, webhooks.
const isomorphic = [
  "packages/core/test/conformance.test.ts",
  "packages/core/test/hostile-signing.test.ts",
  "packages/core/test/parse-transformation.test.ts",
  "packages/core/test/path.test.ts",
  "packages/core/test/sign.test.ts",
  "packages/core/test/webhook.test.ts",
];

/** A headless Debian Chromium driven by Playwright, for every package's browser project (fresh: Vitest mutates it). */
export const chromiumBrowser = () => ({
  enabled: true,
  headless: true,
  screenshotFailures: false,
  provider: playwright({
    launchOptions: { executablePath: chromiumPath, args: chromiumArgs },
  }),
  instances: [{ browser: "chromium" as const }],
});

export default [
  defineProject({
    resolve: { alias },
    test: {
      name: "node",
      environment: "node",
      include: ["packages/*/test/**/*.test.ts"],
      // Packages that declare their own projects (packages/<name>/vitest.projects.ts).
      exclude: [
        ...configDefaults.exclude,
        "packages/upload/**",
        "packages/worker/**",
        "packages/vue/**",
        "packages/react/**",
        "packages/cli/**",
      ],
    },
  }),
  defineProject({
    resolve: { alias },
    plugins: [cloudflareTest({ wrangler: { configPath: "./packages/core/test/workerd/wrangler.jsonc" } })],
    test: {
      name: "workerd",
      include: isomorphic,
    },
  }),
  defineProject({
    resolve: { alias },
    server: { fs: { allow: [import.meta.dirname, shared] } },
    test: {
      name: "chromium",
      include: isomorphic,
      browser: chromiumBrowser(),
    },
  }),
];
