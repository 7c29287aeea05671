/**
 * Fault injection, read on every request: change the fields of `emu.faults` at any time. All off by default.
 *
 * @example
 * ```ts
 * const emu = await startEmulator({ faults: { latencyMs: 50 } });
 * emu.faults.errorRate = 0.2; // one request in five answered 500 or 503
 * emu.faults.dropRate = 1; // every response cut half-way through its body
 * emu.faults.routes = ["upload"]; // only the upload API
 * ```
 */
export interface Faults {
  /** Fraction (0 to 1) of requests answered with one of `errorStatuses` instead of being handled. @default 0 */
  errorRate: number;
  /** The statuses picked from at random for injected errors. @default [500, 503] */
  errorStatuses: number[];
  /** Milliseconds added before every request is handled. @default 0 */
  latencyMs: number;
  /** Fraction (0 to 1) of responses whose connection is destroyed half-way through the body. @default 0 */
  dropRate: number;
  /** Route names the faults apply to (`upload`, `files.list`, `delivery`, …); all routes when undefined. */
  routes?: string[] | undefined;
}

/** The defaults merged with what was passed at start. */
export function createFaults(initial: Partial<Faults> = {}): Faults {
  return { errorRate: 0, errorStatuses: [500, 503], latencyMs: 0, dropRate: 0, ...initial };
}

/** Whether `route` is subject to the faults. */
export function faultsApply(faults: Faults, route: string): boolean {
  return faults.routes === undefined || faults.routes.includes(route);
}
