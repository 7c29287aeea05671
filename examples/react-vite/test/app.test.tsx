// The page under happy-dom, as the demo's Playwright run reads it: the data-testid contract, and a clear message
// (never a crash) for each missing or malformed value.
import { render, screen, within } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { App } from "../src/App.tsx";
import { readConfig } from "../src/config.ts";

const env = {
  VITE_IKIT_URL_ENDPOINT: "http://127.0.0.1:3030/demo-endpoint",
  VITE_IKIT_WORKER_URL: "http://127.0.0.1:8787",
  VITE_IKIT_UPLOAD_URL: "http://127.0.0.1:3030/api/v1/files/upload",
  VITE_IKIT_PUBLIC_KEY: "public_demo",
  VITE_IKIT_SAMPLES: "/samples/a.jpg, /samples/b.jpg",
  VITE_IKIT_PRIVATE_SAMPLES: "/private/c.jpg",
};

afterEach(() => {
  vi.restoreAllMocks();
});

describe("the example page", () => {
  it("renders the gallery, transformations, upload form and signed images from the env", () => {
    render(<App config={readConfig(env)} />);
    expect(screen.queryByRole("alert")).toBeNull();
    const gallery = screen.getByTestId("gallery");
    const items = within(gallery).getAllByTestId("gallery-item");
    expect(items.map((item) => item.dataset.path)).toEqual(["/samples/a.jpg", "/samples/b.jpg"]);
    for (const item of items) {
      const img = within(item).getByRole("img");
      expect(img.getAttribute("src")).toMatch(
        /^http:\/\/127\.0\.0\.1:3030\/demo-endpoint\/samples\/.\.jpg\?tr=w-640,c-at_max$/,
      );
      expect(img.getAttribute("srcset")).toContain("w-384,c-at_max 1x");
      expect(img).toHaveAttribute("width", "320");
      expect(img).toHaveAttribute("height", "240");
    }
    expect(within(items[0] as HTMLElement).getByRole("img")).toHaveAttribute("fetchpriority", "high");
    expect(within(items[1] as HTMLElement).getByRole("img")).toHaveAttribute("loading", "lazy");

    expect(screen.getByAltText("The top half, cropped by expression").getAttribute("src")).toContain(
      "tr=h-ih_div_2,w-iw,c-force:w-640,c-at_max",
    );
    expect(screen.getByAltText("Text and image overlays").getAttribute("src")).toMatch(
      /l-text,ie-.+,l-end:l-image,i-samples@@b\.jpg,.*l-end/,
    );

    const upload = screen.getByTestId("upload");
    const input = within(upload).getByLabelText("Choose images to upload");
    expect(input).toHaveAttribute("type", "file");
    expect(within(upload).getByTestId("upload-progress").tagName).toBe("PROGRESS");
    expect(within(upload).getByTestId("upload-status")).toHaveTextContent("idle");

    const signed = within(screen.getByTestId("signed")).getByTestId("signed-image");
    expect(signed).toHaveAttribute("data-path", "/private/c.jpg");
    expect(signed).toHaveAttribute("src", "http://127.0.0.1:8787/img/private/c.jpg?w=640&q=80");
    expect(signed).toHaveAttribute(
      "srcset",
      "http://127.0.0.1:8787/img/private/c.jpg?w=320&q=80 1x, http://127.0.0.1:8787/img/private/c.jpg?w=640&q=80 2x",
    );
  });

  it("says which variables are missing, section by section, when none is set", () => {
    render(<App config={readConfig({})} />);
    expect(screen.getByTestId("config-summary")).toHaveTextContent(
      "Missing configuration: VITE_IKIT_URL_ENDPOINT, VITE_IKIT_WORKER_URL, VITE_IKIT_UPLOAD_URL, VITE_IKIT_PUBLIC_KEY, VITE_IKIT_SAMPLES, VITE_IKIT_PRIVATE_SAMPLES",
    );
    expect(within(screen.getByTestId("gallery")).getByRole("alert")).toHaveTextContent("VITE_IKIT_URL_ENDPOINT");
    expect(within(screen.getByTestId("upload")).getByRole("alert")).toHaveTextContent(
      "VITE_IKIT_WORKER_URL, VITE_IKIT_UPLOAD_URL, VITE_IKIT_PUBLIC_KEY",
    );
    expect(within(screen.getByTestId("signed")).getByRole("alert")).toHaveTextContent(
      "VITE_IKIT_WORKER_URL, VITE_IKIT_PRIVATE_SAMPLES",
    );
    expect(screen.queryAllByRole("img")).toEqual([]);
  });

  it("keeps the other sections when only some values are set", () => {
    render(<App config={readConfig({ ...env, VITE_IKIT_PRIVATE_SAMPLES: "" })} />);
    expect(within(screen.getByTestId("gallery")).getAllByTestId("gallery-item")).toHaveLength(2);
    expect(within(screen.getByTestId("signed")).getByRole("alert")).toHaveTextContent("VITE_IKIT_PRIVATE_SAMPLES");
  });

  it("shows a malformed endpoint as a message in its sections, not a blank page", () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    render(<App config={readConfig({ ...env, VITE_IKIT_URL_ENDPOINT: "not a url" })} />);
    const errors = screen.getAllByTestId("section-error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]).toHaveTextContent(/urlEndpoint/);
    expect(within(screen.getByTestId("signed")).getByTestId("signed-image")).toBeInTheDocument();
  });
});
