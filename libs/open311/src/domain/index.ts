export * from './district-of-point';
export * from './open311-format';
export * from './open311-request';
export * from './request-status';
