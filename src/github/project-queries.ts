/** Projects (v2) through GraphQL: one read of the project's fields, then add and update items. */
const PROJECT_FIELDS = `id title fields(first: 50) { nodes {
  ... on ProjectV2FieldCommon { id name dataType }
  ... on ProjectV2SingleSelectField { options { id name } } } }`

export const ORG_PROJECT_QUERY = `
query EscalationOrgProject($owner: String!, $number: Int!) {
  organization(login: $owner) { projectV2(number: $number) { ${PROJECT_FIELDS} } }
}`

export const USER_PROJECT_QUERY = `
query EscalationUserProject($owner: String!, $number: Int!) {
  user(login: $owner) { projectV2(number: $number) { ${PROJECT_FIELDS} } }
}`

export interface GqlProject {
  id: string
  title: string
  fields: { nodes: ({ id: string; name: string; dataType: string; options?: { id: string; name: string }[] } | Record<string, never>)[] }
}

export interface ProjectQueryResult {
  organization?: { projectV2: GqlProject | null } | null
  user?: { projectV2: GqlProject | null } | null
}

/** Adding an issue already in the project answers its existing item: safe to repeat. */
export const ADD_PROJECT_ITEM_MUTATION = `
mutation EscalationAddToProject($projectId: ID!, $contentId: ID!) {
  addProjectV2ItemById(input: { projectId: $projectId, contentId: $contentId }) { item { id } }
}`

export const UPDATE_PROJECT_FIELD_MUTATION = `
mutation EscalationProjectField($projectId: ID!, $itemId: ID!, $fieldId: ID!, $value: ProjectV2FieldValue!) {
  updateProjectV2ItemFieldValue(input: { projectId: $projectId, itemId: $itemId, fieldId: $fieldId, value: $value }) { projectV2Item { id } }
}`
