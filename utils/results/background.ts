import { onMessage } from '../messaging';
import { teamItem } from '../team/connection';
import { createResultsService, ResultsRequestSchema, ShareRequestSchema } from './service';

/** The background's results messages: report / refresh and the client link, asked of the team server. */
export function startResults(): void {
  const results = createResultsService({ team: teamItem, fetch: (input, init) => fetch(input, init) });
  onMessage('resultsReport', ({ data }) => {
    const req = ResultsRequestSchema.parse(data);
    return results.report(req.releaseId, req.refresh);
  });
  onMessage('resultsShare', ({ data }) => results.share(ShareRequestSchema.parse(data).releaseId));
}
