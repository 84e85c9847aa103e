/**
 * Contradictions, incrementally: the contradictions of the events an earlier resolver of this run
 * changed or removed are replaced, found from the statements the events resolver keeps of each
 * event's mentions (`keptSaid`: those that finding contradictions can pick), so only the documents of disagreeing statements are loaded (for their speakers); the
 * claims of new documents are compared with the representatives of their group (`scanClaims`), as
 * one scan over the whole group would.
 *
 * State (resolver `contradictions`): `a:<event>` the ids of its contradictions; `f:<claim key>` a
 * claim group's `StoredFigures`.
 */
import type { IncrementalInput, IncrementalResolver } from '../resolve.js';
import type { Event } from '../events/build.js';
import { claimAt, claimsByKey, figureContradiction, scanClaims } from './figures.js';
import { disagreements, eventContradictions, quoteSpeakers, type Contradiction, type Said } from './resolver.js';
import type { StoredEvent } from '../events/incremental-state.js';
import { EntityView } from '../entities/entity-view.js';

/** A group of claims as stored: whether it disagrees already, else what later claims are compared with. */
interface StoredFigures {
  found: boolean;
  reps: [doc: string, index: number][];
}

/** The contradictions resolver's incremental form. */
export const incremental: IncrementalResolver = {
  state(docs, items) {
    const about = new Map<string, string[]>();
    for (const { id, data } of items.contradictions ?? []) {
      const c = data as Contradiction;
      if (c.about !== null) (about.get(c.about) ?? about.set(c.about, []).get(c.about)!).push(id);
    }
    const figures = [...claimsByKey(docs)].map(([key, group]): [string, unknown] => {
      const { pair, reps } = scanClaims(group);
      return [`f:${key}`, { found: pair !== null, reps: pair ? [] : reps.map((r) => [r.doc.id, r.index]) } satisfies StoredFigures];
    });
    return [...[...about].map(([e, ids]): [string, unknown] => [`a:${e}`, ids]), ...figures];
  },
  async add(input, corpus) {
    const events = (input.delta.upsert.events ?? []).map((i) => i.data as Event);
    const gone = [...events.map((e) => e.id), ...(input.delta.remove.events ?? [])];
    const had = await input.state(gone.map((id) => `a:${id}`));
    const before = [...had.values()].flatMap((ids) => ids as string[]);
    const entities = new EntityView(input);
    const groups = claimsByKey(input.added);
    const stored = await input.state([...groups.keys()].map((k) => `f:${k}`));
    const reps = [...stored.values()].flatMap((s) => (s as StoredFigures).reps.map(([doc]) => doc));
    const said = await eventFacts(input, events);
    const disagree = new Map(events.map((e) => [e.id, disagreements(said.get(e.id)!)]));
    const docs = [...[...disagree.values()].flatMap((ds) => ds.flatMap((d) => d.pair.map((s) => s.doc))), ...reps];
    await input.docs.load(docs);
    await entities.load(docs);
    const speakerOf = quoteSpeakers(entities.lookup);
    const found = events.flatMap((e) => eventContradictions(e, disagree.get(e.id)!, input.docs, speakerOf));
    const about = new Map<string, string[]>(gone.map((id) => [id, []]));
    for (const c of found) about.get(c.about!)!.push(c.id);
    // An event with no contradictions has no key: one that had some loses it.
    const state = [...about].filter(([e, ids]) => ids.length > 0 || had.has(`a:${e}`)).map(([e, ids]): [string, unknown] => [`a:${e}`, ids.length > 0 ? ids : null]);
    for (const [key, group] of groups) {
      const was = stored.get(`f:${key}`) as StoredFigures | undefined;
      if (was?.found) continue;
      const reps = (was?.reps ?? []).flatMap(([doc, i]) => claimAt(input.docs.get(doc), i) ?? []);
      const { pair, reps: now } = scanClaims(group, reps);
      if (pair) found.push(figureContradiction(pair));
      state.push([`f:${key}`, { found: pair !== null, reps: pair ? [] : now.map((r) => [r.doc.id, r.index]) } satisfies StoredFigures]);
    }
    const kept = new Set(found.map((c) => c.id));
    return {
      upsert: { contradictions: found.map((c) => ({ id: c.id, data: c })) },
      remove: { contradictions: before.filter((id) => !kept.has(id)) },
      state,
    };
  },
};


/**
 * What contradiction finding reads of each event's mentions (by event id): the statements the events
 * resolver of this run kept for it (`keptSaid`), which give what all its mentions give.
 */
async function eventFacts(input: IncrementalInput, events: Event[]): Promise<Map<string, Said[]>> {
  const slots = await input.stateOf('events', events.map((e) => `i:${e.id}`));
  const stored = await input.stateOf('events', [...slots.values()].map((s) => `e:${s}`));
  return new Map(events.map((e) => [e.id, (stored.get(`e:${slots.get(`i:${e.id}`)}`) as StoredEvent | undefined)?.said ?? []]));
}
