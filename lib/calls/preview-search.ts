import '@/lib/zod-jitless';
import { z } from 'zod';

/*
 * The Phone numbers card shows one number's call flow at a time, chosen in the URL:
 * `?flow=<number id>` opens it, and its "Simulate a call at" GET form adds `simulate=<number id>
 * &at=<local date-time, YYYY-MM-DDTHH:MM>`, read in the number's time zone. Anything else reads as
 * nothing chosen (an `at` that is no date-time as a simulation to ask again).
 */
export type FlowRequest = { numberId: string; simulate: boolean; at: string | null };

const uuid = z.string().uuid().optional().catch(undefined);

export const simulateSearchSchema = z
  .object({
    flow: uuid,
    simulate: uuid,
    at: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/)
      .optional()
      .catch(undefined),
  })
  .transform((v): FlowRequest | null =>
    v.simulate ? { numberId: v.simulate, simulate: true, at: v.at ?? null } : v.flow ? { numberId: v.flow, simulate: false, at: null } : null,
  );
