import { defineConfig } from "vitest/config";
import adminProjects from "./packages/admin/vitest.projects.ts";
import cliProjects from "./packages/cli/vitest.projects.ts";
import uploadProjects from "./packages/upload/vitest.projects.ts";
import workerProjects from "./packages/worker/vitest.projects.ts";
import projects from "./vitest.workspace.ts";

export default defineConfig({
  test: {
    projects: [...projects, ...uploadProjects, ...workerProjects, ...adminProjects, ...cliProjects],
  },
});
