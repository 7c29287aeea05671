// useUpload and <UploadDropZone> in a real Chromium, uploading over HTTP to the emulator with tokens from a token
// server (test/support/global-setup.ts): what a person does, chosen through the file input.
import { render, screen, waitFor } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, inject, it } from "vitest";
import { ImageKitProvider, UploadDropZone, type UseUploadOptions, useUpload } from "../../src/index.js";

const env = inject("react");

interface Listed {
  filePath: string;
  size: number;
}
const listed = async (folder: string): Promise<Listed[]> =>
  (await fetch(`${env.filesUrl}?path=${encodeURIComponent(folder)}`)).json();

function Uploads({ options, fractions }: { options: UseUploadOptions; fractions: number[] }) {
  const { items, progress, status, add, abort, retry } = useUpload(options);
  fractions.push(progress.fraction);
  return (
    <UploadDropZone onFiles={(files) => add(files)} label="Add files">
      <progress data-testid="progress" value={progress.fraction} />
      <output data-testid="status">{status}</output>
      <ul>
        {items.map((item) => (
          <li key={item.id} data-testid="item" data-status={item.status} data-path={item.result?.filePath}>
            {item.name}
            <button type="button" onClick={() => abort(item.id)}>
              Cancel {item.name}
            </button>
            <button type="button" onClick={() => retry(item.id)}>
              Retry {item.name}
            </button>
          </li>
        ))}
      </ul>
    </UploadDropZone>
  );
}

function mount(options: UseUploadOptions) {
  const fractions: number[] = [];
  render(
    <ImageKitProvider publicKey={env.publicKey} uploadEndpoint={env.uploadUrl} authEndpoint={env.authUrl}>
      <Uploads options={options} fractions={fractions} />
    </ImageKitProvider>,
  );
  return fractions;
}

/** Random bytes, so every run stores a new file of a known size. */
function randomFile(name: string, bytes: number): File {
  const data = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i += 65536) crypto.getRandomValues(data.subarray(i, i + 65536));
  return new File([data], name, { type: "application/octet-stream" });
}

describe("useUpload in Chromium against the emulator", () => {
  it("uploads chosen files with rising progress, and the files are stored", async () => {
    const folder = `/react-${crypto.randomUUID()}`;
    const fractions = mount({ folder, useUniqueFileName: false });
    // 12 MB: long enough for Chromium (upload progress every 50 ms) to report bytes mid-body even on a fast, busy
    // machine; 3 MB could arrive in one go, leaving no render between 0 and 1.
    const files = [randomFile("one.bin", 12_000_000), randomFile("two.bin", 1_000)];
    await userEvent.upload(screen.getByLabelText("Add files"), files);
    await waitFor(() => expect(screen.getByTestId("status")).toHaveTextContent("done"), { timeout: 20_000 });
    expect(screen.getByText("2 files added")).toHaveAttribute("aria-live", "polite");
    const items = screen.getAllByTestId("item");
    expect(items.map((li) => li.dataset.path)).toEqual([`${folder}/one.bin`, `${folder}/two.bin`]);
    expect((screen.getByTestId("progress") as HTMLProgressElement).value).toBe(1);
    // Progress went up in steps (XHR byte progress), never down while sending.
    const sending = fractions.filter((f) => f > 0);
    expect(sending.some((f) => f > 0 && f < 1)).toBe(true);
    for (let i = 1; i < sending.length; i++) expect(sending[i]).toBeGreaterThanOrEqual(sending[i - 1] as number);
    const stored = await listed(folder);
    expect(stored.map(({ filePath, size }) => [filePath, size]).sort()).toEqual([
      [`${folder}/one.bin`, 12_000_000],
      [`${folder}/two.bin`, 1_000],
    ]);
  });

  it("cancels a file mid-upload, leaving nothing stored, then sends it again on retry", async () => {
    const folder = `/react-${crypto.randomUUID()}`;
    mount({ folder, useUniqueFileName: false });
    const user = userEvent.setup();
    // The emulator holds each upload for 3 s before handling it: the cancel comes well before.
    await fetch(`${env.latencyUrl}?ms=3000`, { method: "POST" });
    const held = Date.now();
    try {
      await user.upload(screen.getByLabelText("Add files"), randomFile("big.bin", 40_000_000));
      await waitFor(() => expect(screen.getByTestId("item").dataset.status).toBe("uploading"));
      await waitFor(() => expect((screen.getByTestId("progress") as HTMLProgressElement).value).toBeGreaterThan(0));
      await user.click(screen.getByRole("button", { name: "Cancel big.bin" }));
      await waitFor(() => expect(screen.getByTestId("item").dataset.status).toBe("cancelled"));
    } finally {
      await fetch(`${env.latencyUrl}?ms=0`, { method: "POST" });
    }
    // Looked at once the emulator has handled what reached it (it would store it then): nothing.
    await new Promise((resolve) => setTimeout(resolve, held + 3500 - Date.now()));
    expect(await listed(folder)).toEqual([]);
    await user.click(screen.getByRole("button", { name: "Retry big.bin" }));
    await waitFor(() => expect(screen.getByTestId("status")).toHaveTextContent("done"), { timeout: 30_000 });
    expect(screen.getAllByTestId("item").map((li) => li.dataset.status)).toEqual(["done"]);
    expect(await listed(folder)).toEqual([{ filePath: `${folder}/big.bin`, size: 40_000_000 }]);
  });

  it("shows a refused token as an error", async () => {
    const folder = `/react-${crypto.randomUUID()}`;
    const fractions = mount({ folder, authEndpoint: `${env.authUrl}-missing`, retries: 0 });
    await userEvent.upload(screen.getByLabelText("Add files"), randomFile("a.bin", 10));
    await waitFor(() => expect(screen.getByTestId("status")).toHaveTextContent("error"));
    expect(fractions.at(-1)).toBe(0);
    expect(await listed(folder)).toEqual([]);
  });
});
