-- wrk: a DPoP-bound token (DPOP_TOKEN) with a fresh single-use proof from the pool (PROOFS, one a line) per request.
-- Each wrk thread has its own Lua state, so run it with -t1: one thread walks the pool, never replaying a proof.
-- Every wrk run starts a new Lua state: PROOF_OFFSET (the proofs earlier runs used) says where this one begins.
local proofs = {}
for line in io.lines(os.getenv("PROOFS")) do
  proofs[#proofs + 1] = line
end
local token = os.getenv("DPOP_TOKEN")
local i = tonumber(os.getenv("PROOF_OFFSET") or "0")
request = function()
  i = i % #proofs + 1
  local headers = {}
  for name, value in pairs(wrk.headers) do
    headers[name] = value
  end
  headers["Authorization"] = "DPoP " .. token
  headers["DPoP"] = proofs[i]
  return wrk.format("GET", nil, headers)
end
