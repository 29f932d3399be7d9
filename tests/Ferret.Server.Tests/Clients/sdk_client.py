"""Drives ferret serve's REST API with splunk-sdk-python, as a user's script would; prints one JSON document.

usage: sdk_client.py PORT PASSWORD oneshot SPL
       sdk_client.py PORT PASSWORD xml-oneshot SPL
       sdk_client.py PORT PASSWORD dispatch SAVED_SEARCH_NAME EARLIEST LATEST
       sdk_client.py PORT PASSWORD job SPL
"""
import json
import sys
import time

import splunklib.client as client
import splunklib.results as results


def main():
    port, password, command = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    service = client.connect(host="127.0.0.1", port=port, username="admin", password=password, verify=False)
    if command == "oneshot":
        reader = results.JSONResultsReader(service.jobs.oneshot(sys.argv[4], output_mode="json", count=0))
        print(json.dumps([r for r in reader if isinstance(r, dict)]))
    elif command == "xml-oneshot":
        reader = results.ResultsReader(service.jobs.oneshot(sys.argv[4], count=0))
        print(json.dumps([dict(r) for r in reader if isinstance(r, dict)]))
    elif command == "dispatch":
        saved = service.saved_searches[sys.argv[4]]
        job = saved.dispatch(**{"dispatch.earliest_time": sys.argv[5], "dispatch.latest_time": sys.argv[6], "trigger_actions": "1"})
        wait(job)
        rows = [r for r in results.JSONResultsReader(job.results(output_mode="json", count=0)) if isinstance(r, dict)]
        print(json.dumps({"name": saved.name, "cron_schedule": saved["cron_schedule"], "dispatchState": job["dispatchState"],
                          "resultCount": int(job["resultCount"]), "rows": len(rows)}))
    elif command == "job":
        job = service.jobs.create(sys.argv[4])
        wait(job)
        rows = [r for r in results.JSONResultsReader(job.results(output_mode="json", count=0)) if isinstance(r, dict)]
        print(json.dumps({"isDone": job["isDone"], "resultCount": int(job["resultCount"]), "rows": rows}))
    else:
        raise SystemExit(f"unknown command {command}")


def wait(job):
    deadline = time.time() + 120
    while not job.is_done():
        if time.time() > deadline:
            raise SystemExit("job did not finish in 120 s")
        time.sleep(0.2)


if __name__ == "__main__":
    main()
