/**
 * Loads a domain pack from `packs/<name>/` (or any folder given by path): `entities.json` (required),
 * `titles.json` and `events.json` (optional). `none` is the empty pack. Misuse (an unknown pack, a
 * malformed file, a role or event pointing at an id the pack lacks) throws at start-up with the
 * valid choices, never later in a stage.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import type { Pack } from '../context.js';
import { packEntity, packEvent, packTitle } from './schema.js';

/** Where the packs shipped with Parley live. */
export const PACKS_DIR = resolve(import.meta.dirname, '..', '..', 'packs');

/** Names of the packs shipped with Parley, plus `none`. */
export function packNames(): string[] {
  const names = existsSync(PACKS_DIR) ? readdirSync(PACKS_DIR).filter((n) => existsSync(join(PACKS_DIR, n, 'entities.json'))) : [];
  return [...names.sort(), 'none'];
}

const files = {
  entities: z.object({ entities: z.array(packEntity) }),
  titles: z.object({ titles: z.array(packTitle) }),
  events: z.object({ events: z.array(packEvent) }),
};

/** Loads pack `nameOrPath`: a shipped pack's name, `none`, or a folder holding `entities.json`. */
export function loadPack(nameOrPath: string): Pack {
  if (nameOrPath === 'none') return { name: 'none' };
  const dir = existsSync(join(nameOrPath, 'entities.json')) ? nameOrPath : join(PACKS_DIR, nameOrPath);
  if (!/^[\w.-]+$/.test(nameOrPath) && dir !== nameOrPath) throw new Error(`unknown pack "${nameOrPath}"`);
  if (!existsSync(join(dir, 'entities.json'))) {
    throw new Error(`unknown pack "${nameOrPath}"; choose from ${packNames().join(', ')} or a folder with entities.json`);
  }
  const read = <K extends keyof typeof files>(kind: K) => {
    const file = join(dir, `${kind}.json`);
    if (!existsSync(file)) return null;
    const parsed = files[kind].safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (!parsed.success) throw new Error(`pack "${nameOrPath}": ${file}: ${parsed.error.issues[0].path.join('.')}: ${parsed.error.issues[0].message}`);
    return parsed.data as z.infer<(typeof files)[K]>;
  };
  const pack: Pack = {
    name: nameOrPath,
    entities: read('entities')!.entities,
    titles: read('titles')?.titles ?? [],
    events: read('events')?.events ?? [],
  };
  checkReferences(pack);
  return pack;
}

/** Throws when an id is used twice, or a role, title or event names an id the pack does not define. */
export function checkReferences(pack: Pack): void {
  const ids = new Set<string>();
  for (const e of pack.entities ?? []) {
    if (ids.has(e.id)) throw new Error(`pack "${pack.name}": entity id "${e.id}" is used twice`);
    ids.add(e.id);
  }
  const need = (id: string | null, where: string) => {
    if (id !== null && !ids.has(id)) throw new Error(`pack "${pack.name}": ${where} refers to unknown entity "${id}"`);
  };
  for (const e of pack.entities ?? []) for (const r of e.roles) need(r.of, `role "${r.title}" of ${e.id}`);
  for (const t of pack.titles ?? []) need(t.of, `title "${t.phrase}"`);
  for (const ev of pack.events ?? []) {
    need(ev.place, `event ${ev.id}`);
    for (const p of ev.parties) need(p, `event ${ev.id}`);
  }
}
