import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { type Emulator, startEmulator } from "@ikit/emulator";
import type { TestProject } from "vitest/node";
import type { SuiteEnv } from "../suite/client-suite.js";

declare module "vitest" {
  export interface ProvidedContext {
    adminEmulator: SuiteEnv;
  }
}

// The emulator runs in Node (sharp, busboy); the Worker under test reaches it over 127.0.0.1.
export default async function setup(project: TestProject) {
  for (const pkg of ["core", "emulator"]) {
    if (!existsSync(resolve(import.meta.dirname, `../../../${pkg}/dist/index.js`))) {
      throw new Error(`build first: @ikit/${pkg} has no dist/ (pnpm build)`);
    }
  }
  const emu: Emulator = await startEmulator({ port: 0, bulkJobDelayMs: 20 });
  const { apiBase, uploadUrl, urlEndpoint, privateKey } = emu;
  project.provide("adminEmulator", { apiBase, uploadUrl, urlEndpoint, privateKey });
  return () => emu.close();
}
