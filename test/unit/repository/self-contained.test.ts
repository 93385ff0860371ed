import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * A fresh clone holds nothing but its tracked files, so no tracked file may lean on a file beside the
 * checkout. The product contract is stated in docs/contract.md.
 */

const ROOT = execFileSync('git', ['rev-parse', '--show-toplevel'], {
  cwd: __dirname,
  encoding: 'utf8',
}).trim();
const SELF = path.relative(ROOT, __filename);

interface Offence {
  file: string;
  line: number;
  text: string;
}

/** Every tracked text file but this one, with its lines. */
function trackedFiles(): { file: string; lines: string[] }[] {
  return execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file && file !== SELF)
    .map((file) => ({ file, content: readFileSync(path.join(ROOT, file), 'utf8') }))
    .filter(({ content }) => !content.includes('\0'))
    .map(({ file, content }) => ({ file, lines: content.split('\n') }));
}

function offences(isOffence: (file: string, line: string) => boolean): Offence[] {
  return trackedFiles().flatMap(({ file, lines }) =>
    lines.flatMap((text, i) => (isOffence(file, text) ? [{ file, line: i + 1, text: text.trim() }] : [])),
  );
}

function report(found: Offence[]): string {
  return found.map(({ file, line, text }) => `${file}:${line}: ${text}`).join('\n');
}

/** `../x`, `../../x/y` … where a path starts: after a quote, a bracket, a space or the line's start. */
const RELATIVE_PATH = /(?:^|["'`(\s[=])((?:\.\.?\/)+[\w@.-]+(?:\/[\w@.-]+)*)/g;

function escapesRoot(file: string, line: string): boolean {
  return [...line.matchAll(RELATIVE_PATH)].some(([, reference]) => {
    const target = path.resolve(ROOT, path.dirname(file), reference);
    return path.relative(ROOT, target).startsWith('..');
  });
}

describe('The repository', () => {
  it('has tracked files to check', () => {
    const files = trackedFiles().map(({ file }) => file);

    assert.ok(files.includes('README.md'));
    assert.ok(files.includes('docs/contract.md'), 'docs/contract.md states the contract');
  });

  it('never refers to DESIGN.md, which lives outside it', () => {
    const found = offences((_file, line) => /DESIGN\.md/i.test(line));

    assert.equal(found.length, 0, `point to docs/contract.md instead:\n${report(found)}`);
  });

  it('has no relative path that leads out of the checkout', () => {
    const found = offences(escapesRoot);

    assert.equal(found.length, 0, `paths outside the repository:\n${report(found)}`);
  });
});
