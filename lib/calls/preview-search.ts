import { z } from 'zod';

/*
 * The Phone numbers card's "Simulate a call at" form is a GET form: `?simulate=<number id>&at=
 * <local date-time, YYYY-MM-DDTHH:MM>`, read in the company's time zone. Anything else reads as
 * no simulation (an `at` that is no date-time as a simulation to ask again).
 */
export const simulateSearchSchema = z
  .object({
    simulate: z.string().uuid().optional().catch(undefined),
    at: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
      .optional()
      .catch(undefined),
  })
  .transform((v) => (v.simulate ? { numberId: v.simulate, at: v.at ?? null } : null));
