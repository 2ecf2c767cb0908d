import { CategoryEntity } from './category.entity';
import { DispatchRuleEntity } from './dispatch-rule.entity';
import { HotlineEntity } from './hotline.entity';
import { ReferenceChangeEntity } from './reference-change.entity';
import { SlaPolicyEntity } from './sla-policy.entity';
import { UnitEntity } from './unit.entity';

export { CategoryEntity, DispatchRuleEntity, HotlineEntity, ReferenceChangeEntity, SlaPolicyEntity, UnitEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const DIRECTORY_ENTITIES = [
  UnitEntity,
  HotlineEntity,
  CategoryEntity,
  DispatchRuleEntity,
  SlaPolicyEntity,
  ReferenceChangeEntity,
];
