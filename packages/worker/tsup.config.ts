import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm"],
  target: "es2022",
  dts: true,
  clean: true,
  sourcemap: true,
  treeshake: true,
  // Bundled by the app's wrangler (esbuild) against its own @ikit/core.
  external: ["@ikit/core", "@ikit/core/strict"],
});
