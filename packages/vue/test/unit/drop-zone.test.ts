import { cleanup, fireEvent, render, screen } from "@testing-library/vue";
import { afterEach, describe, expect, it, vi } from "vitest";
import { IkDropZone } from "../../src/index.ts";

afterEach(cleanup);

const png = (name: string) => new File([new Uint8Array([137, 80, 78, 71])], name, { type: "image/png" });

/** Renders the zone and records what it emits. */
function renderZone(props: Record<string, unknown> = {}) {
  const emitted: File[][] = [];
  render(IkDropZone, {
    props: {
      label: "Add photos",
      hint: "or drop them here",
      onFiles: (files: File[]) => emitted.push(files),
      ...props,
    },
  });
  const zone = screen.getByRole("group", { name: "Add photos or drop them here" });
  const input = zone.querySelector('input[type="file"]') as HTMLInputElement;
  return { zone, input, emitted };
}

describe("<IkDropZone>", () => {
  it("is a group named by its label and hint, holding a labelled file input and a real button", () => {
    const { zone, input } = renderZone({ accept: "image/*" });
    expect(zone.tabIndex).toBe(0);
    expect(input.getAttribute("accept")).toBe("image/*");
    expect(input.multiple).toBe(true);
    const button = screen.getByRole("button", { name: "Add photos" });
    expect(button.getAttribute("type")).toBe("button");
    expect(input.getAttribute("aria-labelledby")).toBe(button.id);
    expect(document.getElementById(input.getAttribute("aria-describedby") ?? "")?.textContent).toBe(
      "or drop them here",
    );
    expect(screen.getByRole("status").getAttribute("aria-live")).toBe("polite");
  });

  it("emits the files chosen in the dialog, and announces how many", async () => {
    const { input, emitted } = renderZone({ announce: (count: number) => `${count} photos ready` });
    Object.defineProperty(input, "files", { value: [png("a.png"), png("b.png")], configurable: true });
    await fireEvent.change(input);
    expect(emitted.map((files) => files.map((file) => file.name))).toEqual([["a.png", "b.png"]]);
    expect(screen.getByRole("status").textContent).toBe("2 photos ready");
  });

  it("emits dropped files and marks the zone while dragging", async () => {
    const { zone, emitted } = renderZone();
    await fireEvent.dragEnter(zone);
    expect(zone.hasAttribute("data-dragging")).toBe(true);
    await fireEvent.drop(zone, { dataTransfer: { files: [png("dropped.png")] } });
    expect(zone.hasAttribute("data-dragging")).toBe(false);
    expect(emitted[0]?.[0]?.name).toBe("dropped.png");
    expect(screen.getByRole("status").textContent).toBe("1 file added");
  });

  it("emits pasted files, and leaves a paste of text alone", async () => {
    const { zone, emitted } = renderZone();
    await fireEvent.paste(zone, { clipboardData: { files: [] } });
    expect(emitted).toEqual([]);
    await fireEvent.paste(zone, { clipboardData: { files: [png("screenshot.png")] } });
    expect(emitted[0]?.[0]?.name).toBe("screenshot.png");
  });

  it("opens the file dialog from the keyboard, on Enter or Space on the zone and from the button", async () => {
    const { zone, input } = renderZone();
    const click = vi.spyOn(input, "click").mockImplementation(() => {});
    await fireEvent.keyDown(zone, { key: "Enter" });
    await fireEvent.keyDown(zone, { key: " " });
    await fireEvent.keyDown(zone, { key: "a" });
    await fireEvent.click(screen.getByRole("button", { name: "Add photos" }));
    expect(click).toHaveBeenCalledTimes(3);
  });

  it("keeps one file when not multiple, and takes nothing when disabled", async () => {
    const single = renderZone({ multiple: false });
    await fireEvent.drop(single.zone, { dataTransfer: { files: [png("1.png"), png("2.png")] } });
    expect(single.emitted.map((files) => files.length)).toEqual([1]);
    cleanup();
    const off = renderZone({ disabled: true });
    await fireEvent.drop(off.zone, { dataTransfer: { files: [png("x.png")] } });
    expect(off.emitted).toEqual([]);
    expect(off.zone.getAttribute("aria-disabled")).toBe("true");
    expect((screen.getByRole("button") as HTMLButtonElement).disabled).toBe(true);
  });
});
