-- GET /v1/dossiers?unit=&status=&limit=50 over random units and statuses.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local statuses = { "received", "in_progress", "resolved", "returned", "supplement_requested" }
function request()
  local unit = string.format("BENCH.%02d", math.random(20))
  local path = "/v1/dossiers?limit=50&unit=" .. unit .. "&status=" .. statuses[math.random(#statuses)]
  return wrk.format("GET", path, headers)
end
