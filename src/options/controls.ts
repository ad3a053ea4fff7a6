// The page's form controls, in NHS design system markup (form group, label, hint, error message,
// input), each bound to one setting of the policy being edited. A control reads its value from
// the editor state (`sync`), writes what the user does back to it, and shows the schema's errors
// for its setting beside itself.
import { h, hidden, idFor, fill } from './dom';
import * as M from './messages';
import {
  addEntries,
  allowsAddresses,
  filterEntries,
  getSetting,
  linesToList,
  numberFromInput,
  removeEntry,
  setSetting,
  type EditablePolicy,
  type FieldError,
  type ListField,
} from './model';

/** What a control needs from the page. */
export interface EditorHost {
  readonly draft: EditablePolicy;
  /** The user changed a value. `commit`: a finished change (validate now), not a keystroke. */
  changed(commit: boolean): void;
}

export interface Control {
  /** The setting this control edits, as the schema's error paths name it. */
  readonly field: string;
  /** Where an error summary link takes the user. */
  readonly focusId: string;
  readonly element: HTMLElement;
  sync(): void;
  showErrors(errors: readonly FieldError[]): void;
  /** An error as the error summary at the top of the page words it. */
  describe(error: FieldError): string;
  setReadOnly(readOnly: boolean): void;
}

/**
 * How a schema message reads beside a field: "The number of people must be a whole number from 2
 * to 1000". A message that starts by quoting the value ('"nhs.nte" is not …') stands alone.
 */
export function errorText(name: string, error: FieldError): string {
  return error.message.startsWith('"') ? error.message : `${name} ${error.message}`;
}

/** The same for a one-per-line box, where the schema's index is a line number. */
function lineErrorText(name: string, error: FieldError, besideField: boolean): string {
  if (error.index === undefined) return errorText(name, error);
  const line = M.ruleSettings.lineProblem(error.index + 1, error.message);
  return besideField ? line : `${name}: ${line.charAt(0).toLowerCase()}${line.slice(1)}`;
}

function errorMessage(id: string): HTMLSpanElement {
  const el = h('span', { class: 'nhsuk-error-message', id, hidden: true });
  return el;
}

function setError(group: HTMLElement, message: HTMLElement, inputs: HTMLElement[], texts: readonly string[], inputErrorClass?: string): void {
  const has = texts.length > 0;
  group.classList.toggle('nhsuk-form-group--error', has);
  message.hidden = !has;
  fill(message, ...(has ? [hidden(`${M.common.error} `), texts.join(' ')] : []));
  for (const input of inputs) {
    if (inputErrorClass) input.classList.toggle(inputErrorClass, has);
    const ids = (input.getAttribute('aria-describedby') ?? '').split(' ').filter((id) => id && id !== message.id);
    if (has) ids.push(message.id);
    if (ids.length) input.setAttribute('aria-describedby', ids.join(' '));
    else input.removeAttribute('aria-describedby');
  }
}

// ---- A list of domains (thousands of entries stay usable) ----

/** Rows rendered at once; the rest are reached through the find box. */
export const LIST_ROWS_SHOWN = 100;
/** Lists shorter than this have no find box: there is nothing to find. */
const FILTER_FROM = 10;

export interface ListControl extends Control {
  readonly addInput: HTMLInputElement;
}

