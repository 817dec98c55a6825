#!/usr/bin/env python3
"""make faults: the faults the server must survive, run against a real server and PostgreSQL.

1. kill -9 of the server under 32 connections of intake load, then a restart: every intake that got a
   201 is in the database with the code it was answered with, and after the clients retry what went
   unanswered with the same Idempotency-Key, every attempt is exactly one dossier.
2. PostgreSQL restarted under load: while it is down every answer is a 503 problem (never a 500, never
   a hang past the pool timeout); after it is back the server answers 200/201 again by itself, within
   seconds, without a restart.

Usage: scripts/faults.py BIN_DIR   (the folder of a built motcua-server; make faults passes the debug one)
Exit status 0 when every check held; the log says what was seen.
"""
import http.client
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid

BIN = sys.argv[1] if len(sys.argv) > 1 else ".build/debug"
DIR = "/tmp/motcua-faults"
PG_PORT = 25800  # below the ephemeral port range, so no outgoing connection holds it
HTTP_PORT = 18190
DB = f"postgresql://postgres@127.0.0.1:{PG_PORT}/postgres"
USER, PASSWORD, UNIT, PROCEDURE = "tiepnhan.tanphu", "motcua-demo-2026", "H15.50.05.13", "1.004873"
failures = []


def log(message):
    print(message, flush=True)


def check(condition, message):
    log(("   ok   " if condition else "   FAIL ") + message)
    if not condition:
        failures.append(message)


def pg_bin():
    try:
        return subprocess.check_output(["pg_config", "--bindir"], text=True).strip()
    except (OSError, subprocess.CalledProcessError):
        newest = sorted(os.listdir("/usr/lib/postgresql"), key=lambda v: [int(p) for p in v.split(".") if p.isdigit()])[-1]
        return f"/usr/lib/postgresql/{newest}/bin"


PG = pg_bin()


def as_pg(*command):
    prefix = ["runuser", "-u", "postgres", "--"] if os.getuid() == 0 else []
    return subprocess.run(prefix + list(command), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def pg_ctl(action, *extra):
    as_pg(f"{PG}/pg_ctl", "-D", f"{DIR}/data", "-l", f"{DIR}/postgres.log", "-w", "-t", "60", *extra, action)


def start_postgres():
    shutil.rmtree(DIR, ignore_errors=True)
    os.makedirs(f"{DIR}/data")
    if os.getuid() == 0:
        shutil.chown(DIR, "postgres", "postgres")
        shutil.chown(f"{DIR}/data", "postgres", "postgres")
    os.chmod(f"{DIR}/data", 0o700)
    as_pg(f"{PG}/initdb", "-D", f"{DIR}/data", "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8")
    # Durable settings (fsync and synchronous_commit stay on): an acknowledged intake must survive.
    pg_ctl("start", "-o", f"-p {PG_PORT} -k {DIR} -c listen_addresses=127.0.0.1 -c max_connections=100")


def psql(sql):
    return subprocess.check_output(["psql", "-X", "-At", "-v", "ON_ERROR_STOP=1", DB, "-c", sql], text=True).strip()


class Server:
    def __init__(self):
        self.process = None

    def start(self):
        env = dict(os.environ, DATABASE_URL=DB, MOTCUA_PORT=str(HTTP_PORT), MOTCUA_SEED_DEMO="true", MOTCUA_LOG_LEVEL="warning",
                   MOTCUA_DB_POOL_SIZE="16", MOTCUA_DB_POOL_TIMEOUT_MS="2000", MOTCUA_SWEEP_INTERVAL_SECONDS="0",
                   MOTCUA_BCRYPT_COST="4")
        self.log = open(f"{DIR}/server.log", "a")
        self.process = subprocess.Popen([f"{BIN}/motcua-server", "serve"], env=env, stdout=self.log, stderr=self.log)
        deadline = time.time() + 120
        while time.time() < deadline:
            status, _, _ = request("GET", "/health/ready", timeout=2)
            if status == 200:
                return
            time.sleep(0.2)
        raise SystemExit("the server did not become ready; see " + DIR + "/server.log")

    def kill9(self):
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=30)


