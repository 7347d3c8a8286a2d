'use server';

// One-line bindings of this domain's action definitions, for components to import.
import { formAction } from '@/lib/runner/bind';
import { removeSite, saveSite } from './actions';

export const saveSiteAction = formAction(saveSite);
export const removeSiteAction = formAction(removeSite);
