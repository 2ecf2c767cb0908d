import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Public } from '../auth/access.decorators';

/** Where the dashboard's files are, next to this file in the source and in the build. */
export const DASHBOARD_ASSETS = join(__dirname, 'static');

/** GET /dashboard: the supervisors' KPI page (it signs in and reads the KPI endpoints itself), and its monthly review. */
@ApiExcludeController()
@Controller('dashboard')
@Public()
export class DashboardController {
  private readonly page = readFileSync(join(DASHBOARD_ASSETS, 'index.html'), 'utf8');
  private readonly reportPage = readFileSync(join(DASHBOARD_ASSETS, 'report.html'), 'utf8');

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  index(): string {
    return this.page;
  }

  /** The printable monthly review (月度点评), linked from the dashboard; it reads GET /api/v1/kpi/report. */
  @Get('report')
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  report(): string {
    return this.reportPage;
  }
}
