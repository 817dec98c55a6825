-- Shared by the wrk scripts: each wrk thread reads the lines of a file and takes every n-th one, so
-- threads never act on the same dossier. Environment: BENCH_TOKEN, BENCH_FILE.
local threads = {}
local counter = 1

function setup(thread)
  thread:set("index", counter)
  thread:set("threads_total", 0)
  table.insert(threads, thread)
  counter = counter + 1
end

function load_lines(path, index, total)
  local lines = {}
  local n = 0
  for line in io.lines(path) do
    n = n + 1
    if (n - index) % total == 0 then table.insert(lines, line) end
  end
  return lines
end

headers = {}
headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
headers["Content-Type"] = "application/json"
