/** @module The effect of an improvement item (`runtime/http/effect-routes.ts`). */
import { LOCALE_PARAM, operation, pathParam, schemaRef, type PathItems } from '../openapi-parts';

export function effectPaths(): PathItems {
  return {
    '/api/records/{id}/effect': {
      get: operation('get', 'getRecordEffect', {
        tag: 'records',
        summary: 'The KPI before and after an improvement went live, the test and the verdict',
        description:
          'Equal windows of whole local days before and after the item’s go-live; observations from the ' +
          'stored tickets and survey answers in the item’s scope; a two-proportion z-test for rates, a ' +
          'Mann–Whitney U test for times and scores. Provisional while the after window runs. 422 names ' +
          'the field the item lacks (`/kpi`, `/goLive`, `/targetValue`, …). Changes nothing: the verdict ' +
          'is recorded by the verification stage’s flow event.',
        access: 'signed-in',
        parameters: [pathParam('id', 'The improvement record'), LOCALE_PARAM],
        ok: { status: 200, description: 'The effect and its verdict', schema: schemaRef('RecordEffect') },
        errors: [404, 422],
      }),
    },
  };
}
