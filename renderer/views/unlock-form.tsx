import { useState, type FormEvent } from 'react';
import { useCareApi } from './care-api-context';

/** Shown by the desktop app when no OS keyring protects the data: the passphrase unlocks it. */
export function UnlockForm({ reason, firstRun, onUnlocked }: { reason: string; firstRun: boolean; onUnlocked: () => void }) {
  const api = useCareApi();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      await api.unlockStore({ passphrase });
      onUnlocked();
    } catch (failure) {
      setError((failure as Error).message);
    }
  };
  return (
    <form className="panel" onSubmit={submit} aria-labelledby="unlock-heading">
      <h1 id="unlock-heading">{firstRun ? 'Choose a passphrase' : 'Unlock CareHouse'}</h1>
      <p>{reason}</p>
      <div className="field">
        <label htmlFor="unlock-passphrase">Passphrase</label>
        <input id="unlock-passphrase" type="password" autoComplete="current-password" value={passphrase} onChange={(event) => setPassphrase(event.target.value)} />
      </div>
      {error ? (
        <p className="field__problem" role="alert">
          {error}
        </p>
      ) : null}
      <button type="submit" className="button button--primary">
        {firstRun ? 'Protect my data' : 'Unlock'}
      </button>
    </form>
  );
}
