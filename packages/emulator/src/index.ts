// @ikit/emulator: a local ImageKit-compatible server for offline development, demos and tests.

export { type Emulator, type EmulatorOptions, startEmulator } from "./emulator.js";
export { EmulatorError, type EmulatorErrorCode } from "./errors/emulator-error.js";
export type { Faults } from "./http/faults.js";
export type { RateLimit, RateLimits } from "./http/rate-limit.js";
export type { LoggedRequest, RequestLog } from "./http/request-log.js";
export type { RouteAuth, RouteName } from "./http/routes.js";
export { DEFAULT_LIMITS, type Limits } from "./limits.js";
