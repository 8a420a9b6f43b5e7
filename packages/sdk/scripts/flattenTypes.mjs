// Owns turning core's wire types into plain structural declarations, so the SDK's .d.ts needs neither core nor zod.
import ts from 'typescript';

const MAX_DEPTH = 12;

function propertyKey(name) {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? name : JSON.stringify(name);
}

/**
 * Prints a type as a self-contained literal: objects property by property, unions member by member, down to
 * primitives and literals. zod's `z.input<…>` resolves to such a structure, but tsc would print it by alias.
 */
function printType(checker, type, depth, indent) {
  if (depth > MAX_DEPTH)
    throw new Error(`type nests deeper than ${MAX_DEPTH}: ${checker.typeToString(type)}`);
  if (type.isUnion()) {
    const members = type.types;
    const hasTrue = members.some(
      (t) => t.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(t) === 'true',
    );
    const hasFalse = members.some(
      (t) => t.flags & ts.TypeFlags.BooleanLiteral && checker.typeToString(t) === 'false',
    );
    const parts = [];
    for (const t of members) {
      if (t.flags & ts.TypeFlags.BooleanLiteral && hasTrue && hasFalse) {
        if (!parts.includes('boolean')) parts.push('boolean');
      } else {
        const printed = printType(checker, t, depth + 1, indent);
        parts.push(t.isUnion() || t.isIntersection() ? `(${printed})` : printed);
      }
    }
    return parts.join(' | ');
  }
  if (!(type.flags & ts.TypeFlags.Object) && !type.isIntersection()) return checker.typeToString(type);
  if (checker.isArrayType(type)) {
    const [element] = checker.getTypeArguments(type);
    const printed = printType(checker, element, depth + 1, indent);
    return /^[\w"']+$/.test(printed) ? `${printed}[]` : `Array<${printed}>`;
  }
  if (
    checker.isTupleType(type) ||
    type.getCallSignatures().length > 0 ||
    type.getConstructSignatures().length
  ) {
    throw new Error(`cannot flatten ${checker.typeToString(type)}: tuples and functions are not wire types`);
  }
  const lines = [];
  for (const info of checker.getIndexInfosOfType(type)) {
    lines.push(
      `[key: ${checker.typeToString(info.keyType)}]: ${printType(checker, info.type, depth + 1, indent + 1)};`,
    );
  }
  for (const prop of checker.getPropertiesOfType(type)) {
    const optional = prop.flags & ts.SymbolFlags.Optional ? '?' : '';
    const propType = checker.getTypeOfSymbol(prop);
    lines.push(
      `${propertyKey(prop.name)}${optional}: ${printType(checker, propType, depth + 1, indent + 1)};`,
    );
  }
  const pad = '  '.repeat(indent + 1);
  return lines.length === 0 ? '{}' : `{\n${lines.map((l) => pad + l).join('\n')}\n${'  '.repeat(indent)}}`;
}

/**
 * Declarations for `names`, exported types of the module `specifier` as `fromFile` sees it, each printed as a
 * plain type alias with its doc comment. A name that is not a type (a value) is an error: values are bundled
 * into the JavaScript, never referenced by declarations.
 */
export function flattenTypes(program, fromFile, specifier, names) {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(fromFile);
  const resolved = ts.resolveModuleName(specifier, fromFile, program.getCompilerOptions(), ts.sys);
  const target = resolved.resolvedModule && program.getSourceFile(resolved.resolvedModule.resolvedFileName);
  if (!source || !target) throw new Error(`cannot resolve ${specifier} from ${fromFile}`);
  const moduleSymbol = checker.getSymbolAtLocation(target);
  const exports = new Map(checker.getExportsOfModule(moduleSymbol).map((s) => [s.name, s]));
  const out = [];
  for (const name of [...names].sort()) {
    let symbol = exports.get(name);
    if (!symbol) throw new Error(`${specifier} exports no ${name}`);
    if (symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    if (!(symbol.flags & (ts.SymbolFlags.TypeAlias | ts.SymbolFlags.Interface))) {
      throw new Error(`${specifier}'s ${name} is referenced by a declaration but is not a type`);
    }
    const doc = ts.displayPartsToString(symbol.getDocumentationComment(checker));
    if (doc) out.push(`/** ${doc.replace(/\*\//g, '*\\/').replace(/\n/g, '\n * ')} */`);
    out.push(`export type ${name} = ${printType(checker, checker.getDeclaredTypeOfSymbol(symbol), 0, 0)};`);
  }
  return `${out.join('\n')}\n`;
}
