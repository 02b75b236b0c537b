import { describe, expect, it } from 'vitest';
import { developmentSwitches } from '../../../main/electron/development-switches';

const env = { CAREHOUSE_DATA_DIR: '/tmp/elsewhere', CAREHOUSE_ELECTRON_SQLITE_BINDING: '/tmp/evil.node' };

describe('development-only environment switches (issue 12)', () => {
  it('are honoured when running from the repository', () => {
    expect(developmentSwitches(env, false)).toEqual({ dataDir: '/tmp/elsewhere', nativeBinding: '/tmp/evil.node' });
  });

  it('are ignored by a packaged app: no native module path and no data folder from the environment', () => {
    expect(developmentSwitches(env, true)).toEqual({});
  });

  it('empty values count as unset', () => {
    expect(developmentSwitches({ CAREHOUSE_DATA_DIR: '', CAREHOUSE_ELECTRON_SQLITE_BINDING: '' }, false)).toEqual({});
  });
});
