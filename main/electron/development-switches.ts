/**
 * Environment switches for development and tests only: a data folder elsewhere
 * (CAREHOUSE_DATA_DIR) and a better-sqlite3 build for Electron's ABI
 * (CAREHOUSE_ELECTRON_SQLITE_BINDING — a path from which a native module is LOADED).
 * A packaged app ignores both: anyone who can set a user's environment must not be able
 * to make the installed CareHouse load their code or read and write another folder.
 */
export interface DevelopmentSwitches {
  dataDir?: string;
  nativeBinding?: string;
}

export function developmentSwitches(env: Readonly<Record<string, string | undefined>>, isPackaged: boolean): DevelopmentSwitches {
  if (isPackaged) return {};
  return {
    ...(env.CAREHOUSE_DATA_DIR ? { dataDir: env.CAREHOUSE_DATA_DIR } : {}),
    ...(env.CAREHOUSE_ELECTRON_SQLITE_BINDING ? { nativeBinding: env.CAREHOUSE_ELECTRON_SQLITE_BINDING } : {}),
  };
}
