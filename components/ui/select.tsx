import type { ComponentProps } from "react";

import { cn } from "@/lib/utils";

/**
 * Native <select> styled like shadcn's Input (chevron comes from globals.css).
 * Native for accessibility and testability: use <option> children and
 * `selectOption()` in Playwright; works with react-hook-form `register()`.
 */
function NativeSelect({ className, ...props }: ComponentProps<"select">) {
  return (
    <select
      data-slot="native-select"
      className={cn(
        "flex h-9 w-full min-w-0 appearance-none rounded-md border border-input bg-transparent py-1 pr-9 pl-3 text-base shadow-xs transition-[color,box-shadow] outline-none md:text-sm",
        "focus-visible:border-ring focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-ring",
        "disabled:cursor-not-allowed disabled:opacity-50",
        "aria-invalid:border-destructive aria-invalid:focus-visible:outline-destructive",
        "[&[multiple]]:h-auto [&[multiple]]:py-2 [&[multiple]]:pr-3",
        className,
      )}
      {...props}
    />
  );
}

export { NativeSelect, NativeSelect as Select };
