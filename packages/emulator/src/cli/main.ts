#!/usr/bin/env node
import { startEmulator } from "../emulator.js";
import { banner, parseCliArgs, USAGE } from "./args.js";

async function main(): Promise<void> {
  const options = parseCliArgs(process.argv.slice(2));
  if (options === "help") {
    console.log(USAGE);
    return;
  }
  const emu = await startEmulator(options);
  console.log(banner(emu, options.data));
  const stop = () => {
    void emu.close().then(() => process.exit(0));
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: Error) => {
  console.error(`ikit-emulator: ${error.message}`);
  process.exit(1);
});
