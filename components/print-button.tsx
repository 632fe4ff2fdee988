"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog. Needs JavaScript, so it only adds to a page that reads and prints without it. */
export function PrintButton({ label, className = "" }: { label: string; className?: string }) {
  return (
    <Button type="button" variant="secondary" onClick={() => window.print()} className={`no-print ${className}`}>
      {label}
    </Button>
  );
}
