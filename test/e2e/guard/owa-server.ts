// The OWA fixtures served the way the guard tests need them: /mail/ → test/fixtures/owa, and
// OWA's FindPeople call answered from the fixture's canned JSON (it makes "Chris Taylor" ambiguous).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT, startOwaServer, type OwaServer } from '../harness';

const FIND_PEOPLE = JSON.parse(readFileSync(join(REPO_ROOT, 'test/fixtures/owa/service/FindPeople.json'), 'utf8'));

/** `extraRoutes` adds folders beside /mail/, e.g. `{ '/bench/': 'test/fixtures/bench' }` for the browser benchmarks. */
export function startFixtureServer(extraRoutes: Record<string, string> = {}): Promise<OwaServer> {
  return startOwaServer({
    routes: { '/mail/': 'test/fixtures/owa', ...extraRoutes },
    handlers: [(request) => (/action=FindPeople/.test(request.path) ? { json: FIND_PEOPLE } : undefined)],
  });
}

export const OWA = 'https://outlook.office.com/mail';
