/**
 * A real PNG drawn on a canvas (a two-colour gradient), so the emulator can transform it and the browser decode it.
 *
 * @example
 * ```ts
 * await userEvent.upload(input, await photo("sunset.png"));
 * ```
 */
export async function photo(name: string, width = 800, height = 600): Promise<File> {
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext("2d");
  if (!context) throw new Error("no 2d context");
  const gradient = context.createLinearGradient(0, 0, width, height);
  gradient.addColorStop(0, "#0a7");
  gradient.addColorStop(1, "#e52");
  context.fillStyle = gradient;
  context.fillRect(0, 0, width, height);
  return new File([await canvas.convertToBlob({ type: "image/png" })], name, { type: "image/png" });
}
