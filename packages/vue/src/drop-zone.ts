import { defineComponent, h, type PropType, ref, useId } from "vue";

// Hidden from sight, not from the browser: the input still receives files (and a test's setInputFiles) and submits.
const VISUALLY_HIDDEN = {
  position: "absolute",
  width: "1px",
  height: "1px",
  margin: "-1px",
  padding: "0",
  overflow: "hidden",
  clip: "rect(0 0 0 0)",
  whiteSpace: "nowrap",
  border: "0",
} as const;

/** The files of a drop or paste, or of the input; pasted text or a dragged link has none. */
function filesOf(list: FileList | null | undefined): File[] {
  return list ? Array.from(list) : [];
}

/**
 * An accessible drop zone that emits `files` (a `File[]`) for a drop, a paste or a choice in the file dialog. It
 * holds a native `<input type="file">` (visually hidden, still the form control) opened by a real button, so the
 * keyboard and screen readers get what they expect: Tab reaches the zone and the button, Enter or Space opens the
 * dialog, Ctrl/⌘+V pastes files copied or screenshotted while focus is inside, and a polite live region says how
 * many files were added. While files are dragged over it the zone has `data-dragging`.
 *
 * @example
 * ```ts
 * import { h } from "vue";
 *
 * const { add } = useUpload({ folder: "/gallery", accept: ["image/*"] });
 * h(IkDropZone, { accept: "image/*", label: "Add photos", onFiles: (files: File[]) => add(files) });
 * ```
 */
export const IkDropZone = /* @__PURE__ */ defineComponent({
  name: "IkDropZone",
  props: {
    /** Passed to the input (`"image/*"`, `".pdf"`); check files with `useUpload({ accept })` as drops are not filtered. */
    accept: String,
    /** Allow several files at once. @default true */
    multiple: { type: Boolean, default: true },
    disabled: Boolean,
    /** The button's text, which also labels the file input. */
    label: { type: String, default: "Choose files" },
    /** Shown beside the button; with the label, the zone's accessible name. */
    hint: { type: String, default: "or drop them here, or paste from the clipboard" },
    /** What the live region says after files arrive. @default (n) => "n file(s) added" */
    announce: {
      type: Function as PropType<(count: number) => string>,
      default: (count: number) => `${count} file${count === 1 ? "" : "s"} added`,
    },
  },
  emits: {
    files: (files: File[]) => Array.isArray(files),
  },
  setup(props, { emit, slots }) {
    const id = useId();
    const input = ref<HTMLInputElement>();
    const dragging = ref(false);
    const announcement = ref("");

    const take = (files: File[]) => {
      if (props.disabled || !files.length) return;
      const chosen = props.multiple ? files : files.slice(0, 1);
      announcement.value = props.announce(chosen.length);
      emit("files", chosen);
    };
    const open = () => {
      if (!props.disabled) input.value?.click();
    };

    return () =>
      h(
        "div",
        {
          class: "ik-drop-zone",
          role: "group",
          "aria-labelledby": `${id}-label ${id}-hint`,
          "aria-disabled": props.disabled || undefined,
          tabindex: props.disabled ? undefined : 0,
          "data-dragging": dragging.value || undefined,
          onDragenter: (event: DragEvent) => {
            event.preventDefault();
            dragging.value = true;
          },
          onDragover: (event: DragEvent) => {
            event.preventDefault();
            if (event.dataTransfer) event.dataTransfer.dropEffect = props.disabled ? "none" : "copy";
          },
          onDragleave: (event: DragEvent) => {
            // Leaving for a child is not leaving the zone.
            if (!(event.currentTarget as Node).contains(event.relatedTarget as Node | null)) dragging.value = false;
          },
          onDrop: (event: DragEvent) => {
            event.preventDefault();
            dragging.value = false;
            take(filesOf(event.dataTransfer?.files));
          },
          onPaste: (event: ClipboardEvent) => {
            const files = filesOf(event.clipboardData?.files);
            if (files.length) {
              event.preventDefault();
              take(files);
            }
          },
          onKeydown: (event: KeyboardEvent) => {
            // The zone itself acts as the button; keys on the inner button already click it.
            if (event.target === event.currentTarget && (event.key === "Enter" || event.key === " ")) {
              event.preventDefault();
              open();
            }
          },
        },
        [
          h("input", {
            ref: input,
            id: `${id}-input`,
            type: "file",
            tabindex: -1,
            accept: props.accept,
            multiple: props.multiple,
            disabled: props.disabled,
            "aria-labelledby": `${id}-label`,
            "aria-describedby": `${id}-hint`,
            style: VISUALLY_HIDDEN,
            onChange: (event: Event) => {
              const target = event.target as HTMLInputElement;
              take(filesOf(target.files));
              target.value = ""; // choosing the same file again is a new choice
            },
          }),
          h("button", { id: `${id}-label`, type: "button", disabled: props.disabled, onClick: open }, props.label),
          " ",
          h("span", { id: `${id}-hint`, class: "ik-drop-zone-hint" }, props.hint),
          slots.default?.({ dragging: dragging.value }),
          h("span", { role: "status", "aria-live": "polite", style: VISUALLY_HIDDEN }, announcement.value),
        ],
      );
  },
});
