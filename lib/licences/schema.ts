import { z } from 'zod';

export const buySeatsSchema = z.object({
  quantity: z.coerce
    .number<string | number>({ error: 'errors.seatsInvalid' })
    .int({ error: 'errors.seatsInvalid' })
    .min(1, { error: 'errors.seatsInvalid' })
    .max(1000, { error: "errors.seatsInvalid" }),
  idempotencyKey: z.uuid({ error: 'errors.invalid' }),
});
