import { cloneElement, type ReactElement, type ReactNode } from "react";

import { cn } from "@/lib/utils";
import { Label } from "@/components/ui/label";

type FieldControlProps = {
  id?: string;
  "aria-invalid"?: boolean | "true" | "false" | "grammar" | "spelling";
  "aria-describedby"?: string;
  "aria-required"?: boolean | "true" | "false";
};

type FormFieldProps = {
  id: string;
  label: ReactNode;
  error?: string;
  description?: ReactNode;
  required?: boolean;
  className?: string;
  /** A single control (Input, Textarea, NativeSelect, ...); `register()` may be spread on it. */
  children: ReactElement<FieldControlProps>;
};

/**
 * Label + control + description + error, wired up for assistive tech:
 * the child gets `id`, `aria-invalid` and `aria-describedby` (description and
 * error ids, only those rendered). `required` adds `aria-required` and a
 * visual asterisk (no native `required`, so validation stays with the form).
 */
function FormField({ id, label, error, description, required, className, children }: FormFieldProps) {
  const descriptionId = description ? `${id}-description` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy =
    [children.props["aria-describedby"], descriptionId, errorId].filter(Boolean).join(" ") ||
    undefined;

  return (
    <div data-slot="form-field" data-invalid={error ? "true" : undefined} className={cn("grid gap-2", className)}>
      <Label htmlFor={id} className={cn(error && "text-destructive")}>
        {label}
        {required && (
          <span aria-hidden="true" className="text-destructive">
            *
          </span>
        )}
      </Label>
      {cloneElement(children, {
        id,
        "aria-invalid": !!error,
        "aria-describedby": describedBy,
        ...(required ? { "aria-required": true } : {}),
      })}
      {description && (
        <p id={descriptionId} className="text-sm text-muted-foreground">
          {description}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-destructive text-sm" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

export { FormField, type FormFieldProps };
