export * from './care-contract';
export * from './care-error';
export * from './define-call';
export * from './limits';
export * from './common-schemas';
export * from './plan-calls';
export * from './profile-calls';
export * from './session-calls';
