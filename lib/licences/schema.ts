import '@/lib/zod-jitless';
import { z } from 'zod';
import { seatCountField, uuidField } from '@/lib/forms/fields';

/**
 * Office seats a sign-up may take (issue 12): sign-up costs nothing, so it grants a few; more
 * are ordered from the Licences card (buySeats), up to 1,000 at a time.
 */
export const SEATS_AT_SIGN_UP_MAX = 10;

/** The sign-up form's seat count: 1 to SEATS_AT_SIGN_UP_MAX, saying where to get more. */
export const signUpSeatsField = () => seatCountField({ value: SEATS_AT_SIGN_UP_MAX, error: 'errors.signUpSeatsMax' });

export const buySeatsSchema = z.object({
  quantity: seatCountField(),
  idempotencyKey: uuidField(),
});
