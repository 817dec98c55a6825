-- POST /v1/dossiers: counter intake of a complete dossier at a random commune.
dofile(os.getenv("BENCH_DIR") .. "/common.lua")
local n = 0
function request()
  n = n + 1
  local unit = string.format("BENCH.%02d", math.random(20))
  local body = '{"procedureCode":"2.000884","receivingUnit":"' .. unit .. '","channel":"counter",' ..
    '"applicant":{"fullName":"Nguyễn Văn Bench ' .. n .. '","idNumber":"0011900' .. string.format("%05d", n % 100000) .. '"},' ..
    '"documents":[{"code":"CCCD","name":"Căn cước"},{"code":"GT","name":"Giấy tờ cần chứng thực","digitized":true}]}'
  return wrk.format("POST", "/v1/dossiers", headers, body)
end
