'use server';

// One-line bindings of this domain's action definitions, for components to import.
import { formAction } from '@/lib/runner/bind';
import { acknowledgeEmergencyNotice, addEmergencyRecipient, removeEmergencyRecipient } from './actions';

export const addEmergencyRecipientAction = formAction(addEmergencyRecipient);
export const removeEmergencyRecipientAction = formAction(removeEmergencyRecipient);
export const acknowledgeEmergencyNoticeAction = formAction(acknowledgeEmergencyNotice);
