import type { Command } from '../commands/types.js';
import { reply } from '../messages/reply.js';
import { countStore, serverVersion } from '../../storage/repositories/stats.js';
import { describeEmbeddings } from '../embeddings/activeEmbedder.js';
import { embeddingSettingsFrom } from '../embeddings/embeddingSettings.js';
import { offlineLexiconsState } from '../translate/lexicon/offlineLexicons.js';

/** `/status`: which database and adapters are in use, how much is stored, which providers run. */
export const statusCommand: Command = {
  name: 'status',
  summary: 'Show the database, stored outcomes and needs, active adapters and model providers',
  usage: '/status',
  plainWord: true,
  async run({ services, actor }) {
    const { db } = services;
    const [counts, version, embeddings] = await Promise.all([
      countStore(db, actor.workspaceId),
      serverVersion(db),
      describeEmbeddings(db, embeddingSettingsFrom(services.config)),
    ]);
    const engine = db.engine === 'pglite' ? `PGlite, embedded (${version})` : `PostgreSQL server (${version})`;
    return reply(
      { type: 'header', text: 'Liaison status' },
      {
        type: 'fields',
        fields: [
          { label: 'Database', value: engine },
          { label: 'Location', value: db.location },
          { label: 'Outcomes', value: counts.outcomes.toLocaleString('en') },
          { label: 'Needs (this workspace)', value: counts.needs.toLocaleString('en') },
          { label: 'Adapters', value: services.adapters.join(', ') || 'none' },
          { label: 'Embeddings', value: embeddings },
          { label: 'Offline dictionaries', value: offlineLexiconsState() },
          ...Object.entries(services.providers).map(([port, provider]) => ({ label: capitalise(port), value: provider })),
        ],
      },
    );
  },
};

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
