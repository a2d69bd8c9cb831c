local failoverType, namePart = "Relocate", "relocate"
-- Creates a RegionFailover for this protection, the object the on-call runbook creates with kubectl.
-- The three create actions (failover, relocate, plan) differ only in the line above (a test checks).
-- Parameters (Argo CD 3.1+): targetRegion, empty for the operator's choice (Failover, Plan: the best
-- ready standby; Relocate: the original primary), and reason. Only base Lua and Argo CD's safe os.
local os = require("os")

local function param(name)
  if actionParams == nil or actionParams[name] == nil or actionParams[name] == "" then
    return nil
  end
  return actionParams[name]
end

local function isRegionOf(protection, region)
  if protection.spec.primary ~= nil and protection.spec.primary.region == region then
    return true
  end
  if protection.spec.standbys ~= nil then
    for _, standby in ipairs(protection.spec.standbys) do
      if standby.region == region then
        return true
      end
    end
  end
  return false
end

local targetRegion = param("targetRegion")
if targetRegion ~= nil and not isRegionOf(obj, targetRegion) then
  error("targetRegion " .. targetRegion .. " is neither the primary nor a standby region of " .. obj.metadata.name, 0)
end
local reason = param("reason")
if reason == nil then
  reason = failoverType .. " requested from the Argo CD UI"
end
if #reason > 1024 then
  error("reason is longer than 1024 characters", 0)
end
-- Unique per second: a second click within the same second is refused as AlreadyExists.
local name = obj.metadata.name .. "-" .. namePart .. "-" .. os.date("!%Y%m%d%H%M%S")
if #name > 253 then
  error("the protection's name is too long to name a RegionFailover after it; use kubectl", 0)
end

-- No Argo CD tracking label: the RegionFailover stays out of the Application, so auto-prune
-- never deletes it (deleting a RegionFailover aborts the failover).
local failover = {
  apiVersion = "regionguard.dev/v1alpha1",
  kind = "RegionFailover",
  metadata = { name = name, namespace = obj.metadata.namespace },
  spec = {
    protectionRef = { kind = obj.kind, name = obj.metadata.name },
    type = failoverType,
    targetRegion = targetRegion,
    reason = reason,
    force = false,
  },
}
return { { operation = "create", resource = failover } }
