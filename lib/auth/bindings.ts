'use server';

// One-line bindings of this domain's action definitions, for components to import.
import { formAction, submitAction } from '@/lib/runner/bind';
import { activate, signInUser, signUp } from './actions';
import { signOutEverywhere, signOutUser } from './sign-out';

export const signInAction = formAction(signInUser);
export const signUpAction = formAction(signUp);
export const activateAction = formAction(activate);
export const signOutAction = submitAction(signOutUser);
export const signOutEverywhereAction = submitAction(signOutEverywhere);
