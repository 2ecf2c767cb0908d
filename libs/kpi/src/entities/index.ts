import { KpiCallbackRollupEntity } from './kpi-callback-rollup.entity';
import { KpiCaseFactEntity } from './kpi-case-fact.entity';
import { KpiRollupEntity } from './kpi-rollup.entity';

export { KpiCallbackRollupEntity, KpiCaseFactEntity, KpiRollupEntity };

/** Tables this library owns, for the TypeORM CLI's data source. */
export const KPI_ENTITIES = [KpiCaseFactEntity, KpiRollupEntity, KpiCallbackRollupEntity];
