// The test project of @ikit/cli, referenced from the root vitest.config.ts: the built `ikit` binary run in child
// processes against emulators each test file starts over real HTTP. Files run one at a time: the fault and resume
// tests measure a CLI under load, and the machine has two cores.
import { defineProject } from "vitest/config";

const root = import.meta.dirname;

export default [
  defineProject({
    test: {
      name: "cli-node",
      root,
      environment: "node",
      include: ["test/**/*.test.ts"],
      fileParallelism: false,
      testTimeout: 120_000,
      hookTimeout: 60_000,
    },
  }),
];
