'use server';

// One-line bindings of this domain's action definitions, for components to import.
import { callAction, formAction } from '@/lib/runner/bind';
import { addDevice, addUser, completeTeamCard, removeUser, setUserRole } from './actions';
import { updateUserAndWelcome } from '@/lib/mail/address-change';
import { commitUserImport, previewUserImport } from './import-commit';
import { removeUserImpact } from './consequences';
import { freeLicenceImpact, setLicence } from './licence';
import { findUsers } from './search';

export const addUserAction = formAction(addUser);
// A changed e-mail also re-sends the welcome (lib/mail/address-change.ts).
export const updateUserAction = formAction(updateUserAndWelcome);
export const removeUserAction = formAction(removeUser);
export const removeUserImpactAction = callAction(removeUserImpact);
export const setRoleAction = formAction(setUserRole);
export const completeTeamAction = formAction(completeTeamCard);
export const previewImportAction = formAction(previewUserImport);
export const commitImportAction = formAction(commitUserImport);
export const setLicenceAction = formAction(setLicence);
export const freeLicenceImpactAction = callAction(freeLicenceImpact);
export const addDeviceAction = formAction(addDevice);
export const findUsersAction = callAction(findUsers);
