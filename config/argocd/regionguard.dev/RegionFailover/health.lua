-- Argo CD health of a RegionGuard RegionFailover (one failover, created by on-call or by the operator).
-- Rules in order, first match wins; the table is in config/argocd/README.md.
-- Uses only base Lua, so it works without resource.customizations.useOpenLibs.

local activePhases = {
  Pending = true,
  Validating = true,
  FinalSync = true,
  Fencing = true,
  Promoting = true,
  Redirecting = true,
  Verifying = true,
  Unfencing = true,
}

-- The operator says what is happening in the Ready condition's message.
local function readyMessage(status)
  if status.conditions == nil then
    return nil
  end
  for _, condition in ipairs(status.conditions) do
    if condition.type == "Ready" then
      return condition.message
    end
  end
  return nil
end

local function withMessage(text, message)
  if message ~= nil and message ~= "" then
    return text .. ": " .. message
  end
  return text
end

local hs = {}
local generation = obj.metadata.generation
local status = obj.status

-- 1. Nothing reported for the current spec yet.
local stale = status == nil or status.observedGeneration == nil
if not stale and generation ~= nil then
  stale = status.observedGeneration < generation
end
if stale then
  hs.status = "Progressing"
  if generation ~= nil then
    hs.message = "Waiting for the operator to observe generation " .. generation
  else
    hs.message = "Waiting for the operator to report status"
  end
  return hs
end

local phase = status.phase
-- 2. Running.
if phase == nil or activePhases[phase] then
  hs.status = "Progressing"
  hs.message = withMessage("Failover in progress (" .. (phase or "Pending") .. ")", readyMessage(status))
  return hs
end

-- 3. Done.
if phase == "Succeeded" then
  hs.status = "Healthy"
  hs.message = withMessage("Failover succeeded", readyMessage(status))
  return hs
end

-- 4. Failed while running, refused before it started (e.g. the standby was not ready), or stopped by
--    its deletion after its fences were undone.
local verdicts = { Failed = "Failover failed", Rejected = "Failover rejected", Aborted = "Failover aborted" }
if verdicts[phase] ~= nil then
  hs.status = "Degraded"
  hs.message = withMessage(verdicts[phase], readyMessage(status))
  return hs
end

-- 5. A phase this script does not know (a newer operator): say so rather than guess.
hs.status = "Unknown"
hs.message = "Unrecognised failover phase " .. phase
return hs
