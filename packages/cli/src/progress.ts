// Progress of a transfer: a cli-progress bar when stdout is a terminal, one plain line per item otherwise (a log,
// a pipe, CI), nothing with --quiet, and per-item JSON lines with --json.
import cliProgress from "cli-progress";
import type { Output } from "./output.js";

/**
 * What happened to one item of a transfer.
 *
 * @example
 * ```ts
 * const item: ItemResult = { action: "uploaded", path: "/photos/a.jpg" };
 * ```
 */
export interface ItemResult {
  action: "uploaded" | "skipped" | "deleted" | "downloaded" | "failed" | "would upload" | "would delete";
  path: string;
  /** Why it failed, or a detail (a recovered lost response). */
  detail?: string;
}

/**
 * Reports items as they finish.
 *
 * @example
 * ```ts
 * const progress = startProgress(out, "sync", 2000);
 * progress.item({ action: "uploaded", path: "/photos/a.jpg" });
 * progress.stop();
 * ```
 */
export interface Progress {
  item(result: ItemResult): void;
  stop(): void;
}

/**
 * Starts reporting `total` items of `title`: a bar on a terminal, lines elsewhere, JSON lines with --json.
 *
 * @example
 * ```ts
 * const progress = startProgress(out, "upload", files.length);
 * ```
 */
export function startProgress(out: Output, title: string, total: number): Progress {
  const lineOf = (r: ItemResult) => `${r.action} ${r.path}${r.detail ? ` (${r.detail})` : ""}`;
  if (out.mode.json) {
    return {
      item: (r) => void out.json({ ...r, detail: r.detail }),
      stop() {},
    };
  }
  if (!out.interactive || out.mode.quiet || total === 0) {
    return {
      item(r) {
        if (r.action === "failed") out.error(lineOf(r));
        else out.note(lineOf(r));
      },
      stop() {},
    };
  }
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      format: `${title} {bar} {percentage}% | {value}/{total} files | {rate} files/s | ETA {eta_formatted}`,
      stream: out.stdout,
      hideCursor: true,
      etaBuffer: 50,
      fps: 10,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total, 0, { rate: "0" });
  let done = 0;
  return {
    item(r) {
      // Failures stay on screen after the bar is gone; successes only move the bar.
      if (r.action === "failed") out.error(lineOf(r));
      done++;
      const seconds = Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(done, { rate: (done / seconds).toFixed(0) });
    },
    stop() {
      bar.stop();
    },
  };
}
