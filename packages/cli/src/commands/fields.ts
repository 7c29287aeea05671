// `ikit fields list|create|update|rm`: the account's custom metadata fields.
import type { CustomMetadataFieldSchema } from "@ikit/admin";
import { confirm } from "../confirm.js";
import { CliError } from "../errors.js";
import { listFlag, numberFlag } from "../flags.js";
import type { Register } from "./command.js";
import { printObject } from "./details.js";

const TYPES = ["Text", "Textarea", "Number", "Date", "Boolean", "SingleSelect", "MultiSelect"] as const;
type FieldType = (typeof TYPES)[number];

interface SchemaOptions {
  type?: string;
  label?: string;
  required?: boolean;
  default?: string;
  min?: string;
  max?: string;
  minLength?: string;
  maxLength?: string;
  select?: string;
}

/** A select option or default as the field's type wants it: numbers and booleans for Number and Boolean. */
function typedValue(text: string, type: FieldType | undefined): string | number | boolean {
  if (type === "Number") {
    const n = Number(text);
    if (Number.isNaN(n)) throw new CliError("USAGE", `${JSON.stringify(text)} is not a number.`, text);
    return n;
  }
  if (type === "Boolean") {
    if (text !== "true" && text !== "false")
      throw new CliError("USAGE", `a Boolean field takes true or false (got ${JSON.stringify(text)}).`, text);
    return text === "true";
  }
  return text;
}

/** The schema fields given as flags (only those given). */
function schemaOf(options: SchemaOptions, type: FieldType | undefined): Partial<CustomMetadataFieldSchema> {
  const schema: Partial<CustomMetadataFieldSchema> = {};
  if (type) schema.type = type;
  if (options.required) schema.isValueRequired = true;
  if (options.select !== undefined) schema.selectOptions = listFlag(options.select).map((v) => typedValue(v, type));
  if (options.default !== undefined) {
    schema.defaultValue =
      type === "MultiSelect"
        ? listFlag(options.default).map((v) => typedValue(v, type))
        : typedValue(options.default, type);
  }
  if (options.min !== undefined)
    schema.minValue = type === "Date" ? options.min : (typedValue(options.min, "Number") as number);
  if (options.max !== undefined)
    schema.maxValue = type === "Date" ? options.max : (typedValue(options.max, "Number") as number);
  const minLength = numberFlag(options.minLength, "--min-length");
  const maxLength = numberFlag(options.maxLength, "--max-length");
  if (minLength !== undefined) schema.minLength = minLength;
  if (maxLength !== undefined) schema.maxLength = maxLength;
  return schema;
}

function fieldType(value: string | undefined): FieldType | undefined {
  if (value === undefined) return undefined;
  const type = TYPES.find((t) => t.toLowerCase() === value.toLowerCase());
  if (!type)
    throw new CliError("USAGE", `--type must be one of ${TYPES.join(", ")} (got ${JSON.stringify(value)}).`, value);
  return type;
}

/**
 * Adds `fields list|create|update|rm`.
 *
 * @example
 * ```ts
 * registerFields(new Command("ikit"), () => context);
 * ```
 */
export const registerFields: Register = (program, ctx) => {
  const fields = program.command("fields").description("custom metadata fields");
  const schemaFlags = (command: ReturnType<typeof fields.command>) =>
    command
      .option("--required", "a value is required (give --default too)")
      .option("--default <value>", "default value (comma-separated for MultiSelect)")
      .option("--min <value>", "minimum (Number, Date)")
      .option("--max <value>", "maximum (Number, Date)")
      .option("--min-length <n>", "minimum length (Text, Textarea)")
      .option("--max-length <n>", "maximum length (Text, Textarea)")
      .option("--select <options>", "comma-separated options (SingleSelect, MultiSelect)");
  fields
    .command("list")
    .description("list the fields")
    .option("--include-deleted", "deleted fields too")
    .addHelpText("after", "\nExample:\n  ikit fields list --json")
    .action(async (options: { includeDeleted?: boolean }) => {
      const { out } = ctx();
      const list = await ctx()
        .admin("fields list")
        .listFields({ includeDeleted: options.includeDeleted === true });
      if (out.mode.json) return out.json(list);
      for (const f of list) await out.line([f.id, f.name, f.label, f.schema.type].join("\t"));
    });
  schemaFlags(
    fields
      .command("create")
      .description("create a field")
      .argument("<name>", "the field's name (fixed once made)")
      .requiredOption("--type <type>", `one of ${TYPES.join(", ")}`)
      .option("--label <label>", "the label people see (default: the name)"),
  )
    .addHelpText("after", "\nExample:\n  ikit fields create price --type Number --min 0 --label Price")
    .action(async (name: string, options: SchemaOptions) => {
      const type = fieldType(options.type) ?? "Text";
      const schema = { ...schemaOf(options, type), type } as CustomMetadataFieldSchema;
      const field = await ctx()
        .admin("fields create")
        .createField({ name, label: options.label ?? name, schema });
      await printObject(ctx(), field);
    });
  schemaFlags(
    fields
      .command("update")
      .description("change a field's label or schema (not its name or type)")
      .argument("<fieldId>", "the field's id (`ikit fields list`)")
      .option("--label <label>", "new label")
      .option("--type <type>", "the field's type, to read --default/--min/--max/--select as it wants"),
  )
    .addHelpText("after", "\nExample:\n  ikit fields update 6b04f1a3c9e2d7b8a1f0c3e2 --label 'Price (EUR)'")
    .action(async (fieldId: string, options: SchemaOptions) => {
      const schema = schemaOf(options, fieldType(options.type));
      delete schema.type;
      const update = {
        ...(options.label !== undefined ? { label: options.label } : {}),
        ...(Object.keys(schema).length ? { schema } : {}),
      };
      if (Object.keys(update).length === 0)
        throw new CliError("USAGE", "fields update needs --label or a schema flag (--min, --max, --select, …).");
      await printObject(ctx(), await ctx().admin("fields update").updateField(fieldId, update));
    });
  fields
    .command("rm")
    .description("delete a field (asks first)")
    .argument("<fieldId>", "the field's id")
    .option("-y, --yes", "do not ask")
    .addHelpText("after", "\nExample:\n  ikit fields rm 6b04f1a3c9e2d7b8a1f0c3e2 --yes")
    .action(async (fieldId: string, options: { yes?: boolean }) => {
      const admin = ctx().admin("fields rm");
      await confirm(`Delete custom metadata field ${fieldId}?`, { yes: options.yes === true });
      await admin.deleteField(fieldId);
      if (ctx().out.mode.json) await ctx().out.json({ deleted: fieldId });
      else ctx().out.note(`deleted field ${fieldId}`);
    });
};
