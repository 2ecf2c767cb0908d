export * from './principal';
export * from './user-rules';
export * from './oidc-claims';
