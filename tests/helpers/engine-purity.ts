/**
 * @module Finds what would make `engine/` impure: imports of IO or server/browser modules, imports
 * that leave `engine/`, and uses of IO globals. Parsed with the TypeScript compiler, not by regex,
 * so comments and strings do not count.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/** Modules that do IO or belong to the runtime / designer. */
const FORBIDDEN_MODULES = [
  /^node:/,
  /^(fs|fs\/promises|path|os|http|https|http2|net|tls|dgram|dns|child_process|cluster|worker_threads|readline|stream|zlib|crypto|process|vm|v8|url|module)$/,
  /^(knex|koa|sqlite3|better-sqlite3|pg|pg-.*|nodemailer|undici|axios|node-fetch|ws|playwright-core)(\/.*)?$/,
  /^@koa\//,
  /^(react|react-dom|@dnd-kit\/.*|react-hook-form)(\/.*)?$/,
];

/** Global names whose use means IO or an environment the engine must not assume. */
const FORBIDDEN_GLOBALS = new Set([
  'fetch',
  'XMLHttpRequest',
  'WebSocket',
  'require',
  'process',
  'localStorage',
  'document',
  'window',
  'setTimeout',
  'setInterval',
]);

export interface PurityFinding {
  file: string;
  line: number;
  what: string;
}

/** Findings in one source text; `file` is its path, used to resolve relative imports. */
export function scanSource(file: string, text: string, engineRoot: string): PurityFinding[] {
  const findings: PurityFinding[] = [];
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true);
  const at = (node: ts.Node) => source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
  const checkSpecifier = (specifier: string, node: ts.Node) => {
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(file), specifier);
      const rel = relative(engineRoot, target);
      if (rel.startsWith('..'))
        findings.push({ file, line: at(node), what: `import leaves engine/: ${specifier}` });
    } else if (FORBIDDEN_MODULES.some((re) => re.test(specifier))) {
      findings.push({ file, line: at(node), what: `forbidden import: ${specifier}` });
    }
  };
  // A name the file declares itself (a variable called `window`, say) is not the global.
  const declared = new Set<string>();
  const collect = (node: ts.Node): void => {
    const name = (node as { name?: ts.Node }).name;
    if (
      name &&
      ts.isIdentifier(name) &&
      (ts.isVariableDeclaration(node) ||
        ts.isParameter(node) ||
        ts.isBindingElement(node) ||
        ts.isFunctionDeclaration(node) ||
        ts.isClassDeclaration(node) ||
        ts.isImportSpecifier(node) ||
        ts.isImportClause(node) ||
        ts.isNamespaceImport(node))
    ) {
      declared.add(name.text);
    }
    ts.forEachChild(node, collect);
  };
  collect(source);
  const visit = (node: ts.Node): void => {
    if (
      (ts.isImportDeclaration(node) || ts.isExportDeclaration(node)) &&
      node.moduleSpecifier &&
      ts.isStringLiteral(node.moduleSpecifier)
    ) {
      checkSpecifier(node.moduleSpecifier.text, node);
    } else if (ts.isCallExpression(node) && node.expression.kind === ts.SyntaxKind.ImportKeyword) {
      findings.push({ file, line: at(node), what: 'dynamic import()' });
    } else if (ts.isIdentifier(node) && FORBIDDEN_GLOBALS.has(node.text) && !declared.has(node.text)) {
      const parent = node.parent;
      const isPropertyName =
        (ts.isPropertyAccessExpression(parent) && parent.name === node) ||
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        ts.isPropertySignature(parent) ||
        ts.isMethodDeclaration(parent) ||
        ts.isPropertyDeclaration(parent);
      if (!isPropertyName) findings.push({ file, line: at(node), what: `IO global: ${node.text}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return findings;
}

/** Findings in every .ts / .tsx file under `engineRoot`. */
export function scanEngine(engineRoot: string): PurityFinding[] {
  const findings: PurityFinding[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(ts|tsx|mts)$/.test(entry.name))
        findings.push(...scanSource(full, readFileSync(full, 'utf8'), engineRoot));
    }
  };
  walk(engineRoot);
  return findings;
}
