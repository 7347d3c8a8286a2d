'use server';

import type { ActionState } from '@/lib/actions/run-action';
import { serveCard } from '@/lib/actions/serve';
import { addDevice, buySeats, completeLicencesCard, setLicence } from '@/lib/team/actions';

export async function setLicenceAction(_prev: ActionState, formData: FormData) {
  return serveCard(setLicence, formData);
}

export async function buySeatsAction(_prev: ActionState, formData: FormData) {
  return serveCard(buySeats, formData);
}

export async function addDeviceAction(_prev: ActionState, formData: FormData) {
  return serveCard(addDevice, formData);
}

export async function completeLicencesAction(_prev: ActionState, formData: FormData) {
  return serveCard(completeLicencesCard, formData);
}
