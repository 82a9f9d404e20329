import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from '@jest/globals';
import ts from 'typescript';

// The dashboard imports this package in the browser: no Node.js built-ins, no Node globals, and no
// dependency beyond TypeBox.
const srcDir = new URL('../src/', import.meta.url);
const files = readdirSync(srcDir, { recursive: true, encoding: 'utf8' }).filter((file) =>
  file.endsWith('.ts'),
);

const ALLOWED_PACKAGES = new Set(['typebox', 'typebox/value', 'typebox/error']);
const NODE_GLOBALS = new Set([
  'process',
  'Buffer',
  'require',
  '__dirname',
  '__filename',
  'global',
  'setImmediate',
]);

/** `x.process`, `{ process: 1 }`, `{ Buffer: number }`: the identifier names a member, not the global. */
const isMemberName = (node: ts.Identifier): boolean => (node.parent as { name?: ts.Node }).name === node;

/** Module specifiers and Node-only identifiers used in one source file. */
function scan(file: string): { specifiers: string[]; globals: string[] } {
  const text = readFileSync(new URL(file, srcDir), 'utf8');
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.ES2022, true);
  const specifiers: string[] = [];
  const globals: string[] = [];
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier !== undefined
    ) {
      specifiers.push((node.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      specifiers.push(node.arguments[0]?.getText(source) ?? '');
    } else if (ts.isIdentifier(node) && NODE_GLOBALS.has(node.text) && !isMemberName(node)) {
      globals.push(node.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return { specifiers, globals };
}

describe('@lmo/contracts is browser-safe', () => {
  it('has source files to check', () => {
    expect(files).toContain('index.ts');
  });

  it.each(files)('%s imports only relative .ts files and TypeBox', (file) => {
    const foreign = scan(file).specifiers.filter(
      (s) => !(s.startsWith('./') && s.endsWith('.ts')) && !ALLOWED_PACKAGES.has(s),
    );
    expect(foreign).toEqual([]);
  });

  it.each(files)('%s uses no Node.js globals', (file) => {
    expect(scan(file).globals).toEqual([]);
  });

  it('declares no dependency besides TypeBox', () => {
    const manifest = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(manifest.dependencies ?? {})).toEqual(['typebox']);
  });
});
