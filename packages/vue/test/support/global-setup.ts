import type { TestProject } from "vitest/node";
import { startUploadTestEnv } from "../../../upload/test/support/control.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** The emulator's delivery endpoint, for images the browser really loads. */
    vueUrlEndpoint: string;
  }
}

// The ImageKit the browser tests upload to and load images from: @ikit/upload's test environment (an emulator and a
// token server on 127.0.0.1, `inject("upload")`), reused as is, plus the emulator's delivery endpoint.
export default async function setup(project: TestProject) {
  const { env, emu, close } = await startUploadTestEnv();
  project.provide("upload", env);
  project.provide("vueUrlEndpoint", emu.urlEndpoint);
  return close;
}
