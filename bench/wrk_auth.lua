-- wrk script: every request carries the bench's access token (BENCH_TOKEN) as a Bearer header.
wrk.headers["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN")
