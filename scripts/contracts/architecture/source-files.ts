import * as ts from 'typescript';

/** A source file of the repository, parsed once. */
export interface SourceFile {
  /** Repository-relative, with forward slashes: `libs/cases/src/cases.repository.ts`. */
  path: string;
  ast: ts.SourceFile;
}

export function parse(path: string, text: string): SourceFile {
  return { path, ast: ts.createSourceFile(path, text, ts.ScriptTarget.ES2022, true, ts.ScriptKind.TS) };
}

/** `libs/<lib>/…` → `<lib>`; apps → null (apps own no tables). */
export function libOf(path: string): string | null {
  return /^libs\/([^/]+)\//.exec(path)?.[1] ?? null;
}

export function isSpec(path: string): boolean {
  return /\.(spec|e2e-spec)\.ts$/.test(path);
}

/** Every node of the file, depth first, in source order. */
export function* nodes(file: SourceFile): Iterable<ts.Node> {
  const stack: ts.Node[] = [file.ast];
  while (stack.length) {
    const node = stack.pop()!;
    yield node;
    const children: ts.Node[] = [];
    node.forEachChild((child) => void children.push(child));
    stack.push(...children.reverse());
  }
}

/** The text of every string and template literal (a template's literal parts joined by `?`). */
export function* literalTexts(file: SourceFile): Iterable<{ text: string; node: ts.Node }> {
  for (const node of nodes(file)) {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) yield { text: node.text, node };
    else if (ts.isTemplateExpression(node)) {
      yield { text: [node.head.text, ...node.templateSpans.map((s) => s.literal.text)].join(' ? '), node };
    }
  }
}

export function lineOf(file: SourceFile, node: ts.Node): number {
  return file.ast.getLineAndCharacterOfPosition(node.getStart(file.ast)).line + 1;
}

/** True when the identifier names a type (a type annotation, `implements`, a type-only import …), not a value. */
export function isTypePosition(node: ts.Identifier): boolean {
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    const parent = current.parent;
    if (ts.isTypeNode(parent) && !ts.isTypeQueryNode(parent)) return true;
    if (ts.isImportSpecifier(parent) || ts.isImportClause(parent) || ts.isExportSpecifier(parent)) return true;
    if (ts.isHeritageClause(parent) && parent.token === ts.SyntaxKind.ImplementsKeyword) return true;
    if (ts.isExpressionStatement(parent) || ts.isBlock(parent) || ts.isSourceFile(parent)) return false;
  }
  return false;
}
