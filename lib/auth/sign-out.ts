import '@/lib/zod-jitless';
import { z } from 'zod';
import { defineAction } from '@/lib/actions/define';
import { endAllSessions, endSession } from './sessions';

/** The cookie goes too; loaded on use, so the definitions load outside a request (tests). */
async function clearCookie() {
  const { signOut } = await import('./index');
  await signOut({ redirectTo: '/sign-in' });
}

/** Ends this browser's session server-side (a copied cookie dies too) and goes back to sign-in. */
export const signOutUser = defineAction({
  role: 'any',
  schema: z.object({}),
  async handler(_input, { tx, actor }) {
    if (actor.sessionId) await endSession(actor.sessionId, tx);
  },
  afterCommit: clearCookie,
});

/** Ends every session of the user, on every device, this one included. */
export const signOutEverywhere = defineAction({
  role: 'any',
  schema: z.object({}),
  async handler(_input, { tx, actor }) {
    await endAllSessions(actor.id, tx);
  },
  afterCommit: clearCookie,
});
