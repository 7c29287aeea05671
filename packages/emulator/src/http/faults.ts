import type { Reply } from "../context.js";
import type { RouteName } from "./routes.js";

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
  routes?: RouteName[] | undefined;
}

/**
 * The defaults merged with what was passed at start.
 *
 * @example
 * ```ts
 * createFaults({ latencyMs: 50 }); // { errorRate: 0, errorStatuses: [500, 503], latencyMs: 50, dropRate: 0 }
 * ```
 */
export function createFaults(initial: Partial<Faults> = {}): Faults {
  return { errorRate: 0, errorStatuses: [500, 503], latencyMs: 0, dropRate: 0, ...initial };
}

/** What fault injection decided for one request: answer it with an error now, and/or cut its response. */
export interface FaultOutcome {
  /** An injected error to answer instead of handling the request. */
  reply?: Reply;
  /** Cut the connection half-way through the response body. */
  drop: boolean;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Applies the faults to a request on `route`: waits `latencyMs`, then maybe picks an injected error or a drop.
 *
 * @example
 * ```ts
 * const outcome = await injectFaults(emu.faults, "upload"); // { drop: false } when all faults are off
 * ```
 */
export async function injectFaults(faults: Faults, route: RouteName): Promise<FaultOutcome> {
  if (faults.routes !== undefined && !faults.routes.includes(route)) return { drop: false };
  if (faults.latencyMs > 0) await sleep(faults.latencyMs);
  if (faults.errorRate > 0 && Math.random() < faults.errorRate) {
    const status = faults.errorStatuses[Math.floor(Math.random() * faults.errorStatuses.length)] ?? 500;
    return {
      drop: false,
      reply: {
        status,
        json: {
          message: `Injected fault: this request was answered ${status} by the emulator's fault injection.`,
          help: "Set emu.faults.errorRate = 0 to stop.",
        },
      },
    };
  }
  return { drop: faults.dropRate > 0 && Math.random() < faults.dropRate };
}
