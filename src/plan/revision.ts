// A revision of the service as the commands and the report read it: the parts of an ECS task definition a
// person reviews (images, environment, secrets, cpu, memory, ports, roles) and its identity. Only src/aws
// speaks the SDK; its TaskDefinition fits this shape, so the adapter hands it over as it is.

export interface PortMappingInfo {
  containerPort?: number
  containerPortRange?: string
  hostPort?: number
  protocol?: string
}

export interface ContainerInfo {
  name?: string
  image?: string
  cpu?: number
  memory?: number
  memoryReservation?: number
  portMappings?: PortMappingInfo[]
  environment?: { name?: string; value?: string }[]
  /** Only names and where the value lives; a secret's value is never read. */
  secrets?: { name?: string; valueFrom?: string }[]
}

export interface TaskDefinitionInfo {
  taskDefinitionArn?: string
  family?: string
  revision?: number
  /** ACTIVE, INACTIVE or DELETE_IN_PROGRESS. */
  status?: string
  registeredAt?: Date
  cpu?: string
  memory?: string
  taskRoleArn?: string
  executionRoleArn?: string
  containerDefinitions?: ContainerInfo[]
}
