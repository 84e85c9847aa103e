/** Shared helpers for the entity-resolution tests: fixture corpora → annotated documents → projection. */
import { join } from 'node:path';
import { findMentions } from '../../../src/annotate/mentions/stage.js';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';
import { makeContext, type Context } from '../../../src/context.js';
import type { NewsDoc } from '../../../src/model/doc.js';
import { loadPack } from '../../../src/packs/load.js';
import { resolveEntities } from '../../../src/resolve/entities/resolver.js';
import { makeDoc } from '../../helpers.js';
import { foldName } from '../../../src/annotate/mentions/key.js';
import type { Mention, MentionType } from '../../../src/annotate/mentions/layer.js';

export const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'entities');

/** Builds annotated documents (sentences + mentions) for a fixture corpus. */
export function corpusDocs(docs: { date: string | null; text: string }[], ctx: Context): NewsDoc[] {
  return docs.map((d) => {
    const base = makeDoc(d.text, {
      published: { date: d.date, source: d.date ? 'metadata' : 'none', confidence: 1, evidence: [] },
      layers: { sentences: splitSentences(d.text) },
    });
    return { ...base, layers: { ...base.layers, mentions: findMentions(base, ctx) } };
  });
}

export function contextFor(pack: string): Context {
  return makeContext({ pack: pack === 'none' ? { name: 'none' } : loadPack(join(FIXTURES, pack)) });
}

/** The resolver's output projected to what the fixtures record. */
export function project(docs: NewsDoc[], ctx: Context) {
  return resolveEntities(docs, ctx)
    .map((e) => ({ name: e.name, type: e.type, aliases: e.aliases.map((a) => a.text).sort(), implied: e.mentions.filter((m) => m.implied).map((m) => m.text) }))
    .sort((a, b) => a.name.localeCompare(b.name) || a.type.localeCompare(b.type));
}


/**
 * A document whose mentions layer is written by hand: each (name, type) at its next occurrence in the
 * text, in order. Cases built this way test the resolver whatever the mention finder does.
 */
export function docWith(text: string, names: [string, MentionType][], date: string | null = null): NewsDoc {
  let from = 0;
  const mentions: Mention[] = names.map(([name, type]) => {
    const start = text.indexOf(name, from);
    if (start < 0) throw new Error(`"${name}" not in "${text}"`);
    from = start + name.length;
    return { span: { start, end: start + name.length }, type, key: foldName(name), source: 'test', evidence: 'explicit' };
  });
  return makeDoc(text, { published: { date, source: date ? 'metadata' : 'none', confidence: 1, evidence: [] }, layers: { mentions } });
}
