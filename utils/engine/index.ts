/**
 * The draft engine's public API: the UI, storage, the server and the CLI import from here.
 * Everything is pure and offline except importMediaList (async only because Web Crypto is).
 */
export { buildDraftSet, chooseDestination, type BuildOptions, type KitInput } from './build';
export {
  DraftSetSchema,
  AudienceSchema,
  ClockSchema,
  LintHintSchema,
  DRAFT_SET_VERSION,
  type DraftSet,
} from './draftset';
export { lintDraft, type LintHint, type LintContext, type Severity } from './lint';
export {
  computeClock,
  statusAt,
  WINDOW_HOURS,
  AT_RISK_MARGIN_HOURS,
  type Clock,
  type ClockStatus,
  type FlightPlan,
} from './clock';
export { buildUtm, tagUrl, hasUtm, relink, utmCampaign, UTM_MEDIUM } from './utm';
export { buildAudience, PRESETS, PRESET_LABELS, type Audience, type AudienceFor } from './audiences';
export { inferBeat, BEATS } from './beats';
export { geoFromDateline, type Geo } from './geo';
export {
  importMediaList,
  normaliseEmail,
  sha256Hex,
  mediaListWarnings,
  MediaListError,
  type MediaList,
} from './medialist';
export { exportMetaSheet, META_SHEET_COLUMNS, type MetaSheetOptions } from '../platforms/meta/sheet';
export { exportDraftSetJson, importDraftSetJson, DraftSetImportError } from './export-json';
export { renderBrief } from './brief';
export { releaseId, draftId } from './ids';
export { releaseFacts } from './facts';
export { offsetMinutes, toZonedIso } from './tz';
