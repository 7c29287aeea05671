// What the CLI prints on a terminal cannot drive it: remote names and server messages are data, so an escape
// sequence in one is shown, not obeyed. Pipes keep the bytes as they are.
import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { Output } from "../src/output.js";

/** A stream that records what is written to it, a terminal or not. */
function sink(isTTY: boolean) {
  const chunks: string[] = [];
  const stream = Object.assign(
    new Writable({
      write(chunk, _encoding, done) {
        chunks.push(String(chunk));
        done();
      },
    }),
    { isTTY },
  );
  return { stream, text: () => chunks.join("") };
}

const hostile = "/p/a\u001b]0;owned\u0007\u001b[2J\r\u009b31m\u202egpj.exe";

describe("Output on a terminal", () => {
  it("shows control characters and bidi overrides as \\u escapes in lines, notes and errors", async () => {
    const stdout = sink(true);
    const stderr = sink(true);
    const out = new Output({ json: false, quiet: false, verbose: true }, stdout.stream, stderr.stream);
    await out.line(`name ${hostile}`);
    out.note(`downloaded ${hostile}`);
    out.error(`failed ${hostile}`);
    out.debug(`saw ${hostile}`);
    for (const text of [stdout.text(), stderr.text()]) {
      expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e]/);
      expect(text).toContain("/p/a\\u001b]0;owned\\u0007\\u001b[2J\\u000d\\u009b31m\\u202egpj.exe");
    }
    expect(stdout.text().split("\n")).toHaveLength(3);
  });

  it("keeps --json output parseable, with the same strings", async () => {
    const stdout = sink(true);
    const out = new Output({ json: true, quiet: false, verbose: false }, stdout.stream, sink(true).stream);
    await out.json({ name: hostile });
    expect(stdout.text()).not.toMatch(/[\u001b\u009b\u202e]/);
    expect(JSON.parse(stdout.text())).toEqual({ name: hostile });
  });

  it("writes the text unchanged into a pipe", async () => {
    const stdout = sink(false);
    const out = new Output({ json: false, quiet: false, verbose: false }, stdout.stream, sink(false).stream);
    await out.line(hostile);
    expect(stdout.text()).toBe(`${hostile}\n`);
  });
});
