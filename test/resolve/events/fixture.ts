import { findEventMentions } from '../../../src/annotate/events/stage.js';
import { splitSentences } from '../../../src/annotate/sentences/stage.js';
import type { NewsDoc } from '../../../src/model/doc.js';
import { makeDoc } from '../../helpers.js';

/** A document with sentences, hand-set times (`[phrase, TIMEX3 value]`) and the event mentions found from them. */
export function eventDoc(origin: string, text: string, times: [string, string][] = []): NewsDoc {
  const layers = {
    sentences: splitSentences(text),
    times: times.map(([t, value]) => {
      const start = text.indexOf(t);
      if (start < 0) throw new Error(`fixture: "${t}" not in text`);
      return { span: { start, end: start + t.length }, type: 'DATE', value, recipe: { kind: 'fixed', value }, source: 'test' };
    }),
  } as NewsDoc['layers'];
  const doc = makeDoc(text, { origin, layers });
  return { ...doc, layers: { ...layers, eventMentions: findEventMentions(doc) } };
}

/** Four sources on the fictional Varnholm–Ostrava talks. */
export const TALKS_CORPUS = [
  eventDoc('a', 'Delegations of Varnholm and Ostrava are meeting for a second round of talks in Kessel on Thursday.', [['Thursday', '2031-04-10']]),
  eventDoc(
    'b',
    'A new round of talks between Varnholm and Ostrava was expected to take place on Thursday in Lorn.\n' +
      'The first round of talks between Varnholm and Ostrava ended on Monday.',
    [['Thursday', '2031-04-10'], ['Monday', '2031-04-07']],
  ),
  eventDoc('c', 'Varnholm and Ostrava will hold a second round of talks in Istanbul on Monday, June 2.', [['Monday, June 2', '2035-06-02']]),
  eventDoc(
    'd',
    'Envoys said the first round of talks between Varnholm and Ostrava took place in Kessel.\n' +
      'Information that the talks will be held in Kessel is not true, an Ostravan aide said.',
  ),
];
