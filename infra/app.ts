import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { App, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ConfigError } from './config/ConfigError';
import { readConfig } from './config/readConfig';
import { EqlambdaStack } from './EqlambdaStack';
import { FORMAT_NAMES } from './formatNames';

const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const app = new App();
const config = readConfigOrExit(app);
new EqlambdaStack(app, app.node.tryGetContext('stackName') ?? 'Eqlambda', {
  config,
  projectRoot,
});
Validations.of(app).addPlugins(new AwsSolutionsChecks(app));
app.synth();

/** Prints every configuration problem and exits, instead of a stack trace. */
function readConfigOrExit(app: App) {
  try {
    return readConfig((key) => app.node.tryGetContext(key), FORMAT_NAMES);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exit(1);
  }
}
