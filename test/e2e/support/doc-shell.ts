import { readFileSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

/** One command of a documented shell block and the output lines the `# …` comments after it show. */
export interface DocStep {
  source: string;
  command: string;
  expected: string[];
}

/** The ```sh blocks of a markdown file, optionally only those between two headings. */
export function shellBlocks(file: string, from?: string, to?: string): { source: string; text: string }[] {
  let markdown = readFileSync(path.join(ROOT, file), 'utf8');
  if (from) markdown = markdown.slice(markdown.indexOf(from));
  if (to) markdown = markdown.slice(0, markdown.indexOf(to));
  return [...markdown.matchAll(/```sh\n([\s\S]*?)```/g)].map((match) => ({ source: file, text: match[1] }));
}

/**
 * Splits a block into commands (a line ending in `\` goes on) and the comment lines that follow each
 * one, which show what it prints.
 */
export function steps(block: { source: string; text: string }): DocStep[] {
  const result: DocStep[] = [];
  let pending = '';
  for (const line of block.text.split('\n')) {
    if (pending) {
      pending += `\n${line}`;
      if (!line.endsWith('\\')) [result[result.length - 1].command, pending] = [pending, ''];
    } else if (line.startsWith('# ')) {
      result.at(-1)?.expected.push(line.slice(2));
    } else if (line.trim()) {
      result.push({ source: block.source, command: line, expected: [] });
      if (line.endsWith('\\')) pending = line;
    }
  }
  return result;
}

/** A documented output line as a pattern: `…` stands for anything. */
export function outputPattern(expected: string): RegExp {
  const parts = expected.split('…').map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${parts.join('.*')}$`);
}
