import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

// Configuration comes from VITE_IKIT_* variables at dev or build time (see README.md); nothing here needs a server.
export default defineConfig({
  plugins: [react()],
  server: { host: "127.0.0.1" },
  preview: { host: "127.0.0.1" },
});
