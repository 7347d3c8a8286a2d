'use client';

import { zodResolver } from '@hookform/resolvers/zod';
import { useTranslations } from 'next-intl';
import { startTransition, useActionState, useEffect, useEffectEvent, type FormEvent } from 'react';
import { useForm, type DefaultValues, type FieldValues, type Path } from 'react-hook-form';
import type { z } from 'zod';
import type { ActionState, FormAction } from '@/lib/actions/state';



/**
 * react-hook-form validates with the zod schema the server action also uses; on submit the
 * form's own FormData goes to the action, and the action's field errors land on the same fields.
 */
export function useActionForm<S extends z.ZodType<FieldValues, FieldValues>, R = unknown>(opts: {
  schema: S;
  action: FormAction<R>;
  defaultValues?: DefaultValues<z.input<S>>;
  onSuccess?: (state: ActionState<R>) => void;
}) {
  const t = useTranslations();
  const [state, dispatch, pending] = useActionState(opts.action, {} as ActionState<R>);
  const form = useForm<z.input<S>, unknown, z.output<S>>({
    resolver: zodResolver(opts.schema as never) as never,
    defaultValues: opts.defaultValues,
    mode: 'onTouched',
  });
  const onSuccess = useEffectEvent((done: ActionState<R>) => opts.onSuccess?.(done));

  useEffect(() => {
    const entries = Object.entries(state.fieldErrors ?? {});
    entries.forEach(([name, message], i) =>
      form.setError(name as Path<z.input<S>>, { type: 'server', message }, { shouldFocus: i === 0 }),
    );
    if (state.ok) onSuccess(state);
  }, [state, form]);

  // The form's own FormData goes to the action, hidden inputs included.
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    const element = event.currentTarget;
    void form.handleSubmit(() => {
      const data = new FormData(element);
      startTransition(() => dispatch(data));
    })(event);
  };

  /** Client errors carry message keys; server errors arrive translated. */
  const errorOf = (name: string): string | undefined => {
    const path = name.split('.');
    let node: unknown = form.formState.errors;
    for (const p of path) node = (node as Record<string, unknown> | undefined)?.[p];
    const message = (node as { message?: string } | undefined)?.message;
    if (!message) return undefined;
    return message.startsWith('errors.') ? t(message as never) : message;
  };

  return { form, state, pending, onSubmit, errorOf };
}
