import { op, type Operation } from '../core/operation.js'
import { createCluster, deleteCluster, describeClusters, listClusters } from './clusters.js'
import { continueServiceDeployment } from './lifecycleHooks.js'
import { createService, deleteService, describeServices, listServices, updateService } from './services.js'
import {
  describeServiceDeployments,
  listServiceDeployments,
  stopServiceDeployment
} from './serviceDeployments.js'
import { describeServiceRevisions } from './serviceRevisions.js'
import { listTagsForResource, tagResource, untagResource } from './tags.js'
import {
  deregisterTaskDefinition,
  describeTaskDefinition,
  listTaskDefinitionFamilies,
  listTaskDefinitions,
  registerTaskDefinition
} from './taskDefinitions.js'
import { describeTasks, listTasks, stopTaskOperation } from './tasks.js'
import {
  createTaskSet,
  deleteTaskSet,
  describeTaskSets,
  updateServicePrimaryTaskSet,
  updateTaskSet
} from './taskSets.js'

export const ecsOperations: Record<string, Operation> = {
  CreateCluster: op(createCluster),
  DescribeClusters: op(describeClusters),
  ListClusters: op(listClusters),
  DeleteCluster: op(deleteCluster),
  RegisterTaskDefinition: op(registerTaskDefinition),
  DescribeTaskDefinition: op(describeTaskDefinition),
  DeregisterTaskDefinition: op(deregisterTaskDefinition),
  ListTaskDefinitions: op(listTaskDefinitions),
  ListTaskDefinitionFamilies: op(listTaskDefinitionFamilies),
  CreateService: op(createService),
  UpdateService: op(updateService),
  DeleteService: op(deleteService),
  DescribeServices: op(describeServices),
  ListServices: op(listServices),
  ListServiceDeployments: op(listServiceDeployments),
  DescribeServiceDeployments: op(describeServiceDeployments),
  StopServiceDeployment: op(stopServiceDeployment),
  DescribeServiceRevisions: op(describeServiceRevisions),
  ContinueServiceDeployment: op(continueServiceDeployment),
  CreateTaskSet: op(createTaskSet),
  UpdateTaskSet: op(updateTaskSet),
  UpdateServicePrimaryTaskSet: op(updateServicePrimaryTaskSet),
  DeleteTaskSet: op(deleteTaskSet),
  DescribeTaskSets: op(describeTaskSets),
  ListTasks: op(listTasks),
  DescribeTasks: op(describeTasks),
  StopTask: op(stopTaskOperation),
  TagResource: op(tagResource),
  UntagResource: op(untagResource),
  ListTagsForResource: op(listTagsForResource)
}
