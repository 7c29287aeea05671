// The example page in Chromium against the emulator: the gallery's images load, and a file chosen in the upload form
// is uploaded with a token from /auth (the token server stands in for @ikit/worker, answering the same shape) and
// appears in the gallery. The demo's Playwright run does the same against the real worker.
import { render, screen, waitFor, within } from "@testing-library/react";
import { userEvent } from "@testing-library/user-event";
import { describe, expect, inject, it } from "vitest";
// Also declares `inject("react")`'s type, for the type check.
import type { ReactTestEnv } from "../../../../packages/react/test/support/global-setup.ts";
import { App } from "../../src/App.tsx";
import { readConfig } from "../../src/config.ts";

const env: ReactTestEnv = inject("react");

describe("the example page in Chromium", () => {
  it("loads the gallery and adds an uploaded image to it", async () => {
    const workerUrl = env.authUrl.replace(/\/auth$/, "");
    render(
      <App
        config={readConfig({
          VITE_IKIT_URL_ENDPOINT: env.urlEndpoint,
          VITE_IKIT_WORKER_URL: workerUrl,
          VITE_IKIT_UPLOAD_URL: env.uploadUrl,
          VITE_IKIT_PUBLIC_KEY: env.publicKey,
          VITE_IKIT_SAMPLES: env.samples.join(","),
        })}
      />,
    );
    const gallery = screen.getByTestId("gallery");
    for (const img of within(gallery).getAllByRole("img") as HTMLImageElement[]) {
      img.loading = "eager"; // below the fold in the test's small viewport
      await waitFor(() => expect(img.complete && img.naturalWidth > 0).toBe(true), { timeout: 10_000 });
    }
    // A real PNG, fetched from the emulator, uploaded again as the user's file.
    const bytes = await (await fetch(`${env.urlEndpoint}${env.samples[0]}`)).arrayBuffer();
    const file = new File([bytes], "mine.png", { type: "image/png" });
    const upload = screen.getByTestId("upload");
    await userEvent.upload(within(upload).getByLabelText("Choose images to upload"), file);
    await waitFor(() => expect(within(upload).getByTestId("upload-status")).toHaveTextContent(/^done$/), {
      timeout: 15_000,
    });
    expect((within(upload).getByTestId("upload-progress") as HTMLProgressElement).value).toBe(1);
    await waitFor(() => expect(within(gallery).getAllByTestId("gallery-item")).toHaveLength(env.samples.length + 1));
    const items = within(gallery).getAllByTestId("gallery-item");
    const added = items.at(-1) as HTMLElement;
    expect(added.dataset.path).toMatch(/^\/uploads\/mine.*\.png$/);
    const img = within(added).getByRole("img") as HTMLImageElement;
    img.loading = "eager";
    await waitFor(() => expect(img.complete && img.naturalWidth > 0).toBe(true), { timeout: 10_000 });
  });
});
