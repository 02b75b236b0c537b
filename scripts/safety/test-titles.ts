// The full titles ("describe > it") of the tests in a Vitest or Playwright file, read from
// its syntax tree — not by running it — so the safety check costs milliseconds and a
// title is found exactly as it is written. A title built from a template keeps its
// placeholders as written: `survives ${ROUNDS} SIGKILLs`.
import ts from 'typescript';

export interface TestTitle {
  /** Suite titles and the test title joined with " > ". */
  path: string;
  /** Declared with .skip, .todo or .fixme: it proves nothing, so it cannot be evidence. */
  skipped: boolean;
}

export const TITLE_SEPARATOR = ' > ';

const SUITE_NAMES = new Set(['describe', 'suite']);
const TEST_NAMES = new Set(['it', 'test']);
const SKIPPING = new Set(['skip', 'todo', 'fixme']);

interface Callee {
  kind: 'suite' | 'test';
  skipped: boolean;
}

/** Which kind of call this is: describe(…), it.skip(…), test.describe.serial(…), it.each([…])(…). */
function classify(expression: ts.Expression): Callee | undefined {
  const parts: string[] = [];
  let node: ts.Expression = expression;
  // it.each([...])('title', fn): the callee is itself a call; look through it.
  if (ts.isCallExpression(node)) node = node.expression;
  while (ts.isPropertyAccessExpression(node)) {
    parts.unshift(node.name.text);
    node = node.expression;
  }
  if (!ts.isIdentifier(node)) return undefined;
  const root = node.text;
  const skipped = parts.some((part) => SKIPPING.has(part));
  if (SUITE_NAMES.has(root) || (root === 'test' && parts[0] === 'describe')) return { kind: 'suite', skipped };
  if (TEST_NAMES.has(root)) {
    // test.beforeEach, test.use, test.step… are not tests.
    if (parts.length > 0 && !['skip', 'only', 'todo', 'fixme', 'each', 'concurrent', 'fails', 'sequential', 'slow'].includes(parts[0] ?? '')) return undefined;
    return { kind: 'test', skipped };
  }
  return undefined;
}

function titleText(node: ts.Expression | undefined, source: ts.SourceFile): string | undefined {
  if (!node) return undefined;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) return node.getText(source).slice(1, -1);
  return undefined;
}

export function testTitles(fileName: string, sourceText: string): TestTitle[] {
  const source = ts.createSourceFile(fileName, sourceText, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const titles: TestTitle[] = [];
  const visit = (node: ts.Node, suites: string[], suiteSkipped: boolean): void => {
    if (ts.isCallExpression(node)) {
      const callee = classify(node.expression);
      const title = titleText(node.arguments[0], source);
      if (callee && title !== undefined) {
        const path = [...suites, title];
        const skipped = suiteSkipped || callee.skipped;
        if (callee.kind === 'test') titles.push({ path: path.join(TITLE_SEPARATOR), skipped });
        for (const argument of node.arguments.slice(1)) visit(argument, callee.kind === 'suite' ? path : suites, skipped);
        return;
      }
    }
    ts.forEachChild(node, (child) => visit(child, suites, suiteSkipped));
  };
  visit(source, [], false);
  return titles;
}
