import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'coverage/', 'node_modules/', '.local/', 'sdk/dist/', 'sdk/src/generated/', 'demo/dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The hexagon's inner rings never import infrastructure (docs/contract.md, "Architecture").
    files: ['src/domain/**/*.ts', 'src/application/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['express', 'socket.io*', 'mongoose', 'bullmq', 'ioredis', 'inversify', '**/adapters/**', '**/main/**', '**/workers/**'],
              message: 'domain and application never import infrastructure (docs/contract.md).',
            },
          ],
        },
      ],
    },
  },
  {
    // The two edges share what they have in common through src/adapters/edge, never through each other.
    files: ['src/adapters/realtime/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/http', '**/http/**'], message: 'src/adapters/realtime imports what it shares with HTTP from src/adapters/edge, never from src/adapters/http.' }] },
      ],
    },
  },
  {
    files: ['src/adapters/http/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/realtime', '**/realtime/**'], message: 'src/adapters/http imports what it shares with Socket.IO from src/adapters/edge, never from src/adapters/realtime.' }] },
      ],
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/application/**', 'express', 'socket.io*', 'mongoose', 'bullmq', 'ioredis', 'inversify'], message: 'src/domain imports nothing outside src/domain.' }] },
      ],
    },
  },
);