def request(method, path, body=None, token=None, headers=None, timeout=15):
    """(status, headers, body) of one request on a new connection; status 0 when the connection failed."""
    connection = http.client.HTTPConnection("127.0.0.1", HTTP_PORT, timeout=timeout)
    all_headers = dict(headers or {})
    if token:
        all_headers["Authorization"] = "Bearer " + token
    data = None
    if body is not None:
        data = json.dumps(body).encode()
        all_headers["Content-Type"] = "application/json"
    try:
        connection.request(method, path, body=data, headers=all_headers)
        response = connection.getresponse()
        return response.status, dict(response.getheaders()), response.read()
    except (OSError, http.client.HTTPException):
        return 0, {}, b""
    finally:
        connection.close()


def login():
    status, _, body = request("POST", "/v1/auth/tokens", {"username": USER, "password": PASSWORD})
    assert status == 201, (status, body)
    return json.loads(body)["token"]


def intake_body(marker):
    return {"procedureCode": PROCEDURE, "receivingUnit": UNIT, "channel": "counter",
            "applicant": {"fullName": marker, "idNumber": "001190012345", "address": "12 Lê Lợi"},
            "documents": [{"code": "TK", "name": "Tờ khai"}, {"code": "CCCD", "name": "Căn cước công dân"}]}


def intake(token, key, marker):
    status, _, body = request("POST", "/v1/dossiers", intake_body(marker), token, {"Idempotency-Key": key})
    code = json.loads(body)["code"] if status == 201 else None
    return status, code, body


def kill_under_intake_load(server):
    log("== 1. kill -9 under 32 connections of intake load")
    token = login()
    run = uuid.uuid4().hex[:8]
    answered, pending, statuses = {}, {}, []
    lock = threading.Lock()
    stop = threading.Event()

    def client(index):
        n = 0
        while not stop.is_set():
            key, marker = f"{run}-{index}-{n}", f"Lỗi {run} {index} {n}"
            n += 1
            status, code, _ = intake(token, key, marker)
            with lock:
                statuses.append(status)
                if status == 201:
                    answered[key] = code
                else:
                    pending[key] = marker  # no answer (or not a 201): retried after the restart

    threads = [threading.Thread(target=client, args=(i,)) for i in range(32)]
    for thread in threads:
        thread.start()
    time.sleep(4)
    server.kill9()
    stop.set()
    log(f"   killed the server after {len(answered)} acknowledged intakes")
    for thread in threads:
        thread.join()
    check(len(answered) > 50, f"intakes were acknowledged under load before the kill ({len(answered)})")
    check(all(s in (201, 503, 0) for s in statuses), "before the kill every answer was a 201, a 503 or none: " + str(sorted(set(statuses))))

    server.start()
    token = login()
    retried = {}
    for key, marker in pending.items():
        status, code, body = intake(token, key, marker)
        if status != 201:
            check(False, f"retry of {key} with its Idempotency-Key is 201 ({status} {body[:120]!r})")
        retried[key] = code
    log(f"   retried {len(pending)} unanswered intakes after the restart")
    rows = psql(f"SELECT applicant_name || '|' || code FROM dossiers WHERE applicant_name LIKE 'Lỗi {run} %'").splitlines()
    stored = {}
    for row in rows:
        name, code = row.rsplit("|", 1)
        stored.setdefault(name, []).append(code)
    markers = {f"Lỗi {run} {k.split('-')[1]} {k.split('-')[2]}": k for k in list(answered) + list(retried)}
    check(all(len(codes) == 1 for codes in stored.values()), "no intake is stored twice")
    lost = [k for k, code in answered.items() if stored.get(f"Lỗi {run} {k.split('-')[1]} {k.split('-')[2]}") != [code]]
    check(not lost, f"every acknowledged intake is stored with the code it was answered with ({len(answered)} checked, {len(lost)} missing)")
    check(all(markers.get(name) for name in stored), "every stored dossier belongs to an attempt of the load")
    check(len(stored) == len(answered) + len(retried), f"attempts = dossiers ({len(answered) + len(retried)} vs {len(stored)})")
    # A replay answers the original code.
    if answered:
        key, code = next(iter(answered.items()))
        status, replayed, _ = intake(token, key, f"Lỗi {run} {key.split('-')[1]} {key.split('-')[2]}")
        check(status == 201 and replayed == code, "a replayed key answers the original code")


