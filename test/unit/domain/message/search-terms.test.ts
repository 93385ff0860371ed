import assert from 'node:assert/strict';
import { MAX_TERM_LENGTH, searchTerms } from '../../../../src/domain/message/search-terms';

describe('searchTerms', () => {
  it('gives each word once, lower-cased and without accents, in order', () => {
    assert.deepEqual(searchTerms('Café, CAFE and crème brûlée: café!'), ['cafe', 'creme', 'brulee']);
  });

  it('keeps letters and digits of any script, and leaves out one-character and stop words', () => {
    assert.deepEqual(searchTerms('The 2 invoices of Q3 for Zoë — Привет 東京'), [
      'invoices',
      'q3',
      'zoe',
      'привет',
      '東京',
    ]);
  });

  it('cuts very long words', () => {
    assert.equal(searchTerms('x'.repeat(100))[0].length, MAX_TERM_LENGTH);
  });

  it('finds nothing to search in punctuation or stop words alone', () => {
    assert.deepEqual(searchTerms('... the a, of!'), []);
  });
});
