-- Argo CD health of a RegionGuard protection (EventNotificationsProtection, CodeEngineProtection).
-- Rules in order, first match wins; the table and its reasons are in config/argocd/README.md.
-- Uses only base Lua, so it works without resource.customizations.useOpenLibs.

-- StandbysInSync reasons that clear by themselves (the operator retries): Progressing, not Degraded.
-- Anything else needs a person. Long transient failures are caught by the RPO alerts instead.
local transientReasons = {
  PrimaryUnreachable = true,
  StandbyUnreachable = true,
  WritesFailed = true,
  PrimaryListIncomplete = true,
}
local terminalFailoverPhases = { Succeeded = true, Failed = true, Rejected = true, Aborted = true }

local function condition(status, conditionType)
  if status.conditions == nil then
    return nil
  end
  for _, c in ipairs(status.conditions) do
    if c.type == conditionType then
      return c
    end
  end
  return nil
end

local function describe(c)
  local text = c.reason or c.type
  if c.message ~= nil and c.message ~= "" then
    text = text .. ": " .. c.message
  end
  return text
end

local hs = {}
local generation = obj.metadata.generation
local status = obj.status

-- 1. Nothing reported for the current spec yet (a stale status must not look Healthy after a sync).
local ready = status ~= nil and condition(status, "Ready") or nil
local stale = status == nil or status.observedGeneration == nil
if not stale and generation ~= nil then
  stale = status.observedGeneration < generation
    or (ready ~= nil and ready.observedGeneration ~= nil and ready.observedGeneration < generation)
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

-- 2. A failover is running.
if status.failover ~= nil and status.failover.phase ~= nil and not terminalFailoverPhases[status.failover.phase] then
  hs.status = "Progressing"
  if status.failover.targetRegion ~= nil then
    hs.message = "Failover to " .. status.failover.targetRegion .. " in progress (" .. status.failover.phase .. ")"
  else
    hs.message = "Failover in progress (" .. status.failover.phase .. ")"
  end
  return hs
end

-- 3. Paused by its owner (the regionguard.dev/paused annotation): nothing runs until it is removed.
if ready ~= nil and ready.status == "False" and ready.reason == "Paused" then
  hs.status = "Suspended"
  hs.message = describe(ready)
  return hs
end

-- 4. Credentials rejected: nothing syncs until someone fixes the Secret or the IAM policy.
local credentials = condition(status, "CredentialsValid")
if credentials ~= nil and credentials.status == "False" then
  hs.status = "Degraded"
  hs.message = "Credentials invalid: " .. describe(credentials)
  return hs
end

-- 5. No Ready condition yet: the first sync pass is still running.
if ready == nil or ready.status == "Unknown" then
  hs.status = "Progressing"
  hs.message = ready ~= nil and describe(ready) or "Waiting for the first sync pass"
  return hs
end

-- 6. Protected.
if ready.status == "True" then
  hs.status = "Healthy"
  hs.message = ready.message or ""
  return hs
end

-- 7. Not ready because of the spec: only an edit helps.
if ready.reason == "InvalidSpec" then
  hs.status = "Degraded"
  hs.message = describe(ready)
  return hs
end

-- 8. Not ready because standbys are out of sync: transient reasons retry, the others need a person.
local inSync = condition(status, "StandbysInSync")
if inSync ~= nil and inSync.status == "False" and not transientReasons[inSync.reason] then
  hs.status = "Degraded"
  hs.message = describe(inSync)
  return hs
end

hs.status = "Progressing"
hs.message = "Retrying: " .. describe(ready)
return hs
