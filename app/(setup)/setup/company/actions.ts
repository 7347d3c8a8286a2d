'use server';

import { revalidatePath } from 'next/cache';
import { serve } from '@/lib/actions/serve';
import type { ActionState } from '@/lib/actions/run-action';
import { saveCompanyDetails, verifyCompanyCard } from '@/lib/company/actions';

export async function saveCompanyAction(_prev: ActionState, formData: FormData) {
  const result = await serve(saveCompanyDetails, formData);
  if (result.ok) revalidatePath('/setup', 'layout');
  return result;
}

export async function verifyCompanyAction(_prev: ActionState, formData: FormData) {
  const result = await serve(verifyCompanyCard, formData);
  if (result.ok) revalidatePath('/setup', 'layout');
  return result;
}
