import { writeFileSync } from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';
import { WORKFLOW_INTERCEPTOR_MODULES, WORKFLOWS_PATH } from '../temporal/worker-factory';
import { COMPILED, WORKFLOW_BUNDLE_PATH } from '../temporal/workflow-bundle';

/** `npm run build` runs it after tsc: bundles the compiled workflow code for the compiled worker. */
async function main(): Promise<void> {
  if (!COMPILED) throw new Error('Se ejecuta compilado: npm run build (node dist/src/cli/bundle-workflows.js).');
  const { code } = await bundleWorkflowCode({ workflowsPath: WORKFLOWS_PATH, workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES });
  writeFileSync(WORKFLOW_BUNDLE_PATH, code);
  console.log(`Código de los workflows empaquetado en ${WORKFLOW_BUNDLE_PATH} (${(code.length / 1024 / 1024).toFixed(1)} MB)`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
