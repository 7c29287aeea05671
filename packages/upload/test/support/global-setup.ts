import type { TestProject } from "vitest/node";
import { startUploadTestEnv } from "./control.js";

// One emulator and token server per test project, their URLs handed to the tests (Node, workerd or Chromium).
export default async function setup(project: TestProject) {
  const { env, close } = await startUploadTestEnv();
  project.provide("upload", env);
  return close;
}
