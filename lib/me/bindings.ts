'use server';

// One-line bindings of this domain's action definitions, for components to import.
import { submitAction } from '@/lib/runner/bind';
import { setLocale } from './actions';

export const setLocaleAction = submitAction(setLocale);
