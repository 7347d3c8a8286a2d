'use server';

// One-line bindings of this domain's action definitions, for components to import.
import { callAction, formAction } from '@/lib/runner/bind';
import { addDevice, addUser, completeTeamCard, removeUser, setUserRole, updateUser } from './actions';
import { commitUserImport, previewUserImport } from './import-commit';
import { removeUserImpact } from './consequences';
import { setLicence } from './licence';

export const addUserAction = formAction(addUser);
export const updateUserAction = formAction(updateUser);
export const removeUserAction = formAction(removeUser);
export const removeUserImpactAction = callAction(removeUserImpact);
export const setRoleAction = formAction(setUserRole);
export const completeTeamAction = formAction(completeTeamCard);
export const previewImportAction = formAction(previewUserImport);
export const commitImportAction = formAction(commitUserImport);
export const setLicenceAction = formAction(setLicence);
export const addDeviceAction = formAction(addDevice);
