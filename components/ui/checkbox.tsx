import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

/** Native checkbox (type is fixed); works with react-hook-form `register()`. */
function Checkbox({ className, ...props }: Omit<ComponentProps<"input">, "type">) {
  return (
    <input
      type="checkbox"
      data-slot="checkbox"
      className={cn(
        "peer size-4 shrink-0 cursor-pointer rounded-[4px] border-input accent-primary",
        "focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        "disabled:cursor-not-allowed disabled:opacity-50",
        "aria-invalid:outline-2 aria-invalid:outline-offset-1 aria-invalid:outline-destructive",
        className,
      )}
      {...props}
    />
  );
}

export { Checkbox };
