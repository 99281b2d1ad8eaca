-- The fields.yml walk for wrk (the issue's load client): a fresh GET of the first screen (no
-- cookie), then the answer POST with that GET's cookie and tokens, sent on whichever
-- connection is free next; any -t/-c. Prints how many GETs and POSTs were made and how many
-- answers were not taken (a POST that did not reach "All done").
--   wrk -t2 -c8 -d8s -s bench/wrk-walk.lua http://127.0.0.1:8080
-- (the server started with --packages ../shared/docassemble-examples/packages).
-- WALK_PATH and WALK_BODY (the answers, without _csrf and _question) point it elsewhere.
local path = os.getenv("WALK_PATH") or "/interview?i=docassemble.base:data/questions/examples/fields.yml"
local fields = os.getenv("WALK_BODY") or "dXNlcl9kZXNjcmlwdGlvbg=tall&dXNlcl9hbm51YWxfaW5jb21l=5000&dXNlcl9lbWFpbF9hZGRyZXNz=a%40example.com&dHVybmlwX3JhdGluZw=6&YmVsbHlfYnV0dG9u=0&bnVtX2ZyaWVuZHM=0&X25vdGFfZGVncmVlcw=True&aG9tZV9zdGF0ZQ=0&cG9saXRpY2FsX3ZpZXdz=none&cG9saXRpY2FsX3BhcnR5=0"
local ready = {}
gets, posts, bad = 0, 0, 0
local threads = {}
function setup(thread) table.insert(threads, thread) end
function request()
  local r = table.remove(ready)
  if not r then
    return wrk.format("GET", path, {})
  end
  return wrk.format("POST", path, {["Cookie"] = r[1], ["Content-Type"] = "application/x-www-form-urlencoded"},
    "_csrf=" .. r[2] .. "&_question=" .. r[3] .. "&" .. fields)
end
function response(status, headers, body)
  local sc = headers["set-cookie"] or headers["Set-Cookie"] or ""
  local cookie = sc:match("^([^;]+)") or ""
  if cookie:sub(-4) == ".new" then
    gets = gets + 1
    local csrf = body:match('name="_csrf" value="(%x+)"')
    local q = body:match('name="_question" value="([^"]*)"')
    if csrf and q then table.insert(ready, {cookie, csrf, q}) else bad = bad + 1 end
  else
    posts = posts + 1
    if status ~= 200 or not body:find('All done', 1, true) then bad = bad + 1 end
  end
end
function done(summary, latency, requests)
  local g, p, b = 0, 0, 0
  for _, t in ipairs(threads) do g = g + t:get("gets"); p = p + t:get("posts"); b = b + t:get("bad") end
  io.stderr:write(string.format("walk: gets %d posts %d bad %d\n", g, p, b))
end
