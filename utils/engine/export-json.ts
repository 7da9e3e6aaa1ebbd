import { DRAFT_SET_VERSION, DraftSetSchema, type DraftSet } from './draftset';

export class DraftSetImportError extends Error {
  constructor(
    message: string,
    readonly issues: string[] = [],
  ) {
    super(issues.length ? `${message}\n${issues.map((i) => `  - ${i}`).join('\n')}` : message);
    this.name = 'DraftSetImportError';
  }
}

/** The JSON export: the whole draft set, versioned, pretty-printed so a diff of two exports is readable. */
export function exportDraftSetJson(set: DraftSet): string {
  return `${JSON.stringify(DraftSetSchema.parse(set), null, 2)}\n`;
}

/** Read an export back. Round-trips exactly; a malformed file says what is wrong and where. */
export function importDraftSetJson(text: string): DraftSet {
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new DraftSetImportError(`Not a Wireboost draft file: the JSON does not parse (${(e as Error).message}).`);
  }
  if (!raw || typeof raw !== 'object')
    throw new DraftSetImportError('Not a Wireboost draft file: expected a JSON object.');
  const version = (raw as { version?: unknown }).version;
  if (typeof version === 'number' && version > DRAFT_SET_VERSION) {
    throw new DraftSetImportError(
      `This draft file is version ${version}; this Wireboost reads up to version ${DRAFT_SET_VERSION}. Update the extension.`,
    );
  }
  const parsed = DraftSetSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 10).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new DraftSetImportError('Not a valid Wireboost draft file:', issues);
  }
  return parsed.data;
}