export function listControl(field: ListField, host: EditorHost): ListControl {
  const words = M.lists[field];
  const id = (part: string) => idFor(field, part);
  const allowAddress = allowsAddresses(field);
  const addInput = h('input', {
    class: 'nhsuk-input ss-add-input',
    id: id('add'),
    type: 'text',
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': id('hint'),
  });
  const addButton = h('button', { class: 'nhsuk-button nhsuk-button--secondary nhsuk-button--small ss-inline-button', type: 'button' }, M.lists.add, hidden(` ${words.name}`));
  const error = errorMessage(id('error'));
  const addStatus = h('p', { class: 'ss-add-status', id: id('status'), role: 'status' });
  const count = h('p', { class: 'nhsuk-body-s ss-count', id: id('count') });
  const filterInput = h('input', { class: 'nhsuk-input ss-filter-input', id: id('filter'), type: 'search', autocomplete: 'off', spellcheck: 'false' });
  const filterGroup = h('div', { class: 'ss-filter', hidden: true },
    h('label', { class: 'nhsuk-label nhsuk-body-s', for: id('filter') }, M.lists.filterLabel(words.name)),
    filterInput,
  );
  const list = h('ul', { class: 'ss-entries', id: id('entries'), 'aria-labelledby': id('count') });
  const more = h('p', { class: 'nhsuk-body-s ss-more', id: id('more') });
  const group = h('div', { class: 'nhsuk-form-group ss-list', id: id('group') },
    h('label', { class: 'nhsuk-label nhsuk-label--s', for: id('add') }, words.label),
    h('div', { class: 'nhsuk-hint', id: id('hint') }, words.hint, ' ', M.lists.entryHint),
    error,
    h('div', { class: 'ss-add-row' }, addInput, addButton),
    addStatus,
    count,
    filterGroup,
    list,
    more,
  );
  let readOnly = false;
  // Two sources of problems, shown together: what the add box refused, and what the schema says
  // about entries already in the list (a hand-edited import, say).
  let addProblems: string[] = [];
  let listProblems: string[] = [];
  const showProblems = () => setError(group, error, [addInput], [...addProblems, ...listProblems], 'nhsuk-input--error');

  const entries = () => getSetting(host.draft, [field]) as string[];

  function renderList(): void {
    const all = entries();
    count.textContent = words.count(all.length);
    filterGroup.hidden = all.length < FILTER_FROM;
    const query = filterGroup.hidden ? '' : filterInput.value;
    const { shown, matching } = filterEntries(all, query, LIST_ROWS_SHOWN);
    list.hidden = shown.length === 0;
    fill(
      list,
      shown.map((entry) =>
        h('li', { class: 'ss-entry' },
          h('span', { class: 'ss-entry__text' }, entry),
          h('button', { class: 'ss-link-button', type: 'button', 'data-entry': entry, disabled: readOnly }, M.lists.remove, hidden(` ${M.lists.removeWhat(entry, words.name)}`)),
        ),
      ),
    );
    if (all.length > 0 && matching === 0) more.textContent = M.lists.noMatch(query.trim());
    else if (matching > shown.length) more.textContent = M.lists.matching(shown.length, matching, all.length);
    else more.textContent = '';
    more.hidden = more.textContent === '';
  }

  function add(): void {
    if (readOnly) return;
    const text = addInput.value;
    if (text.trim() === '') {
      addProblems = [M.lists.emptyAdd];
      showProblems();
      return;
    }
    const result = addEntries(entries(), text, allowAddress);
    setSetting(host.draft, [field], result.list);
    // What could not be added stays in the box, so it can be corrected and added again.
    addInput.value = result.problems.map((p) => p.entry).join(' ');
    addProblems = result.problems.map((p) => p.problem);
    showProblems();
    const said = [
      result.added.length > 0 ? M.lists.added(result.added, words.name) : '',
      result.already.length > 0 ? M.lists.alreadyThere(result.already) : '',
      result.added.length > 0 ? M.lists.unsaved : '',
    ].filter(Boolean);
    addStatus.textContent = said.join(' ');
    renderList();
    if (result.added.length > 0) host.changed(true);
  }

  addButton.addEventListener('click', add);
  addInput.addEventListener('keydown', (event) => {
    // Enter adds (the expected thing in a one-line box) instead of submitting the whole form.
    if (event.key === 'Enter' && !event.isComposing) {
      event.preventDefault();
      add();
    }
  });
  addInput.addEventListener('input', () => {
    if (addProblems.length > 0 && addInput.value.trim() === '') {
      addProblems = [];
      showProblems();
    }
  });
  filterInput.addEventListener('input', renderList);
  list.addEventListener('click', (event) => {
    const button = (event.target as Element).closest('button[data-entry]');
    if (!button || readOnly) return;
    const entry = button.getAttribute('data-entry')!;
    // Keep the keyboard user's place: focus moves to the next row's button, or the add box.
    const row = button.closest('li');
    const nextEntry = (row?.nextElementSibling ?? row?.previousElementSibling)?.querySelector('button')?.getAttribute('data-entry');
    setSetting(host.draft, [field], removeEntry(entries(), entry));
    renderList();
    const next = nextEntry ? list.querySelector<HTMLButtonElement>(`button[data-entry="${CSS.escape(nextEntry)}"]`) : null;
    (next ?? addInput).focus();
    addStatus.textContent = `${M.lists.removed(entry, words.name)} ${M.lists.unsaved}`;
    host.changed(true);
  });

  return {
    field,
    focusId: id('add'),
    element: group,
    addInput,
    sync() {
      addStatus.textContent = '';
      addProblems = [];
      showProblems();
      renderList();
    },
    showErrors(errors) {
      listProblems = errors.map((e) => errorText(words.errorName, e));
      showProblems();
    },
    describe: (e) => errorText(words.errorName, e),
    setReadOnly(value) {
      readOnly = value;
      addInput.disabled = value;
      addButton.disabled = value;
      for (const button of list.querySelectorAll('button')) button.disabled = value;
      // With its Remove buttons disabled the scrolled list has nothing focusable in it, so it
      // takes focus itself: keyboard users can still scroll through a managed list.
      if (value) list.tabIndex = 0;
      else list.removeAttribute('tabindex');
    },
  };
}

