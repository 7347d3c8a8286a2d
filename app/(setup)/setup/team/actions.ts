'use server';

import type { ActionState } from '@/lib/actions/run-action';
import { serve, serveCard } from '@/lib/actions/serve';
import { addUser, completeTeamCard, removeUser, setUserRole, updateUser } from '@/lib/team/actions';
import { commitUserImport, previewUserImport } from '@/lib/team/import';

export async function addUserAction(_prev: ActionState, formData: FormData) {
  return serveCard(addUser, formData);
}

export async function updateUserAction(_prev: ActionState, formData: FormData) {
  return serveCard(updateUser, formData);
}

export async function removeUserAction(_prev: ActionState, formData: FormData) {
  return serveCard(removeUser, formData);
}

export async function setRoleAction(_prev: ActionState, formData: FormData) {
  return serveCard(setUserRole, formData);
}

export async function completeTeamAction(_prev: ActionState, formData: FormData) {
  return serveCard(completeTeamCard, formData);
}

export async function previewImportAction(_prev: ActionState, formData: FormData) {
  return serve(previewUserImport, formData);
}

export async function commitImportAction(_prev: ActionState, formData: FormData) {
  return serveCard(commitUserImport, formData);
}
