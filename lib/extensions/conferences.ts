import { randomInt } from 'node:crypto';
import { hashPassword, verifyPassword } from '@/lib/secrets/password';

/** PINs are typed on a phone keypad: 6 digits, leading zeros allowed. */
export const PIN_LENGTH = 6;

export type ConferencePins = { hostPin: string; participantPin: string };

export function generatePin(): string {
  return String(randomInt(0, 10 ** PIN_LENGTH)).padStart(PIN_LENGTH, '0');
}

/** A host PIN and a different participant PIN, from the OS's CSPRNG. */
export function generatePins(): ConferencePins {
  const hostPin = generatePin();
  let participantPin = generatePin();
  while (participantPin === hostPin) participantPin = generatePin();
  return { hostPin, participantPin };
}

/**
 * New PINs and their argon2 hashes. Only the hashes are stored; the plain PINs go back to the
 * admin once, in the action's result. Hashing is slow on purpose, so callers do it before
 * taking the company lock.
 */
export async function newPins(): Promise<ConferencePins & { hostPinHash: string; participantPinHash: string }> {
  const pins = generatePins();
  const [hostPinHash, participantPinHash] = await Promise.all([hashPassword(pins.hostPin), hashPassword(pins.participantPin)]);
  return { ...pins, hostPinHash, participantPinHash };
}

/** What the bridge asks when someone dials in: which role, if any, this PIN opens. */
export async function pinRole(
  conference: { hostPinHash: string | null; participantPinHash: string | null },
  pin: string,
): Promise<'host' | 'participant' | undefined> {
  if (conference.hostPinHash && (await verifyPassword(conference.hostPinHash, pin))) return 'host';
  if (conference.participantPinHash && (await verifyPassword(conference.participantPinHash, pin))) return 'participant';
  return undefined;
}
