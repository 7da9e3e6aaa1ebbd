import { useTabRelease } from '@/utils/stores/tab-release';
import { ReleaseCard } from '@/components/ReleaseCard';
import { NotARelease } from '@/components/NotARelease';

export function App() {
  const hydrated = useTabRelease((s) => s.hydrated);
  const current = useTabRelease((s) => s.current);
  const error = useTabRelease((s) => s.error);
  if (!hydrated) return <main aria-busy="true" />;
  if (error) return <main role="alert">Wireboost could not read this tab: {error}</main>;
  return <main>{current ? <ReleaseCard release={current.release} now={Date.now()} /> : <NotARelease />}</main>;
}
