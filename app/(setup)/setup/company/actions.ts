'use server';

import type { ActionState } from '@/lib/actions/run-action';
import { serveCard } from '@/lib/actions/serve';
import { saveCompanyDetails, verifyCompanyCard } from '@/lib/company/actions';

export async function saveCompanyAction(_prev: ActionState, formData: FormData) {
  return serveCard(saveCompanyDetails, formData);
}

export async function verifyCompanyAction(_prev: ActionState, formData: FormData) {
  return serveCard(verifyCompanyCard, formData);
}
