-- Prints one machine-readable line after a wrk run: requests/s, p50, p95, p99 (ms), non-2xx/3xx responses, requests.
-- With a path list given after "--", each request takes the next path from it in turn (random paging and searching).
local paths = {}
local n = 0

function init(args)
  for i = 1, #args do paths[#paths + 1] = args[i] end
end

function request()
  if #paths == 0 then return wrk.request() end
  n = n + 1
  return wrk.format(nil, paths[(n % #paths) + 1])
end

function done(summary, latency, requests)
  io.write(string.format("RESULT %.0f %.1f %.1f %.1f %d %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout,
    summary.requests))
end
