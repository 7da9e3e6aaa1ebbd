import type { Hint } from '@/utils/engine/ui/light';

const WORD = { error: 'Error', warning: 'Warning', info: 'Note' } as const;

export function Hints({ hints, id }: { hints: Hint[]; id?: string }) {
  if (!hints.length) return null;
  return (
    <ul className="hints" id={id} data-testid="hints">
      {hints.map((h) => (
        <li key={h.id} className={`hint hint-${h.level}`} data-hint={h.id}>
          <span className="hint-mark" aria-hidden="true" />
          <span className="sr-only">{WORD[h.level]}: </span>
          {h.message}
        </li>
      ))}
    </ul>
  );
}
