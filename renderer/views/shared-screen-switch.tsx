import { useEffect, useState } from 'react';

const STORAGE_KEY = 'carehouse.sharedScreen';

function storedPreference(): boolean {
  try {
    return window.localStorage.getItem(STORAGE_KEY) === 'on';
  } catch {
    return false; // storage can be unavailable; the switch still works for this session
  }
}

/** Applies the remembered choice before the first paint, so the screen does not flash small. */
export function applyStoredSharedScreen(): void {
  document.documentElement.classList.toggle('shared-screen', storedPreference());
}

/**
 * The one switch for a meeting room screen: large type and high contrast, remembered on
 * this machine. It toggles `:root.shared-screen`; all sizes are in rem, so everything scales.
 */
export function SharedScreenSwitch() {
  const [on, setOn] = useState(storedPreference);
  useEffect(() => {
    document.documentElement.classList.toggle('shared-screen', on);
    try {
      window.localStorage.setItem(STORAGE_KEY, on ? 'on' : 'off');
    } catch {
      // Not remembered, but still applied.
    }
  }, [on]);
  return (
    <div className="switch">
      <input id="shared-screen-switch" type="checkbox" role="switch" checked={on} onChange={(event) => setOn(event.target.checked)} />
      <label htmlFor="shared-screen-switch">Shared screen mode: large type and high contrast</label>
    </div>
  );
}
