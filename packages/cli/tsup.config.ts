import { defineConfig } from "tsup";

export default defineConfig({
  // `index` is the programmatic entry (run, exit codes); `bin` is the `ikit` executable over it.
  entry: { index: "src/index.ts", bin: "src/bin.ts" },
  format: ["esm"],
  target: "es2022",
  dts: { entry: "src/index.ts" },
  clean: true,
  sourcemap: true,
  treeshake: true,
  splitting: true,
});
