import { type ReactNode, useEffect, useId, useRef } from 'react';

/**
 * "Add …" button that opens a form below the page heading. The button stays (aria-expanded tells its state);
 * closing the form gives focus back to it.
 */
export function CreatePanel({
  label,
  open,
  onOpenChange,
  children,
}: {
  label: string;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  children: ReactNode;
}) {
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (open && !wasOpen.current)
      panel.current?.querySelector<HTMLElement>('input, select, textarea')?.focus();
    if (!open && wasOpen.current) button.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return (
    <>
      <button
        type="button"
        ref={button}
        className="button primary"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => onOpenChange(!open)}
      >
        {label}
      </button>
      {open ? (
        <section id={id} ref={panel} className="create-panel" aria-label={label}>
          {children}
        </section>
      ) : null}
    </>
  );
}
