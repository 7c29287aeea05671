import { defineConfig } from "tsup";

// Components are defineComponent + h(), plain TypeScript: no SFC compiler. Vue and the @ikit packages stay imports.
export default defineConfig({
  entry: { index: "src/index.ts" },
  format: ["esm"],
  target: "es2022",
  dts: true,
  clean: true,
  sourcemap: true,
  treeshake: true,
  splitting: false,
});
