// The IkitError a call throws, for tests that check its code and message.
import { expect } from "vitest";
import { IkitError } from "../src/index.js";

/** Runs `run` and returns the IkitError it throws; fails the test when it throws anything else or nothing. */
export function errorOf(run: () => unknown): IkitError {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(IkitError);
    return error as IkitError;
  }
  throw new Error("expected an IkitError");
}

/** The value `call` returns, or the IkitError it throws; anything else it throws fails the test. */
export function settled(call: () => unknown): unknown {
  try {
    return call();
  } catch (error) {
    expect(error).toBeInstanceOf(IkitError);
    return error;
  }
}
