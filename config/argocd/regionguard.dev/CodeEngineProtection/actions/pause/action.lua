-- Pause a RegionGuard protection: no sync, no probe, no failover until resumed. An annotation, not a
-- spec change, so Argo CD's self-heal leaves it alone when the annotation is not in Git.
if obj.metadata.annotations == nil then
  obj.metadata.annotations = {}
end
obj.metadata.annotations["regionguard.dev/paused"] = "true"
return obj
