import { useState, type FormEvent } from 'react';
import { CareError, type Profile } from '../../shared/contract';
import { useCareApi } from './care-api-context';

interface ProfileFormProps {
  initial: Profile | null;
  onSaved: (profile: Profile) => void;
  onCancel?: () => void;
}

/** First run (and later edits): who is using this machine, for presence, attribution and sign-off. */
export function ProfileForm({ initial, onSaved, onCancel }: ProfileFormProps) {
  const api = useCareApi();
  const [name, setName] = useState(initial?.name ?? '');
  const [role, setRole] = useState(initial?.role ?? '');
  const [organisation, setOrganisation] = useState(initial?.organisation ?? '');
  const [error, setError] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      onSaved(await api.saveProfile({ name, role, organisation }));
    } catch (failure) {
      setError(failure instanceof CareError ? failure.message : 'Could not save your profile.');
    }
  };

  return (
    <form className="panel profile-form" onSubmit={submit} aria-labelledby="profile-heading">
      <h1 id="profile-heading">{initial ? 'Your profile' : 'Welcome to CareHouse'}</h1>
      {initial ? null : <p>Tell us who you are. Your name and role show next to what you write, and when you agree a plan.</p>}
      <div className="field">
        <label htmlFor="profile-name">Your name</label>
        <input id="profile-name" value={name} onChange={(event) => setName(event.target.value)} required maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="profile-role">Your role</label>
        <p className="field__hint" id="profile-role-hint">
          For example: GP, practice nurse, social worker, daughter and carer.
        </p>
        <input id="profile-role" aria-describedby="profile-role-hint" value={role} onChange={(event) => setRole(event.target.value)} required maxLength={200} />
      </div>
      <div className="field">
        <label htmlFor="profile-organisation">Your organisation</label>
        <input id="profile-organisation" value={organisation} onChange={(event) => setOrganisation(event.target.value)} maxLength={200} />
      </div>
      {error ? (
        <p className="field__problem" role="alert">
          {error}
        </p>
      ) : null}
      <div className="button-row">
        <button type="submit" className="button button--primary">
          Save profile
        </button>
        {onCancel ? (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        ) : null}
      </div>
    </form>
  );
}
