import { existsSync } from "node:fs";
import { resolve } from "node:path";
import type { TestProject } from "vitest/node";
import { startSite } from "./site.js";
import { startTestEmulator, testKeys } from "./upstream.js";

// The workerd tests' real upstreams: two emulators (one to break on purpose) and the test site, on 127.0.0.1.
export default async function setup(project: TestProject) {
  for (const pkg of ["core", "emulator"]) {
    if (!existsSync(resolve(import.meta.dirname, `../../../${pkg}/dist/index.js`))) {
      throw new Error(`build first: @ikit/${pkg} has no dist/ (pnpm build)`);
    }
  }
  const keys = { ...testKeys(), signSecret: `sign_${crypto.randomUUID()}` };
  const [main, faulty] = await Promise.all([startTestEmulator(keys), startTestEmulator(keys)]);
  const site = await startSite({ main, faulty });
  project.provide("worker", {
    urlEndpoint: main.urlEndpoint,
    faultyUrlEndpoint: faulty.urlEndpoint,
    uploadUrl: main.uploadUrl,
    publicKey: main.publicKey,
    siteUrl: site.siteUrl,
  });
  project.provide("workerSecrets", keys);
  return async () => {
    await site.close();
    await Promise.all([main.close(), faulty.close()]);
  };
}
