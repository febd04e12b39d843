-- SPDX-License-Identifier: MIT
-- bench/http-get.lua: wrk script for bench/http.sh.  GET
-- /api/v1/incidents/{id} with ids drawn at random from 1..BK_N, with the
-- API token in BK_TOKEN as the Bearer token.  Each thread seeds its own
-- generator, so the threads do not ask for the same ids in step.
local n = tonumber(os.getenv("BK_N") or "100000")
local token = os.getenv("BK_TOKEN") or ""
local threads = 0

wrk.headers["Authorization"] = "Bearer " .. token

function setup(thread)
	threads = threads + 1
	thread:set("id", threads)
end

function init(args)
	math.randomseed(os.time() * 7919 + id)
end

function request()
	return wrk.format("GET", "/api/v1/incidents/" .. math.random(1, n))
end
