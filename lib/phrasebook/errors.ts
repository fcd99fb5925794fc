/** One problem with the phrasebook, located as precisely as is known. */
export interface PhrasebookProblem {
  file?: string;
  entryId?: string;
  message: string;
}

export const formatProblem = (p: PhrasebookProblem) =>
  [p.file, p.entryId].filter(Boolean).join(': ') + (p.file || p.entryId ? ': ' : '') + p.message;

/** Thrown by `compilePhrasebook` with every problem found, not just the first. */
export class PhrasebookError extends Error {
  readonly problems: PhrasebookProblem[];
  constructor(problems: PhrasebookProblem[]) {
    super(
      `${problems.length} phrasebook problem${problems.length === 1 ? '' : 's'}:\n` + problems.map((p) => '  ' + formatProblem(p)).join('\n'),
    );
    this.name = 'PhrasebookError';
    this.problems = problems;
  }
}
