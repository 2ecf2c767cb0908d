export * from './reference-types';
export * from './dispatch-rule-validation';
export * from './sla-policy-validation';
export * from './reference-upkeep';
