"use client";

import type { CSSProperties } from "react";
import { Toaster as Sonner, type ToasterProps } from "sonner";

export { toast } from "sonner";

function Toaster({ style, ...props }: ToasterProps) {
  return (
    <Sonner
      theme="light"
      // Stacked toasts are drawn dimmed behind the newest one; expanded, every message stays readable.
      expand
      className="toaster group"
      style={
        {
          "--normal-bg": "var(--popover)",
          "--normal-text": "var(--popover-foreground)",
          "--normal-border": "var(--border)",
          "--border-radius": "var(--radius)",
          ...style,
        } as CSSProperties
      }
      {...props}
    />
  );
}

export { Toaster, type ToasterProps };
