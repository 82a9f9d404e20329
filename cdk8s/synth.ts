/**
 * Prints the manifests a Tenant gets, for review, exactly as the operator renders them.
 *
 *   node cdk8s/synth.ts <tenant.yaml>   print every object as multi-document YAML on stdout
 *   node cdk8s/synth.ts --help          show this help
 *
 * Under `cdk8s synth` (which sets CDK8S_OUTDIR) it writes `<outdir>/tenant-<name>.k8s.yaml` instead.
 * Exit codes: 0 done, 1 the file is unreadable or not a valid Tenant (every issue listed), 2 usage.
 */
import { readFile } from 'node:fs/promises';
import { formatIssues } from '@lmo/contracts';
import { App, Yaml } from 'cdk8s';
import {
  DEFAULT_PLATFORM_SETTINGS,
  parseTenantDocuments,
  renderTenantManifests,
  TenantChart,
  type TenantManifestInput,
} from './src/index.ts';

const HELP = `usage: node cdk8s/synth.ts <tenant.yaml>

Reads one or more lmo.dev/v1alpha1 Tenant objects from a YAML file, applies the
spec's defaults, validates them as the apiserver would, and prints the objects
the operator applies for each tenant (Namespace first) as multi-document YAML.
Platform settings are the defaults (DEFAULT_PLATFORM_SETTINGS in @lmo/cdk8s).
A Tenant without metadata.uid gets a placeholder uid. The provider API key is
never read: the runtime Secret is printed without it.

Under \`cdk8s synth\` (CDK8S_OUTDIR set) the manifests are written to
<outdir>/tenant-<name>.k8s.yaml instead of stdout.
`;

function writeFiles(tenants: readonly TenantManifestInput[], outdir: string): void {
  const app = new App({ outdir });
  for (const input of tenants) {
    new TenantChart(app, `tenant-${input.name}`, { input, settings: DEFAULT_PLATFORM_SETTINGS });
  }
  app.synth();
  for (const input of tenants) process.stderr.write(`Wrote ${outdir}/tenant-${input.name}.k8s.yaml\n`);
}

async function main(args: readonly string[], outdir: string | undefined): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    process.stdout.write(HELP);
    return 0;
  }
  const [file] = args;
  if (args.length !== 1 || file === undefined || file.startsWith('-')) {
    process.stderr.write(HELP);
    return 2;
  }
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    process.stderr.write(`Cannot read ${file}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const tenants = parseTenantDocuments(text);
  if (!tenants.ok) {
    const lines = tenants.issues.map((issue) => `  ${formatIssues([issue])}\n`);
    process.stderr.write(`${file} is not a valid Tenant:\n${lines.join('')}`);
    return 1;
  }
  if (outdir !== undefined && outdir !== '') {
    writeFiles(tenants.value, outdir);
    return 0;
  }
  const manifests = tenants.value.flatMap((input) => renderTenantManifests(input, DEFAULT_PLATFORM_SETTINGS));
  process.stdout.write(Yaml.stringify(...manifests));
  return 0;
}

process.exitCode = await main(process.argv.slice(2), process.env.CDK8S_OUTDIR);
