import { defineConfig } from "tsup";

export default defineConfig({
  // Three entry points sharing chunks, so an error class is one class whichever entry threw it.
  entry: { index: "src/index.ts", compat: "src/compat.ts", node: "src/node.ts" },
  format: ["esm"],
  target: "es2022",
  dts: true,
  clean: true,
  sourcemap: true,
  treeshake: true,
  splitting: true,
});
