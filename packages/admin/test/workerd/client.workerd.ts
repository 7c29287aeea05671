// The Node suite, unchanged, inside workerd: the client needs only fetch, FormData, streams and WebCrypto.
import { describe, inject } from "vitest";
import { clientSuite } from "../suite/client-suite.js";

describe("AdminClient against the emulator (workerd)", () => {
  clientSuite(() => inject("adminEmulator"));
});
