// Public surface of the Slack stand-in, for tests and the sandbox UI.
export { signSlackRequest, signedHeaders, type SignedHeaders } from "./signing.ts";
export { validateBlocks, validateView, validateMessage, LIMITS, BLOCK_TYPES, type Surface, type ValidationResult } from "./block-kit-limits.ts";
export { startSlackStandin, type SlackStandin, type StandinOptions, type RecordedCall, type CallListener } from "./slack-api-standin.ts";
export type { FaultSpec } from "./faults.ts";
export type { StoredFile } from "./file-methods.ts";
export type { StoredView } from "./view-methods.ts";
export type { ResponseUrlOptions, ResponseUrlRecord } from "./response-urls.ts";
export { RESPONSE_URL_MAX_USES, RESPONSE_URL_TTL_MS } from "./response-urls.ts";
export { TRIGGER_TTL_MS } from "./triggers.ts";
export type { BotIdentity, StandinUser, StandinChannel, StoredMessage, EphemeralMessage } from "./workspace.ts";
