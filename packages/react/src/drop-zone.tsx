import {
  type ChangeEvent,
  type ClipboardEvent,
  type ComponentPropsWithoutRef,
  type DragEvent,
  type ReactNode,
  useId,
  useState,
} from "react";

/**
 * Props of {@link UploadDropZone}.
 *
 * @example
 * ```ts
 * const props: UploadDropZoneProps = { onFiles: (files) => console.log(files.length), accept: "image/*" };
 * ```
 */
export type UploadDropZoneProps = Omit<ComponentPropsWithoutRef<"div">, "onDrop" | "onPaste" | "children"> & {
  /** Called with the files chosen, dropped or pasted (never with none). Pass `useUpload().add`. */
  onFiles: (files: File[]) => void;
  /** The file input's label, read by screen readers and clickable. @default "Choose files" */
  label?: ReactNode;
  /** Shown under the label and read as the input's description. @default "or drop them here, or paste from the clipboard" */
  hint?: ReactNode;
  /** The input's `accept` (the file dialog's filter; dropped and pasted files are checked by the upload's `accept`). */
  accept?: string;
  /** @default true */
  multiple?: boolean;
  disabled?: boolean;
  /** What the live region announces after files arrive. @default (n) => `${n} file(s) added` */
  announce?: (count: number) => string;
  /** Props of the `<input type="file">` (a `name`, a class). */
  inputProps?: Omit<ComponentPropsWithoutRef<"input">, "type" | "accept" | "multiple" | "disabled" | "onChange">;
  children?: ReactNode;
};

const plural = (count: number) => `${count} file${count === 1 ? "" : "s"} added`;

/**
 * A drop zone around a real `<input type="file">`: keyboard users tab to the input and open the file dialog with
 * Enter or Space, screen readers hear its label and hint, files can be dragged onto the zone or pasted while focus is
 * inside it, and a polite live region announces how many arrived. While files are dragged over it the zone carries
 * `data-dragging`, for styling. Ids come from `useId`, so server and client markup match.
 *
 * @example
 * ```tsx
 * function Uploads() {
 *   const { add, progress } = useUpload({ folder: "/gallery" });
 *   return (
 *     <UploadDropZone onFiles={(files) => add(files)} accept="image/*" label="Add photos">
 *       <progress value={progress.fraction} />
 *     </UploadDropZone>
 *   );
 * }
 * ```
 */
export function UploadDropZone({
  onFiles,
  label = "Choose files",
  hint = "or drop them here, or paste from the clipboard",
  accept,
  multiple = true,
  disabled = false,
  announce = plural,
  inputProps,
  children,
  ...rest
}: UploadDropZoneProps) {
  const id = useId();
  const [dragging, setDragging] = useState(false);
  const [announcement, setAnnouncement] = useState("");

  const receive = (list: FileList | null | undefined) => {
    const files = Array.from(list ?? []);
    if (disabled || !files.length) return;
    const chosen = multiple ? files : files.slice(0, 1);
    setAnnouncement(announce(chosen.length));
    onFiles(chosen);
  };
  const onDragOver = (event: DragEvent<HTMLDivElement>) => {
    if (disabled || !event.dataTransfer.types.includes("Files")) return;
    event.preventDefault(); // allows the drop
    event.dataTransfer.dropEffect = "copy";
    setDragging(true);
  };
  const onDragLeave = (event: DragEvent<HTMLDivElement>) => {
    // Leaving for a child is still inside the zone.
    if (!event.currentTarget.contains(event.relatedTarget as Node | null)) setDragging(false);
  };
  const onDrop = (event: DragEvent<HTMLDivElement>) => {
    event.preventDefault();
    setDragging(false);
    receive(event.dataTransfer.files);
  };
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    if (!event.clipboardData.files.length) return;
    event.preventDefault();
    receive(event.clipboardData.files);
  };
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    receive(event.currentTarget.files);
    // The same file chosen again must fire change again.
    event.currentTarget.value = "";
  };

  return (
    // The zone itself is no control (dragging has the input as its keyboard equivalent): the input carries the
    // label and the hint, so a screen reader announces them once.
    // biome-ignore lint/a11y/noStaticElementInteractions: drop and paste targets; the file input is the control.
    <div
      data-dragging={dragging || undefined}
      data-disabled={disabled || undefined}
      {...rest}
      onDragOver={onDragOver}
      onDragEnter={onDragOver}
      onDragLeave={onDragLeave}
      onDrop={onDrop}
      onPaste={onPaste}
    >
      <label htmlFor={`${id}-input`}>{label}</label>
      <input
        {...inputProps}
        id={`${id}-input`}
        type="file"
        accept={accept}
        multiple={multiple}
        disabled={disabled}
        aria-describedby={`${id}-hint`}
        onChange={onChange}
      />
      <p id={`${id}-hint`}>{hint}</p>
      <p role="status" aria-live="polite">
        {announcement}
      </p>
      {children}
    </div>
  );
}
