'use server';

// One-line bindings of the Call handling card's actions, for components to import.
import { formAction } from '@/lib/runner/bind';
import {
  addClosure,
  completeCallsCard,
  removeClosure,
  saveBusinessHours,
  setHolidayCalendar,
  setHolidayEnabled,
  setStateTargets,
} from './actions';

export const saveBusinessHoursAction = formAction(saveBusinessHours);
export const addClosureAction = formAction(addClosure);
export const removeClosureAction = formAction(removeClosure);
export const setHolidayCalendarAction = formAction(setHolidayCalendar);
export const setHolidayEnabledAction = formAction(setHolidayEnabled);
export const setStateTargetsAction = formAction(setStateTargets);
export const completeCallsAction = formAction(completeCallsCard);
