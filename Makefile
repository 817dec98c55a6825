# The README's commands. Each installs what is missing first.
SWIFT ?= swift
TEST_DB_DIR ?= /tmp/motcua-test-db
TEST_DB_PORT ?= 55432

.PHONY: run test bench build deps tools contract clean faults fuzz

deps:
	@scripts/install-deps.sh

tools:
	@scripts/install-deps.sh --with-tools

build: deps
	$(SWIFT) build

## Builds and starts the server on the embedded database (.motcua/) with demo data.
run: deps
	$(SWIFT) build -c release --product motcua-server
	.build/release/motcua-server serve

## Everything CI checks: the contract, the compose file, the whole test suite on a throwaway PostgreSQL,
## the faults the server must survive, and a contract fuzz of over 1,000 requests.
test: tools
	.venv/bin/openapi-spec-validator openapi.yaml
	MOTCUA_DB_PASSWORD=x MOTCUA_APP_DB_PASSWORD=y docker-compose -f docker-compose.yml config --quiet
	@# No default passwords: without them the compose file must refuse to start.
	@! env -u MOTCUA_DB_PASSWORD -u MOTCUA_APP_DB_PASSWORD docker-compose -f docker-compose.yml config --quiet 2>/dev/null
	$(SWIFT) build --build-tests
	scripts/check-client-api.sh
	@url=$$(scripts/test-db.sh start $(TEST_DB_DIR) $(TEST_DB_PORT)); \
	  trap 'scripts/test-db.sh stop $(TEST_DB_DIR)' EXIT; \
	  DATABASE_URL=$$url MOTCUA_CHROMIUM=/usr/bin/chromium $(SWIFT) test --skip-build --skip MotCuaExplainTests && \
	  echo "== the list's query plans on 250,000 dossiers" && \
	  DATABASE_URL=$$url $(SWIFT) test --skip-build --filter MotCuaExplainTests
	python3 scripts/faults.py .build/debug
	scripts/fuzz.sh .build/debug

## kill -9 under intake load and PostgreSQL restarted under load (scripts/faults.py).
faults: tools
	$(SWIFT) build --product motcua-server
	python3 scripts/faults.py .build/debug

## A longer contract fuzz than make test's (FUZZ_EXAMPLES examples per operation and phase).
fuzz: tools
	$(SWIFT) build --product motcua-server
	FUZZ_EXAMPLES=$${FUZZ_EXAMPLES:-40} scripts/fuzz.sh .build/debug

## The benchmark of issues 5/6/7/14 (server on a private database: wrk against it, pgbench on its own SQL per operation).
bench: tools
	scripts/bench.sh

clean:
	rm -rf .build .venv
