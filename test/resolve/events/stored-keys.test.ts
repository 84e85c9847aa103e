/**
 * A stored event lists the entity keys of its mentions' arguments (`keys`), which tell an incremental
 * run that an entity folded away re-keys it; state written before lists them with a sample argument
 * each (`samples`), read as the same keys.
 */
import { describe, expect, it } from 'vitest';
import { eventNodes } from '../../../src/resolve/events/nodes.js';
import { nodePart, storedKeys, type StoredEvent } from '../../../src/resolve/events/incremental-state.js';
import { TALKS_CORPUS } from './fixture.js';

/** No corpus entities: arguments are keyed by their folded text. */
const nodes = eventNodes(TALKS_CORPUS, { at: () => null });

describe('stored events’ argument keys', () => {
  it('lists every argument key of the mentions once, first seen first', () => {
    const keys = nodePart(nodes).keys;
    expect(keys).toEqual([...new Set(nodes.flatMap((n) => n.argKeys))]);
    expect(keys).toEqual(['~kessel', '~varnholm', '~ostrava', '~lorn', '~istanbul', '~ostravan']);
  });

  it('reads state written before keys (samples: a key with its first argument) as the same keys', () => {
    const legacy = { samples: [['~kessel', 'a', 0, 6], ['~varnholm', 'a', 14, 22]] } as unknown as StoredEvent;
    expect(storedKeys(legacy)).toEqual(['~kessel', '~varnholm']);
    expect(storedKeys({ keys: ['~lorn'] } as StoredEvent)).toEqual(['~lorn']);
  });

  it('negative: an event whose mentions have no arguments lists no keys', () => {
    const bare = nodes.map((n) => ({ ...n, place: null, actors: [], argKeys: [] }));
    expect(nodePart(bare).keys).toEqual([]);
  });
});
