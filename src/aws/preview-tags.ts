// Every preview resource carries the repository and pull request it belongs to, so a later run finds it
// again whatever its name, and preview-destroy removes all of it and nothing else.

import { TAG_PREFIX } from '../record/record.js'

export interface PreviewOwner {
  /** "owner/repo" */
  repository: string
  pullRequest: number
}

export const REPOSITORY_TAG = `${TAG_PREFIX}repository`
export const PULL_REQUEST_TAG = `${TAG_PREFIX}pull-request`

export function previewTags(owner: PreviewOwner): Record<string, string> {
  return { [REPOSITORY_TAG]: owner.repository, [PULL_REQUEST_TAG]: String(owner.pullRequest) }
}

export function isOwnedBy(tags: Record<string, string>, owner: PreviewOwner): boolean {
  return tags[REPOSITORY_TAG] === owner.repository && tags[PULL_REQUEST_TAG] === String(owner.pullRequest)
}

/** "acme/shop#7", for messages. */
export function ownerName(owner: PreviewOwner): string {
  return `${owner.repository}#${owner.pullRequest}`
}
