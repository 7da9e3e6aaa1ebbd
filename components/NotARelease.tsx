export function NotARelease() {
  return (
    <section className="empty-state" data-testid="not-a-release">
      <h1>No press release on this page</h1>
      <p>
        Wireboost lights up on a single release page of a newswire (PR Newswire, Business Wire,
        GlobeNewswire and others). Open a release, then click the toolbar icon again.
      </p>
    </section>
  );
}
