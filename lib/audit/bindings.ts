'use server';

// One-line bindings of this domain's action definitions, for components to import.
import { callAction } from '@/lib/runner/bind';
import { historyPage } from './history';

export const historyPageAction = callAction(historyPage);
