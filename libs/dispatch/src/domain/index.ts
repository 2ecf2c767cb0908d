export * from './catalogue-engine';
export * from './dispatch-choice';
export * from './dispatch-order';
export * from './order-access';
export * from './transfer-demand';
export * from './inbox-work';
export * from './assignee-rules';
export * from './added-units';
