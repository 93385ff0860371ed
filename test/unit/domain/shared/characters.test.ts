import assert from 'node:assert/strict';
import { assertCharacters, forbiddenCharacter } from '../../../../src/domain/shared/characters';

describe('The characters a stored string may hold', () => {
  describe('in free text (`text`)', () => {
    it('allows tab, line breaks, DEL, C1 controls, noncharacters and emoji', () => {
      assert.equal(forbiddenCharacter('a\tb\nc\r\n\u007f\u0085\uffff 😀', 'text'), null);
    });

    for (const [name, value, code] of [
      ['U+0000', 'a\u0000b', 'U+0000'],
      ['a bell', 'ding\u0007', 'U+0007'],
      ['an escape', '\u001b[31m', 'U+001B'],
      ['a vertical tab', 'a\u000bb', 'U+000B'],
      ['a lone high surrogate', 'half \ud83d', 'U+D83D'],
      ['a lone low surrogate', '\ude00 half', 'U+DE00'],
    ] as const) {
      it(`refuses ${name}`, () => {
        assert.equal(forbiddenCharacter(value, 'text'), code);
      });
    }
  });

  describe('in names and ids (`line`)', () => {
    it('allows letters, spaces, punctuation and emoji', () => {
      assert.equal(forbiddenCharacter('Zoë / support #2 😀', 'line'), null);
    });

    for (const [name, value, code] of [
      ['U+0000', 'a\u0000', 'U+0000'],
      ['a line feed', 'two\nlines', 'U+000A'],
      ['a tab', 'a\tb', 'U+0009'],
      ['DEL', 'a\u007f', 'U+007F'],
      ['a C1 control', 'a\u0085', 'U+0085'],
      ['U+FFFE', 'a\ufffe', 'U+FFFE'],
      ['U+FFFF', 'a\uffff', 'U+FFFF'],
      ['a lone surrogate', 'a\ud800', 'U+D800'],
    ] as const) {
      it(`refuses ${name}`, () => {
        assert.equal(forbiddenCharacter(value, 'line'), code);
      });
    }
  });

  it('names the field and the character in the validation error', () => {
    assert.throws(() => assertCharacters('x\u0000', 'client_message_id', 'line'), {
      code: 'validation_error',
      details: { field: 'client_message_id' },
      message: /client_message_id must not contain U\+0000/,
    });
  });
});
