export * from './working-calendar';
export * from './holiday-calendar';
export * from './deadline';
export * from './policy-resolution';
export * from './warning';
export * from './working-hours';
export * from './co-report';
