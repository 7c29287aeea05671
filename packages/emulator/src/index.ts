// @ikit/emulator: a local ImageKit-compatible server for offline development, demos and tests.

export { type Emulator, type EmulatorOptions, startEmulator } from "./emulator.js";
export { EmulatorError, type EmulatorErrorCode } from "./errors.js";
export type { Faults } from "./faults.js";
export type { RateLimit, RateLimits } from "./rate-limit.js";
