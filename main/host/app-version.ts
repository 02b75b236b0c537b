/** Injected by the build (scripts/build.mjs) from package.json. */
declare const __CAREHOUSE_VERSION__: string | undefined;

export const appVersion: string = typeof __CAREHOUSE_VERSION__ === 'string' ? __CAREHOUSE_VERSION__ : '0.0.0-dev';
