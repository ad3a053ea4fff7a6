import { defineRule } from './types';

export default defineRule({
  meta: {
    id: 'unverified-recipient',
    description: 'TODO',
    defaultSeverity: 'warn',
    messages: {},
  },
  check() {
    return [];
  },
});
