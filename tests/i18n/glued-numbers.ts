// A source heuristic: finds numbers glued to words (in template literals, `+` and JSX text) and numbers rendered unformatted.
import ts from '@typescript/typescript6';

export interface Finding {
  file: string;
  line: number;
  rule: 'template' | 'concat' | 'jsx' | 'raw';
  text: string;
}

/** Kana, kanji and CJK punctuation: any of them next to a number is Japanese glued to it (`直近${n}年`). */
const CJK = /[\u3000-\u30ff\u3400-\u9fff\uff01-\uff60]/;
/** CSS units and the like may follow a number directly (`${x}px`, `${scale}x`). */
const UNITS = new Set(['px', 'em', 'rem', 'deg', 'ms', 'vh', 'vw', 'fr', 'pt']);
const wordBefore = (text: string) => /([A-Za-z]{2,})[ \t:]*$/.exec(text)?.[1];
const wordAfter = (text: string) => /^[ \t:]*([A-Za-z]{2,})/.exec(text)?.[1];
const hasWords = (text: string) => CJK.test(text) || /[A-Za-z]{2,}/.test(text);
/** Text that only separates (spaces on one line, punctuation): "a · b", "a: b", "(a)". */
const separatorOnly = (text: string) => !text.includes('\n') && /^[\s:·,;()[\]/+\-–—|]*$/.test(text);
/** Years are printed as digits without grouping, so a year may be rendered as it is (`{b.year}`). */
const looksLikeYear = (node: ts.Node, source: ts.SourceFile) => /year|\byr\b/i.test(node.getText(source));

export function findGluedNumbers(program: ts.Program, files: readonly string[]): Finding[] {
  const checker = program.getTypeChecker();
  const findings: Finding[] = [];

  const isNumeric = (node: ts.Node): boolean => {
    const type = checker.getTypeAtLocation(node);
    const parts = type.isUnion() ? type.types : [type];
    const meaningful = parts.filter((p) => !(p.flags & (ts.TypeFlags.Undefined | ts.TypeFlags.Null)));
    return meaningful.length > 0 && meaningful.every((p) => (p.flags & ts.TypeFlags.NumberLike) !== 0);
  };
  const isStringy = (node: ts.Node): boolean => {
    const type = checker.getTypeAtLocation(node);
    return (type.isUnion() ? type.types : [type]).some((p) => (p.flags & ts.TypeFlags.StringLike) !== 0);
  };

  for (const file of files) {
    const found = program.getSourceFile(file);
    if (!found) throw new Error(`not in the program: ${file}`);
    const source: ts.SourceFile = found;
    const report = (node: ts.Node, rule: Finding['rule']) =>
      findings.push({
        file,
        line: source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1,
        rule,
        text: node.getText(source).replace(/\s+/g, ' ').slice(0, 120),
      });

    const visit = (node: ts.Node) => {
      if (ts.isTemplateExpression(node)) checkTemplate(node);
      else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) checkConcat(node);
      else if (ts.isJsxElement(node) || ts.isJsxFragment(node)) checkJsxChildren(node.children);
      ts.forEachChild(node, visit);
    };

    /** `Last ${n} years`, `直近${n}年`, `${n} ${t(lang, 'agreements')}`, `${name}: ${count}`. */
    function checkTemplate(node: ts.TemplateExpression) {
      const texts = [node.head.text, ...node.templateSpans.map((s) => s.literal.text)];
      const glued = node.templateSpans.some((span, i) => {
        if (!isNumeric(span.expression)) return false;
        const before = texts[i]!;
        const after = texts[i + 1]!;
        const word = wordAfter(after);
        return (
          texts.some((text) => CJK.test(text)) ||
          wordBefore(before) !== undefined ||
          (word !== undefined && !UNITS.has(word)) ||
          (i > 0 && separatorOnly(before) && !isNumeric(node.templateSpans[i - 1]!.expression)) ||
          (i + 1 < node.templateSpans.length && separatorOnly(after) && !isNumeric(node.templateSpans[i + 1]!.expression))
        );
      });
      if (glued) report(node, 'template');
    }

    /** `n + ' agreements'`. */
    function checkConcat(node: ts.BinaryExpression) {
      const sides = [node.left, node.right];
      const literal = sides.find((s) => ts.isStringLiteral(s) || ts.isNoSubstitutionTemplateLiteral(s)) as ts.StringLiteral | undefined;
      const other = sides.find((s) => s !== literal);
      if (literal && other && hasWords(literal.text) && isNumeric(other)) report(node, 'concat');
    }

    /** A numeric child, or an inline element holding only one (`<strong>{n}</strong>`). */
    function numericChild(child: ts.JsxChild): ts.Expression | null {
      if (ts.isJsxExpression(child) && child.expression && isNumeric(child.expression)) return child.expression;
      if (ts.isJsxElement(child)) {
        const inner = child.children.filter((c) => !(ts.isJsxText(c) && c.containsOnlyTriviaWhiteSpaces));
        if (inner.length === 1) return numericChild(inner[0]!);
      }
      return null;
    }
    /** A sibling that is words: JSX text with letters or kana, or an expression of type string (a message). */
    function wordy(child: ts.JsxChild | undefined): boolean {
      if (!child) return false;
      if (ts.isJsxText(child)) return hasWords(child.text);
      return ts.isJsxExpression(child) && !!child.expression && !isNumeric(child.expression) && isStringy(child.expression);
    }

    /** `{total} {t(lang, 'partnersSoFar')}`, `{t(lang, 'agreements')} {n}`, `({n} {t(…)})`, `{n}件`. */
    function checkJsxChildren(children: ts.NodeArray<ts.JsxChild>) {
      children.forEach((child, i) => {
        const number = numericChild(child);
        if (!number) return;
        const neighbours = [
          [children[i - 1], children[i - 2]],
          [children[i + 1], children[i + 2]],
        ] as const;
        const glued = neighbours.some(([near, far]) => wordy(near) || (!!near && ts.isJsxText(near) && separatorOnly(near.text) && wordy(far)));
        if (glued) report(child, 'jsx');
        // React prints a number with String(n): "12345", not "12,345". Years are the exception.
        else if (ts.isJsxExpression(child) && !looksLikeYear(number, source)) report(child, 'raw');
      });
    }

    visit(source);
  }
  return findings;
}
