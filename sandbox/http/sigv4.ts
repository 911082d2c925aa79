// Only the credential scope matters to the sandbox: it names the region and the signing service.
// Signatures are never verified, so any credentials work.
export interface CredentialScope {
  region: string
  service?: string
}

const SCOPE = /Credential=[^/]+\/\d{8}\/([^/]+)\/([^/]+)\/aws4_request/

export function credentialScope(authorization: string | undefined): CredentialScope {
  const match = authorization ? SCOPE.exec(authorization) : null
  return match ? { region: match[1], service: match[2] } : { region: 'us-east-1' }
}
