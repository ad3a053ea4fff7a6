import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'external-recipients',
    description: 'TODO',
    defaultSeverity: 'warn',
    messages: {},
  },
  check() {
    return [];
  },
});
