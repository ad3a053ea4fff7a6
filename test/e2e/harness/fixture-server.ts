// The OWA fixtures (test/fixtures/owa) served the way the guard, options and privacy tests and the
// browser benchmarks need them: /mail/ → test/fixtures/owa, and OWA's FindPeople call answered from
// the fixture's canned JSON (it makes "Chris Taylor" ambiguous).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './build';
import { startOwaServer, type OwaServer } from './server';

const FIND_PEOPLE = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/owa/service/FindPeople.json'), 'utf8'));

/** Where the fixture pages are: `${OWA_FIXTURES_URL}/new-message.html`. */
export const OWA_FIXTURES_URL = 'https://outlook.office.com/mail';

/** `extraRoutes` adds folders beside /mail/, e.g. `{ '/bench/': 'test/fixtures/bench' }` for the browser benchmarks. */
export function startFixtureServer(extraRoutes: Record<string, string> = {}): Promise<OwaServer> {
  return startOwaServer({
    routes: { '/mail/': 'test/fixtures/owa', ...extraRoutes },
    handlers: [(request) => (/action=FindPeople/.test(request.path) ? { json: FIND_PEOPLE } : undefined)],
  });
}
