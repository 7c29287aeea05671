// Every console line the Worker writes during a test file is captured; after the file, none may contain a secret.
import { env } from "cloudflare:workers";
import { afterAll, expect, vi } from "vitest";

/** The lines logged so far in this file. */
export const logged: string[] = [];

for (const level of ["log", "info", "warn", "error", "debug"] as const) {
  vi.spyOn(console, level).mockImplementation((...args: unknown[]) => {
    logged.push(args.map((arg) => (arg instanceof Error ? `${arg.name}: ${arg.message}` : String(arg))).join(" "));
  });
}

afterAll(() => {
  const all = logged.join("\n");
  for (const name of ["IMAGEKIT_PRIVATE_KEY", "IMAGEKIT_WEBHOOK_SECRET", "IKIT_SIGN_SECRET"] as const) {
    const secret = (env as Record<string, string>)[name];
    expect(secret, `${name} is bound`).toBeTruthy();
    expect(all).not.toContain(secret);
  }
});
