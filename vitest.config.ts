import { defineConfig } from "vitest/config";
import nodeServerProjects from "./examples/node-server/vitest.projects.ts";
import reactViteProjects from "./examples/react-vite/vitest.projects.ts";
import adminProjects from "./packages/admin/vitest.projects.ts";
import cliProjects from "./packages/cli/vitest.projects.ts";
import reactProjects from "./packages/react/vitest.projects.ts";
import uploadProjects from "./packages/upload/vitest.projects.ts";
import vueProjects from "./packages/vue/vitest.projects.ts";
import workerProjects from "./packages/worker/vitest.projects.ts";
import projects from "./vitest.workspace.ts";

export default defineConfig({
  test: {
    projects: [
      ...projects,
      ...uploadProjects,
      ...workerProjects,
      ...adminProjects,
      ...vueProjects,
      ...reactProjects,
      ...reactViteProjects,
      ...nodeServerProjects,
      ...cliProjects,
    ],
  },
});
