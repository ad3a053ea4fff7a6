import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'lookalike-address',
    description: 'TODO',
    defaultSeverity: 'warn',
    messages: {},
  },
  check() {
    return [];
  },
});
