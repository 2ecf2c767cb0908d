/** Who is calling (docs/product.md, "Who uses it"). A handler always belongs to exactly one unit; nobody else does. */
export const ROLES = ['agent', 'handler', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export interface Principal {
  userId: string;
  username: string;
  role: Role;
  unitCode: string | null;
}
