// The example's test projects, referenced from the root vitest.config.ts:
// - react-vite: the page rendered under happy-dom (configured, unconfigured, misconfigured), and `vite build` with
//   and without configuration (test/build.test.ts, in Node);
// - react-vite-chromium: the page in Chromium against an emulator and a token server (the global setup of
//   packages/react, whose token server also answers /auth as @ikit/worker does): an upload from the page lands in
//   its gallery.
import { resolve } from "node:path";
import { defineProject } from "vitest/config";
import { chromiumBrowser } from "../../vitest.workspace.ts";

const root = import.meta.dirname;
const setupFiles = [resolve(root, "../../packages/react/test/support/setup-dom.ts")];

export default [
  defineProject({
    test: {
      name: "react-vite",
      root,
      environment: "happy-dom",
      setupFiles,
      include: ["test/*.test.{ts,tsx}"],
      testTimeout: 60_000,
    },
  }),
  defineProject({
    optimizeDeps: { include: ["react", "react-dom/client", "react/jsx-dev-runtime", "@testing-library/react"] },
    test: {
      name: "react-vite-chromium",
      root,
      setupFiles,
      globalSetup: [resolve(root, "../../packages/react/test/support/global-setup.ts")],
      include: ["test/browser/*.test.tsx"],
      browser: chromiumBrowser(),
    },
  }),
];
