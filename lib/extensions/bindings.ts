'use server';

// One-line bindings of this domain's action definitions, for components to import.
import { callAction, formAction } from '@/lib/runner/bind';
import { deleteExtensionImpact } from './consequences';
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
} from './actions';
import { findExtensions } from './search';

export const createRingGroupAction = formAction(createRingGroup);
export const updateRingGroupAction = formAction(updateRingGroup);
export const deleteRingGroupAction = formAction(deleteRingGroup);
export const createConferenceAction = formAction(createConference);
export const updateConferenceAction = formAction(updateConference);
export const regeneratePinsAction = formAction(regenerateConferencePins);
export const deleteConferenceAction = formAction(deleteConference);
export const renumberExtensionAction = formAction(renumberExtension);
export const completeExtensionsAction = formAction(completeExtensionsCard);
export const deleteExtensionImpactAction = callAction(deleteExtensionImpact);
export const findExtensionsAction = callAction(findExtensions);
