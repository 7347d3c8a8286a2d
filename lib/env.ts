import { z } from 'zod';

// Placeholder until the validated environment module lands: the variables the runner reads.
const schema = z.object({
  APP_URL: z.string().url().optional(),
  SMTP_URL: z.string().optional(),
});

export const env = schema.parse({ APP_URL: process.env.APP_URL || undefined, SMTP_URL: process.env.SMTP_URL || undefined });
