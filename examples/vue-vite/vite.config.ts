import vue from "@vitejs/plugin-vue";
import { defineConfig } from "vite";

// Configuration comes from VITE_IKIT_* variables only (see README.md and src/config.ts).
export default defineConfig({
  plugins: [vue()],
  define: { __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: "false" },
});
