// Generates backend/src/platform/http/openapi-responses.json: the success response of every
// controller route, read from the return type the controller method declares, and an OpenAPI 3.0
// schema for every named type of shared/ that those responses (and the error details) use.
//
// It asks the project's own TypeScript compiler (the one that builds the code) for each method's
// resolved return type, so any type the compiler understands is described, and the document can
// never disagree with the code: `openapi-responses.spec.ts` fails when the committed file is stale.
// `npm run openapi:responses` writes it again.
import { writeFileSync } from 'node:fs';
import { join, resolve, sep } from 'node:path';
import ts from 'typescript';

/** An OpenAPI 3.0 schema object (the subset this generator writes). */
export interface Schema {
  type?: 'string' | 'number' | 'integer' | 'boolean' | 'object' | 'array';
  format?: string;
  enum?: (string | number | boolean)[];
  nullable?: boolean;
  description?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  anyOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
}

/** A route's success body by media type; `null` when the route answers no body (204). */
export type RouteResponse = Record<string, Schema> | null;

export interface ResponseSchemas {
  /** Keyed by OpenAPI operation id (`<ControllerClass>_<method>`, Nest's default). */
  routes: Record<string, RouteResponse>;
  schemas: Record<string, Schema>;
}

const HTTP_METHOD_DECORATORS = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete']);
/** Types of shared/contracts described even though no route returns them: error details. */
const ERROR_TYPES = ['ErrorResponse', 'FieldProblem', 'DomainFieldProblem', 'StaleAnswerDetails', 'MissingAnswersDetails', 'StaleRequirementStatusDetails'];

export const RESPONSES_FILE = join(__dirname, '../src/platform/http/openapi-responses.json');

export function generateResponseSchemas(): ResponseSchemas {
  const backend = resolve(__dirname, '..');
  const root = resolve(backend, '..');
  const configPath = join(backend, 'tsconfig.json');
  const config = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => fail(flatten(d)) });
  if (!config) fail(`cannot read ${configPath}`);
  const controllers = config.fileNames.filter((f) => f.endsWith('.controller.ts'));
  const contracts = join(root, 'shared/contracts/src/index.ts');
  const program = ts.createProgram([...controllers, contracts], config.options);
  const checker = program.getTypeChecker();
  const converter = new SchemaConverter(checker, join(root, 'shared') + sep, join(backend, 'src') + sep);

  const routes: Record<string, RouteResponse> = {};
  for (const file of controllers.sort()) {
    const source = program.getSourceFile(file)!;
    for (const statement of source.statements) {
      if (!ts.isClassDeclaration(statement) || !statement.name || !decoratorNames(statement).has('Controller')) continue;
      for (const member of statement.members) {
        if (!ts.isMethodDeclaration(member) || !ts.isIdentifier(member.name)) continue;
        if (![...decoratorNames(member)].some((d) => HTTP_METHOD_DECORATORS.has(d))) continue;
        const operationId = `${statement.name.text}_${member.name.text}`;
        const signature = checker.getSignatureFromDeclaration(member)!;
        const returned = checker.getAwaitedType(checker.getReturnTypeOfSignature(signature))!;
        routes[operationId] = converter.route(returned, operationId);
      }
    }
  }

  const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(program.getSourceFile(contracts)!)!);
  for (const name of ERROR_TYPES) {
    const symbol = exports.find((s) => s.name === name);
    if (!symbol) fail(`@beacon/contracts exports no ${name}`);
    converter.schema(checker.getDeclaredTypeOfSymbol(symbol), name);
  }
  return { routes, schemas: converter.components() };
}

export function writeResponseSchemas(): void {
  writeFileSync(RESPONSES_FILE, `${JSON.stringify(generateResponseSchemas(), null, 2)}\n`);
}

/** Turns resolved TypeScript types into OpenAPI 3.0 schemas; named types of shared/ become components. */
class SchemaConverter {
  private readonly named = new Map<string, { type: ts.Type; schema?: Schema }>();
  /** Anonymous object types being described inside the current component. */
  private inProgress = new Set<ts.Type>();

  constructor(
    private readonly checker: ts.TypeChecker,
    private readonly sharedDir: string,
    private readonly backendDir: string,
  ) {}

