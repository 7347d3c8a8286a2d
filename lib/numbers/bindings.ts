'use server';

// One-line bindings of this domain's action definitions, for components to import.
import { callAction, formAction } from '@/lib/runner/bind';
import { numberChangeImpact } from './change-impact';
import {
  assignMissingNumbers,
  completeNumbersCard,
  holdNumbers,
  mapNumber,
  purchaseNumbers,
  releaseHeldNumbers,
  releaseNumber,
  setMainNumber,
} from './actions';

export const holdNumbersAction = formAction(holdNumbers);
export const releaseHeldNumbersAction = formAction(releaseHeldNumbers);
export const purchaseNumbersAction = formAction(purchaseNumbers);
export const mapNumberAction = formAction(mapNumber);
export const setMainNumberAction = formAction(setMainNumber);
export const releaseNumberAction = formAction(releaseNumber);
export const assignMissingNumbersAction = formAction(assignMissingNumbers);
export const completeNumbersAction = formAction(completeNumbersCard);
export const numberChangeImpactAction = callAction(numberChangeImpact);
