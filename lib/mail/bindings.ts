'use server';

// One-line bindings of this domain's action definitions, for components to import.
import { formAction } from '@/lib/runner/bind';
import { resendActivation } from './outbox';

export const resendActivationAction = formAction(resendActivation);
