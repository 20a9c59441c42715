/** Projects (v2) records and seeding: owned by an organization or a user, with GitHub's built-in
 * fields next to the custom ones, at most 50 fields and 50,000 items a project. */
import { createHash } from 'node:crypto'
import type { Hub } from './hub'
import { isOrganization } from './hub'

export type CustomFieldType = 'TEXT' | 'NUMBER' | 'DATE' | 'SINGLE_SELECT'
export type FieldType =
  | CustomFieldType
  | 'TITLE'
  | 'ASSIGNEES'
  | 'LABELS'
  | 'LINKED_PULL_REQUESTS'
  | 'MILESTONE'
  | 'REPOSITORY'
  | 'REVIEWERS'
  | 'PARENT_ISSUE'
  | 'SUB_ISSUES_PROGRESS'

export interface OptionRecord {
  id: string
  name: string
  color: string
  description: string
}

export interface FieldRecord {
  id: number
  name: string
  dataType: FieldType
  options: OptionRecord[]
  createdAt: string
}

export interface FieldValue {
  text?: string
  number?: number
  date?: string
  optionId?: string
  id: number
  updatedAt: string
  creator: string
}

export interface ItemRecord {
  id: number
  /** The or pull request's database id. */
  contentId: number
  createdAt: string
  updatedAt: string
  creator: string
  values: Map<number, FieldValue>
}

export interface ProjectRecord {
  id: number
  number: number
  owner: string
  ownerKind: 'Organization' | 'User'
  title: string
  fields: FieldRecord[]
  items: ItemRecord[]
  createdAt: string
}

export const MAX_FIELDS = 50
export const MAX_ITEMS = 50_000

/** Every new project has these; Status is a single select the seed may redefine. */
const BUILT_IN: [string, FieldType][] = [
  ['Title', 'TITLE'],
  ['Assignees', 'ASSIGNEES'],
  ['Status', 'SINGLE_SELECT'],
  ['Labels', 'LABELS'],
  ['Linked pull requests', 'LINKED_PULL_REQUESTS'],
  ['Milestone', 'MILESTONE'],
  ['Repository', 'REPOSITORY'],
  ['Reviewers', 'REVIEWERS'],
  ['Parent issue', 'PARENT_ISSUE'],
  ['Sub-issues progress', 'SUB_ISSUES_PROGRESS'],
]
const DEFAULT_STATUS = ['Todo', 'In Progress', 'Done']
const COLORS = ['GRAY', 'BLUE', 'GREEN', 'YELLOW', 'ORANGE', 'RED', 'PINK', 'PURPLE']

const ID_BASES = { project: 20_000_000, field: 150_000_000, item: 120_000_000, value: 900_000_000 }
type Kind = keyof typeof ID_BASES
const counters = new WeakMap<Hub, Record<Kind, number>>()
export function nextProjectId(hub: Hub, kind: Kind): number {
  const c = counters.get(hub) ?? { ...ID_BASES }
  counters.set(hub, c)
  return ++c[kind]
}

export interface ProjectSeed {
  /** Default: the default repository's owner. */
  owner?: string
  /** Default: the owner's next free number. */
  number?: number
  title: string
  fields?: { name: string; dataType: CustomFieldType; options?: string[] }[]
}

const optionId = (fieldId: number, name: string) => createHash('sha1').update(`${fieldId}:${name}`).digest('hex').slice(0, 8)
const options = (fieldId: number, names: string[]): OptionRecord[] =>
  names.map((name, i) => ({ id: optionId(fieldId, name), name, color: COLORS[i % COLORS.length]!, description: '' }))

export function createProject(hub: Hub, defaultOwner: string, seed: ProjectSeed): ProjectRecord {
  const owner = seed.owner ?? defaultOwner
  const taken = hub.projects.filter((p) => p.owner.toLowerCase() === owner.toLowerCase()).map((p) => p.number)
  const number = seed.number ?? Math.max(0, ...taken) + 1
  if (taken.includes(number)) throw new Error(`createProject: ${owner} has a project ${number} already`)
  const now = hub.clock.stamp()
  const field = (name: string, dataType: FieldType, optionNames: string[] = []): FieldRecord => {
    const id = nextProjectId(hub, 'field')
    return { id, name, dataType, options: dataType === 'SINGLE_SELECT' ? options(id, optionNames) : [], createdAt: now }
  }
  const custom = seed.fields ?? []
  const customStatus = custom.find((f) => f.name === 'Status')
  const fields = BUILT_IN.map(([name, type]) =>
    name === 'Status' ? field(name, customStatus?.dataType ?? type, customStatus?.options ?? DEFAULT_STATUS) : field(name, type),
  )
  for (const f of custom.filter((c) => c !== customStatus)) {
    if (fields.some((existing) => existing.name.toLowerCase() === f.name.toLowerCase()))
      throw new Error(`createProject: field ${f.name} exists already`)
    fields.push(field(f.name, f.dataType, f.options))
  }
  if (fields.length > MAX_FIELDS)
    throw new Error(`createProject: ${fields.length} fields (built-in ones included) exceed GitHub's ${MAX_FIELDS}`)
  const project: ProjectRecord = {
    id: nextProjectId(hub, 'project'),
    number,
    owner,
    ownerKind: isOrganization(hub, owner) ? 'Organization' : 'User',
    title: seed.title,
    fields,
    items: [],
    createdAt: now,
  }
  hub.projects.push(project)
  return project
}

export function findProject(hub: Hub, owner: string, number: number): ProjectRecord | undefined {
  return hub.projects.find((p) => p.owner.toLowerCase() === owner.toLowerCase() && p.number === number)
}

/** GitHub answers the existing item when the content is in the project already. */
export function addItem(hub: Hub, project: ProjectRecord, contentId: number, by: string): ItemRecord | 'full' {
  const existing = project.items.find((i) => i.contentId === contentId)
  if (existing) return existing
  if (project.items.length >= MAX_ITEMS) return 'full'
  const now = hub.clock.stamp()
  const item: ItemRecord = { id: nextProjectId(hub, 'item'), contentId, createdAt: now, updatedAt: now, creator: by, values: new Map() }
  project.items.push(item)
  return item
}
