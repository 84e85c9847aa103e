/**
 * Generic English word lists the mention finders and typers use: titles, the head words of
 * organisation, place and outlet names, reporting verbs and words that are capitalised without being
 * names. None of them names a particular person: typing must work for surnames never seen before.
 */

const set = (words: string): ReadonlySet<string> => new Set(words.trim().split(/\s*\|\s*/));

/** Words that make a title when they end it ("Foreign Minister", "presidential aide"). Lower case. */
export const TITLE_HEADS = set(`president|sheriff|inspector|superintendent|commissioner|chancellor|minister|premier|chancellor|secretary|spokesman|spokeswoman|spokesperson|
  aide|adviser|advisor|negotiator|ambassador|envoy|senator|governor|mayor|general|commander|chief|head|leader|king|
  queen|pope|chairman|chairwoman|chair|director|diplomat|mr|mrs|ms|miss|dr|prof|professor|sir|lord|lady|lt|col|gen|
  sgt|capt|maj|adm|colonel|major|captain|admiral|lieutenant|sergeant|deputy|prosecutor|ombudsman|judge|justice|
  officer|official|representative|rep|sen|gov|rev|reverend|sheikh|prince|princess|emir|patriarch|metropolitan|
  administrator|ceo|executive|founder|coach|anchor|correspondent|reporter|editor|analyst|lawmaker|legislator|mp|
  speaker|ruler|dictator|strongman|counterpart|colleague|delegate|member|fm|pm|cardinal|bishop|archbishop|
  emperor|empress|tsar|czar|sultan|brother|sister|master|madam|madame|pastor|imam|rabbi|ayatollah|mullah|abbot`);

/** Words that may stand inside a title before its head ("Foreign", "Defence", "presidential"). Lower case. */
export const TITLE_MODIFIERS = set(`foreign|defence|defense|interior|finance|economy|justice|prime|first|deputy|vice|
  state|national|security|presidential|parliamentary|faction|chief|special|top|senior|former|acting|general|
  press|ministry|military|intelligence|army|navy|staff|armed|forces|executive|secretary|assistant|permanent|
  of|the|for|and|affairs|head|council|delegation|lead|leading|supreme|commander|in|culture|energy|health|trade|agriculture|education|transport|emergencies|digital|
  peace|chief|negotiating|team|party|mr|new|then|outgoing|incoming|veteran|shadow|home|education|health|labour|
  environment|science|technology|industry|interior|agriculture|infrastructure|communications|youth|sports`);

/** Title words that only ever precede a person's name ("Mr", "Dr"); their titles are not offices. */
export const HONORIFICS = set(`mr|mrs|ms|miss|dr|prof|sir|lord|lady|rev|mr.|mrs.|ms.|dr.|prof.|rev.`);

/** Last words of organisation names. Lower case. */
export const ORG_HEADS = set(`ministry|agency|party|council|committee|union|organization|organisation|association|
  institute|institution|university|college|school|bank|company|corporation|corp|inc|ltd|llc|plc|group|forces|army|
  navy|guard|service|services|office|department|court|parliament|assembly|commission|federation|fund|foundation|
  alliance|coalition|front|movement|church|club|team|league|society|board|bureau|directorate|administration|
  authority|police|command|brigade|regiment|battalion|division|fleet|militia|network|airlines|airways|industries|
  motors|computer|systems|technologies|labs|laboratory|program|programme|initiative|
  secretariat|cabinet|government|duma|rada|senate|congress|kremlin|pentagon|nations|institutes|partners|holdings|
  conference|federation|confederation|orchestra|choir|band|committee|tribunal|caucus|
  cooperation|inc.|co.|corp.|ltd.|reserve|exchange|trust|academy|records|studios|pictures|entertainment|media|
  force|corps|legion|guards`);

/** Organisation names that begin with their head: "Ministry of …", "University of …". Lower case. */
export const ORG_OPENERS = set(`ministry|department|university|bank|office|council|house|court|commission|
  committee|institute|organization|organisation|union|party|academy|federation|league|church|board|bureau|
  directorate|government|parliament|assembly|people's|national|federal|state|international|european|united|
  municipality|republic|province|city|kingdom|museum|society|foundation|school|institute|center|centre|port|bay|gulf|team`);

/** Last words of outlet names, and words after which a name is an outlet ("… news agency"). */
export const OUTLET_HEADS = set(`news|times|post|press|star|sun|globe|journal|herald|telegraph|tribune|gazette|daily|tv|radio|
  broadcasting|examiner|independent|guardian|observer|chronicle|review|magazine|monitor|today|weekly|express|
  mail|mirror|standard|insider|wire|newswire|network|channel|pravda|izvestia|vedomosti|kommersant`);

