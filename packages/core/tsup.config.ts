import { defineConfig } from "tsup";

export default defineConfig({
  // Two entry points sharing chunks, so `IkitError` is one class whichever entry threw it.
  entry: { index: "src/index.ts", strict: "src/strict.ts" },
  format: ["esm"],
  target: "es2022",
  dts: true,
  clean: true,
  sourcemap: true,
  treeshake: true,
  splitting: true,
});
