'use server';

// One-line bindings of this domain's action definitions, for components to import.
import { formAction } from '@/lib/runner/bind';
import { saveAndVerifyCompany, saveCompanyDetails, verifyCompanyCard } from './actions';

export const saveCompanyAction = formAction(saveCompanyDetails);
export const verifyCompanyAction = formAction(verifyCompanyCard);
export const saveAndContinueCompanyAction = formAction(saveAndVerifyCompany);
