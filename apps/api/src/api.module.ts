import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuditModule } from '@hotline/audit';
import { AuthModule } from '@hotline/auth';
import { ClockModule } from '@hotline/clock';
import { AppConfigModule } from '@hotline/config';
import { DatabaseModule } from '@hotline/database';
import { CasesModule } from '@hotline/cases';
import { DirectoryModule } from '@hotline/directory';
import { DispatchModule } from '@hotline/dispatch';
import { CallbacksModule } from '@hotline/callbacks';
import { HandlingModule } from '@hotline/handling';
import { KpiModule } from '@hotline/kpi';
import { IdempotencyModule } from '@hotline/idempotency';
import { AskModule } from '@hotline/ask';
import { KnowledgeModule } from '@hotline/knowledge';
import { OnlineIntakeModule } from '@hotline/online-intake';
import { Open311Module } from '@hotline/open311';
import { AttachmentsModule } from '@hotline/attachments';
import { CitizenAccessModule } from '@hotline/citizen-access';
import { NotificationsModule } from '@hotline/notifications';
import { SlaModule } from '@hotline/sla';
import { SupervisionModule } from '@hotline/supervision';
import { MessagingModule, TopicsBootstrapService } from '@hotline/messaging';
import { ObservabilityModule } from '@hotline/observability';
import { AuditController } from './audit/audit.controller';
import { KpiController } from './kpi/kpi.controller';
import { AskController } from './ask/ask.controller';
import { KnowledgeController } from './knowledge/knowledge.controller';
import { KnowledgeFlagsController } from './knowledge/knowledge-flags.controller';
import { CaseKnowledgeController } from './knowledge/case-knowledge.controller';
import { DashboardController } from './dashboard/dashboard.controller';
import { OnlineSubmissionsController } from './online-intake/online-submissions.controller';
import { Open311ClientsController } from './open311/open311-clients.controller';
import { Open311Controller } from './open311/open311.controller';
import { AttachmentsController } from './attachments/attachments.controller';
import { CaseNotificationsController } from './notifications/case-notifications.controller';
import { CitizenAccessController } from './public/citizen-access.controller';
import { PublicCasesController } from './public/public-cases.controller';
import { PublicSubmissionsController } from './public/public-submissions.controller';
import { AccessGuard } from './auth/access.guard';
import { CaseScopeGuard } from './auth/case-scope.guard';
import { AuthController } from './auth/auth.controller';
import { UsersController } from './auth/users.controller';
import { CallsController } from './cases/calls.controller';
import { CaseCorrectionsController } from './cases/case-corrections.controller';
import { CasesController } from './cases/cases.controller';
import { DispatchController } from './dispatch/dispatch.controller';
import { InboxController } from './dispatch/inbox.controller';
import { HandlingController } from './handling/handling.controller';
import { CallbacksController } from './callbacks/callbacks.controller';
import { SupervisionController } from './supervision/supervision.controller';
import { CalendarController } from './calendar/calendar.controller';
import { DispatchRulesController } from './directory/dispatch-rules.controller';
import { ReferenceDataController } from './directory/reference-data.controller';
import { ReferenceUpkeepController } from './directory/reference-upkeep.controller';
import { SlaPolicyController } from './directory/sla-policy.controller';
import { DomainErrorFilter } from './http/domain-error.filter';
import { HealthController } from './ops/health.controller';
import { HttpMetricsMiddleware } from './ops/http-metrics.middleware';
import { KafkaHealthIndicator } from './ops/kafka-health.indicator';
import { MetricsController } from './ops/metrics.controller';

/** The HTTP app: controllers, the access guard, validation and the error filter. No business rules. */
@Module({
  imports: [
    AppConfigModule,
    ClockModule,
    ObservabilityModule.forRoot('api'),
    DatabaseModule.forRoot('hotline-api'),
    MessagingModule,
    TerminusModule.forRoot({ errorLogStyle: 'json', gracefulShutdownTimeoutMs: 0 }),
    AuditModule,
    AuthModule,
    DirectoryModule,
    CasesModule,
    DispatchModule,
    HandlingModule,
    CallbacksModule,
    SupervisionModule,
    SlaModule,
    KpiModule,
    IdempotencyModule,
    KnowledgeModule,
    AskModule,
    OnlineIntakeModule,
    Open311Module,
    AttachmentsModule,
    NotificationsModule,
    CitizenAccessModule,
  ],
  controllers: [
    AuthController,
    UsersController,
    ReferenceDataController,
    DispatchRulesController,
    SlaPolicyController,
    ReferenceUpkeepController,
    CallsController,
    CasesController,
    CaseCorrectionsController,
    DispatchController,
    InboxController,
    HandlingController,
    CallbacksController,
    SupervisionController,
    CalendarController,
    AuditController,
    KpiController,
    // Before KnowledgeController: its `knowledge/:id` would otherwise take `flags` and `review-due`.
    KnowledgeFlagsController,
    KnowledgeController,
    CaseKnowledgeController,
    AskController,
    OnlineSubmissionsController,
    Open311ClientsController,
    Open311Controller,
    AttachmentsController,
    CaseNotificationsController,
    CitizenAccessController,
    PublicSubmissionsController,
    PublicCasesController,
    DashboardController,
    HealthController,
    MetricsController,
  ],
  providers: [
    TopicsBootstrapService,
    KafkaHealthIndicator,
    { provide: APP_GUARD, useClass: AccessGuard },
    { provide: APP_GUARD, useClass: CaseScopeGuard },
    { provide: APP_FILTER, useClass: DomainErrorFilter },
  ],
})
export class ApiModule implements NestModule {
  configure(consumer: MiddlewareConsumer): void {
    consumer.apply(HttpMetricsMiddleware).forRoutes({ path: '{*path}', method: RequestMethod.ALL });
  }
}
