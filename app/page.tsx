import { redirect } from 'next/navigation';
import { currentActor } from '@/lib/auth/session';

export default async function Home() {
  const actor = await currentActor();
  if (!actor) redirect('/sign-in');
  redirect(actor.role === 'admin' ? '/setup' : '/me');
}
