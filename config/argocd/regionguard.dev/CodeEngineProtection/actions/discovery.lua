-- Argo CD actions of a RegionGuard protection (EventNotificationsProtection, CodeEngineProtection).
-- failover, relocate and plan create a RegionFailover, as the on-call runbook does; pause and resume
-- set or remove the regionguard.dev/paused annotation. Both kinds share this script (a test keeps the
-- copies identical). Only base Lua: no string library.
local actions = {}

-- The operator reads the annotation case-insensitively; without the string library, list the spellings.
local pausedValues = { ["true"] = true, ["True"] = true, ["TRUE"] = true }
local terminalFailoverPhases = { Succeeded = true, Failed = true, Rejected = true, Aborted = true }

local paused = obj.metadata.annotations ~= nil
  and pausedValues[obj.metadata.annotations["regionguard.dev/paused"]] == true
local failingOver = obj.status ~= nil and obj.status.failover ~= nil and obj.status.failover.phase ~= nil
  and not terminalFailoverPhases[obj.status.failover.phase]

actions["pause"] = { iconClass = "fa fa-fw fa-pause", displayName = "Pause", disabled = paused }
actions["resume"] = { iconClass = "fa fa-fw fa-play", displayName = "Resume", disabled = not paused }

-- A paused protection does not fail over, and one failover at a time: the action would only be refused.
-- Parameters need Argo CD 3.1 or later; left empty (or on older versions) the operator picks the target.
local busy = paused or failingOver
actions["failover"] = {
  iconClass = "fa fa-fw fa-random",
  displayName = "Fail over to ...",
  disabled = busy,
  params = { { name = "targetRegion" }, { name = "reason" } },
}
actions["relocate"] = {
  iconClass = "fa fa-fw fa-undo",
  displayName = "Relocate",
  disabled = busy,
  params = { { name = "targetRegion" }, { name = "reason" } },
}
actions["plan"] = {
  iconClass = "fa fa-fw fa-search",
  displayName = "Plan",
  disabled = busy,
  params = { { name = "targetRegion" }, { name = "reason" } },
}
return actions
