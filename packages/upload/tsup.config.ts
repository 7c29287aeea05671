import { defineConfig } from "tsup";

// Two entries, bundled apart: the browser entry must never pull in the server one (it signs with the private key).
export default defineConfig({
  entry: { index: "src/index.ts", server: "src/server.ts" },
  format: ["esm"],
  target: "es2022",
  dts: true,
  clean: true,
  sourcemap: true,
  treeshake: true,
  splitting: false,
});
