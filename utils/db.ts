import { TactDb } from '@/lib/storage/db';

/** The extension's one database connection per page (panel, studio) or worker. */
export const db = new TactDb();
