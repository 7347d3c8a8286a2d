// Value lists shared by the tables (db/schema.ts) and by client-side code (forms, card paths).
// Kept apart from the schema so a client component importing one of them does not bundle
// drizzle and every table definition into the browser (issue 15, first-load JS).
export const RING_STRATEGIES = ['simultaneous', 'sequential', 'round_robin'] as const;
export const NUMBER_TYPES = ['local', 'toll_free'] as const;
export const SETUP_CARDS = ['company', 'team', 'licences', 'extensions', 'numbers', 'calls', 'review'] as const;
export const SCHEDULE_OWNER_KINDS = ['company', 'number', 'ring_group'] as const;
export const CALL_STATES = ['open', 'closed', 'holiday'] as const;
