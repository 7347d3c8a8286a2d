import 'server-only';
import { forbidden, redirect } from 'next/navigation';
import { cache } from 'react';
import type { Actor } from '@/lib/actions/define';
import { loadSessionActor } from './sessions';
import { auth } from './index';

/** The signed-in user of a live session, re-read from the database once per request. */
export const currentActor = cache(async (): Promise<Actor | undefined> => {
  const session = await auth();
  return loadSessionActor({ userId: session?.user?.id, sessionId: session?.sessionId });
});

export async function requireActor(callbackUrl: string): Promise<Actor> {
  const actor = await currentActor();
  if (!actor) redirect(`/sign-in?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  return actor;
}

/** Every /setup layout and page calls this: the proxy alone is not authorization. */
export async function requireAdmin(callbackUrl = '/setup'): Promise<Actor> {
  const actor = await requireActor(callbackUrl);
  if (actor.role !== 'admin') forbidden();
  return actor;
}
