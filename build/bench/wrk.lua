-- One benchmark scenario for wrk. Configured by the environment:
--   BENCH_METHOD, BENCH_PATH, BENCH_BODY  the request; {id}, {stage} and {date} are filled in per request
--   BENCH_TOKEN, BENCH_ORG                bearer token and X-Organization-Id
--   BENCH_IDS                             file of "id stage" lines: ids are dealt out round-robin, each thread its own
--   BENCH_THREADS                         wrk's thread count
--   BENCH_OUT                             file the result line (JSON) is appended to
local threads = {}
local counter = 0

function setup(thread)
  thread:set("tid", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

local ids, stages, next_index = {}, {}, 1
local cycle = { qualification = "proposal", proposal = "negotiation", negotiation = "qualification" }

function init(args)
  local file = os.getenv("BENCH_IDS")
  if file and file ~= "" then
    local n = 0
    for line in io.lines(file) do
      local id, stage = line:match("^(%S+)%s*(%S*)")
      if id and n % tonumber(os.getenv("BENCH_THREADS") or "1") == tid then
        table.insert(ids, id)
        stages[id] = stage
      end
      n = n + 1
    end
  end
  wrk.method = os.getenv("BENCH_METHOD") or "GET"
  wrk.headers["Authorization"] = "Bearer " .. (os.getenv("BENCH_TOKEN") or "")
  wrk.headers["X-Organization-Id"] = os.getenv("BENCH_ORG") or ""
  wrk.headers["Content-Type"] = "application/json"
end

local path = os.getenv("BENCH_PATH") or "/"
local body = os.getenv("BENCH_BODY") or ""
local date = os.date("!%Y-%m-%d", os.time() + 30 * 86400)

function request()
  local p, b = path, body
  if #ids > 0 then
    local id = ids[next_index]
    next_index = next_index % #ids + 1
    local stage = cycle[stages[id]] or "proposal"
    stages[id] = stage
    p = p:gsub("{id}", id)
    b = b:gsub("{id}", id):gsub("{stage}", stage)
  end
  b = b:gsub("{date}", date)
  return wrk.format(nil, p, nil, b ~= "" and b or nil)
end

function done(summary, latency, requests)
  local e = summary.errors
  local line = string.format(
    '{"requests": %d, "seconds": %.3f, "rps": %.1f, "p50": %.2f, "p95": %.2f, "p99": %.2f, "errors": %d}\n',
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    e.connect + e.read + e.write + e.status + e.timeout)
  local out = io.open(os.getenv("BENCH_OUT"), "a")
  out:write(line)
  out:close()
end
