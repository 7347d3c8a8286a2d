'use server';

import type { ActionState } from '@/lib/actions/run-action';
import { serveCard } from '@/lib/actions/serve';
import {
  completeExtensionsCard,
  createConference,
  createRingGroup,
  deleteConference,
  deleteRingGroup,
  regenerateConferencePins,
  renumberExtension,
  updateConference,
  updateRingGroup,
} from '@/lib/extensions/actions';

export async function createRingGroupAction(_prev: ActionState, formData: FormData) {
  return serveCard(createRingGroup, formData);
}

export async function updateRingGroupAction(_prev: ActionState, formData: FormData) {
  return serveCard(updateRingGroup, formData);
}

export async function deleteRingGroupAction(_prev: ActionState, formData: FormData) {
  return serveCard(deleteRingGroup, formData);
}

export async function createConferenceAction(_prev: ActionState, formData: FormData) {
  return serveCard(createConference, formData);
}

export async function updateConferenceAction(_prev: ActionState, formData: FormData) {
  return serveCard(updateConference, formData);
}

export async function regeneratePinsAction(_prev: ActionState, formData: FormData) {
  return serveCard(regenerateConferencePins, formData);
}

export async function deleteConferenceAction(_prev: ActionState, formData: FormData) {
  return serveCard(deleteConference, formData);
}

export async function renumberExtensionAction(_prev: ActionState, formData: FormData) {
  return serveCard(renumberExtension, formData);
}

export async function completeExtensionsAction(_prev: ActionState, formData: FormData) {
  return serveCard(completeExtensionsCard, formData);
}
