import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'mistyped-domain',
    description: 'TODO',
    defaultSeverity: 'warn',
    messages: {},
  },
  check() {
    return [];
  },
});
