// A Vite plugin for the shipped bundles: Rolldown's minifier leaves the text of tagged templates
// as written, so the indentation of every `css` and `html` template ships too. This collapses it.
// Only the static text of the templates changes, never an expression, and only in ways that
// render the same: CSS loses comments and the spaces its syntax ignores; HTML keeps one space
// wherever there was whitespace with a line break (nothing here uses white-space: pre).
import ts from 'typescript';

/** CSS text without comments, and without the whitespace around braces, semicolons, commas and
 * child combinators, inside parentheses, or after colons (custom property values are trimmed
 * anyway).
 */
export function minifyCssText(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/\s+/g, ' ')
    .replace(/\s*([{};,>])\s*/g, '$1')
    .replace(/:\s+/g, ':')
    .replace(/\(\s+/g, '(')
    .replace(/\s+\)/g, ')')
    .replace(/;}/g, '}');
}

/** HTML text with each run of whitespace that spans lines shortened to one space. */
export function minifyHtmlText(text) {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}

const MINIFIERS = { css: minifyCssText, html: minifyHtmlText };

/** The source with the static text of every `css` and `html` tagged template minified. */
export function minifyTemplates(source, fileName = 'module.ts') {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true);
  const edits = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag)) {
      const minify = MINIFIERS[node.tag.text];
      if (minify !== undefined) {
        const template = node.template;
        const pieces = ts.isNoSubstitutionTemplateLiteral(template)
          ? [template]
          : [template.head, ...template.templateSpans.map((span) => span.literal)];
        for (const piece of pieces) {
          // The raw text sits between the opening (` or }) and the closing (` or ${).
          const start = piece.getStart(file) + 1;
          const end =
            piece.getEnd() -
            (ts.isTemplateTail(piece) || ts.isNoSubstitutionTemplateLiteral(piece) ? 1 : 2);
          const raw = source.slice(start, end);
          const minified = minify(raw);
          if (minified !== raw) edits.push({ start, end, text: minified });
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  let result = source;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result;
}

/** The Vite plugin: minifies the templates of this package's TypeScript sources. */
export function minifyTemplatesPlugin() {
  return {
    name: 'seam-minify-templates',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/packages\/components\/src\/.*\.ts$/.test(id.split('?')[0])) return null;
      if (!/\b(css|html)`/.test(code)) return null;
      return { code: minifyTemplates(code, id), map: null };
    },
  };
}
