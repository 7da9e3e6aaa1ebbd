import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { Platform } from '@/utils/contract/draft';
import { PLATFORM_IDS as ORDER, platformLabel } from '@/utils/engine/ui/light';

/** One tab per platform (Meta | LinkedIn) as an ARIA tab list: arrow keys move between tabs, the panel follows. */
export function PlatformTabs({
  value,
  counts,
  onChange,
  children,
  idBase,
}: {
  value: Platform;
  counts: Record<Platform, number>;
  onChange(p: Platform): void;
  children: ReactNode;
  idBase: string;
}) {
  const refs = useRef<Record<string, HTMLButtonElement | null>>({});
  const onKey = (e: KeyboardEvent) => {
    if (!['ArrowLeft', 'ArrowRight', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const i = ORDER.indexOf(value);
    const next =
      e.key === 'Home'
        ? ORDER[0]!
        : e.key === 'End'
          ? ORDER[ORDER.length - 1]!
          : ORDER[(i + (e.key === 'ArrowRight' ? 1 : ORDER.length - 1)) % ORDER.length]!;
    onChange(next);
    refs.current[next]?.focus();
  };
  return (
    <>
      <div className="tabs" role="tablist" aria-label="Platform" onKeyDown={onKey}>
        {ORDER.map((p) => (
          <button
            key={p}
            ref={(el) => {
              refs.current[p] = el;
            }}
            type="button"
            role="tab"
            id={`${idBase}-tab-${p}`}
            aria-selected={value === p}
            aria-controls={`${idBase}-panel`}
            tabIndex={value === p ? 0 : -1}
            onClick={() => onChange(p)}
            data-testid={`tab-${p}`}
          >
            {platformLabel(p)}{' '}
            <span className="count" aria-label={`${counts[p]} variants`}>
              {counts[p]}
            </span>
          </button>
        ))}
      </div>
      <div role="tabpanel" id={`${idBase}-panel`} aria-labelledby={`${idBase}-tab-${value}`} className="tabpanel">
        {children}
      </div>
    </>
  );
}
