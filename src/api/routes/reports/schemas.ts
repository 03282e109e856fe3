import { z } from 'zod';
import { ReportInfoSchema } from '../../../contracts/reports/report-info.js';

export const ReportListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const ReportList = z.object({ items: z.array(ReportInfoSchema), total: z.number().int() });

export const ReportParams = z.object({ reportId: z.string().min(1).max(100) });
