export * from './signing-keys';
export * from './key-encoding';
export * from './key-fingerprint';
export * from './session-certificate';
