import { defineConfig } from "tsup";

// Two entries: the components (whose leading "use client" marks them for React Server Components) and the
// next/image loaders, plain functions that must stay callable on the server.
export default defineConfig({
  entry: { index: "src/index.ts", next: "src/next.ts" },
  format: ["esm"],
  target: "es2022",
  dts: true,
  clean: true,
  sourcemap: true,
  splitting: false,
  external: ["react", "react-dom", "@ikit/core", "@ikit/upload"],
});
