'use server';

// One-line bindings of this domain's action definitions, for components to import.
import { formAction } from '@/lib/runner/bind';
import { newOwnSipPassword, newSipPassword } from './actions';

export const newOwnSipPasswordAction = formAction(newOwnSipPassword);
export const newSipPasswordAction = formAction(newSipPassword);
