// A database row as the services send it: column name → text (or null). Values travel as text so
// numeric, decimal and timestamp columns keep their exact representation across MariaDB,
// PostgreSQL and JSON.
import { z } from 'zod';

export const nullableText = z.string().nullable();
export const rowSchema = z.record(z.string(), nullableText);
export type Row = z.infer<typeof rowSchema>;
