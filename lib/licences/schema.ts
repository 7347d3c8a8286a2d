import { z } from 'zod';
import { seatCountField, uuidField } from '@/lib/forms/fields';

export const buySeatsSchema = z.object({
  quantity: seatCountField(),
  idempotencyKey: uuidField(),
});
