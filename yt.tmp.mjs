import { readFileSync } from 'node:fs';
import { parseDocument, LineCounter, Parser, Lexer } from 'yaml';
const text = readFileSync('scenarios/base.yaml', 'utf8');
for (let i = 0; i < 3; i++) {
  let t = performance.now(); for (const _ of new Lexer().lex(text)); const lex = performance.now() - t;
  t = performance.now(); for (const _ of new Parser().parse(text)); const par = performance.now() - t;
  t = performance.now(); parseDocument(text); const doc = performance.now() - t;
  console.log({ lex: lex.toFixed(0), parser: par.toFixed(0), doc: doc.toFixed(0) });
}
