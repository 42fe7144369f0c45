-- wrk script for benchmarks/stats.sh: POSTs a valid beacon, a new visitor
-- (user agent) per request, so every request is counted (no rate limit hit).
-- BEACON_PAGE: the page id; BEACON_ORIGIN: the public address;
-- BEACON_DELAY_MS: pause per connection between requests (0: as fast as possible).
local page = os.getenv("BEACON_PAGE") or "3"
local origin = os.getenv("BEACON_ORIGIN") or "http://127.0.0.1:8252"
local pause = tonumber(os.getenv("BEACON_DELAY_MS") or "0")
local counter = 0

math.randomseed(os.time())  -- new visitors in every run, too

function setup(thread)
  thread:set("id", math.random(1, 1000000))
end

function request()
  counter = counter + 1
  local headers = {
    ["Content-Type"] = "text/plain;charset=UTF-8",
    ["Origin"] = origin,
    ["User-Agent"] = "Mozilla/5.0 (X11; Linux x86_64) Firefox/133.0 Bench/" .. id .. "-" .. counter,
  }
  local body = '{"p":' .. page .. ',"k":"v","r":"https://example.org/x","q":"?utm_source=bench","w":1280}'
  return wrk.format("POST", "/statistik/b/", headers, body)
end

function delay()
  return pause
end