def postgres_restart_under_load(server):
    log("== 2. PostgreSQL restarted under load")
    token = login()
    run = uuid.uuid4().hex[:8]
    status, code, _ = intake(token, f"{run}-seed", f"Khởi động lại {run}")
    assert status == 201
    results = []  # (time, status, seconds, body)
    lock = threading.Lock()
    stop = threading.Event()

    def client(index):
        n = 0
        while not stop.is_set():
            started = time.time()
            if n % 2:
                status, headers, body = request("GET", f"/v1/dossiers/{code}", token=token)
            else:
                status, headers, body = request("GET", "/health/ready")
            n += 1
            with lock:
                results.append((started, status, time.time() - started, headers.get("Content-Type", ""), body[:200]))
            time.sleep(0.02)

    threads = [threading.Thread(target=client, args=(i,)) for i in range(16)]
    for thread in threads:
        thread.start()
    time.sleep(1.5)
    down_at = time.time()
    pg_ctl("stop", "-m", "fast")
    log("   PostgreSQL stopped")
    time.sleep(4)
    pg_ctl("start", "-o", f"-p {PG_PORT} -k {DIR} -c listen_addresses=127.0.0.1 -c max_connections=100")
    up_at = time.time()
    log("   PostgreSQL started again")
    recovered_at = None
    deadline = up_at + 30
    while time.time() < deadline and recovered_at is None:
        status, _, _ = request("GET", f"/v1/dossiers/{code}", token=token)
        if status == 200:
            recovered_at = time.time()
        else:
            time.sleep(0.1)
    time.sleep(1)
    stop.set()
    for thread in threads:
        thread.join()
    during = [r for r in results if down_at + 0.5 < r[0] < up_at]
    check(len(during) > 20, f"requests were answered while PostgreSQL was down ({len(during)})")
    check(all(r[1] in (200, 503) for r in results), "no answer other than 200 or 503: no 500, no dropped connection "
          + str(sorted({r[1] for r in results})))
    check(all(r[1] != 503 or "application/problem+json" in r[3] for r in results), "every 503 is a problem document")
    check(not any(b"SELECT" in r[4] or b"postgres" in r[4].lower() for r in results), "no answer shows SQL or database internals")
    check(max(r[2] for r in results) < 10, f"no request hung (slowest {max(r[2] for r in results):.1f} s; pool timeout 2 s)")
    check(any(r[1] == 503 for r in during), "while down the server says 503")
    check(recovered_at is not None and recovered_at - up_at < 15,
          f"the server recovered by itself {recovered_at - up_at:.1f} s after PostgreSQL came back" if recovered_at else "the server recovered")
    status, code2, body = intake(token, f"{run}-after", f"Sau khởi động lại {run}")
    check(status == 201, f"an intake after the restart is stored ({status})")


def main():
    log(f"== PostgreSQL at {DB}, server {BIN}/motcua-server on port {HTTP_PORT}")
    start_postgres()
    server = Server()
    try:
        server.start()
        kill_under_intake_load(server)
        postgres_restart_under_load(server)
    finally:
        server.stop()
        try:
            pg_ctl("stop", "-m", "immediate")
        except subprocess.CalledProcessError:
            pass
    if failures:
        log(f"== {len(failures)} check(s) failed; logs in {DIR}")
        sys.exit(1)
    shutil.rmtree(DIR, ignore_errors=True)
    log("== every fault was survived")


if __name__ == "__main__":
    main()
