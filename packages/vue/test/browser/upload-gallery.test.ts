// Chromium, over real HTTP: a file handed to <IkDropZone>'s input is uploaded by useUpload() to the emulator
// (XMLHttpRequest, cross-origin, a fresh token from the token server), and the uploaded image is then loaded by
// <IkImage> from one of its srcset candidates.
import { afterEach, describe, expect, inject, it } from "vitest";
import { userEvent } from "vitest/browser";
import { type App, type Component, createApp, defineComponent, h, watch } from "vue";
import { IkDropZone, IkImage, ImageKit, useUpload } from "../../src/index.ts";
import { photo } from "../support/photo.ts";

const env = inject("upload");
const urlEndpoint = inject("vueUrlEndpoint");
let app: App | undefined;

afterEach(() => {
  app?.unmount();
  document.body.replaceChildren();
});

/** Mounts `component` in the page under the plugin, pointed at the emulator and the token server. */
function mount(component: Component) {
  app = createApp(component).use(ImageKit, {
    urlEndpoint,
    publicKey: env.publicKey,
    uploadEndpoint: env.uploadUrl,
    authenticator: async () => (await fetch(env.authUrl)).json(),
  });
  const root = document.createElement("div");
  document.body.append(root);
  app.mount(root);
}

describe("upload then show, in Chromium", () => {
  it("uploads a dropped-in file with rising progress, then loads it through IkImage's srcset", async () => {
    const folder = `/vue-chromium-${crypto.randomUUID().slice(0, 8)}`;
    const fractions: number[] = [];
    const Gallery = defineComponent({
      setup() {
        const { add, status, progress, results } = useUpload({ folder, accept: ["image/*"] });
        watch(progress, ({ fraction }) => fractions.push(fraction));
        return () =>
          h("section", [
            h(IkDropZone, {
              accept: "image/*",
              label: "Add photos",
              onFiles: (files: File[]) => add(files),
            }),
            h("progress", { max: 1, value: progress.value.fraction }),
            h("output", status.value),
            ...results.value.map((result) =>
              h(IkImage, {
                src: result.filePath ?? "",
                width: 200,
                height: 150,
                sizes: undefined,
                alt: result.name,
                placeholder: "blur",
              }),
            ),
          ]);
      },
    });
    mount(Gallery);

    const input = document.querySelector('input[type="file"]') as HTMLInputElement;
    await userEvent.upload(input, await photo("sunset.png"));
    await expect.poll(() => document.querySelector("output")?.textContent, { timeout: 10_000 }).toBe("done");
    expect((document.querySelector("progress") as HTMLProgressElement).value).toBe(1);
    expect(fractions.at(-1)).toBe(1);
    expect(fractions).toEqual([...fractions].sort((a, b) => a - b));

    const img = document.querySelector("img") as HTMLImageElement;
    expect(img.alt).toMatch(/^sunset/);
    expect(img.getAttribute("src")).toContain(`${folder}/sunset`);
    await expect.poll(() => img.complete && img.naturalWidth, { timeout: 10_000 }).toBeGreaterThan(0);
    // The browser chose a candidate of the srcset (1x or 2x for a 200 px slot), transformed by the emulator.
    const candidates = (img.getAttribute("srcset") ?? "").split(", ").map((candidate) => candidate.split(" ")[0]);
    expect(candidates).toContain(img.currentSrc);
    expect(img.naturalWidth).toBe(Number(/w-(\d+),c-at_max/.exec(img.currentSrc)?.[1]));
    // Loaded: the placeholder is gone.
    await expect.poll(() => img.style.backgroundImage).toBe("");
  });

  it("uploads several files pasted into the zone as one queue", async () => {
    const folder = `/vue-chromium-${crypto.randomUUID().slice(0, 8)}`;
    let state: ReturnType<typeof useUpload> | undefined;
    const Paste = defineComponent({
      setup() {
        state = useUpload({ folder, concurrency: 2 });
        const add = state.add;
        return () => h(IkDropZone, { onFiles: (files: File[]) => add(files) });
      },
    });
    mount(Paste);
    const zone = document.querySelector(".ik-drop-zone") as HTMLElement;
    const data = new DataTransfer();
    for (const name of ["a.png", "b.png", "c.png"]) data.items.add(await photo(name));
    zone.focus();
    zone.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    await expect.poll(() => state?.status.value, { timeout: 10_000 }).toBe("done");
    expect(state?.results.value.map((result) => result.name?.slice(0, 1)).sort()).toEqual(["a", "b", "c"]);
    expect(document.querySelector('[role="status"]')?.textContent).toBe("3 files added");
  });
});
