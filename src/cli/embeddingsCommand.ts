import { embeddingSettingsFrom } from '../embeddings/embeddingSettings.js';
import { describeEmbeddings } from '../embeddings/activeEmbedder.js';
import { refreshEmbeddings } from '../search/refreshEmbeddings.js';
import { countIndexed } from '../../storage/repositories/searchIndex.js';
import { connectServices, readConfig } from './bootstrap.js';
import { CliExit, EXIT } from './exitCodes.js';

const USAGE = `Usage: liaison embeddings status|refresh|refit|use

  status    the model the stored vectors come from, and how many outcomes are indexed
  refresh   index and embed outcomes that are missing, rebuild the vector index if needed
  refit     fit the offline model again on the current outcomes and re-embed them all
  use       switch to the model EMBEDDINGS_PROVIDER / EMBEDDINGS_MODEL / EMBEDDINGS_DIM name,
            re-embedding every outcome (vectors of two models are never mixed)`;

/** `liaison embeddings …`: inspect, refresh, refit or switch the search embeddings. */
export async function embeddingsCommand(argv: string[]): Promise<void> {
  const [action, ...rest] = argv;
  if (!action || action === 'help' || action === '--help' || action === '-h') return void process.stdout.write(`${USAGE}\n`);
  if (!['status', 'refresh', 'refit', 'use'].includes(action) || rest.length > 0) throw new CliExit(EXIT.usage, USAGE);
  const config = readConfig();
  const settings = embeddingSettingsFrom(config);
  const services = await connectServices(config, []);
  try {
    if (action !== 'status') {
      const started = performance.now();
      const report = await refreshEmbeddings(services.db, settings, {
        refit: action === 'refit',
        switchModel: action === 'use',
        onProgress: (stage, done, total) => process.stderr.write(`${stage}${total > 1 ? ` ${done}/${total}` : ''}\n`),
      });
      process.stdout.write(
        `${report.fitted ? 'Fitted a new offline model. ' : ''}Embedded ${report.embedded} outcomes with ${report.model}` +
          `${report.indexRebuilt ? '; vector index rebuilt' : ''} in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`,
      );
    }
    const counts = await countIndexed(services.db);
    process.stdout.write(`Model: ${await describeEmbeddings(services.db, settings)}\nOutcomes indexed: ${counts.indexed}, embedded: ${counts.embedded}\n`);
  } catch (err) {
    if (err instanceof Error && /EMBEDDINGS_MODEL and EMBEDDINGS_DIM/.test(err.message)) throw new CliExit(EXIT.config, err.message);
    throw err;
  } finally {
    await services.db.close();
  }
}
