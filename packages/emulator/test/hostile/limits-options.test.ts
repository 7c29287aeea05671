import { expect, it } from "vitest";
import { parseCliArgs, USAGE } from "../../src/cli/args.js";
import { DEFAULT_LIMITS, EmulatorError, type Limits } from "../../src/index.js";
import { blob, png, start, upload } from "../helpers.js";

// Every limit is an option of startEmulator and a CLI flag, checked when the emulator starts.

it("takes every limit as a CLI flag, and refuses one that is not a positive integer", () => {
  expect(
    parseCliArgs(["--max-output-pixels", "1000", "--transform-timeout-ms", "50", "--image-concurrency", "1"]),
  ).toEqual({
    port: 3030,
    maxOutputPixels: 1000,
    transformTimeoutMs: 50,
    imageConcurrency: 1,
  });
  for (const name of Object.keys(DEFAULT_LIMITS)) {
    const flag = `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
    expect(USAGE).toContain(flag);
    expect(parseCliArgs([flag, "7"])).toMatchObject({ [name]: 7 });
  }
  for (const bad of ["0", "-1", "1.5", "many"]) {
    expect(() => parseCliArgs(["--max-input-pixels", bad])).toThrowError(
      expect.objectContaining({ code: "INVALID_OPTION", message: expect.stringContaining("--max-input-pixels") }),
    );
  }
});

it("refuses limits that are not positive integers, or timeouts that contradict each other", async () => {
  const bad: Partial<Record<keyof Limits, unknown>>[] = [
    { maxOutputPixels: 0 },
    { imageConcurrency: 1.5 },
    { transformTimeoutMs: Number.NaN },
    { headersTimeoutMs: 2000, requestTimeoutMs: 1000 },
  ];
  for (const options of bad) {
    const error = await start(options as Partial<Limits>).then(
      (emu) => emu.close().then(() => undefined),
      (thrown: unknown) => thrown,
    );
    expect(error, JSON.stringify(options)).toBeInstanceOf(EmulatorError);
    expect((error as EmulatorError).code).toBe("INVALID_OPTION");
  }
});

it("applies the limits given, and reports them on emu.limits", async () => {
  const emu = await start({ maxOutputPixels: 1000 });
  try {
    expect(emu.limits).toEqual({ ...DEFAULT_LIMITS, maxOutputPixels: 1000 });
    await upload(emu, { file: blob(await png(40, 30)), fileName: "a.png", useUniqueFileName: "false" });
    expect((await fetch(`${emu.urlEndpoint}/tr:w-20/a.png`)).status).toBe(200);
    const refused = await fetch(`${emu.urlEndpoint}/tr:w-100/a.png`);
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as { message: string }).message).toMatch(/100×75.*0 megapixels.*maxOutputPixels/);
  } finally {
    await emu.close();
  }
});
