// Pure grammar of the `/project` slash command: text in, structured command or
// Chinese refusal out. Resolving names, permissions and writing happen elsewhere.
export * from "./types.ts";
export { parseProjectCommand } from "./parse.ts";
export { HELP_TEXT, helpFor } from "./help.ts";
export { parseDateText, DATE_FORMS, type DateLean, type DateParse } from "./dates.ts";
export { SUBCOMMAND_INFO, resolveSubcommand, suggestSubcommands } from "./subcommands.ts";
export { FIELD_TABLES, type FieldDef } from "./fields.ts";
