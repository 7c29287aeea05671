// The test project of examples/node-server, referenced from the root vitest.config.ts: the token server over real
// HTTP, with uploads to the emulator.
import { defineProject } from "vitest/config";

export default [
  defineProject({
    test: {
      name: "example-node-server",
      root: import.meta.dirname,
      environment: "node",
      include: ["test/**/*.test.js"],
    },
  }),
];
