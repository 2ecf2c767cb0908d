import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Public } from '../auth/access.decorators';

/** Where the dashboard's files are, next to this file in the source and in the build. */
export const DASHBOARD_ASSETS = join(__dirname, 'static');

/** GET /dashboard: the supervisors' KPI page (it signs in and reads the KPI endpoints itself). */
@ApiExcludeController()
@Controller('dashboard')
@Public()
export class DashboardController {
  private readonly page = readFileSync(join(DASHBOARD_ASSETS, 'index.html'), 'utf8');

  @Get()
  @Header('Content-Type', 'text/html; charset=utf-8')
  @Header('Cache-Control', 'no-cache')
  index(): string {
    return this.page;
  }
}
