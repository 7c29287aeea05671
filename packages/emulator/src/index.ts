// @ikit/emulator: a local ImageKit-compatible server for offline development, demos and tests.

export { type Emulator, type EmulatorOptions, startEmulator } from "./emulator.js";
export { EmulatorError, type EmulatorErrorCode } from "./errors/api-error.js";
export type { Faults } from "./http/faults.js";
export type { RateLimit, RateLimits } from "./http/rate-limit.js";
