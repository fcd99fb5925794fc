import { useId, useState } from 'react';
import type { Entry } from '@/lib/phrasebook/schema';
import type { EditChange, EntryEdit } from '@/lib/studio/overlay';
import type { StudioAction } from '@/lib/studio/changes';
import { formatImportProblem, planImport, type ImportMode, type ImportPlan } from '@/lib/studio/import';
import { bundleOf, exportFiles, fileText, type ExportFile } from '@/lib/studio/export';
import { entriesToCsv } from '@/lib/studio/csv';
import { download } from './download';

interface Props {
  shipped: Entry[];
  edits: EntryEdit[];
  entries: Entry[];
  who(): { by: string; at: number };
  commit(action: StudioAction, summary: string, changes: EditChange[]): Promise<boolean>;
}

/** Import files in the shipped format (all or nothing) and export the phrasebook as such files. */
export function ImportExport({ shipped, edits, entries, who, commit }: Props) {
  const uid = useId();
  const [mode, setMode] = useState<ImportMode>('merge');
  const [picked, setPicked] = useState<{ name: string; text: string }[]>([]);
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const files = exportFiles(entries);

  const preview = (inputs: { name: string; text: string }[], m: ImportMode) => setPlan(inputs.length ? planImport(inputs, m, shipped, edits, who()) : null);

  return (
    <div className="import-export">
      <section aria-labelledby={`${uid}-i`} data-testid="import">
        <h2 id={`${uid}-i`}>Import</h2>
        <p className="muted">
          Phrasebook files in the shipped format (<code>phrasebook/&lt;locale&gt;/&lt;category&gt;.json</code>), a bundle exported
          here, or a CSV exported here (one row per entry; list cells hold one item per line). The import is checked as a whole: one problem and nothing changes.
        </p>
        <label htmlFor={`${uid}-f`}>Files</label>{' '}
        <input
          id={`${uid}-f`}
          type="file"
          accept=".json,.csv,application/json,text/csv"
          multiple
          data-testid="import-files"
          onChange={async (e) => {
            const list = await Promise.all([...(e.target.files ?? [])].map(async (f) => ({ name: f.name, text: await f.text() })));
            setPicked(list);
            preview(list, mode);
          }}
        />
        <fieldset className="checks">
          <legend>Mode</legend>
          {(
            [
              ['merge', 'Merge: add these entries, replace those with the same ids'],
              ['replace', 'Replace: the phrasebook becomes exactly these files'],
            ] as const
          ).map(([m, label]) => (
            <label key={m}>
              <input
                type="radio"
                name={`${uid}-mode`}
                checked={mode === m}
                onChange={() => {
                  setMode(m);
                  preview(picked, m);
                }}
              />{' '}
              {label}
            </label>
          ))}
        </fieldset>
        {plan && !plan.ok && (
          <div role="alert">
            <p>
              Not imported: {plan.problems.length} problem{plan.problems.length === 1 ? '' : 's'}.
            </p>
            <ul className="problems" data-testid="import-problems">
              {plan.problems.slice(0, 200).map((p, i) => (
                <li key={i}>{formatImportProblem(p)}</li>
              ))}
            </ul>
          </div>
        )}
        {plan?.ok && (
          <p data-testid="import-summary">
            Ready: adds {plan.added}, changes {plan.changed}, removes {plan.removed} entries ({plan.changes.length} edit
            {plan.changes.length === 1 ? '' : 's'}).{' '}
            <button
              type="button"
              data-action="import"
              disabled={plan.changes.length === 0}
              onClick={async () => {
                const names = picked.map((p) => p.name).join(', ');
                if (await commit('import', `Imported ${plan.entries.length} entries from ${names} (${mode})`, plan.changes)) {
                  setPlan(null);
                  setPicked([]);
                }
              }}
            >
              Import
            </button>
          </p>
        )}
      </section>
      <section aria-labelledby={`${uid}-e`} data-testid="export">
        <h2 id={`${uid}-e`}>Export</h2>
        <p className="muted">
          The phrasebook as it is here (shipped entries with the team&apos;s edits; disabled and deleted ones left out), one file per
          locale and category, to commit into <code>phrasebook/</code>.
        </p>
        <button type="button" data-action="export-bundle" onClick={() => download('tact-phrasebook.json', JSON.stringify(bundleOf(files, new Date()), null, 2) + '\n')}>
          Download all ({files.length} files in one bundle)
        </button>
        <button type="button" data-action="export-csv" onClick={() => download('tact-phrasebook.csv', entriesToCsv(entries), 'text/csv')}>
          Download as CSV (for a spreadsheet)
        </button>
        <ul className="export-files">
          {files.map((f: ExportFile) => (
            <li key={f.path}>
              <button type="button" onClick={() => download(f.path.replace('/', '-'), fileText(f))}>
                {f.path}
              </button>{' '}
              <span className="muted">{f.data.entries.length} entries</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
