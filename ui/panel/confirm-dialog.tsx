/**
 * A modal question: drawn over the panel inside the viewport whatever the scroll, focus moved into
 * it and kept there (Tab cycles its buttons), Escape answers "no", and focus returns to where it was.
 */
import { useEffect, useRef, useState } from "preact/hooks";

export interface Question {
  readonly title: string;
  readonly text: string;
  readonly yes: string;
  readonly no: string;
}

interface Asked extends Question {
  readonly answer: (yes: boolean) => void;
}

/** The dialog to render, and `ask`, which shows it and resolves with the answer. */
export function useConfirm(): [preact.JSX.Element | null, (question: Question) => Promise<boolean>] {
  const [asked, setAsked] = useState<Asked | undefined>();
  const ask = (question: Question) =>
    new Promise<boolean>((resolve) =>
      setAsked({
        ...question,
        answer: (yes) => {
          setAsked(undefined);
          resolve(yes);
        },
      }),
    );
  return [asked ? <ConfirmDialog asked={asked} /> : null, ask];
}

function ConfirmDialog({ asked }: { asked: Asked }) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = box.current?.ownerDocument.activeElement as HTMLElement | null;
    box.current?.querySelector<HTMLButtonElement>("button")?.focus();
    return () => before?.focus?.();
  }, []);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === "Escape") {
      event.preventDefault();
      asked.answer(false);
    } else if (event.key === "Tab") {
      const buttons = [...(box.current?.querySelectorAll<HTMLButtonElement>("button") ?? [])];
      const at = buttons.indexOf(event.target as HTMLButtonElement);
      const next = buttons[(at + (event.shiftKey ? buttons.length - 1 : 1)) % buttons.length];
      event.preventDefault();
      next?.focus();
    }
  };
  return (
    <div class="dialog-backdrop">
      <div
        ref={box}
        class="dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby="dialog-title"
        aria-describedby="dialog-text"
        onKeyDown={onKeyDown}
      >
        <h2 id="dialog-title">{asked.title}</h2>
        <p id="dialog-text">{asked.text}</p>
        <div class="dialog-actions">
          <button type="button" onClick={() => asked.answer(false)}>
            {asked.no}
          </button>
          <button type="button" class="primary" onClick={() => asked.answer(true)}>
            {asked.yes}
          </button>
        </div>
      </div>
    </div>
  );
}
