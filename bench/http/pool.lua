-- wrk: a fresh token from the pool for every request (TOKENS names the file, one token a line).
local tokens = {}
for line in io.lines(os.getenv("TOKENS")) do
  tokens[#tokens + 1] = line
end
local i = 0
request = function()
  i = i % #tokens + 1
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  headers["Authorization"] = "Bearer " .. tokens[i]
  return wrk.format("GET", nil, headers)
end
