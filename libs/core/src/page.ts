/** Every collection answers `{items, total}`, paged with limit/offset (docs/api.md). */
export interface Page<T> {
  items: T[];
  total: number;
}

export interface PageRequest {
  limit: number;
  offset: number;
}