  components(): Record<string, Schema> {
    return Object.fromEntries([...this.named.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([name, { schema }]) => [name, schema!]));
  }

  route(type: ts.Type, where: string): RouteResponse {
    if (type.flags & (ts.TypeFlags.Void | ts.TypeFlags.Undefined)) return null;
    const parts = type.isUnion() ? type.types : [type];
    const files = parts.filter((t) => t.getSymbol()?.name === 'StreamableFile');
    const json = parts.filter((t) => !files.includes(t));
    const content: Record<string, Schema> = {};
    if (files.length > 0) content['application/octet-stream'] = { type: 'string', format: 'binary' };
    if (files.length === 0) content['application/json'] = this.schema(type, where);
    else if (json.length === 1) content['application/json'] = this.schema(json[0]!, where);
    else if (json.length > 1) content['application/json'] = { anyOf: json.map((t) => this.schema(t, where)) };
    return content;
  }

  schema(type: ts.Type, where: string): Schema {
    const name = this.componentName(type);
    if (name) return { $ref: `#/components/schemas/${this.register(name, type, where)}` };
    return this.inline(type, where);
  }

  private register(name: string, type: ts.Type, where: string): string {
    const known = this.named.get(name);
    if (known) {
      if (known.type !== type) fail(`two different types are named ${name} (at ${where})`);
      return name;
    }
    this.named.set(name, { type });
    const outer = this.inProgress;
    this.inProgress = new Set();
    let schema: Schema;
    try {
      schema = this.inline(type, name);
    } finally {
      this.inProgress = outer;
    }
    const description = this.documentation(type.aliasSymbol ?? type.getSymbol());
    this.named.get(name)!.schema = description && !schema.description ? { ...schema, description } : schema;
    return name;
  }

  /** Interfaces and type aliases declared in shared/ (or generic aliases of the backend applied to them) are components. */
  private componentName(type: ts.Type): string | undefined {
    const alias = type.aliasSymbol;
    if (alias && this.declaredIn(alias, this.sharedDir) && !type.aliasTypeArguments?.length) return alias.name;
    if (alias && this.declaredIn(alias, this.backendDir) && type.aliasTypeArguments?.length) {
      const args = type.aliasTypeArguments.map((t) => this.componentName(t));
      if (args.every((a) => a !== undefined)) return alias.name + args.join('');
      return undefined;
    }
    const symbol = type.getSymbol();
    if (!alias && symbol && symbol.flags & ts.SymbolFlags.Interface && this.declaredIn(symbol, this.sharedDir)) return symbol.name;
    return undefined;
  }

  private declaredIn(symbol: ts.Symbol, dir: string): boolean {
    return (symbol.declarations ?? []).some((d) => d.getSourceFile().fileName.startsWith(dir.split(sep).join('/')));
  }

  private inline(type: ts.Type, where: string): Schema {
    const f = type.flags;
    if (f & (ts.TypeFlags.Any | ts.TypeFlags.Unknown)) return {};
    if (f & ts.TypeFlags.String) return { type: 'string' };
    if (f & ts.TypeFlags.Number) return { type: 'number' };
    if (f & ts.TypeFlags.Boolean) return { type: 'boolean' };
    if (type.isStringLiteral()) return { type: 'string', enum: [type.value] };
    if (type.isNumberLiteral()) return { type: 'number', enum: [type.value] };
    if (f & ts.TypeFlags.BooleanLiteral) return { type: 'boolean', enum: [type === this.checker.getTrueType()] };
    if (type.isUnion()) return this.union(type, where);
    if (this.checker.isArrayType(type)) return { type: 'array', items: this.schema(this.checker.getTypeArguments(type as ts.TypeReference)[0]!, where) };
    if (this.checker.isTupleType(type)) {
      const elements = this.checker.getTypeArguments(type as ts.TypeReference).map((t) => this.schema(t, where));
      return { type: 'array', items: elements.length === 1 ? elements[0]! : { anyOf: elements }, minItems: elements.length, maxItems: elements.length };
    }
    if (f & ts.TypeFlags.Object && !(f & ts.TypeFlags.NonPrimitive)) return this.object(type, where);
    if (f & ts.TypeFlags.NonPrimitive) return { type: 'object' };
    return fail(`no schema for ${this.checker.typeToString(type)} in ${where}`);
  }

