'use server';

// One-line bindings of this domain's action definitions, for components to import.
import { formAction } from '@/lib/runner/bind';
import { buySeats, completeLicencesCard } from './actions';

export const buySeatsAction = formAction(buySeats);
export const completeLicencesAction = formAction(completeLicencesCard);