// ---- One-line text and whole numbers ----

export interface FieldWords {
  label: string;
  hint?: string;
  /** What an error message calls the setting ("The number of people"); the label when absent. */
  errorName?: string;
}

export function textControl(
  path: readonly string[],
  words: FieldWords,
  host: EditorHost,
  kind: 'text' | 'number',
): Control {
  const field = path.join('.');
  const id = (part: string) => idFor(field, part);
  const input = h('input', {
    class: `nhsuk-input ${kind === 'number' ? 'nhsuk-input--width-4' : 'nhsuk-input--width-10'}`,
    id: id('input'),
    name: field,
    type: 'text',
    ...(kind === 'number' ? { inputmode: 'numeric' } : {}),
    autocomplete: 'off',
    spellcheck: 'false',
    'aria-describedby': words.hint ? id('hint') : undefined,
  });
  const error = errorMessage(id('error'));
  const group = h('div', { class: 'nhsuk-form-group', id: id('group') },
    h('label', { class: 'nhsuk-label', for: id('input') }, words.label),
    words.hint ? h('div', { class: 'nhsuk-hint', id: id('hint') }, words.hint) : null,
    error,
    input,
  );
  const read = () => (kind === 'number' ? numberFromInput(input.value) : input.value);
  input.addEventListener('input', () => {
    setSetting(host.draft, path, read());
    host.changed(false);
  });
  input.addEventListener('change', () => host.changed(true));
  return {
    field,
    focusId: id('input'),
    element: group,
    sync() {
      input.value = String(getSetting(host.draft, path) ?? '');
    },
    showErrors(errors) {
      setError(group, error, [input], errors.map((e) => errorText(words.errorName ?? words.label, e)), 'nhsuk-input--error');
    },
    describe: (e) => errorText(words.errorName ?? words.label, e),
    setReadOnly(readOnly) {
      input.readOnly = readOnly;
    },
  };
}

// ---- One per line (keywords, phrases) ----

export function linesControl(path: readonly string[], words: FieldWords & { hint: string }, host: EditorHost): Control {
  const field = path.join('.');
  const id = (part: string) => idFor(field, part);
  const textarea = h('textarea', { class: 'nhsuk-textarea', id: id('input'), name: field, rows: 3, spellcheck: 'false', 'aria-describedby': id('hint') });
  const error = errorMessage(id('error'));
  const group = h('div', { class: 'nhsuk-form-group', id: id('group') },
    h('label', { class: 'nhsuk-label', for: id('input') }, words.label),
    h('div', { class: 'nhsuk-hint', id: id('hint') }, words.hint),
    error,
    textarea,
  );
  textarea.addEventListener('input', () => {
    setSetting(host.draft, path, linesToList(textarea.value));
    host.changed(false);
  });
  textarea.addEventListener('change', () => host.changed(true));
  return {
    field,
    focusId: id('input'),
    element: group,
    sync() {
      // Leave what is being typed alone when it already says the same (blank lines, spaces).
      const list = getSetting(host.draft, path) as string[];
      if (JSON.stringify(linesToList(textarea.value)) !== JSON.stringify(list)) textarea.value = list.join('\n');
    },
    showErrors(errors) {
      setError(group, error, [textarea], errors.map((e) => lineErrorText(words.errorName ?? words.label, e, true)), 'nhsuk-textarea--error');
    },
    describe: (e) => lineErrorText(words.errorName ?? words.label, e, false),
    setReadOnly(readOnly) {
      textarea.readOnly = readOnly;
    },
  };
}

