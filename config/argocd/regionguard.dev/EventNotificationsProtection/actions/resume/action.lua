-- Resume a paused RegionGuard protection: remove the regionguard.dev/paused annotation.
if obj.metadata.annotations ~= nil then
  obj.metadata.annotations["regionguard.dev/paused"] = nil
end
return obj
