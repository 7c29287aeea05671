import { expect, it } from "vitest";
import { banner, parseCliArgs } from "../../src/cli/args.js";
import { EmulatorError } from "../../src/index.js";
import { start } from "../helpers.js";

it("parses the CLI flags into emulator options", () => {
  expect(parseCliArgs([])).toEqual({ port: 3030 });
  expect(
    parseCliArgs([
      "--port",
      "0",
      "--data",
      "./d",
      "--public-key",
      "pub_1",
      "--private-key",
      "priv_1",
      "--restrict-unsigned-urls",
    ]),
  ).toEqual({
    port: 0,
    data: "./d",
    publicKey: "pub_1",
    privateKey: "priv_1",
    restrictUnsignedUrls: true,
  });
  expect(parseCliArgs(["--help"])).toBe("help");
  expect(() => parseCliArgs(["--prot", "1"])).toThrow(EmulatorError);
  expect(() => parseCliArgs(["--port", "http"])).toThrow(/--port/);
});

it("prints endpoints and the fixed keys in the banner", async () => {
  const emu = await start({ publicKey: "public_fixed", privateKey: "private_fixed" });
  const text = banner(emu, undefined);
  await emu.close();
  expect(text).toContain(`URL endpoint:   ${emu.urlEndpoint}`);
  expect(text).toContain(`Upload URL:     ${emu.apiBase}/api/v1/files/upload`);
  expect(text).toContain("Public key:     public_fixed");
  expect(text).toContain("Private key:    private_fixed");
  expect(text).toContain("Storage:        in memory");
});

it("refuses unusable options with a typed error", async () => {
  await expect(start({ port: 70000 })).rejects.toMatchObject({ code: "INVALID_OPTION" });
  await expect(start({ imagekitId: "v1" })).rejects.toMatchObject({ code: "INVALID_OPTION" });
  await expect(start({ privateKey: "has space" })).rejects.toMatchObject({ code: "INVALID_OPTION" });
});
