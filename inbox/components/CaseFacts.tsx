import type { CasePackage } from '../../shared/case-package';
import { humanize } from '../../frontend-common/format';

function Pairs({ entries }: { entries: [string, string][] }) {
  if (entries.length === 0) return <p class="muted">None.</p>;
  return (
    <dl class="pairs">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{humanize(k)}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

export function CaseFacts({ pkg }: { pkg: CasePackage }) {
  const v = pkg.visitor;
  const profile: [string, string][] = [
    ['name', v.name ?? 'unknown'],
    ['email', v.email ? `${v.email}${v.verified ? ' (verified)' : ' (not verified)'}` : 'unknown'],
    ['language', v.locale ?? 'unknown'],
    ['time zone', v.timeZone ?? 'unknown'],
    ['page', v.page ?? 'unknown'],
    ['tags', v.tags.join(', ') || 'none'],
    ['earlier conversations', String(v.earlierConversations)],
    ...Object.entries(v.attributes).map(([k, val]): [string, string] => [k, String(val)]),
  ];
  return (
    <>
      <h4>Facts</h4>
      <Pairs entries={Object.entries(pkg.facts)} />
      <h4>Still missing</h4>
      {pkg.missingFacts.length === 0 ? (
        <p class="muted">Nothing.</p>
      ) : (
        <ul class="missing">
          {pkg.missingFacts.map((f) => (
            <li key={f}>{humanize(f)}</li>
          ))}
        </ul>
      )}
      <h4>Flags</h4>
      {pkg.flags.length === 0 ? (
        <p class="muted">None.</p>
      ) : (
        <ul class="flags">
          {pkg.flags.map((f) => (
            <li key={f}>{humanize(f)}</li>
          ))}
        </ul>
      )}
      <h4>Visitor</h4>
      <Pairs entries={profile} />
    </>
  );
}
