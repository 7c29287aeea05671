import { expect } from "vitest";
import type { UploadError } from "../../src/index.js";

/** The error a promise rejects with; fails the test when it resolves. */
export const rejection = (promise: Promise<unknown>): Promise<UploadError> =>
  promise.then(
    () => expect.fail("expected a rejection"),
    (error: UploadError) => error,
  );
