/**
 * Facts about news agencies and outlets: the name Parley records, the spellings that appear in
 * credits and datelines, and their web domains. Data only; `outlet.ts` does the matching.
 */

/** One outlet: its canonical name, other names seen in credits/datelines, and its domains. */
export interface OutletFact {
  name: string;
  aliases: string[];
  domains: string[];
}

/** Agencies and outlets common in coverage of the default pack's story, plus any named in credit patterns seen so far. */
export const OUTLETS: readonly OutletFact[] = [
  { name: 'Reuters', aliases: ['Reuters', 'REUTERS'], domains: ['reuters.com'] },
  { name: 'Associated Press', aliases: ['AP', 'Associated Press', 'The Associated Press'], domains: ['apnews.com', 'ap.org'] },
  { name: 'Agence France-Presse', aliases: ['AFP', 'Agence France-Presse', 'Agence France Presse'], domains: ['afp.com'] },
  { name: 'Xinhua', aliases: ['Xinhua', 'XINHUA', 'Xinhua News Agency'], domains: ['xinhuanet.com', 'news.cn'] },
  { name: 'BelTA', aliases: ['BelTA', 'BELTA'], domains: ['belta.by', 'eng.belta.by'] },
  { name: 'TASS', aliases: ['TASS', 'ITAR-TASS'], domains: ['tass.com', 'tass.ru'] },
  { name: 'RIA Novosti', aliases: ['RIA Novosti', 'RIA'], domains: ['ria.ru'] },
  { name: 'Interfax', aliases: ['Interfax'], domains: ['interfax.com', 'interfax.ru'] },
  { name: 'Ukrinform', aliases: ['Ukrinform'], domains: ['ukrinform.net', 'ukrinform.ua'] },
  { name: 'UNIAN', aliases: ['UNIAN'], domains: ['unian.info', 'unian.net'] },
  { name: 'Anadolu Agency', aliases: ['Anadolu Agency', 'AA', 'Anadolu'], domains: ['aa.com.tr'] },
  { name: 'Deutsche Presse-Agentur', aliases: ['dpa', 'DPA'], domains: ['dpa.com'] },
  { name: 'EFE', aliases: ['EFE'], domains: ['efe.com'] },
  { name: 'ANSA', aliases: ['ANSA'], domains: ['ansa.it'] },
  { name: 'Kyodo News', aliases: ['Kyodo', 'Kyodo News'], domains: ['kyodonews.net'] },
  { name: 'Yonhap', aliases: ['Yonhap'], domains: ['yna.co.kr'] },
  { name: 'Press Trust of India', aliases: ['PTI'], domains: ['ptinews.com'] },
  { name: 'IANS', aliases: ['IANS'], domains: ['ians.in'] },
  { name: 'Bloomberg', aliases: ['Bloomberg'], domains: ['bloomberg.com'] },
  { name: 'BBC', aliases: ['BBC', 'BBC News'], domains: ['bbc.com', 'bbc.co.uk'] },
  { name: 'CNN', aliases: ['CNN'], domains: ['cnn.com'] },
  { name: 'Al Jazeera', aliases: ['Al Jazeera'], domains: ['aljazeera.com'] },
  { name: 'The Guardian', aliases: ['The Guardian', 'Guardian'], domains: ['theguardian.com'] },
  { name: 'The New York Times', aliases: ['The New York Times', 'New York Times'], domains: ['nytimes.com'] },
  { name: 'The Washington Post', aliases: ['The Washington Post', 'Washington Post'], domains: ['washingtonpost.com'] },
  { name: 'Washington Examiner', aliases: ['Washington Examiner', 'The Washington Examiner'], domains: ['washingtonexaminer.com'] },
  { name: 'Fox News', aliases: ['Fox News'], domains: ['foxnews.com'] },
  { name: 'NBC News', aliases: ['NBC News'], domains: ['nbcnews.com'] },
  { name: 'CBS News', aliases: ['CBS News'], domains: ['cbsnews.com'] },
  { name: 'Sky News', aliases: ['Sky News'], domains: ['news.sky.com'] },
  { name: 'RT', aliases: ['RT'], domains: ['rt.com'] },
  { name: 'Sputnik', aliases: ['Sputnik'], domains: ['sputniknews.com'] },
  { name: 'Kyiv Independent', aliases: ['Kyiv Independent', 'The Kyiv Independent'], domains: ['kyivindependent.com'] },
  { name: 'Kyiv Post', aliases: ['Kyiv Post'], domains: ['kyivpost.com'] },
  { name: 'Meduza', aliases: ['Meduza'], domains: ['meduza.io'] },
  { name: 'Daily Sabah', aliases: ['Daily Sabah'], domains: ['dailysabah.com'] },
  { name: 'The College Fix', aliases: ['The College Fix', 'College Fix'], domains: ['thecollegefix.com'] },
];
