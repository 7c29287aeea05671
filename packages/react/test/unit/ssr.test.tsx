// Server render, then hydrate the same tree in the DOM: the markup must match. React 19 reports a text mismatch
// through onRecoverableError and an attribute mismatch (a different src) as a console error it does not patch up;
// both are watched, and each is shown to fire on a real mismatch, so the first test cannot pass by not looking.
import { act } from "@testing-library/react";
import { hydrateRoot } from "react-dom/client";
import { renderToString } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Image, ImageKitProvider, UploadDropZone, useUpload } from "../../src/index.js";

function Uploads({ label }: { label: string }) {
  const { add, progress, status } = useUpload();
  return (
    <UploadDropZone onFiles={(files) => add(files)} accept="image/*" label={label}>
      <progress value={progress.fraction} />
      <output>{status}</output>
    </UploadDropZone>
  );
}

function App({ urlEndpoint, label = "Add photos" }: { urlEndpoint: string; label?: string }) {
  return (
    <ImageKitProvider urlEndpoint={urlEndpoint} workerUrl="https://img.example.com" publicKey="public_x">
      <Image src="/hero.jpg" width={1200} height={600} alt="Hero" priority placeholder="blur" />
      <Image src="/a.jpg" width={400} height={300} alt="A" transformation={[{ height: "ih_div_2" }]} />
      <Image src="/private/b.jpg" width={400} height={300} alt="B" signed transformation={[{ quality: 80 }]} />
      <Uploads label={label} />
    </ImageKitProvider>
  );
}

type AppProps = Parameters<typeof App>[0];

async function hydrate(server: AppProps, client: AppProps) {
  const container = document.createElement("div");
  container.innerHTML = renderToString(<App {...server} />);
  document.body.append(container);
  const errors: unknown[] = [];
  const consoleError = vi.spyOn(console, "error").mockImplementation(() => {});
  await act(async () => {
    hydrateRoot(container, <App {...client} />, { onRecoverableError: (error) => errors.push(error) });
  });
  const logged = consoleError.mock.calls.map((args) => String(args[0]));
  return { container, errors, logged };
}

afterEach(() => {
  vi.restoreAllMocks();
  document.body.innerHTML = "";
});

const demo = "https://ik.imagekit.io/demo";

describe("server render and hydration", () => {
  it("hydrate without a mismatch", async () => {
    const { container, errors, logged } = await hydrate({ urlEndpoint: demo }, { urlEndpoint: demo });
    expect(errors).toEqual([]);
    expect(logged).toEqual([]);
    expect(container.querySelector("img[alt=Hero]")?.getAttribute("fetchpriority")).toBe("high");
    expect(container.querySelector("input[type=file]")?.getAttribute("aria-describedby")).toMatch(/hint$/);
    expect(container.querySelector("output")?.textContent).toBe("idle");
  });

  it("report a text mismatch through onRecoverableError", async () => {
    const { errors } = await hydrate({ urlEndpoint: demo }, { urlEndpoint: demo, label: "Other" });
    expect(errors.length).toBeGreaterThan(0);
  });

  it("report an attribute mismatch (another endpoint) as a console error", async () => {
    const { errors, logged } = await hydrate({ urlEndpoint: demo }, { urlEndpoint: "https://ik.imagekit.io/other" });
    expect(errors).toEqual([]);
    expect(logged.join("\n")).toContain("didn't match the client properties");
  });
});
