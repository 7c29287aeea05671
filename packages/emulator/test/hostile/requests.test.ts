import { readdirSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "../../src/index.js";
import { api, basic, start } from "../helpers.js";
import { closedWithin, exchange, open } from "./wire.js";

// Malformed request targets and connections a hostile or broken client opens: each gets a 4xx or a closed socket,
// and the server keeps answering everyone else.

let emu: Emulator;
/** What the emulator reported as its own failures: a hostile client is never one. */
const logged: string[] = [];
beforeAll(async () => {
  emu = await start({ headersTimeoutMs: 300, requestTimeoutMs: 600, log: (line) => logged.push(line) });
});
afterAll(() => emu.close());

const still = async () => expect((await api(emu, "GET", "/v1/files")).status).toBe(200);

describe("request targets", () => {
  it.each(["GET", "OPTIONS", "POST"])(
    "answers %s of a target that is not a path with a 400, then keeps serving",
    async (method) => {
      for (const target of ["//", "//[", "//a:99999/", "//[::1", "//user@/x"]) {
        const reply = await exchange(emu.port, `${method} ${target} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
        expect(reply.status, `${method} ${target}`).toBe(400);
        expect(reply.text).toMatch(/request target/);
        expect(reply.headers["x-request-id"]).toBeTruthy();
        await still();
      }
    },
  );

  it("answers a target longer than maxUrlLength with a 414 naming the limit", async () => {
    const long = `${emu.urlEndpoint}/tr:w-10/${"a".repeat(9000)}.jpg`;
    const response = await fetch(long);
    expect(response.status).toBe(414);
    expect(((await response.json()) as { message: string }).message).toMatch(/8192.*maxUrlLength/);
    await still();
  });

  it("answers too many or too large headers with a 431 and keeps serving", async () => {
    const headers = Array.from({ length: 3000 }, (_, i) => `x-h${i}: ${i}\r\n`).join("");
    const reply = await exchange(emu.port, `GET /v1/files HTTP/1.1\r\nHost: x\r\n${headers}\r\n`);
    expect(reply.status).toBe(431);
    await still();
  });
});

describe("bodies", () => {
  const over = 5 * 1024 * 1024 + 1024;

  it("closes the connection after a 413, so the next request on it is never left hanging", async () => {
    const reply = await exchange(emu.port, [
      `POST /v1/files/addTags HTTP/1.1\r\nHost: x\r\nAuthorization: ${basic(emu)}\r\nContent-Type: application/json\r\nContent-Length: ${over}\r\n\r\n`,
      Buffer.alloc(over, 0x20),
      `GET /v1/files HTTP/1.1\r\nHost: x\r\nAuthorization: ${basic(emu)}\r\n\r\n`,
    ]);
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe("close");
    expect(reply.closed).toBe(true);
    await still();
  });

  it("closes the connection after a 413 for a chunked body without a length", async () => {
    const piece = Buffer.alloc(1024 * 1024, 0x20);
    const chunks = Array.from({ length: 6 }, () => [`${piece.length.toString(16)}\r\n`, piece, "\r\n"]).flat();
    const reply = await exchange(emu.port, [
      `POST /v1/files/addTags HTTP/1.1\r\nHost: x\r\nAuthorization: ${basic(emu)}\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`,
      ...chunks,
      "0\r\n\r\n",
    ]);
    expect(reply.status).toBe(413);
    expect(reply.headers.connection).toBe("close");
    expect(reply.closed).toBe(true);
    await still();
  });
});

describe("slow and idle connections", () => {
  it("closes a connection whose headers never finish (slow loris) after headersTimeoutMs", async () => {
    const socket = await open(emu.port);
    socket.write("GET /v1/files HTTP/1.1\r\nHost: x\r\nX-Slow: ");
    expect(await closedWithin(socket, 3000)).toBe(true);
    await still();
  });

  it("closes a connection whose body trickles in past requestTimeoutMs", async () => {
    const socket = await open(emu.port);
    socket.write(
      `POST /v1/files/addTags HTTP/1.1\r\nHost: x\r\nAuthorization: ${basic(emu)}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{`,
    );
    expect(await closedWithin(socket, 3000)).toBe(true);
    await still();
  });

  it("keeps answering with hundreds of idle connections open, and closes them after headersTimeoutMs", async () => {
    const idle = await Promise.all(Array.from({ length: 200 }, () => open(emu.port)));
    await still();
    const closed = await Promise.all(idle.map((socket) => closedWithin(socket, 3000)));
    expect(closed.every(Boolean)).toBe(true);
    await still();
  });
});

describe("clients that vanish", () => {
  beforeAll(async () => {
    const form = new FormData();
    form.append("file", new Blob([new Uint8Array(4 * 1024 * 1024)]));
    form.append("fileName", "big.bin");
    form.append("useUniqueFileName", "false");
    const stored = await fetch(emu.uploadUrl, { method: "POST", headers: { authorization: basic(emu) }, body: form });
    expect(stored.status).toBe(200);
  });

  it("cuts mid-body and mid-response without an error logged as the emulator's, and keeps serving", async () => {
    const json = `Authorization: ${basic(emu)}\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"a`;
    const cuts = [
      `POST /v1/files/addTags HTTP/1.1\r\nHost: x\r\n${json}`,
      `POST /nowhere HTTP/1.1\r\nHost: x\r\nContent-Length: 1000\r\n\r\nabc`,
      `POST /api/v1/files/upload HTTP/1.1\r\nHost: x\r\nAuthorization: ${basic(emu)}\r\nContent-Type: multipart/form-data; boundary=X\r\nContent-Length: 100000\r\n\r\n--X\r\nContent-Disposition: form-data; name="file"; filename="a"\r\n\r\nabc`,
      "GET /emulator/big.bin HTTP/1.1\r\nHost: x\r\n\r\n",
    ];
    for (const request of cuts) {
      const socket = await open(emu.port);
      socket.on("error", () => {});
      socket.write(request);
      await new Promise((done) => setTimeout(done, 30));
      socket.resetAndDestroy();
    }
    await new Promise((done) => setTimeout(done, 100));
    await still();
    expect(logged).toEqual([]);
  });

  it("closes the file of a download its client abandons", async () => {
    // /dev/fd lists this process's open files, on Linux and macOS alike.
    const open = () => readdirSync("/dev/fd").length;
    const before = open();
    for (let i = 0; i < 20; i++) {
      const controller = new AbortController();
      const response = await fetch(`${emu.urlEndpoint}/big.bin`, { signal: controller.signal });
      expect(response.status).toBe(200);
      await response.body?.getReader().read();
      controller.abort();
    }
    await new Promise((done) => setTimeout(done, 200));
    expect(open() - before).toBeLessThan(5);
  });
});
