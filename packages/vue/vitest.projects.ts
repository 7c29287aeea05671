// The test projects of @ikit/vue, referenced from the root vitest.config.ts:
// - vue-unit: components and the composable under happy-dom (Testing Library), hydration of server-rendered HTML,
//   side by side with @imagekit/vue;
// - vue-node: the built package imported and rendered by @vue/server-renderer in plain Node, where no window exists;
// - vue-chromium: a real browser uploading to the emulator over HTTP through useUpload() and <IkDropZone>, loading
//   the uploaded image through <IkImage>'s srcset, and lazy vs priority loading (test/support/global-setup.ts starts
//   the emulator).
import { resolve } from "node:path";
import { defineProject } from "vitest/config";
import { chromiumBrowser } from "../../vitest.workspace.ts";

const root = import.meta.dirname;

export default [
  defineProject({ test: { name: "vue-unit", root, environment: "happy-dom", include: ["test/unit/**/*.test.ts"] } }),
  defineProject({ test: { name: "vue-node", root, environment: "node", include: ["test/node/**/*.test.ts"] } }),
  defineProject({
    // Pre-bundled up front: discovering them mid-run makes Vite reload the page under the tests.
    optimizeDeps: { include: ["vue"] },
    // Vue's esm-bundler build asks the bundler for these; without them it logs a notice into the test output.
    define: {
      __VUE_OPTIONS_API__: "true",
      __VUE_PROD_DEVTOOLS__: "false",
      __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: "false",
    },
    test: {
      name: "vue-chromium",
      root,
      globalSetup: [resolve(root, "test/support/global-setup.ts")],
      include: ["test/browser/**/*.test.ts"],
      browser: chromiumBrowser(),
    },
  }),
];
