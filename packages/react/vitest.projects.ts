// The test projects of @ikit/react, referenced from the root vitest.config.ts:
// - react-unit: components and hooks under happy-dom with Testing Library (URLs beside @imagekit/react's, SSR and
//   hydration, the drop zone, the hook's state), plus server rendering with no DOM at all (files marked node);
// - react-chromium: a real Chromium against an emulator and a token server started in Node (test/support/global-setup.ts):
//   useUpload really uploads over HTTP, and <Image>'s srcset loads from the emulator.
import { resolve } from "node:path";
import { defineProject } from "vitest/config";
import { chromiumBrowser } from "../../vitest.workspace.ts";

const root = import.meta.dirname;
const setupFiles = [resolve(root, "test/support/setup-dom.ts")];

export default [
  defineProject({
    test: { name: "react-unit", root, environment: "happy-dom", setupFiles, include: ["test/unit/**/*.test.{ts,tsx}"] },
  }),
  defineProject({
    // Pre-bundled up front: discovering them mid-run makes Vite reload the page under the tests.
    optimizeDeps: {
      include: [
        "react",
        "react-dom/client",
        "react/jsx-dev-runtime",
        "@testing-library/react",
        "@testing-library/user-event",
      ],
    },
    test: {
      name: "react-chromium",
      root,
      setupFiles,
      globalSetup: [resolve(root, "test/support/global-setup.ts")],
      fileParallelism: false,
      include: ["test/browser/**/*.test.{ts,tsx}"],
      browser: chromiumBrowser(),
    },
  }),
];
