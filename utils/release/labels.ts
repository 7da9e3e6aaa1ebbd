/** Display names for wire ids (data, so a new wire is one more row). */
const WIRE_LABELS: Record<string, string> = {
  prnewswire: 'PR Newswire',
  businesswire: 'Business Wire',
  globenewswire: 'GlobeNewswire',
  accesswire: 'Accesswire',
  einpresswire: 'EIN Presswire',
  prweb: 'PRWeb',
  newswirecom: 'Newswire.com',
  newsfile: 'Newsfile',
  cision: 'Cision / CNW',
  generic: 'Web page',
};

export function wireLabel(wire: string | null): string {
  return (wire && WIRE_LABELS[wire]) || 'Web page';
}
