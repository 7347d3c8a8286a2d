'use server';

// One-line bindings of this domain's action definitions, for components to import.
import { formAction } from '@/lib/runner/bind';
import { finishSetup } from './finish';

export const finishSetupAction = formAction(finishSetup);
