'use server';

import type { ActionState } from '@/lib/actions/run-action';
import { serveCard } from '@/lib/actions/serve';
import {
  assignMissingNumbers,
  completeNumbersCard,
  holdNumbers,
  mapNumber,
  purchaseNumbers,
  releaseHeldNumbers,
  releaseNumber,
  setMainNumber,
} from '@/lib/numbers/actions';

export async function holdNumbersAction(_prev: ActionState, formData: FormData) {
  return serveCard(holdNumbers, formData);
}

export async function releaseHeldNumbersAction(_prev: ActionState, formData: FormData) {
  return serveCard(releaseHeldNumbers, formData);
}

export async function purchaseNumbersAction(_prev: ActionState, formData: FormData) {
  return serveCard(purchaseNumbers, formData);
}

export async function mapNumberAction(_prev: ActionState, formData: FormData) {
  return serveCard(mapNumber, formData);
}

export async function setMainNumberAction(_prev: ActionState, formData: FormData) {
  return serveCard(setMainNumber, formData);
}

export async function releaseNumberAction(_prev: ActionState, formData: FormData) {
  return serveCard(releaseNumber, formData);
}

export async function assignMissingNumbersAction(_prev: ActionState, formData: FormData) {
  return serveCard(assignMissingNumbers, formData);
}

export async function completeNumbersAction(_prev: ActionState, formData: FormData) {
  return serveCard(completeNumbersCard, formData);
}
