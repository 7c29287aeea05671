// Runs an emulator in its own process so the benchmark can read the server's memory alone.
import { startEmulator } from "../dist/index.js";

const emu = await startEmulator({ port: 0, log: (line) => process.stderr.write(`${line}\n`) });
process.stdout.write(
  `${JSON.stringify({ apiBase: emu.apiBase, uploadUrl: emu.uploadUrl, privateKey: emu.privateKey, pid: process.pid })}\n`,
);
process.on("SIGTERM", () => {
  void emu.close().then(() => process.exit(0));
});
