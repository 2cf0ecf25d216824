import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App, Validations } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { readConfig } from '../../infra/config/readConfig';
import { EqlambdaStack } from '../../infra/EqlambdaStack';
import { FORMAT_NAMES } from '../../infra/formatNames';

/** A synthesized stack, its template, and where the assembly was written. */
export interface SynthesizedStack {
  readonly stack: EqlambdaStack;
  readonly template: Template;
  readonly assemblyDir: string;
}

/**
 * Synthesizes the stack from context values, with cdk-nag's AWS Solutions
 * checks attached as in `infra/app.ts`. Throws when any check fails.
 */
export function synthStack(
  context: Record<string, unknown>,
  alter?: (stack: EqlambdaStack) => void,
): SynthesizedStack {
  const outdir = mkdtempSync(join(tmpdir(), 'eqlambda-cdk-'));
  const app = new App({ outdir });
  const config = readConfig((key) => context[key], FORMAT_NAMES);
  const stack = new EqlambdaStack(app, 'Eqlambda', {
    config,
    projectRoot: join(import.meta.dirname, '..', '..'),
  });
  alter?.(stack);
  Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
  const assembly = app.synth();
  return {
    stack,
    template: Template.fromStack(stack),
    assemblyDir: assembly.directory,
  };
}
