-- POST /v1/dossiers/{code}/{BENCH_ACTION} over the codes of BENCH_FILE, each thread its own share,
-- each code once: accept (submitted), assign (received) or resolve (in progress).
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local codes, next_code = nil, 1
local action = os.getenv("BENCH_ACTION")
function init(args) codes = load_lines(os.getenv("BENCH_FILE"), index, tonumber(os.getenv("BENCH_THREADS"))) end
function request()
  local code = codes[next_code] or codes[1]
  next_code = next_code + 1
  local body = "{}"
  if action == "assign" then
    body = '{"assignee":"bench.s' .. string.sub(code, 7, 8) .. 'a"}'
  end
  return wrk.format("POST", "/v1/dossiers/" .. code .. "/" .. action, headers, body)
end
