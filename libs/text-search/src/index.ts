export * from './fold';
export * from './search-document';
export * from './search-query';
export * from './similarity-text';
export { synonymsOf } from './synonyms';
