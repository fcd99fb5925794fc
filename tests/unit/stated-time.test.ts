import { expect, test } from 'vitest';
import { statedTime } from '../../lib/stated-time';

// A stated time, for the checklist's "commit to a next step with a time" and the phrasebook's @time.
test.each([
  ['within 2 hours', 'within 2 hours'],
  ['We will reply within the next five working days.', 'within the next five working days'],
  ['I will call you back by noon.', 'by noon'],
  ['Expect the parcel before Friday.', 'before Friday'],
  ['by the end of this week', 'by the end of this week'],
  ['at 4:30', 'at 4:30'],
  ['around 3 pm', '3 pm'],
  ['I will check within the hour.', 'within the hour'],
  ['tomorrow morning', 'tomorrow'],
  ['no later than Monday', 'no later than Monday'],
  ['You will have it next week.', 'next week'],
  ['I will call you on the next business day.', 'next business day'],
  ['Du får besked senast i morgon.', 'senast i morgon'],
  ['Vi återkommer nästa vecka.', 'nästa vecka'],
  ['Ni får svar senast på fredag.', 'senast på fredag'],
  ['下周给您回复', '下周'],
  ['Jag ringer dig på fredag.', 'på fredag'],
  ['Du får svar inom en vecka.', 'inom en vecka'],
  ['Vi hörs klockan 4.', 'klockan 4'],
  ['Vi återkommer i eftermiddag.', 'i eftermiddag'],
  ['我们会在24小时内回复您', '24小时内'],
  ['下午三点前', '下午三点前'],
  ['三点之前', '三点之前'],
  ['周一之前给您答复', '周一'],
  ['下班前处理好', '下班前'],
])('%s', (text, found) => {
  expect(statedTime(text)?.text).toBe(found);
});

test.each(['soon', 'shortly', 'as soon as possible', 'in a few days', 'in due course', 'later', 'at the latest', 'snart', 'inom kort', 'senast', '尽快', '稍后', '快一点'])(
  'vague: %s is not a time',
  (vague) => {
    expect(statedTime(`We will reply ${vague}.`)).toBeUndefined();
  },
);