  private union(type: ts.UnionType, where: string): Schema {
    const nullable = type.types.some((t) => t.flags & ts.TypeFlags.Null);
    let parts = type.types.filter((t) => !(t.flags & (ts.TypeFlags.Null | ts.TypeFlags.Undefined)));
    // `boolean` is the union `true | false`.
    if (parts.filter((t) => t.flags & ts.TypeFlags.BooleanLiteral).length === 2) {
      parts = [...parts.filter((t) => !(t.flags & ts.TypeFlags.BooleanLiteral)), this.checker.getBooleanType()];
    }
    let schema: Schema;
    if (parts.length > 0 && parts.every((t) => t.isStringLiteral())) {
      schema = { type: 'string', enum: parts.map((t) => (t).value) };
    } else if (parts.length > 0 && parts.every((t) => t.isNumberLiteral())) {
      schema = { type: 'number', enum: parts.map((t) => (t).value) };
    } else if (parts.length === 1) {
      schema = this.schema(parts[0]!, where);
    } else {
      schema = { anyOf: parts.map((t) => this.schema(t, where)) };
    }
    if (!nullable) return schema;
    // OpenAPI 3.0 ignores the siblings of a $ref: wrap it to say it may be null.
    return schema.$ref ? { allOf: [schema], nullable: true } : { ...schema, nullable: true };
  }

  private object(type: ts.Type, where: string): Schema {
    // An anonymous type met again inside itself (a mapped type such as `Localized<T>` over a
    // recursive alias has no name to refer to): described as any value from there on.
    if (this.inProgress.has(type)) return { description: 'The same shape as the enclosing value (recursive).' };
    if (this.checker.getSignaturesOfType(type, ts.SignatureKind.Call).length > 0) fail(`a function at ${where}`);
    this.inProgress.add(type);
    try {
      const properties: Record<string, Schema> = {};
      const required: string[] = [];
      for (const property of this.checker.getPropertiesOfType(type)) {
        const optional = (property.flags & ts.SymbolFlags.Optional) !== 0;
        const propertyType = optional ? this.optionalType(property) : this.checker.getTypeOfSymbol(property);
        const schema = this.schema(propertyType, `${where}.${property.name}`);
        const description = this.documentation(property);
        properties[property.name] = description ? (schema.$ref ? { allOf: [schema], description } : { ...schema, description }) : schema;
        if (!optional) required.push(property.name);
      }
      const schema: Schema = { type: 'object', properties };
      if (required.length > 0) schema.required = required;
      const index = this.checker.getIndexInfosOfType(type).find((i) => i.keyType.flags & ts.TypeFlags.String);
      if (index) schema.additionalProperties = this.schema(index.type, `${where}.value`);
      return schema;
    } finally {
      this.inProgress.delete(type);
    }
  }

  /** The declared type of an optional property (keeping its alias name), without the `undefined` optionality adds. */
  private optionalType(property: ts.Symbol): ts.Type {
    const declaration = property.valueDeclaration;
    if (declaration && (ts.isPropertySignature(declaration) || ts.isPropertyDeclaration(declaration)) && declaration.type) {
      return this.checker.getTypeFromTypeNode(declaration.type);
    }
    return this.checker.getNonNullableType(this.checker.getTypeOfSymbol(property));
  }

  private documentation(symbol: ts.Symbol | undefined): string | undefined {
    const text = symbol ? ts.displayPartsToString(symbol.getDocumentationComment(this.checker)).trim() : '';
    return text || undefined;
  }
}

function decoratorNames(node: ts.HasDecorators): Set<string> {
  const names = new Set<string>();
  for (const decorator of ts.getDecorators(node) ?? []) {
    const call = decorator.expression;
    if (ts.isCallExpression(call) && ts.isIdentifier(call.expression)) names.add(call.expression.text);
  }
  return names;
}

function flatten(diagnostic: ts.Diagnostic): string {
  return ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
}

function fail(message: string): never {
  throw new Error(`openapi responses: ${message}`);
}
