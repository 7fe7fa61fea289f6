/**
 * Reads a storytelling template's config (Mapbox's `config.js`, the MapLibre port's, or the same
 * object as JSON) without running it: acorn parses the file, and the object literal assigned to
 * `config` (or exported, or the whole JSON file) is read value by value. Only literals are
 * values; a name, a call or any other expression is code, and an error naming its line. A
 * function is kept as `{ code }` (where the template allows one, as a callback, the importer
 * warns that it will not run; elsewhere it is an error like any code).
 */
import { parse, parseExpressionAt, type Expression, type Node, type Program } from 'acorn';

/** A value of the config, as written. */
export type ConfigValue =
  null | boolean | number | string | ConfigValue[] | ConfigObject | ConfigCode;
export interface ConfigObject {
  [key: string]: ConfigValue;
}
/** A function in the config, never run: where it is. */
export interface ConfigCode {
  code: 'function';
  line: number;
}

/** What was read: the config object, and the line each value starts on by its JSON pointer. */
export interface ReadConfig {
  config: ConfigObject;
  lineOf(pointer: string): number | undefined;
}

/** A config the importer cannot read: names the file and line. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function isCode(value: ConfigValue | undefined): value is ConfigCode {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && 'code' in value;
}

export function isObject(value: ConfigValue | undefined): value is ConfigObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && !isCode(value);
}

const ECMA = { ecmaVersion: 'latest', locations: true } as const;

/** What kind of code an expression is, in words. */
function described(node: Node): string {
  const kinds: Record<string, string> = {
    Identifier: 'a name',
    CallExpression: 'a function call',
    NewExpression: 'a constructor call',
    BinaryExpression: 'an expression',
    LogicalExpression: 'an expression',
    ConditionalExpression: 'an expression',
    MemberExpression: 'a property of another value',
    TemplateLiteral: 'a template with values in it',
    SpreadElement: 'a spread (...)',
    AwaitExpression: 'an await',
  };
  return kinds[node.type] ?? `code (${node.type})`;
}

/** `file` read as a config: its object, or a ConfigError naming the line. */
export function readConfig(text: string, file: string): ReadConfig {
  const lines = new Map<string, number>();
  const fail = (node: Node, message: string): never => {
    throw new ConfigError(`${file}:${node.loc!.start.line}: ${message}`);
  };

  const valueOf = (node: Node, pointer: string): ConfigValue => {
    lines.set(pointer, node.loc!.start.line);
    switch (node.type) {
      case 'Literal': {
        const literal = node as Node & { value: unknown; regex?: unknown; bigint?: string };
        if (literal.regex || literal.bigint !== undefined) {
          return fail(node, `${pointer || '/'} is ${literal.regex ? 'a pattern' : 'a BigInt'}`);
        }
        return literal.value as null | boolean | number | string;
      }
      case 'TemplateLiteral': {
        const template = node as Node & {
          expressions: Node[];
          quasis: { value: { cooked: string | null } }[];
        };
        if (template.expressions.length > 0) break;
        return template.quasis.map((q) => q.value.cooked ?? '').join('');
      }
      case 'UnaryExpression': {
        const unary = node as Node & { operator: string; argument: Node & { value?: unknown } };
        if (
          (unary.operator === '-' || unary.operator === '+') &&
          unary.argument.type === 'Literal' &&
          typeof unary.argument.value === 'number'
        ) {
          return unary.operator === '-' ? -unary.argument.value : unary.argument.value;
        }
        break;
      }
      case 'ArrayExpression': {
        const elements = (node as Node & { elements: (Node | null)[] }).elements;
        return elements.map((element, index) =>
          element === null
            ? fail(node, `${pointer}/${index} is left empty`)
            : valueOf(element, `${pointer}/${index}`)
        );
      }
      case 'ObjectExpression': {
        const object: ConfigObject = {};
        for (const property of (node as Node & { properties: Node[] }).properties) {
          if (property.type !== 'Property') {
            return fail(property, `${pointer || '/'} holds ${described(property)}`);
          }
          const p = property as Node & {
            key: Node & { name?: string; value?: unknown };
            value: Node;
            computed: boolean;
            shorthand: boolean;
            kind: string;
          };
          const key =
            !p.computed && p.key.type === 'Identifier'
              ? p.key.name!
              : !p.computed && p.key.type === 'Literal'
                ? String(p.key.value)
                : fail(p.key, `a key in ${pointer || '/'} is computed`);
          const at = `${pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`;
          if (p.kind !== 'init' || p.shorthand) {
            return fail(p, `${at} is ${p.shorthand ? 'a name' : 'a getter or setter'}`);
          }
          object[key] = valueOf(p.value, at);
        }
        return object;
      }
      case 'FunctionExpression':
      case 'ArrowFunctionExpression':
        return { code: 'function', line: node.loc!.start.line };
    }
    return fail(
      node,
      `${pointer || '/'} is ${described(node)}: the importer reads values, never runs code; write the value itself`
    );
  };

  const found = (node: Node): ReadConfig => {
    const config = valueOf(node, '');
    if (!isObject(config)) return fail(node, 'the config is not an object');
    return { config, lineOf: (pointer) => lines.get(pointer) };
  };

  if (file.endsWith('.json')) {
    let node: Expression;
    try {
      node = parseExpressionAt(text, 0, ECMA);
    } catch (error) {
      throw new ConfigError(`${file}: not valid JSON (${(error as Error).message})`);
    }
    return found(node);
  }

  let program: Program;
  try {
    program = parse(text, { ...ECMA, sourceType: 'module' });
  } catch {
    try {
      program = parse(text, { ...ECMA, sourceType: 'script' });
    } catch (error) {
      throw new ConfigError(`${file}: not valid JavaScript (${(error as Error).message})`);
    }
  }
  const object = configObject(program);
  if (!object) {
    throw new ConfigError(
      `${file}: no config object found: the importer looks for \`var config = { … }\` (or const, let, export default)`
    );
  }
  return found(object);
}

/** The object literal the program names `config`, or exports. */
function configObject(program: Program): Node | undefined {
  const isObjectNode = (node: Node | null | undefined) => node?.type === 'ObjectExpression';
  /** `config`, `window.config`, `module.exports`, `exports.config`. */
  const isConfigTarget = (node: Node): boolean => {
    if (node.type === 'Identifier') return (node as Node & { name: string }).name === 'config';
    if (node.type !== 'MemberExpression') return false;
    const member = node as Node & {
      object: Node & { name?: string };
      property: Node & { name?: string };
    };
    return (
      (member.property.name === 'config' &&
        ['window', 'globalThis', 'exports'].includes(member.object.name ?? '')) ||
      (member.object.name === 'module' && member.property.name === 'exports')
    );
  };
  for (const statement of program.body) {
    if (statement.type === 'VariableDeclaration') {
      for (const declarator of statement.declarations) {
        const name = declarator.id.type === 'Identifier' ? declarator.id.name : undefined;
        if (name === 'config' && isObjectNode(declarator.init)) return declarator.init!;
      }
    }
    if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration as Node;
      if (isObjectNode(declaration)) return declaration;
      if (declaration.type === 'AssignmentExpression') {
        const right = (declaration as Node & { right: Node }).right;
        if (isObjectNode(right)) return right;
      }
    }
    if (statement.type === 'ExpressionStatement') {
      const expression = statement.expression;
      if (
        expression.type === 'AssignmentExpression' &&
        isConfigTarget(expression.left) &&
        isObjectNode(expression.right)
      ) {
        return expression.right;
      }
    }
  }
  return undefined;
}
