import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { coreEngine } from '../../lambda/aws/coreEngine';
import type { EcsDocument } from '../../lambda/ecs/EcsDocument';
import type { LoadedRule } from '../../lambda/rules/LoadedRule';
import { loadRules } from '../../lambda/rules/loadRules';
import { type MotoServer, useMotoServer } from '../helpers/motoServer';
import { makeHarness } from './support/harness';
import { type MotoClients, motoClients } from './support/motoClients';
import {
  type Host,
  msiInstall,
  ndjson,
  screenConnect,
  T0,
} from './support/scenario';

const FIXTURE_RULES = new URL('./fixtures/rules', import.meta.url).pathname;

let moto: MotoServer;
let clients: MotoClients;
let rules: LoadedRule[];

useMotoServer(async (server) => {
  moto = server;
  clients = motoClients(moto.endpoint);
  rules = await loadRules([FIXTURE_RULES]);
});

/**
 * A delivery plan: for each host, the object each of its two events lands
 * in, and the order objects are delivered in (repeats are redeliveries).
 */
const plans = fc
  .record({
    hosts: fc.integer({ min: 1, max: 4 }),
    objects: fc.integer({ min: 1, max: 3 }),
  })
  .chain(({ hosts, objects }) =>
    fc.record({
      placement: fc.array(
        fc.tuple(
          fc.integer({ min: 0, max: objects - 1 }),
          fc.integer({ min: 0, max: objects - 1 }),
        ),
        { minLength: hosts, maxLength: hosts },
      ),
      deliveries: fc.array(fc.integer({ min: 0, max: objects - 1 }), {
        minLength: objects,
        maxLength: objects * 2,
      }),
      objects: fc.constant(objects),
    }),
  );

describe('sequence state under any delivery', () => {
  it('fires exactly once per host whatever the split, the order and the redeliveries', async () => {
    await fc.assert(
      fc.asyncProperty(plans, async ({ placement, deliveries, objects }) => {
        const h = await makeHarness(clients, coreEngine, rules);
        h.now = T0 + 10 * 60_000;
        const bodies: EcsDocument[][] = Array.from(
          { length: objects },
          () => [],
        );
        placement.forEach(([first, second], n) => {
          const host: Host = { id: `host-${n}`, name: `WKS-${n}` };
          bodies[first]?.push(msiInstall(host, T0 + n * 1_000));
          bodies[second]?.push(screenConnect(host, T0 + n * 1_000 + 20_000));
        });
        bodies.forEach((events, i) => {
          h.objects.set(`o${i}`, ndjson(events));
        });
        // Every object is delivered at least once, then the extra ones.
        const order = [...deliveries, ...bodies.map((_, i) => i)];
        for (const index of order) {
          const outcome = await h.run([`o${index}`]);
          expect(outcome.error).toBeNull();
        }
        const hosts = h.publisher.alerts.map((alert) => alert.host.name).sort();
        expect(hosts).toEqual(placement.map((_, n) => `WKS-${n}`).sort());
      }),
      { numRuns: 15 },
    );
  });
});
