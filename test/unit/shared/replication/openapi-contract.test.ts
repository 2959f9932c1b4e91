// The console's zod schemas (shared/replication) and the OpenAPI documents (shared/openapi) must
// describe the same objects: same properties, same required ones. Drift fails here, not in a page.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import verificationDocument from '../../../../shared/openapi/verification-api.v1.json';
import ledgerDocument from '../../../../shared/openapi/ledger-api.v1.json';
import * as verification from '../../../../shared/replication/verification';
import * as ledger from '../../../../shared/ledger/ledger';

type Component = { properties?: Record<string, unknown>; required?: string[] };
const components = (document: unknown) => (document as { components: { schemas: Record<string, Component> } }).components.schemas;

const pairs: [string, z.ZodObject, Component][] = [
  ['Pipeline', verification.pipelineSchema, components(verificationDocument).Pipeline!],
  ['Mismatch', verification.mismatchSchema, components(verificationDocument).Mismatch!],
  ['MismatchPage', verification.mismatchPageSchema, components(verificationDocument).MismatchPage!],
  ['MismatchDetail', verification.mismatchDetailSchema, components(verificationDocument).MismatchDetail!],
  ['ColumnDifference', verification.columnDifferenceSchema, components(verificationDocument).ColumnDifference!],
  ['EventCoordinates', verification.eventCoordinatesSchema, components(verificationDocument).EventCoordinates!],
  ['ReconcilePlan', verification.reconcilePlanSchema, components(verificationDocument).ReconcilePlan!],
  ['ReconcileResult', verification.reconcileResultSchema, components(verificationDocument).ReconcileResult!],
  ['ReconcileJob', verification.reconcileJobSchema, components(verificationDocument).ReconcileJob!],
  ['PaymentLifecycle', ledger.paymentLifecycleSchema, components(ledgerDocument).PaymentLifecycle!],
  ['OutboxEvent', ledger.outboxEventSchema, components(ledgerDocument).OutboxEvent!],
  ['Publication', ledger.publicationSchema, components(ledgerDocument).Publication!],
  ['PaymentPage', ledger.paymentPageSchema, components(ledgerDocument).PaymentPage!],
  ['OutboxHealth', ledger.outboxHealthSchema, components(ledgerDocument).OutboxHealth!],
];

describe('zod schemas match the OpenAPI components', () => {
  it.each(pairs)('%s has the same properties and required properties', (_, schema, component) => {
    const shape = schema.shape as Record<string, z.ZodType>;
    expect(Object.keys(shape).sort()).toEqual(Object.keys(component.properties ?? {}).sort());
    const required = Object.entries(shape).filter(([, s]) => !s.safeParse(undefined).success).map(([name]) => name).sort();
    expect(required).toEqual([...(component.required ?? [])].sort());
  });

  it('both documents are OpenAPI 3.1, versioned, with bearer auth and an Idempotency-Key on every POST', () => {
    for (const document of [verificationDocument, ledgerDocument] as unknown as { openapi: string; info: { version: string }; security: unknown[]; paths: Record<string, Record<string, { parameters?: { name: string; required?: boolean }[] }>> }[]) {
      expect(document.openapi).toBe('3.1.0');
      expect(document.info.version).toMatch(/^\d+\.\d+\.\d+$/);
      expect(document.security).toEqual([{ bearer: [] }]);
      for (const [path, operations] of Object.entries(document.paths)) {
        expect(path.startsWith('/v1/')).toBe(true);
        if (operations.post) expect(operations.post.parameters?.find((p) => p.name === 'Idempotency-Key')?.required, `${path} POST`).toBe(true);
      }
    }
  });
});
