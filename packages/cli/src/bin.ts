#!/usr/bin/env node
// The `ikit` executable: the process's arguments, streams and Ctrl-C handed to run().
import { EXIT } from "./exit-codes.js";
import { run } from "./program.js";

// `ikit ls -R / | head` closes stdout early: that is the reader's choice, not a failure.
process.stdout.on("error", (error: NodeJS.ErrnoException) => {
  if (error.code === "EPIPE") process.exit(EXIT.OK);
  throw error;
});

const interrupt = new AbortController();
process.on("SIGINT", () => {
  // First Ctrl-C: finish what is under way, start nothing new. Second: stop now.
  if (interrupt.signal.aborted) process.exit(EXIT.INTERRUPTED);
  interrupt.abort();
  process.stderr.write("\nikit: stopping after the transfers under way (Ctrl-C again to stop now)\n");
});

process.exitCode = await run(process.argv.slice(2), { signal: interrupt.signal });
