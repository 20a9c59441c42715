/** GitHub's GraphQL resource limits, computed statically like GitHub does before executing:
 * every connection needs `first` or `last` (1..100), at most 500,000 nodes, and the cost is
 * the number of requests each connection needs / 100, rounded, minimum 1. */
import {
  getNamedType,
  isInterfaceType,
  isObjectType,
  Kind,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql'

export interface CostResult {
  cost: number
  nodeCount: number
  errors: string[]
}

const MAX_NODES = 500_000

function argValue(node: ValueNode | undefined, variables: Record<string, unknown>): unknown {
  if (!node) return undefined
  if (node.kind === Kind.VARIABLE) return variables[node.name.value]
  if (node.kind === Kind.INT) return Number(node.value)
  if (node.kind === Kind.NULL) return null
  return undefined
}

export function computeCost(
  schema: GraphQLSchema,
  document: DocumentNode,
  variables: Record<string, unknown>,
  operationName?: string,
): CostResult {
  const fragments = new Map<string, FragmentDefinitionNode>()
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d)
  const ops = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION)
  const op = ops.find((o) => !operationName || o.name?.value === operationName) ?? ops[0]
  const result: CostResult = { cost: 1, nodeCount: 0, errors: [] }
  if (!op) return result
  let requests = 0

  const walk = (set: SelectionSetNode, parent: GraphQLNamedType, multiplier: number) => {
    for (const sel of set.selections) {
      if (sel.kind === Kind.INLINE_FRAGMENT) {
        walk(sel.selectionSet, (sel.typeCondition && schema.getType(sel.typeCondition.name.value)) || parent, multiplier)
        continue
      }
      if (sel.kind === Kind.FRAGMENT_SPREAD) {
        const frag = fragments.get(sel.name.value)
        if (frag) walk(frag.selectionSet, schema.getType(frag.typeCondition.name.value) ?? parent, multiplier)
        continue
      }
      if (!(isObjectType(parent) || isInterfaceType(parent)) || !sel.selectionSet) continue
      const field = parent.getFields()[sel.name.value]
      if (!field) continue
      const type = getNamedType(field.type)
      let childMultiplier = multiplier
      if (type.name.endsWith('Connection')) {
        const arg = (n: string) => argValue(sel.arguments?.find((a) => a.name.value === n)?.value, variables)
        const first = arg('first')
        const last = arg('last')
        const limit = (typeof first === 'number' ? first : undefined) ?? (typeof last === 'number' ? last : undefined)
        const argName = typeof first === 'number' ? 'first' : 'last'
        if (limit === undefined)
          result.errors.push(`You must provide a \`first\` or \`last\` value to properly paginate the \`${sel.name.value}\` connection.`)
        else if (limit > 100 || limit < 0)
          result.errors.push(
            `Requesting ${limit} records on the \`${sel.name.value}\` connection exceeds the \`${argName}\` limit of 100 records.`,
          )
        requests += multiplier // one request per parent node that could hold this connection
        childMultiplier = multiplier * Math.max(limit ?? 100, 1)
        result.nodeCount += childMultiplier
      }
      walk(sel.selectionSet, type, childMultiplier)
    }
  }

  const root = op.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType()
  if (root) walk(op.selectionSet, root, 1)
  if (result.nodeCount > MAX_NODES)
    result.errors.push(
      `This query requests up to ${result.nodeCount.toLocaleString('en-US')} possible nodes which exceeds the maximum of 500,000.`,
    )
  result.cost = Math.max(1, Math.round(requests / 100))
  return result
}
