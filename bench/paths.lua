-- wrk script: GET each path of a file in turn (one path a line), each thread
-- starting at a different place, so that a mix of pages is requested in proportion.
--   wrk -t2 -c16 -d15s --latency -s bench/paths.lua http://127.0.0.1:8101 -- paths.txt

local paths = {}
local counter = 0

function init(args)
  for line in io.lines(args[1]) do
    if #line > 0 then
      paths[#paths + 1] = line
    end
  end
  math.randomseed(os.time() + math.floor(os.clock() * 1000000))
  counter = math.random(#paths)
end

function request()
  counter = counter % #paths + 1
  return wrk.format("GET", paths[counter])
end
