import { type Emulator, startEmulator } from "@ikit/emulator";
import { afterAll, beforeAll, describe } from "vitest";
import { clientSuite } from "./suite/client-suite.js";

let emu: Emulator;
beforeAll(async () => {
  emu = await startEmulator({ port: 0, bulkJobDelayMs: 20 });
});
afterAll(() => emu?.close());

describe("AdminClient against the emulator (Node)", () => {
  clientSuite(() => emu);
});
