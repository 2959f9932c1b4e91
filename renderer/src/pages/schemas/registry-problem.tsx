// The Schema Registry's failures on the Schemas pages: what went wrong and what to do, above the
// last data received (which stays on screen) until the registry answers again. Main keeps asking
// a failing registry every few seconds, so the banner goes by itself when it is back.
import type { CallError } from '../../api/query-core';

const advice: Partial<Record<string, string>> = {
  SERVICE_UNREACHABLE: 'Check that the registry is running and that the registry URL on the Connections page is right. Sluice keeps asking and updates this page when it answers.',
  SERVICE_ERROR: 'The registry itself failed: look at its logs and its storage. Sluice keeps asking and updates this page when it answers.',
  CONTRACT_VIOLATION: 'The answer is not the Confluent Schema Registry API: check that the registry URL ends in its Confluent-compatible path (for Apicurio, /apis/ccompat/v7).',
};

/** What to do about a registry error, for an error view with nothing else on screen. */
export function RegistryAdvice({ error }: { error: CallError }) {
  const text = advice[error.error.code];
  return text ? <p className="muted">{text}</p> : null;
}

/** A banner above data that is still shown; nothing while the registry answers. */
export function RegistryProblem({ error }: { error: CallError | null }) {
  if (!error) return null;
  return (
    <div className="stale-banner" role="alert" data-testid="registry-error">
      Showing the last data received. {error.message} {advice[error.error.code] ?? ''}
    </div>
  );
}
