import Dexie, { type EntityTable } from 'dexie';
import { parseAiConfig, type AiConfig } from '../ai/config';

/**
 * Where the background keeps the Claude API key: the extension origin's IndexedDB, which content
 * scripts (running in the page's origin) cannot open, unlike storage.local. A database of its own,
 * apart from TactDb, so no export or review page that reads Tact's data ever reads the key.
 * Only the background opens it; pages ask the background (getAiStatus / setAiConfig).
 */
export class AiConfigDb extends Dexie {
  config!: EntityTable<AiConfig & { id: 'ai' }, 'id'>;

  constructor(name = 'tact-ai-config', options?: ConstructorParameters<typeof Dexie>[1]) {
    super(name, options);
    this.version(1).stores({ config: 'id' });
  }

  async read(): Promise<AiConfig> {
    return parseAiConfig(await this.config.get('ai'));
  }

  async write(config: AiConfig): Promise<void> {
    await this.config.put({ ...config, id: 'ai' });
  }
}