// ---- A yes/no setting ----

export function checkboxControl(path: readonly string[], words: FieldWords, host: EditorHost): Control {
  const field = path.join('.');
  const id = (part: string) => idFor(field, part);
  const input = h('input', { class: 'nhsuk-checkboxes__input', id: id('input'), name: field, type: 'checkbox', 'aria-describedby': words.hint ? id('hint') : undefined });
  const error = errorMessage(id('error'));
  const group = h('div', { class: 'nhsuk-form-group', id: id('group') },
    error,
    h('div', { class: 'nhsuk-checkboxes nhsuk-checkboxes--small' },
      h('div', { class: 'nhsuk-checkboxes__item' },
        input,
        h('label', { class: 'nhsuk-label nhsuk-checkboxes__label', for: id('input') }, words.label),
        words.hint ? h('div', { class: 'nhsuk-hint nhsuk-checkboxes__hint', id: id('hint') }, words.hint) : null,
      ),
    ),
  );
  input.addEventListener('change', () => {
    setSetting(host.draft, path, input.checked);
    host.changed(true);
  });
  return {
    field,
    focusId: id('input'),
    element: group,
    sync() {
      input.checked = getSetting(host.draft, path) === true;
    },
    showErrors(errors) {
      setError(group, error, [input], errors.map((e) => errorText(words.errorName ?? words.label, e)));
    },
    describe: (e) => errorText(words.errorName ?? words.label, e),
    setReadOnly(readOnly) {
      input.disabled = readOnly;
    },
  };
}

// ---- A choice of a few (severity, when) ----

export function radiosControl<Value extends string>(
  path: readonly string[],
  words: { legend: string; legendHidden?: boolean; hint?: string; errorName?: string },
  options: ReadonlyArray<{ value: Value; label: string }>,
  host: EditorHost,
  layout: 'inline' | 'stacked',
): Control {
  const field = path.join('.');
  const id = (...parts: string[]) => idFor(field, ...parts);
  const inputs = options.map((option, index) =>
    h('input', { class: 'nhsuk-radios__input', id: index === 0 ? id('input') : id('input', option.value), name: field, type: 'radio', value: option.value }),
  );
  const error = errorMessage(id('error'));
  const fieldset = h('fieldset', { class: 'nhsuk-fieldset', 'aria-describedby': words.hint ? id('hint') : undefined },
    h('legend', { class: `nhsuk-fieldset__legend ${words.legendHidden ? 'nhsuk-u-visually-hidden' : 'nhsuk-fieldset__legend--s'}` }, words.legend),
    words.hint ? h('div', { class: 'nhsuk-hint', id: id('hint') }, words.hint) : null,
    error,
    h('div', { class: `nhsuk-radios nhsuk-radios--small${layout === 'inline' ? ' nhsuk-radios--inline' : ''}` },
      options.map((option, index) =>
        h('div', { class: 'nhsuk-radios__item' },
          inputs[index]!,
          h('label', { class: 'nhsuk-label nhsuk-radios__label', for: inputs[index]!.id }, option.label),
        ),
      ),
    ),
  );
  const group = h('div', { class: 'nhsuk-form-group', id: id('group') }, fieldset);
  for (const input of inputs) {
    input.addEventListener('change', () => {
      if (!input.checked) return;
      setSetting(host.draft, path, input.value);
      host.changed(true);
    });
  }
  return {
    field,
    focusId: id('input'),
    element: group,
    sync() {
      const value = getSetting(host.draft, path);
      for (const input of inputs) input.checked = input.value === value;
    },
    showErrors(errors) {
      setError(group, error, [], errors.map((e) => errorText(words.errorName ?? words.legend, e)));
      const describedBy = [words.hint ? id('hint') : '', errors.length ? id('error') : ''].filter(Boolean).join(' ');
      if (describedBy) fieldset.setAttribute('aria-describedby', describedBy);
      else fieldset.removeAttribute('aria-describedby');
    },
    describe: (e) => errorText(words.errorName ?? words.legend, e),
    setReadOnly(readOnly) {
      for (const input of inputs) input.disabled = readOnly;
    },
  };
}
