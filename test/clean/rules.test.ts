import { describe, expect, it } from 'vitest';
import { boilerplateReasons, lineReason } from '../../src/clean/boilerplate.js';

describe('line rules: each boilerplate family', () => {
  it.each([
    ['CLICK HERE TO READ MORE FROM THE ZELMA HERALD', 'promo'],
    ['Sign up for our newsletter to get the latest news', 'promo'],
    ['The rest of the article under the video', 'promo'],
    ['Direct renewal of the Valdorian-Ostrenian war here', 'promo'],
    ['Continue Reading Below', 'promo'],
    ['Advertisement', 'promo'],
    ['Follow us on Twitter for updates', 'promo'],
    ['Read more: Ceasefire holds in the east', 'promo'],
    ['Leave a Reply', 'comment-form'],
    ['Your email address will not be published. Required fields are marked *', 'comment-form'],
    ['Comments (12)', 'comment-form'],
    ['Show More', 'ui-label'],
    ['Back to top button', 'ui-label'],
    ['Share this article', 'ui-label'],
    ['Skip to content', 'ui-label'],
    ['Image 2 of 5', 'ui-label'],
    ['Home | World | Politics | Sport | Opinion', 'navigation'],
    ['News / Conflict / Diplomacy / Economy', 'navigation'],
    ['Latest News Regions Markets', 'navigation'],
    ['Menu Search Subscribe', 'navigation'],
    ['Reporting by Anna Sorel; Editing by Piotr Vale', 'credit'],
    ['Brenn Post writers Ada Lind and Jon Ek contributed to this report.', 'credit'],
    ['© 2024 Zelma Herald Media. All rights reserved.', 'credit'],
    ['Image copyright', 'caption'],
    ['Delegates arrive in Brenn (Photo: Zelma Herald)', 'caption'],
    ['A delegate arrives at the hall.Reuters', 'caption'],
    ['By Lena Vos', 'byline'],
    ['By Stefan Ek, Kara Lind', 'byline'],
    ['Published 7:07 PM EST Nov 19, 2019', 'byline'],
  ])('%s → %s', (line, reason) => {
    expect(lineReason(line)).toBe(reason);
  });
});

describe('structure rules', () => {
  it('takes a labelled trending list: the label and its headline and bullet lines, stopping at the story', () => {
    const lines = ['The talks resumed on Monday.', 'Trending', 'Storm closes Zelma airport', '- Ostrenian league final postponed', 'Marek will brief parliament on Thursday, her office said.'];
    expect([...boilerplateReasons(lines)]).toEqual([[1, 'related-list'], [2, 'related-list'], [3, 'related-list']]);
  });

  it('takes one-line related teasers', () => {
    expect([...boilerplateReasons(['Related: Who is Ilsa Marek?', 'The talks resumed.'])]).toEqual([[0, 'related-list']]);
  });

  it('takes a navigation menu (a run of short lines) above the story', () => {
    const lines = ['Home', 'World', 'Sport', 'Business', 'The talks resumed on Monday in Brenn, officials said.'];
    expect([...boilerplateReasons(lines)]).toEqual([[0, 'ui-label'], [1, 'navigation'], [2, 'navigation'], [3, 'navigation']]);
  });

  it('takes a short line repeated three times in one page', () => {
    const lines = ['Whatsapp Facebook Print', 'The talks resumed.', 'Whatsapp Facebook Print', 'They ended.', 'Whatsapp Facebook Print'];
    expect([...boilerplateReasons(lines)]).toEqual([[0, 'ui-label'], [2, 'ui-label'], [4, 'ui-label']]);
  });

  it('takes a lone section label above a headline that is followed by the story', () => {
    const lines = ['World', 'Valdoria and Ostrenia resume talks', 'Delegations met in Brenn on Monday, officials said.'];
    expect([...boilerplateReasons(lines)]).toEqual([[0, 'section-label']]);
  });

  it('takes date-only lines and author bios at the edges of the text', () => {
    const body = ['The talks resumed on Monday in Brenn, officials said.', 'They will meet again on Friday, the ministry said.', 'Both sides exchanged maps.', 'Monitors will attend.', 'The exchange is planned for next week.', 'Marek will brief parliament.', 'Dunn declined to comment.'];
    const lines = ['November 18, 2019 | 4:10pm', ...body, 'Lena Vos is a reporter for the Zelma Herald.', '05/10/2018 / Zelma Herald'];
    expect([...boilerplateReasons(lines)]).toEqual([[0, 'byline'], [8, 'credit'], [9, 'byline']]);
  });
});
