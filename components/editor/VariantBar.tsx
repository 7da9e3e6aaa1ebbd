import type { Draft } from '@/utils/contract/draft';
import { ANGLE_LABELS } from '@/utils/engine/ui/light';

/** Variant picker (one button per variant) with duplicate / delete for the selected one. */
export function VariantBar({
  drafts,
  selectedId,
  onSelect,
  onDuplicate,
  onDelete,
}: {
  drafts: Draft[];
  selectedId: string | null;
  onSelect(id: string): void;
  onDuplicate(): void;
  onDelete(): void;
}) {
  const counts: Record<string, number> = {};
  return (
    <div className="variant-bar">
      <div className="variants" role="group" aria-label="Variants">
        {drafts.map((d) => {
          counts[d.angle] = (counts[d.angle] ?? 0) + 1;
          const label = `${ANGLE_LABELS[d.angle]}${counts[d.angle]! > 1 ? ` ${counts[d.angle]}` : ''}`;
          return (
            <button
              key={d.id}
              type="button"
              className="variant"
              aria-pressed={d.id === selectedId}
              onClick={() => onSelect(d.id)}
              data-testid="variant"
            >
              {label}
            </button>
          );
        })}
      </div>
      <div className="variant-actions">
        <button
          type="button"
          className="ghost"
          onClick={onDuplicate}
          disabled={!selectedId}
          data-testid="duplicate-variant"
        >
          Duplicate
        </button>
        <button
          type="button"
          className="ghost danger"
          onClick={onDelete}
          disabled={!selectedId}
          data-testid="delete-variant"
        >
          Delete
        </button>
      </div>
    </div>
  );
}
