import { create } from 'zustand';
import { kitItem, settingsItem } from './items';
import { createAutosave, type Autosave } from '../editor/autosave';
import { kitToForm, validateKitForm, type KitErrors, type KitForm } from './form';

export interface KitState {
  hydrated: boolean;
  form: KitForm | null;
  errors: KitErrors;
  /** 'saved' once the last valid form is in storage; 'invalid' while errors block saving. */
  saveState: 'saved' | 'pending' | 'invalid' | 'error';
  hydrate(): Promise<void>;
  change<K extends keyof KitForm>(key: K, value: KitForm[K]): void;
  flush(): Promise<void>;
}

/**
 * The options page's store: the form, its errors, and autosave of every valid state (within 150 ms,
 * flushed on pagehide). An invalid field never overwrites the saved kit; its error says what to fix.
 */
export function createKitStore() {
  let autosave: Autosave | null = null;
  return create<KitState>()((set, get) => ({
    hydrated: false,
    form: null,
    errors: {},
    saveState: 'saved',
    async hydrate() {
      const [kit, settings] = await Promise.all([kitItem.getValue(), settingsItem.getValue()]);
      autosave = createAutosave({
        async write() {
          const form = get().form;
          if (!form) return;
          const r = validateKitForm(form);
          if (!r.ok) return;
          await Promise.all([
            kitItem.setValue(r.kit),
            settingsItem.setValue({ ...(await settingsItem.getValue()), teamServerUrl: r.teamServerUrl }),
          ]);
          if (get().saveState === 'pending') set({ saveState: 'saved' });
        },
        onError: () => set({ saveState: 'error' }),
      });
      set({ hydrated: true, form: kitToForm(kit, settings.teamServerUrl) });
    },
    change(key, value) {
      const form = { ...get().form!, [key]: value };
      const r = validateKitForm(form);
      set({ form, errors: r.ok ? {} : r.errors, saveState: r.ok ? 'pending' : 'invalid' });
      if (r.ok) autosave?.schedule();
    },
    flush: () => autosave?.flush() ?? Promise.resolve(),
  }));
}

export const useKit = createKitStore();
