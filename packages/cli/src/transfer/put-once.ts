// One local file onto one remote path, exactly once, through 429s, 5xx and responses lost on the way back.
//
// The upload API is not idempotent, and a lost response does not say whether the file arrived: the emulator's (and
// a real network's) dropped connection comes after the file was stored. So a failed upload is never blindly sent
// again. Instead:
// - a new file goes with `useUniqueFileName: false, overwriteFile: false`: the server itself refuses a second copy
//   at that path ("already exists"), so even a late duplicate request cannot make two files or a second version;
// - a changed file goes with `overwriteFile: true` and the id of the version it replaces: it arrived when the
//   file's current version is another one with the local size;
// - after an answer that may hide a success (5xx, a cut connection, a timeout) the remote is checked first, and the
//   upload sent again only when the file is not there;
// - a 429 is refused before anything is done (ImageKit and the emulator rate-limit before the handler), so it is
//   simply waited out.
import { access, stat } from "node:fs/promises";
import {
  type AdminClient,
  BadRequestError,
  NetworkError,
  RateLimitedError,
  ServerError,
  TimeoutError,
} from "@ikit/admin";
import { uploadFromPath } from "@ikit/admin/node";
import { CliError, isNodeError } from "../errors.js";
import { findFile } from "../remote.js";
import { joinRemote } from "../remote-path.js";

/**
 * One file to put.
 *
 * @example
 * ```ts
 * const job: PutJob = { localPath: "./photos/a.jpg", folder: "/photos", name: "a.jpg", tags: ["summer"] };
 * ```
 */
export interface PutJob {
  localPath: string;
  /** The remote folder (created with its parents when missing). */
  folder: string;
  /** The name to store it under (already as ImageKit stores names). */
  name: string;
  /** The remote file a changed local file replaces: its id and current version. */
  replaces?: { fileId: string; versionId: string } | undefined;
  tags?: string[] | undefined;
}

/**
 * How the put went: `recovered` when an answer was lost and the check found the file had arrived.
 *
 * @example
 * ```ts
 * const { attempts, recovered } = await putOnce(admin, job);
 * ```
 */
export interface PutOutcome {
  attempts: number;
  recovered: boolean;
}

/** Attempts per file before its last error is reported (each attempt's requests have their own retries). */
const MAX_ATTEMPTS = 10;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const backoff = (attempt: number) => Math.min(100 * 2 ** attempt, 5000) * (0.5 + Math.random() / 2);

function vanished(job: PutJob): CliError {
  return new CliError(
    "LOCAL_NOT_FOUND",
    `${job.localPath} vanished from disk during the transfer; it was not uploaded (run again once it is back).`,
    job.localPath,
  );
}

async function exists(path: string): Promise<boolean> {
  return access(path).then(
    () => true,
    () => false,
  );
}

/** Checks of one lost answer, each with the client's own retries, before the upload is sent again. */
const CHECKS = 4;

/**
 * Whether the file is at its remote path with `size` bytes, as this job would have put it. False when it is not, or
 * when every check failed: for a new file the next attempt still cannot duplicate (overwriteFile: false); for a
 * changed file it could add a version, which is why the check is tried several times.
 */
async function arrived(admin: AdminClient, job: PutJob, size: number): Promise<boolean> {
  for (let check = 1; check <= CHECKS; check++) {
    try {
      if (job.replaces) {
        const file = await admin.getFile(job.replaces.fileId);
        return file.versionInfo?.id !== job.replaces.versionId && file.size === size;
      }
      const file = await findFile(admin, joinRemote(job.folder, job.name));
      return file?.size === size;
    } catch {
      await sleep(backoff(check));
    }
  }
  return false;
}

/** Whether an error may hide an upload that arrived. */
function ambiguous(error: unknown): boolean {
  return error instanceof ServerError || error instanceof NetworkError || error instanceof TimeoutError;
}

/**
 * Uploads `job` so that the remote path ends up holding the file once: no duplicate file, and for a new file no extra
 * version, whatever answers are lost. Throws a CliError (a vanished local file, a taken name) or the last API error.
 *
 * @example
 * ```ts
 * const outcome = await putOnce(admin, { localPath: "./a.jpg", folder: "/photos", name: "a.jpg" });
 * ```
 */
export async function putOnce(admin: AdminClient, job: PutJob): Promise<PutOutcome> {
  for (let attempt = 1; ; attempt++) {
    let size: number;
    try {
      size = (await stat(job.localPath)).size;
    } catch {
      throw vanished(job);
    }
    try {
      // A file-backed Blob (fs.openAsBlob): streamed from disk, and sent again as it is on a 429.
      await uploadFromPath(admin, job.localPath, {
        fileName: job.name,
        folder: job.folder,
        useUniqueFileName: false,
        overwriteFile: job.replaces !== undefined,
        ...(job.tags?.length ? { tags: job.tags } : {}),
      });
      return { attempts: attempt, recovered: false };
    } catch (error) {
      if (isNodeError(error) && error.code === "ENOENT") throw vanished(job);
      if (error instanceof RateLimitedError && attempt < MAX_ATTEMPTS) {
        await sleep(error.retryAfterMs ?? backoff(attempt));
        continue;
      }
      const taken = error instanceof BadRequestError && !job.replaces && /already exists/i.test(error.message);
      if (ambiguous(error) || taken) {
        if (await arrived(admin, job, size)) return { attempts: attempt, recovered: true };
        if (!(await exists(job.localPath))) throw vanished(job);
        if (taken) {
          throw new CliError(
            "CONFLICT",
            `${joinRemote(job.folder, job.name)} exists already with other content; it was left as it is.`,
            joinRemote(job.folder, job.name),
          );
        }
        if (attempt < MAX_ATTEMPTS) {
          await sleep(backoff(attempt));
          continue;
        }
      }
      throw error;
    }
  }
}
