-- GET /v1/dossiers/{code} for random codes of BENCH_FILE.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local codes
function init(args) codes = load_lines(os.getenv("BENCH_FILE"), 1, 1) end
function request()
  return wrk.format("GET", "/v1/dossiers/" .. codes[math.random(#codes)], headers)
end
