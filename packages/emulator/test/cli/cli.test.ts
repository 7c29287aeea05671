import { expect, it } from "vitest";
import { banner, parseCliArgs } from "../../src/cli/args.js";
import { EmulatorError } from "../../src/index.js";
import { runCli, start } from "../helpers.js";

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

it("runs as the ikit-emulator binary: banner with the keys, a working API, a clean exit on SIGTERM", async () => {
  const { child, apiBase, banner } = await runCli(["--port", "0", "--private-key", "private_cli", "--id", "demo"]);
  const exited = new Promise<number | null>((done) => child.once("exit", done));
  try {
    expect(banner.join("\n")).toContain("Private key:    private_cli");
    expect(banner.join("\n")).toContain(`URL endpoint:   ${apiBase}/demo`);
    const auth = `Basic ${Buffer.from("private_cli:").toString("base64")}`;
    expect((await fetch(`${apiBase}/v1/files`, { headers: { authorization: auth } })).status).toBe(200);
  } finally {
    child.kill("SIGTERM");
  }
  expect(await exited).toBe(0);
});
