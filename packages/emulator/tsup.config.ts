import { defineConfig } from "tsup";

export default defineConfig({
  entry: { index: "src/index.ts", cli: "src/cli/main.ts" },
  format: ["esm"],
  target: "es2022",
  dts: { entry: "src/index.ts" },
  clean: true,
  sourcemap: true,
  treeshake: true,
  splitting: false,
});
