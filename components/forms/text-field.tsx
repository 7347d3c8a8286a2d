import type { ComponentProps, ReactNode } from 'react';
import type { FieldValues, Path, UseFormReturn } from 'react-hook-form';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';

// A field's id is its name unless it says otherwise: ids must stay unique on the page, so the
// fields of a dialog or of a second form on a card carry their own.
type Naming = { id: string } | { id?: undefined; name: string };

type FieldProps = Omit<ComponentProps<typeof Input>, 'id' | 'name' | 'required' | 'className'> & {
  name?: string;
  label: ReactNode;
  description?: ReactNode;
  error?: string;
  /** Marked and announced as required; validation stays with the form's schema (no native `required`). */
  required?: boolean;
  /** On the field (its place in the form's grid); `inputClassName` goes on the input. */
  className?: string;
  inputClassName?: string;
};

type TextFieldProps = FieldProps & Naming;

/** The props of a TextField that fixes some of them itself (Omit over the union would lose the naming rule). */
export type TextFieldPropsWithout<K extends keyof FieldProps> = Omit<FieldProps, K> & Naming;

/** A labelled input: FormField ties the label, hint and error to it (id, aria-describedby, aria-invalid). */
export function TextField({ id, label, description, error, required, className, inputClassName, ...input }: TextFieldProps) {
  return (
    <FormField id={id ?? input.name!} label={label} description={description} error={error} required={required} className={className}>
      <Input className={inputClassName} {...input} />
    </FormField>
  );
}

/**
 * Binds the fields of a useActionForm form: one call gives a TextField its registration (name,
 * ref, handlers) and its message, so each field names itself once.
 */
export function bindFields<T extends FieldValues, C, O>(
  form: UseFormReturn<T, C, O>,
  errorOf: (name: string) => string | undefined,
) {
  return (name: Path<T>) => ({ ...form.register(name), error: errorOf(name) });
}

/** An extension number: typed on the numeric keypad, never autofilled, always required. */
export function ExtensionField(props: TextFieldPropsWithout<'required' | 'inputMode' | 'autoComplete'>) {
  return <TextField required inputMode="numeric" autoComplete="off" {...props} />;
}
