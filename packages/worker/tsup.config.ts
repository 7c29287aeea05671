import { defineConfig } from "tsup";

export default defineConfig({
  // `url` is the browser-safe entry (no signing code): @ikit/react and @ikit/vue build their signed images with it.
  entry: { index: "src/index.ts", url: "src/url.ts" },
  format: ["esm"],
  target: "es2022",
  dts: true,
  clean: true,
  sourcemap: true,
  treeshake: true,
  // Bundled by the app's wrangler (esbuild) against its own @ikit/core.
  external: ["@ikit/core", "@ikit/core/strict"],
});
