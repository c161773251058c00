import assert from 'node:assert/strict';
import { BUSY_TEXT, clarifyCard, errorCard, helpCard, type TextBlockJson } from '../../src/cards';
import { assertValidMessage, cardText } from './card-checks';
import { clarifyView, errorView, helpView } from './fixtures';

describe('cards: help', () => {
  it('makes the first five examples buttons and lists the rest', () => {
    const view = helpView(8);
    const { card, markdown } = helpCard(view);
    assertValidMessage({ card, markdown });
    assert.deepEqual(
      card.actions,
      view.examples.slice(0, 5).map((e) => ({ type: 'Action.Submit', title: e.title, data: e.data })),
    );
    const text = cardText(card);
    for (const n of [6, 7, 8]) assert.match(text, new RegExp(`• Example question ${n}`));
    assert.ok(!text.includes('• Example question 5'));
    for (const n of [1, 5, 8]) assert.ok(markdown.includes(`- Example question ${n}`));
  });

  it('has no list when there are five examples or fewer', () => {
    const { card, markdown } = helpCard(helpView(2));
    assertValidMessage({ card, markdown });
    assert.equal(card.actions?.length, 2);
    assert.ok(!cardText(card).includes('•'));
    assert.ok(markdown.includes('- Example question 2'));
  });

  it('stays within the limits with hundreds of examples', () => {
    const { card, markdown } = helpCard(helpView(1000));
    assertValidMessage({ card, markdown });
    assert.match(markdown, /… and \d+ more$/);
    assert.match(cardText(card), /… and 980 more/);
  });
});

describe('cards: clarify', () => {
  it('asks the question, offers up to five buttons, and lists the rest', () => {
    const view = clarifyView(7);
    const { card, markdown } = clarifyCard(view);
    assertValidMessage({ card, markdown });
    assert.equal((card.body[0] as TextBlockJson).text, 'Which room did you mean?');
    assert.deepEqual(
      card.actions,
      view.options.slice(0, 5).map((o) => ({ type: 'Action.Submit', title: o.title, data: o.data })),
    );
    assert.match(cardText(card), /More options:\n• Room 6\n• Room 7\nReply with the one you mean\./);
    assert.equal(
      markdown,
      [
        '**Which room did you mean?**',
        '- Room 1',
        '- Room 2',
        '- Room 3',
        '- Room 4',
        '- Room 5',
        '- Room 6',
        '- Room 7',
        '',
        'Reply with the one you mean.',
      ].join('\n'),
    );
  });

  it('escapes the question and the listed options', () => {
    const { card, markdown } = clarifyCard(clarifyView(6, { question: 'Which *Room 4* did you mean?' }));
    assert.equal((card.body[0] as TextBlockJson).text, 'Which \\*Room 4\\* did you mean?');
    assert.ok(markdown.startsWith('**Which \\*Room 4\\* did you mean?**'));
  });

  it('stays within the limits with 1,000 options', () => {
    const message = clarifyCard(clarifyView(1000));
    assertValidMessage(message);
    assert.equal(message.card.actions?.length, 5);
    assert.match(message.markdown, /… and \d+ more\n\nReply with the one you mean\.$/);
  });
});

describe('cards: error', () => {
  it('says what went wrong in one line, with the tracking id', () => {
    const { card, markdown } = errorCard(errorView());
    assertValidMessage({ card, markdown });
    const headline = card.body[0] as TextBlockJson;
    assert.equal(headline.text, '⚠️ Webex could not answer (500).');
    assert.equal(headline.color, 'Attention');
    assert.match(cardText(card), /Tracking ID: ROUTER\\_5F3C9A2B-1/);
    assert.equal(markdown, '⚠️ Webex could not answer (500).\n_Tracking ID: ROUTER\\_5F3C9A2B-1_');
    assert.equal(card.actions, undefined);
  });

  it('says the answer is coming while Webex is busy', () => {
    const { card, markdown } = errorCard(
      errorView({ retrying: true, message: BUSY_TEXT, trackingId: undefined }),
    );
    assertValidMessage({ card, markdown });
    assert.equal((card.body[0] as TextBlockJson).text, 'Webex is busy; the answer is coming.');
    assert.equal((card.body[0] as TextBlockJson).color, 'Warning');
    assert.equal(card.body.length, 1);
    assert.equal(markdown, 'Webex is busy; the answer is coming.');

    const withDetail = errorCard(errorView({ retrying: true, message: 'Rate limited; retrying in 3 s.' }));
    assert.match(
      withDetail.markdown,
      /^Webex is busy; the answer is coming\.\nRate limited; retrying in 3 s\./,
    );
  });

  it('has a message even when given none, and caps a huge one', () => {
    assert.equal((errorCard({ message: '' }).card.body[0] as TextBlockJson).text, '⚠️ Something went wrong.');
    const huge = errorCard({ message: 'x'.repeat(100_000), trackingId: 'y'.repeat(10_000) });
    assertValidMessage(huge);
    assert.ok(huge.markdown.length < 1000);
  });
});
