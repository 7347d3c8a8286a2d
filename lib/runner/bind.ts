import 'server-only';
import type { z } from 'zod';
import type { ActionDef } from '@/lib/actions/define';
import { callInput, formInput, type ActionState } from '@/lib/actions/state';
import { serve } from './serve';

// The shapes a 'use server' binding module exports: `export const xAction = formAction(x)`.
// A server action is a public endpoint: each binding turns what it was really called with into
// the runner's input (formInput, callInput), and a wrong argument type gets a form message.

/** For useActionState forms: (previous state, form data) -> typed state. */
export function formAction<S extends z.ZodType, R>(def: ActionDef<S, R>) {
  return async (_prev: ActionState<R>, formData: FormData): Promise<ActionState<R>> => serve(def, formInput(formData));
}

/** For calls from code: typed input -> typed state. */
export function callAction<S extends z.ZodType, R>(def: ActionDef<S, R>) {
  return async (input: z.input<S>): Promise<ActionState<R>> => serve(def, callInput(input));
}

/** For a plain `<form action>`: the outcome shows as navigation or a refresh, not as state. */
export function submitAction<S extends z.ZodType, R>(def: ActionDef<S, R>) {
  return async (formData: FormData): Promise<void> => {
    await serve(def, formInput(formData));
  };
}
