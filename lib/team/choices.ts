// The Team card's fixed choices, without zod: the card's tables and buttons read them in the
// browser, and importing lib/team/schema.ts there would bring zod into the card's first load.

export const LICENCES = ['free', 'office'] as const;
export type Licence = (typeof LICENCES)[number];

/** "app" = App only; otherwise the id of a desk phone from the company's inventory. */
export const APP_ONLY = 'app';

export const IMPORT_MODES = ['all_or_nothing', 'valid_only'] as const;
export type ImportMode = (typeof IMPORT_MODES)[number];

/**
 * 5 MB: 5,000 rows (the row limit) of 1 KB each, far more than the five columns at their longest
 * (about 450 bytes). The server-action body limit (next.config.ts) sits just above it, so a file
 * over this size gets errors.importTooLarge (checked in the browser before sending, and here).
 */
export const IMPORT_MAX_BYTES = 5 * 1024 * 1024;