/** Last words of place names, and words after which a name is a place ("Sumy region"). Lower case. */
export const PLACE_HEADS = set(`region|oblast|province|city|county|district|state|republic|kingdom|island|islands|
  sea|ocean|river|lake|mountains|mountain|mount|valley|peninsula|bay|gulf|strait|border|street|avenue|road|square|
  airport|station|port|harbour|harbor|palace|park|forest|desert|plain|coast|beach|canal|bridge|dam|plant|
  territory|territories|krai|raion|hills|heights|town|village|capital|base|center|centre|reservoir|coastline|
  museum|memorial|hall|stadium|arena|planetarium|cathedral|mosque|temple|tower|towers|building|complex|facility|
  hotel|prison|zoo|gardens|cemetery|monument|pier|terminal|mall|theatre|theater|campus|plaza|boulevard|lane|drive|
  mansion|castle|abbey|manor|fortress|monastery|volcano|glacier|canyon|falls`);

/** First words of place names: "Mount Hood", "Lake Placid", "Cape Town", "Fort Worth". Lower case. */
export const PLACE_OPENERS = set(`mount|mt|lake|cape|fort|isle|gulf|mount.|mt.`);

/** Verbs of saying after which a bare name is a speaker, hence (usually) a person. Lower case. */
export const SAID = set(`said|says|say|told|tells|added|adds|stated|states|argued|argues|emphasized|emphasised|
  insisted|insists|noted|notes|wrote|writes|warned|warns|claimed|claims|asked|asks|replied|explained|explains|
  stressed|stresses|declared|acknowledged|admitted|urged|urges|suggested|recalled|confirmed|denied|accused|
  accuses|praised|criticized|criticised|tweeted|posted|commented|remarked|continued|concluded|believes|thinks|
  believed|thought|hopes|hoped|met|spoke|speaks|called|visited|expressed|rebuffed|dismissed|rejected|discussed`);

/** Capitalised words that do not begin a name: days, months, sentence openers. Lower case. */
export const NOT_NAMES = set(`monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|april|
  may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|i|
  the|a|an|in|on|at|of|for|and|but|or|if|when|while|after|before|as|it|its|he|she|they|we|you|this|that|these|
  those|there|here|however|meanwhile|also|yet|still|some|many|most|all|both|each|every|no|not|one|two|three|
  four|five|six|seven|eight|nine|ten|first|second|third|last|next|former|earlier|later|today|yesterday|
  tomorrow|tonight|mr|mrs|ms|dr|according|read|more|click|here|show|back|top|leave|reply|trending|related|
  share|watch|subscribe|advertisement|photo|video|breaking|update|updated|live|world|politics|opinion|
  christmas|easter|ramadan|covid|god|internet|web|am|pm|ad|bc|ok`);

/** Days and months: capitalised, tagged PROPN, never an entity on their own. */
export const TIME_WORDS = set(`monday|tuesday|wednesday|thursday|friday|saturday|sunday|january|february|march|
  april|may|june|july|august|september|october|november|december|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec`);

/** Words allowed inside a multi-word name between capitalised words ("Party of Servant of the People"). */
export const NAME_JOINERS = set(`of|the|de|du|des|la|le|van|von|der|den|da|di|bin|ibn|al|el|y|&|for`);

/** Title heads that say someone is a person but name no office; never recorded as roles. */
export const NOT_OFFICES = set(`colleague|counterpart|member|official|officer|mr|mrs|ms|miss|dr|prof|sir|lord|lady|
  representative|delegate|analyst|reporter|correspondent|editor|anchor|coach|founder|brother|sister|master|madam|madame`);

/** Verbs of sport after which a country is its national team, an organisation (only verbs diplomacy does not use). */
export const TEAM_VERBS = set(`beat|beats|defeated|defeats|drew|scored|eliminated|thrashed|edged|qualified|equalised|equalized`);

/**
 * Last words of names of events, works, products, programmes and documents, which a run of capitalised
 * words with no other cue (`name-shape`) does not make a person: "Lantern Festival", "Internet Explorer",
 * "Flag Consideration Project", "Waitangi Day". Surnames that are also such words ("Day") still come
 * through a given name ("Doris Day"). Lower case.
 */
export const THING_HEADS = set(`festival|day|days|week|year|project|results|result|explorer|browser|prize|award|awards|cup|games|
  olympics|championship|championships|series|show|film|movie|fair|expo|summit|treaty|agreement|accord|plan|war|
  campaign|operation|act|bill|report|declaration|doctrine|protocol|index|wiki|change|offensive|revolution|crisis|
  tour|race|marathon|season|edition|girls|boys|galleries|gallery|collection|collections|exhibition|exhibit|rally|
  strike|agenda|strategy|deal|talks|process|format|pact|charter|code|statement|communique|memorandum|resolution|
  app|software|system|phone|video|album|song|book|novel|magazine|journal|awards|week|month|weekend|holiday|
  polaroids|polaroid|soup|idea|music|art|arts|science|sciences|history|studies|language|english|research`);

/** First words of names that are not people: "Operation Clambake", "Team Estonia", "Project Mercury". Lower case. */
export const THING_OPENERS = set(`operation|project|team|battle|siege|treaty|campaign|mission|programme|program|festival|radio|air|flight|
  cyclone|hurricane|storm|typhoon|tropical|copyright|digital`);
