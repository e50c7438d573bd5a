import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';

/**
 * A TREC run file (`query-id Q0 doc-id rank score tag`, the format trec_eval, pytrec_eval and
 * ir_measures read), so figures beyond the eval's own can be computed from the rankings it made.
 */
export class TrecRun {
  private readonly lines = new Map<string, string[]>();

  constructor(private readonly tag: string) {}

  add(mode: string, queryId: string, ranked: readonly { sourceId: string; score: number }[]): void {
    const lines = this.lines.get(mode) ?? [];
    // Ids holding white space would split into extra columns: the format has no quoting.
    const id = (s: string) => s.replace(/\s+/g, '_');
    ranked.forEach((r, i) => lines.push(`${id(queryId)} Q0 ${id(r.sourceId)} ${i + 1} ${r.score.toFixed(6)} ${this.tag}-${mode}`));
    this.lines.set(mode, lines);
  }

  /** Writes one file per mode: `file` itself for one mode, `name-<mode>.ext` beside it for several. Returns the paths. */
  async write(file: string): Promise<string[]> {
    const several = this.lines.size > 1;
    const written: string[] = [];
    for (const [mode, lines] of this.lines) {
      const ext = extname(file);
      const path = several ? `${file.slice(0, file.length - ext.length)}-${mode}${ext}` : file;
      await writeFile(path, lines.length > 0 ? `${lines.join('\n')}\n` : '');
      written.push(path);
    }
    return written;
  }
}
