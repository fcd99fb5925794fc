import type { Entry } from './schema';

// Which file each parsed entry came from, so the engine's errors can name it without the file
// name being part of the entry itself (entries are data; where they were read from is not).
const files = new WeakMap<Entry, string>();

export const rememberFile = (entry: Entry, file: string) => void files.set(entry, file);
export const fileOf = (entry: Entry): string | undefined => files.get(entry);
