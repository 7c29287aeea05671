import { defineConfig } from "vitest/config";
import workerProjects from "./packages/worker/vitest.projects.ts";
import projects from "./vitest.workspace.ts";

export default defineConfig({
  test: {
    projects: [...projects, ...workerProjects],
  },
});
