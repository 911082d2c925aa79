import { op, type Operation } from '../core/operation.js'
import {
  createListener,
  createRule,
  deleteListener,
  deleteRule,
  describeListeners,
  describeRules,
  modifyListener,
  modifyRule
} from './listeners.js'
import { createLoadBalancer, deleteLoadBalancer, describeLoadBalancers } from './loadBalancers.js'
import { addTags, describeTags, removeTags } from './tags.js'
import {
  createTargetGroup,
  deleteTargetGroup,
  describeTargetGroups,
  modifyTargetGroup
} from './targetGroups.js'
import { deregisterTargets, describeTargetHealth, registerTargets } from './targets.js'

export const elbOperations: Record<string, Operation> = {
  CreateLoadBalancer: op(createLoadBalancer),
  DescribeLoadBalancers: op(describeLoadBalancers),
  DeleteLoadBalancer: op(deleteLoadBalancer),
  CreateTargetGroup: op(createTargetGroup),
  DescribeTargetGroups: op(describeTargetGroups),
  ModifyTargetGroup: op(modifyTargetGroup),
  DeleteTargetGroup: op(deleteTargetGroup),
  CreateListener: op(createListener),
  DescribeListeners: op(describeListeners),
  ModifyListener: op(modifyListener),
  DeleteListener: op(deleteListener),
  CreateRule: op(createRule),
  DescribeRules: op(describeRules),
  ModifyRule: op(modifyRule),
  DeleteRule: op(deleteRule),
  RegisterTargets: op(registerTargets),
  DeregisterTargets: op(deregisterTargets),
  DescribeTargetHealth: op(describeTargetHealth),
  AddTags: op(addTags),
  DescribeTags: op(describeTags),
  RemoveTags: op(removeTags)
}
