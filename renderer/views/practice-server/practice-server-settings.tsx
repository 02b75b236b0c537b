import { useEffect, useState, type FormEvent } from 'react';
import { CareError, type RelayStatus } from '../../../shared/contract';
import { useCareApi } from '../care-api-context';
import { relayStatusText } from './relay-status-line';

/** Settings: connect this machine to the practice server with the one-time invitation code. */
export function PracticeServerSettings() {
  const api = useCareApi();
  const [status, setStatus] = useState<RelayStatus | null>(null);
  const [relayUrl, setRelayUrl] = useState('');
  const [invite, setInvite] = useState('');
  const [message, setMessage] = useState<{ kind: 'problem' | 'done'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    void api.getRelayStatus({}).then(setStatus, () => undefined);
  }, [api]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      const member = await api.connectRelay({ relayUrl, invite });
      setMessage({ kind: 'done', text: `Connected as ${member.name} (${member.role}). Every plan on this machine now syncs with the practice server.` });
      setInvite('');
      setStatus(await api.getRelayStatus({}));
    } catch (failure) {
      setMessage({ kind: 'problem', text: failure instanceof CareError ? failure.message : 'Could not connect to the practice server.' });
    } finally {
      setBusy(false);
    }
  };

  const statusText = status ? relayStatusText(status, Date.now()) : null;
  return (
    <form className="panel practice-server" onSubmit={submit} aria-labelledby="practice-server-heading">
      <h2 id="practice-server-heading">Practice server</h2>
      <p>
        {status && status.state !== 'not-connected'
          ? `This machine is connected to ${status.relayUrl ?? 'a practice server'}. ${statusText ?? ''}`
          : 'Connect this machine to your practice server so plans stay the same on every machine between meetings. Ask your practice for an invitation code.'}
      </p>
      <div className="field">
        <label htmlFor="practice-server-address">Practice server address</label>
        <p className="field__hint" id="practice-server-address-hint">
          For example: wss://carehouse.headingley.nhs.uk:4455
        </p>
        <input
          id="practice-server-address"
          aria-describedby="practice-server-address-hint"
          value={relayUrl}
          onChange={(event) => setRelayUrl(event.target.value)}
          required
          maxLength={1000}
          inputMode="url"
          autoComplete="off"
        />
      </div>
      <div className="field">
        <label htmlFor="practice-server-invite">Invitation code</label>
        <input id="practice-server-invite" value={invite} onChange={(event) => setInvite(event.target.value)} required maxLength={64} autoComplete="off" spellCheck={false} />
      </div>
      {message ? (
        <p className={message.kind === 'problem' ? 'field__problem' : 'practice-server__done'} role={message.kind === 'problem' ? 'alert' : 'status'}>
          {message.text}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Connecting…' : 'Connect to the practice server'}
        </button>
      </div>
    </form>
  );
}
