import { createEvent, fireEvent, render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { UploadDropZone } from "../../src/index.js";

const png = (name: string) => new File(["x"], name, { type: "image/png" });

function setup(props: Partial<Parameters<typeof UploadDropZone>[0]> = {}) {
  const received: string[][] = [];
  render(
    <UploadDropZone data-testid="zone" onFiles={(files) => received.push(files.map((f) => f.name))} {...props}>
      <span>inside</span>
    </UploadDropZone>,
  );
  return { received, zone: screen.getByTestId("zone") };
}

/** A drop or paste event carrying files, as the browser builds it. */
function withFiles(type: "drop" | "dragOver" | "paste", target: HTMLElement, files: File[]) {
  const key = type === "paste" ? "clipboardData" : "dataTransfer";
  const event = createEvent[type](target);
  Object.defineProperty(event, key, { value: { files, types: ["Files"], dropEffect: "none" } });
  return event;
}

describe("<UploadDropZone>", () => {
  it("labels its file input and describes it, for screen readers", () => {
    const { zone } = setup({ label: "Add photos", hint: "PNG or JPEG" });
    const input = screen.getByLabelText("Add photos");
    expect(input).toHaveAttribute("type", "file");
    expect(input).toHaveAccessibleDescription("PNG or JPEG");
    expect(zone).toContainElement(input);
    expect(screen.getByRole("status")).toHaveTextContent("");
  });

  it("is reached with Tab and gives chosen files, announcing how many arrived", async () => {
    const user = userEvent.setup();
    const { received } = setup({ accept: "image/*" });
    await user.tab();
    const input = screen.getByLabelText("Choose files");
    expect(input).toHaveFocus();
    await user.upload(input, [png("a.png"), png("b.png")]);
    expect(received).toEqual([["a.png", "b.png"]]);
    expect(screen.getByRole("status")).toHaveTextContent("2 files added");
  });

  it("takes dropped files, marking the zone while they are dragged over it", () => {
    const { received, zone } = setup();
    const over = withFiles("dragOver", zone, [png("a.png")]);
    fireEvent(zone, over);
    expect(over.defaultPrevented).toBe(true);
    expect(zone).toHaveAttribute("data-dragging", "true");
    const drop = withFiles("drop", zone, [png("a.png")]);
    fireEvent(zone, drop);
    expect(drop.defaultPrevented).toBe(true);
    expect(zone).not.toHaveAttribute("data-dragging");
    expect(received).toEqual([["a.png"]]);
    expect(screen.getByRole("status")).toHaveTextContent("1 file added");
  });

  it("takes pasted files and leaves a paste without files alone", () => {
    const { received } = setup();
    const input = screen.getByLabelText("Choose files");
    const paste = withFiles("paste", input, [png("shot.png")]);
    fireEvent(input, paste);
    expect(paste.defaultPrevented).toBe(true);
    const text = withFiles("paste", input, []);
    fireEvent(input, text);
    expect(text.defaultPrevented).toBe(false);
    expect(received).toEqual([["shot.png"]]);
  });

  it("keeps one file when multiple is false", () => {
    const { received, zone } = setup({ multiple: false });
    fireEvent(zone, withFiles("drop", zone, [png("a.png"), png("b.png")]));
    expect(received).toEqual([["a.png"]]);
    expect(screen.getByLabelText("Choose files")).not.toHaveAttribute("multiple");
  });

  it("takes nothing while disabled", () => {
    const { received, zone } = setup({ disabled: true });
    fireEvent(zone, withFiles("drop", zone, [png("a.png")]));
    fireEvent(zone, withFiles("paste", zone, [png("b.png")]));
    expect(received).toEqual([]);
    expect(screen.getByLabelText("Choose files")).toBeDisabled();
    expect(zone).toHaveAttribute("data-disabled", "true");
  });
});
