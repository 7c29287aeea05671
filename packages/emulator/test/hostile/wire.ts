import { connect, type Socket } from "node:net";

/** What came back on a raw connection: the bytes, the parsed first response, and whether the server closed it. */
export interface Exchange {
  text: string;
  /** Status of the first response, or 0 when none arrived. */
  status: number;
  /** Header names lower-cased, of the first response. */
  headers: Record<string, string>;
  /** The server ended the connection before `waitMs` ran out. */
  closed: boolean;
}

/** Opens a connection to the emulator on 127.0.0.1. */
export function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => resolve(socket));
    socket.once("error", reject);
  });
}

/** Parses the status line and headers of the first HTTP response in `text`. */
export function firstResponse(text: string): { status: number; headers: Record<string, string> } {
  const head = text.split("\r\n\r\n")[0] ?? "";
  const [statusLine, ...lines] = head.split("\r\n");
  const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine ?? "")?.[1] ?? 0);
  const headers: Record<string, string> = {};
  for (const line of lines) {
    const at = line.indexOf(":");
    if (at > 0) headers[line.slice(0, at).trim().toLowerCase()] = line.slice(at + 1).trim();
  }
  return { status, headers };
}

/**
 * Writes `request` (bytes as a broken or hostile client would send them, no client library in between) and collects
 * what the server answers until it closes the connection or `waitMs` passes, whichever is first.
 */
export async function exchange(
  port: number,
  request: string | Buffer | (string | Buffer)[],
  waitMs = 2000,
): Promise<Exchange> {
  const socket = await open(port);
  return collect(socket, request, waitMs);
}

/** Like {@link exchange}, on a socket already open. */
export function collect(
  socket: Socket,
  request: string | Buffer | (string | Buffer)[],
  waitMs: number,
): Promise<Exchange> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let done = false;
    const finish = (closed: boolean) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      const text = Buffer.concat(chunks).toString("latin1");
      resolve({ text, closed, ...firstResponse(text) });
    };
    const timer = setTimeout(() => finish(false), waitMs);
    socket.on("data", (chunk: Buffer) => chunks.push(chunk));
    socket.on("end", () => finish(true));
    socket.on("close", () => finish(true));
    // A server that resets a connection it refuses is fine: what it sent before is kept.
    socket.on("error", () => finish(true));
    for (const part of Array.isArray(request) ? request : [request]) socket.write(part);
  });
}

/** Resolves when the server closes `socket`, or with `false` after `waitMs`. */
export function closedWithin(socket: Socket, waitMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    if (socket.destroyed) {
      resolve(true);
      return;
    }
    const timer = setTimeout(() => resolve(false), waitMs);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    socket.on("end", done);
    socket.on("close", done);
    socket.on("error", done);
    socket.resume();
  });
}
