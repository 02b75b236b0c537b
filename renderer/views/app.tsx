import { useCallback, useEffect, useState } from 'react';
import type { CareApi, Profile } from '../../shared/contract';
import { CareApiContext } from './care-api-context';
import { PlanScreen } from './plan-screen';
import { PlansList } from './plans-list';
import { JoinMeetingForm } from './meeting/join-meeting-form';
import { MyWorkPanel } from './my-work/my-work-panel';
import { ProfileForm } from './profile-form';
import { PracticeServerSettings } from './practice-server/practice-server-settings';
import { SharedScreenSwitch } from './shared-screen-switch';
import { UnlockForm } from './unlock-form';

type Screen = { kind: 'plans' } | { kind: 'plan'; planId: string } | { kind: 'profile' };

export function App({ api }: { api: CareApi }) {
  const [profile, setProfile] = useState<Profile | null | undefined>(undefined);
  const [screen, setScreen] = useState<Screen>({ kind: 'plans' });
  const [problem, setProblem] = useState<string | null>(null);
  const [lock, setLock] = useState<{ reason: string; firstRun: boolean } | null>(null);
  const [unlockCount, setUnlockCount] = useState(0);
  const [plansVersion, setPlansVersion] = useState(0);
  const plansChanged = useCallback(() => setPlansVersion((version) => version + 1), []);

  useEffect(() => {
    api
      .getSessionState({})
      .then(async (session) => {
        if (!session.unlocked) {
          setLock({ reason: session.reason, firstRun: session.firstRun });
          return;
        }
        setLock(null);
        setProfile(await api.getProfile({}));
      })
      .catch((error: unknown) => setProblem((error as Error).message));
  }, [api, unlockCount]);

  return (
    <CareApiContext.Provider value={api}>
      <a className="skip-link" href="#main-content">
        Skip to main content
      </a>
      <header className="app-header">
        <p className="app-header__title">CareHouse</p>
        <SharedScreenSwitch />
        {profile ? (
          <button type="button" className="button button--quiet" onClick={() => setScreen({ kind: 'profile' })}>
            Signed in as {profile.name} ({profile.role}) — Edit profile
          </button>
        ) : null}
      </header>
      <main className="app-main" id="main-content" tabIndex={-1}>
        {problem ? (
          <p className="field__problem" role="alert">
            {problem}
          </p>
        ) : null}
        {lock ? <UnlockForm reason={lock.reason} firstRun={lock.firstRun} onUnlocked={() => setUnlockCount((count) => count + 1)} /> : null}
        {profile === undefined && !problem && !lock ? <p>Starting…</p> : null}
        {profile === null ? <ProfileForm initial={null} onSaved={setProfile} /> : null}
        {profile && screen.kind === 'profile' ? (
          <ProfileForm
            initial={profile}
            onSaved={(saved) => {
              setProfile(saved);
              setScreen({ kind: 'plans' });
            }}
            onCancel={() => setScreen({ kind: 'plans' })}
          />
        ) : null}
        {profile && screen.kind === 'profile' ? <PracticeServerSettings /> : null}
        {profile && screen.kind === 'plans' ? <PlansList onOpen={(planId) => setScreen({ kind: 'plan', planId })} onChanged={plansChanged} /> : null}
        {profile && screen.kind === 'plans' ? <MyWorkPanel refreshKey={plansVersion} onOpen={(planId) => setScreen({ kind: 'plan', planId })} /> : null}
        {profile && screen.kind === 'plans' ? <JoinMeetingForm onJoined={(planId) => setScreen({ kind: 'plan', planId })} /> : null}
        {profile && screen.kind === 'plan' ? <PlanScreen planId={screen.planId} editorName={profile.name} onClose={() => setScreen({ kind: 'plans' })} /> : null}
      </main>
    </CareApiContext.Provider>
  );
}
