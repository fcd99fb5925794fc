import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Studio } from '@/components/studio/Studio';
import { TactDb } from '@/lib/storage/db';
import { normaliseEntry } from '@/lib/studio/overlay';
import { sendMessage } from '@/utils/messaging';
import { loadShippedEntries } from '@/utils/phrasebook';
import '@/components/panel.css';
import '@/components/studio/studio.css';

// The shipped phrasebook is bundled into this page as into the worker; team edits live in IndexedDB.
const shipped = loadShippedEntries().entries.map(normaliseEntry);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Studio
      db={new TactDb()}
      shipped={shipped}
      notifyChanged={(reason) => sendMessage('phrasebookChanged', { reason })}
    />
  </StrictMode>,
);
